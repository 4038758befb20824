// What templateFigures hands back and the steps both of its paths (general and fast) take to get
// there: variables resolved with their assumptions, branch picks and their labels, variants
// counted, each case's figure, and the sample case checked against best and worst. The messages
// that explain the figures are written when first read (the editor measures each body up to
// three times and shows the reason once).
import { septetsOf, type SegmentSizes } from '../segments';
import type { Range } from '../types';
import type { Assumption, Figure, TemplateFigures, ValueChoice, VariableReport, VariantFigures, Widening } from './figures';
import { BEST, compare, quickCount, renderedCount, uniformCount, SAMPLE, WORST, type FigureCount, type Picks, type Scenario, type Variant, type VariableValues } from './measure';
import type { BranchPart, BranchTest, ValueKind, VariablePart } from './types';
import { resolveFrom, slotOf, withRanges, type AssumedField, type Resolution, type ResolvedVariable, type VariableCharset, type VariableDefaults, type VariableMeta } from './variables';

export interface Label {
  readonly text: string;
  readonly kind: 'branch' | 'repeat';
}

export const NO_LABELS: readonly Label[] = [];
const NO_NAMES: readonly string[] = [];

const NOT_YET = undefined as unknown as Resolution;

/** One printed variable: what the body says about it, then (once resolved) its metadata and
 * the value the sample case prints. It is also the figures' report of the variable: the
 * remembered resolution's metadata with this body's ranges, without a copy per body. */
export class VariableInfo implements VariableValues, VariableReport {
  readonly name: string;
  valueKind: ValueKind;
  /** The first placeholder printing it, and the others (most variables are printed once). */
  readonly range: Range;
  private more: Range[] | undefined = undefined;
  private listed: readonly Range[] | undefined = undefined;
  hasDefault: boolean;
  /** What the sample case prints: the sample, '' when a `default` filter prints instead. */
  sampleText: string | undefined = undefined;
  /** The remembered resolution (its `r` was made for another body: read ranges here). */
  resolution: Resolution = NOT_YET;

  constructor(p: VariablePart) {
    this.name = p.name;
    this.valueKind = p.valueKind;
    this.range = p.range;
    this.hasDefault = hasDefault(p);
  }

  /** Where it is printed in the body, made when first read. */
  get ranges(): readonly Range[] {
    if (this.listed === undefined) this.listed = this.more === undefined ? [this.range] : [this.range, ...this.more];
    return this.listed;
  }

  /** Another placeholder printing it. */
  addRange(r: Range): void {
    (this.more ??= []).push(r);
    this.listed = undefined;
  }

  get r(): ResolvedVariable {
    return this.resolution.r;
  }
  get minLength(): number {
    return this.resolution.r.minLength;
  }
  get maxLength(): number {
    return this.resolution.r.maxLength;
  }
  get charset(): VariableCharset {
    return this.resolution.r.charset;
  }
  get sample(): string | undefined {
    return this.resolution.r.sample;
  }
  get assumed(): readonly AssumedField[] {
    return this.resolution.r.assumed;
  }
  get mayBeUnicode(): boolean {
    return this.resolution.r.mayBeUnicode;
  }

  /** The resolved variable at this body's ranges, as the report was before it was this object. */
  toJSON(): ResolvedVariable {
    return withRanges(this.resolution.r, this.ranges);
  }
}

/** Adds another placeholder printing the same variable. */
export function addUse(v: VariableInfo, p: VariablePart): void {
  // Text wins over number: one textual use means the value may be any text.
  if (p.valueKind === 'text') v.valueKind = 'text';
  v.addRange(p.range);
  if (!v.hasDefault) v.hasDefault = hasDefault(p);
}

/** Index of `p`'s variable in `vars` (printed variables in body order), added at its first use;
 * the fast paths' bodies print few variables, so a scan beats hashing each name. */
export function varIndex(vars: VariableInfo[], p: VariablePart): number {
  const n = vars.length;
  if (n < INDEXED_FROM) {
    for (let i = 0; i < n; i++) {
      if (vars[i]!.name === p.name) {
        addUse(vars[i]!, p);
        return i;
      }
    }
  } else {
    // A body with thousands of names would make the scan quadratic: past a few, names are indexed.
    let index = nameIndexes.get(vars);
    if (!index) {
      index = new Map();
      for (let i = 0; i < n; i++) index.set(vars[i]!.name, i);
      nameIndexes.set(vars, index);
    }
    const i = index.get(p.name);
    if (i !== undefined) {
      addUse(vars[i]!, p);
      return i;
    }
    index.set(p.name, n);
  }
  vars.push(new VariableInfo(p));
  return n;
}

/** The variable named `name` in a list of printed variables (as varIndex grows them): a scan
 * for a few names, past that the name index varIndex keeps (made here if it has none). */
export function findVar(vars: readonly VariableInfo[], name: string): VariableInfo | undefined {
  if (vars.length < INDEXED_FROM) {
    for (const v of vars) if (v.name === name) return v;
    return undefined;
  }
  let index = nameIndexes.get(vars);
  if (!index) {
    index = new Map();
    for (let i = 0; i < vars.length; i++) index.set(vars[i]!.name, i);
    nameIndexes.set(vars, index);
  }
  const i = index.get(name);
  return i === undefined ? undefined : vars[i];
}

/** varIndex scans up to this many names; the lists it grows are only ever pushed to. */
const INDEXED_FROM = 16;
const nameIndexes = new WeakMap<readonly VariableInfo[], Map<string, number>>();

function hasDefault(p: VariablePart): boolean {
  for (const f of p.filters) if (f.op?.op === 'default') return true;
  return false;
}

/** Resolves `v` against its metadata; true when it has a sample. What was assumed or corrected
 * is listed from it when the figures' assumptions are first read (variableAssumptions). */
export function resolveInfo(v: VariableInfo, vars: Readonly<Record<string, VariableMeta>>, defaults: Required<VariableDefaults>): boolean {
  const res = resolveFrom(v.name, v, vars, defaults, septetsOf);
  v.resolution = res;
  const sample = res.r.sample;
  if (sample !== undefined) {
    v.sampleText = sample;
    return true;
  }
  if (v.hasDefault) v.sampleText = ''; // prints the default text
  return false;
}

/** What was assumed or corrected about resolved variables, in their order. */
function variableAssumptions(vars: readonly VariableInfo[], out: Assumption[]): void {
  for (const v of vars) {
    const { name, r } = v;
    const range = v.range;
    // The messages read the metadata only; the ranges are this body's.
    if (v.resolution.lengthAssumed) out.push(new VariableAssumption('variable-length-unknown', r, range));
    if (r.mayBeUnicode) out.push(new VariableAssumption('variable-may-be-unicode', r, range));
    for (const a of r.adjustments) out.push({ code: 'metadata-adjusted', variable: name, message: `'${name}': ${a}`, range });
  }
}

/** Branch groups in pre-order (picks are stored by their index), the labels of their arms, and
 * the arm the sample values take. */
export abstract class Choices {
  readonly groups: BranchPart[] = [];
  /** Label texts per group and arm, made when first read (the shallow path names arms itself). */
  private labels: (string[] | undefined)[] | undefined;

  constructor(
    readonly meta: Readonly<Record<string, VariableMeta>>,
    readonly locale: string,
  ) {}

  /** The sample case's value of a printed variable (undefined when not printed or no sample). */
  protected abstract printedSample(name: string): string | undefined;

  pickLabel(g: number, i: number): string {
    const l = ((this.labels ??= [])[g] ??= new Array<string>(this.groups[g]!.branches.length));
    const p = this.groups[g]!;
    return (l[i] ??= armLabel(p, i));
  }

  labelsOf(picks: Picks): string[] {
    const out: string[] = [];
    for (let i = 0; i < picks.length; i += 2) out.push(this.pickLabel(picks[i]!, picks[i + 1]!));
    return out;
  }

  /** Arm index per branch group (first arm where a group has no pick). */
  dense(picks: Picks): number[] {
    if (this.groups.length === 0) return [];
    const arms = new Array<number>(this.groups.length).fill(0);
    for (let i = 0; i < picks.length; i += 2) arms[picks[i]!] = picks[i + 1]!;
    return arms;
  }

  /** The first arm whose test holds or cannot be evaluated from the samples. */
  sampleArm(p: BranchPart): number {
    const branches = p.branches;
    for (let i = 0; i < branches.length; i++) if (this.evaluate(branches[i]!.test) !== false) return i;
    return 0;
  }

  private sampleOf(name: string): string | undefined {
    return configuredSample(this.meta, name) ?? this.printedSample(name);
  }

  /** true / false, or undefined when it cannot be told from the samples. */
  private evaluate(t: BranchTest): boolean | undefined {
    switch (t.type) {
      case 'otherwise':
        return true;
      case 'opaque':
        return undefined;
      case 'truthy':
      case 'falsy': {
        const s = this.sampleOf(t.name);
        if (s === undefined) return undefined;
        const truthy = s !== '' && s !== 'false';
        return t.type === 'truthy' ? truthy : !truthy;
      }
      case 'equals': {
        const s = this.sampleOf(t.name);
        return s === undefined ? undefined : t.values.includes(s);
      }
      case 'plural': {
        const s = this.sampleOf(t.name);
        const n = s === undefined || s.trim() === '' ? NaN : Number(s);
        if (!Number.isFinite(n)) return undefined;
        if (t.selector.startsWith('=')) return Number(t.selector.slice(1)) === n;
        return pluralCategory(n - t.offset, this.locale, t.ordinal) === t.selector;
      }
    }
  }
}

/** Configured samples lately read, by the slot of their name (as variables.ts keeps recent
 * resolutions): a body's names are fresh strings, which a property read must find in V8's string
 * table first, and metadata objects come in many shapes. Metadata is read as immutable. */
interface KnownSample {
  readonly key: string;
  readonly vars: object;
  readonly sample: string | undefined;
}
const SAMPLES: (KnownSample | undefined)[] = new Array<KnownSample | undefined>(128).fill(undefined);

function configuredSample(vars: Readonly<Record<string, VariableMeta>>, name: string): string | undefined {
  const slot = slotOf(name);
  const e = SAMPLES[slot];
  if (e !== undefined && e.vars === vars && e.key === name) return e.sample;
  const m = Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : undefined;
  const sample = typeof m?.sample === 'string' ? m.sample : undefined;
  SAMPLES[slot] = { key: name, vars, sample };
  return sample;
}

/** The measured variants, and the indices of the cheapest best case and the dearest worst case. */
export interface Counted {
  readonly variants: VariantFigures[];
  readonly bestI: number;
  readonly worstI: number;
}

/** Counts each candidate's best and worst case, from its sums where that is exact, else from
 * `render`'s text; `named`: variants carry their branch labels. */
export function countVariants(
  candidates: readonly Variant[],
  named: boolean,
  choices: Choices,
  sizes: SegmentSizes,
  render: (picks: Picks, sc: Scenario) => string,
  sumsAreTexts = true,
): Counted {
  // Greedy picks keep one case's sums only; the other case's text decides whenever the sums
  // alone cannot (as it always has), so those counts take no packing bound from the sums.
  const count = sumsAreTexts ? quickCount : uniformCount;
  const variants: VariantFigures[] = [];
  let bestI = 0;
  let worstI = 0;
  for (let i = 0; i < candidates.length; i++) {
    const v = candidates[i]!;
    const best = count(v.best, sizes) ?? renderedCount(render(v.picks, BEST), sizes);
    const worst = count(v.worst, sizes) ?? renderedCount(render(v.picks, WORST), sizes);
    variants.push({ variant: named ? choices.labelsOf(v.picks) : [], best, worst });
    if (compare(best, variants[bestI]!.best) < 0) bestI = i;
    if (compare(worst, variants[worstI]!.worst) > 0) worstI = i;
  }
  return { variants, bestI, worstI };
}

/** The arms a case takes: its labels, or the groups and the arm taken in each, named when first
 * read (`if vip: else`; a label text per arm cost more than the case's count). */
export type LabelSource = readonly Label[] | ArmPicks;

export class ArmPicks {
  private named: readonly Label[] | undefined;
  constructor(
    private readonly groups: readonly BranchPart[],
    /** Which combination of arms, in odometer order (the last group turning fastest). */
    private readonly combination: number,
  ) {}

  labels(): readonly Label[] {
    if (this.named === undefined) {
      const groups = this.groups;
      const arms = armsOf(this.combination, groups, new Array<number>(groups.length));
      const out = new Array<Label>(groups.length);
      for (let g = 0; g < groups.length; g++) out[g] = { text: armLabel(groups[g]!, arms[g]!), kind: 'branch' };
      this.named = out;
    }
    return this.named;
  }
}

/** The arms of combination i in odometer order (the last group turning fastest), into `out`. */
export function armsOf(i: number, groups: readonly BranchPart[], out: number[]): number[] {
  for (let g = groups.length - 1; g >= 0; g--) {
    const n = groups[g]!.branches.length;
    out[g] = i % n;
    i = (i - out[g]!) / n;
  }
  return out;
}

export function armLabel(p: BranchPart, i: number): string {
  return `${p.label}: ${p.branches[i]!.label}`;
}

function sourceLabels(src: LabelSource): readonly Label[] {
  return src instanceof ArmPicks ? src.labels() : src;
}

/** One case's figure, with the variables it lacks a sample for and the arms it takes. */
export interface CaseFigure {
  readonly fig: Figure;
  readonly missing: readonly string[];
  readonly labels: LabelSource;
}

/** The figure of case `sc` from its count, the variables it prints (the first `count` of
 * `printed`, which the caller no longer changes) and the arms it takes. */
export function caseFigure(sc: Scenario, c: FigureCount, printed: readonly VariableInfo[], labels: LabelSource, count = printed.length): CaseFigure {
  let missing: string[] | undefined;
  if (sc === SAMPLE) for (let i = 0; i < count; i++) if (printed[i]!.sampleText === undefined) (missing ??= []).push(printed[i]!.name);
  return { fig: new CaseFigureOf(c, sc, printed, count, labels), missing: missing ?? NO_NAMES, labels };
}

/** caseFigure for a case whose printed variables all have what it prints (checked already). */
export function completeCase(sc: Scenario, c: FigureCount, printed: readonly VariableInfo[], labels: LabelSource, count: number): CaseFigure {
  return { fig: new CaseFigureOf(c, sc, printed, count, labels), missing: NO_NAMES, labels };
}

/** A case's figure: the count, and its values and arms listed when first read (only JSON output
 * and the worst case's reason read them). */
class CaseFigureOf implements Figure {
  readonly encoding: FigureCount['encoding'];
  readonly units: number;
  readonly segments: number;
  readonly length: number;
  private listedValues: readonly ValueChoice[] | undefined;
  private listedVariant: readonly string[] | undefined;

  constructor(
    c: FigureCount,
    private readonly sc: Scenario,
    private readonly printed: readonly VariableInfo[],
    private readonly count: number,
    private readonly arms: LabelSource,
  ) {
    this.encoding = c.encoding;
    this.units = c.units;
    this.segments = c.segments;
    this.length = c.length;
  }

  get values(): readonly ValueChoice[] {
    return (this.listedValues ??= valuesOf(this.sc, this.printed, this.count));
  }

  get variant(): readonly string[] {
    if (this.listedVariant === undefined) {
      const labels = sourceLabels(this.arms);
      const variant = new Array<string>(labels.length);
      for (let i = 0; i < labels.length; i++) variant[i] = labels[i]!.text;
      this.listedVariant = variant;
    }
    return this.listedVariant;
  }

  toJSON(): Figure {
    const { encoding, units, segments, length, variant, values } = this;
    return { encoding, units, segments, length, variant, values };
  }
}

/** The values case `sc` prints for the first `count` of `printed` (those with a sample, in the
 * sample case). */
function valuesOf(sc: Scenario, printed: readonly VariableInfo[], count: number): ValueChoice[] {
  const values: ValueChoice[] = [];
  for (let i = 0; i < count; i++) {
    const v = printed[i]!;
    const { name, r } = v;
    const sample = v.sampleText;
    if (sc === SAMPLE) {
      if (sample === undefined) continue;
      // A default filter's text is printed instead of a sample: not the remembered choice.
      if (sample !== r.sample) values.push({ name, length: sample.length, charset: r.charset, source: 'sample' });
      else values.push((v.resolution.choices[SAMPLE] ??= { name, length: sample.length, charset: r.charset, source: 'sample' }));
    } else {
      values.push((v.resolution.choices[sc] ??= {
        name,
        length: sc === BEST ? r.minLength : r.maxLength,
        charset: sc === BEST || !r.mayBeUnicode ? 'gsm' : 'unicode',
        source: sc === BEST ? 'minLength' : 'maxLength',
      }));
    }
  }
  return values;
}

/** The variants, or how to list them when first read: only JSON output reads them, and naming
 * every combination cost more than counting it. */
type VariantList = readonly VariantFigures[] | (() => readonly VariantFigures[]);

/** What the figures hold besides the three cases. */
export interface Measured {
  readonly variants: VariantList;
  readonly variantCount: number;
  /** The printed variables in body order, resolved: the report of each, and their assumptions
   * come first. */
  readonly variables: readonly VariableInfo[];
  /** Assumptions about the whole template so far (the sample's are added, then `later`). */
  readonly assumptions: Assumption[] | undefined;
  /** Some printed variable has a sample. */
  readonly anySample: boolean;
}

/** The figures: the sample case when every printed variable has a sample, and best and worst
 * widened to it where it falls outside them. */
export function finishFigures(best: CaseFigure, worst: CaseFigure, s: CaseFigure, m: Measured, later?: readonly Assumption[]): Figures {
  const assumptions = m.assumptions ?? [];
  let sample: Figure | undefined;
  if (s.missing.length === 0) sample = s.fig;
  else if (m.anySample) {
    assumptions.push({ code: 'no-sample', message: `No sample case: no sample for ${s.missing.map((n) => `'${n}'`).join(', ')}` });
  }
  if (sample && compare(sample, worst.fig) > 0) {
    assumptions.push({ code: 'sample-outside-range', message: 'The sample costs more than the worst case built from the declared lengths; the worst case is the sample' });
    worst = s;
  }
  if (sample && compare(sample, best.fig) < 0) {
    assumptions.push({ code: 'sample-outside-range', message: 'The sample costs less than the best case built from the declared lengths; the best case is the sample' });
    best = s;
  }
  if (later) for (const a of later) assumptions.push(a);
  return new Figures(best.fig, worst.fig, sample, m.variants, m.variantCount, m.variables, assumptions, worst.labels, best.labels);
}

/** An assumption about one variable; the message is written when read. */
export class VariableAssumption implements Assumption {
  readonly variable: string;
  constructor(
    readonly code: 'variable-length-unknown' | 'variable-may-be-unicode',
    private readonly r: ResolvedVariable,
    readonly range: Range,
  ) {
    this.variable = r.name;
  }

  get message(): string {
    const r = this.r;
    if (this.code === 'variable-may-be-unicode') {
      return `'${r.name}' may hold characters outside GSM-7${r.assumed.includes('charset') ? ' (defaultCharset)' : ''}: the worst case is UCS-2`;
    }
    const noMin = r.assumed.includes('minLength');
    const noMax = r.assumed.includes('maxLength');
    const what = noMin && noMax
      ? `minLength ${r.minLength} (defaultMinLength) and maxLength ${r.maxLength} (defaultMaxLength)`
      : noMin ? `minLength ${r.minLength} (defaultMinLength)` : `maxLength ${r.maxLength} (defaultMaxLength)`;
    return `'${r.name}' has no declared length; assumed ${what}`;
  }

  toJSON(): Assumption {
    return { code: this.code, message: this.message, variable: this.variable, range: this.range };
  }
}

/** The figures; what widens the worst case and why are written when first read (the editor
 * measures each body up to three times and shows the reason once). */
export class Figures implements TemplateFigures {
  private why: { widening: Widening[]; worstReason: string } | undefined;

  constructor(
    readonly best: Figure,
    readonly worst: Figure,
    readonly sample: Figure | undefined,
    private listed: VariantList,
    readonly variantCount: number,
    readonly variables: readonly VariableInfo[],
    private readonly others: readonly Assumption[],
    private readonly worstLabels: LabelSource,
    private readonly bestLabels: LabelSource,
  ) {}

  private listedAssumptions: Assumption[] | undefined;

  /** Written when first read, like the variants: only JSON output reads them. */
  get assumptions(): readonly Assumption[] {
    if (this.listedAssumptions === undefined) {
      const out: Assumption[] = [];
      variableAssumptions(this.variables, out);
      for (const a of this.others) out.push(a);
      this.listedAssumptions = out;
    }
    return this.listedAssumptions;
  }

  get variants(): readonly VariantFigures[] {
    const l = this.listed;
    return typeof l === 'function' ? (this.listed = l()) : l;
  }

  get widening(): readonly Widening[] {
    return (this.why ??= this.explain()).widening;
  }

  get worstReason(): string {
    return (this.why ??= this.explain()).worstReason;
  }

  private explain(): { widening: Widening[]; worstReason: string } {
    const worst = this.worst;
    const widening: Widening[] = [];
    let valueText = '';
    for (const v of worst.values) {
      const r = findVar(this.variables, v.name)!.r;
      if (!(r.mayBeUnicode || r.maxLength > r.minLength)) continue;
      widening.push({ kind: 'variable', label: `${v.name} (${r.minLength}–${r.maxLength}${r.mayBeUnicode ? ', unicode' : ''})` });
      valueText += `${valueText ? ', ' : ''}${v.name} at ${v.length} chars${v.charset === 'unicode' ? ', unicode' : ''}`;
    }
    const bestLabels = sourceLabels(this.bestLabels);
    for (const l of sourceLabels(this.worstLabels)) if (!bestLabels.some((b) => b.text === l.text)) widening.push({ kind: l.kind, label: l.text });
    const arms = worst.variant.join(', ');
    const reason = arms && valueText ? `${arms} with ${valueText}` : arms || (valueText ? `with ${valueText}` : '');
    const worstReason = `worst: ${worst.segments} segment${worst.segments === 1 ? '' : 's'}, ${worst.encoding}${reason ? `; ${reason}` : ''}`;
    return { widening, worstReason };
  }

  toJSON(): TemplateFigures {
    const { best, worst, sample, variants, variantCount, variables, assumptions, widening, worstReason } = this;
    return { best, worst, sample, variants, variantCount, variables, assumptions, widening, worstReason };
  }
}


/** Plural rules per locale and type, with the categories of the numbers asked so far (samples
 * are a few small numbers; asking Intl each time cost more than the rest of a branch's figures). */
interface Categories {
  readonly rules: Intl.PluralRules;
  readonly known: Map<number, string>;
}

const pluralRules = new Map<string, Categories>();
let lastKey = '';
let last: Categories | undefined;

export function pluralCategory(n: number, locale: string, ordinal: boolean): string {
  const key = ordinal ? `${locale}|o` : locale;
  let c = key === lastKey ? last : pluralRules.get(key);
  if (!c) {
    const type = ordinal ? 'ordinal' : 'cardinal';
    let rules: Intl.PluralRules;
    try {
      rules = new Intl.PluralRules(locale, { type });
    } catch {
      rules = new Intl.PluralRules('en', { type });
    }
    pluralRules.set(key, (c = { rules, known: new Map() }));
  }
  lastKey = key;
  last = c;
  let category = c.known.get(n);
  if (category === undefined) {
    category = c.rules.select(n);
    if (c.known.size < 1_000) c.known.set(n, category);
  }
  return category;
}

