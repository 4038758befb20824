// Every figure for a template is a range: best (shortest values, GSM-7), worst (longest values,
// UCS-2 when a variable may carry non-GSM text), and the sample case when samples exist.
//
// Exactness: each figure is the count of one concrete rendering. When the rendering is free of
// grapheme-joining characters (and, in GSM-7, of extension characters past one segment), the count
// is the same arithmetic countSegments does on such text (uniform 1-unit atoms); otherwise the
// text is rendered and countSegments runs on it.
//
// Worst-case fillers: GSM variables use basic-table characters (1 septet). Filling them with
// extension characters (`€ { } [ ]`, 2 septets) would double every variable and make the worst
// case useless for names, codes and amounts; a sample that does hold extension characters, or
// `extendedInWorst`, switches that variable to `€`. Unicode variables use a 1-unit BMP letter
// (`ë`): lengths are in UTF-16 units, so an emoji value counts 2 per emoji as well; only emoji
// clusters that straddle a segment edge can cost a little more than this worst case.
import { countSegments, DEFAULT_SIZES, septetsOf, type SegmentSizes } from '../segments';
import { isSimpleUnit } from '../segments/graphemes';
import type { Encoding, Range } from '../types';
import type { BranchPart, BranchTest, LiteralPart, Part, RepeatPart, Template, VariablePart } from './types';
import { applyFilters, escapeHtml } from './values';
import {
  collectVariables,
  resolveVariable,
  VARIABLE_DEFAULTS,
  type ResolvedVariable,
  type VariableCharset,
  type VariableDefaults,
  type VariableMeta,
} from './variables';

export interface FigureOptions extends VariableDefaults {
  sizes?: SegmentSizes;
  /** Branch combinations measured one by one; above this, branches are chosen per group. */
  maxVariants?: number;
  /** Locale for plural categories of samples (`one`, `few`…). */
  locale?: string;
  /** Worst GSM case fills variables with 2-septet extension characters. */
  extendedInWorst?: boolean;
}

export interface FigureCount {
  readonly encoding: Encoding;
  /** Septets (GSM-7) or UTF-16 units (UCS-2). */
  readonly units: number;
  readonly segments: number;
  /** UTF-16 length of the rendered text. */
  readonly length: number;
}

export interface ValueChoice {
  readonly name: string;
  /** Length of the value before filters, in UTF-16 units. */
  readonly length: number;
  readonly charset: VariableCharset;
  readonly source: 'minLength' | 'maxLength' | 'sample';
}

export interface Figure extends FigureCount {
  /** Chosen branches, `if vip: else`, `plural count: other`, `each items: 3 items`. */
  readonly variant: readonly string[];
  /** Values of the variables printed in this case; they have no source position. */
  readonly values: readonly ValueChoice[];
}

export interface VariantFigures {
  readonly variant: readonly string[];
  readonly best: FigureCount;
  readonly worst: FigureCount;
}

export interface VariableReport {
  readonly name: string;
  readonly minLength: number;
  readonly maxLength: number;
  readonly charset: VariableCharset;
  readonly sample?: string;
  /** Fields that came from the defaults. */
  readonly assumed: readonly ('minLength' | 'maxLength' | 'charset')[];
  readonly mayBeUnicode: boolean;
  /** Placeholders printing it, in the template body. */
  readonly ranges: readonly Range[];
}

export type AssumptionCode =
  | 'variable-length-unknown'
  | 'variable-may-be-unicode'
  | 'metadata-adjusted'
  | 'repeat-count-unknown'
  | 'variants-capped'
  | 'no-sample'
  | 'sample-outside-range';

export interface Assumption {
  readonly code: AssumptionCode;
  readonly message: string;
  readonly variable?: string;
  /** First placeholder it concerns, for placing a diagnostic. */
  readonly range?: Range;
}

export interface Widening {
  readonly kind: 'variable' | 'branch' | 'repeat';
  readonly label: string;
}

export interface TemplateFigures {
  readonly best: Figure;
  readonly worst: Figure;
  readonly sample?: Figure;
  /** Measured variants (all of them unless `variants-capped`). */
  readonly variants: readonly VariantFigures[];
  /** How many branch combinations the template has (saturates at 1e9). */
  readonly variantCount: number;
  readonly variables: readonly VariableReport[];
  readonly assumptions: readonly Assumption[];
  /** What makes the worst case worse than the best. */
  readonly widening: readonly Widening[];
  /** `worst: plural count: other with first_name at 20 chars, unicode`. */
  readonly worstReason: string;
}

// --- per-text statistics -------------------------------------------------------------------

/** Per UTF-16 unit: bits 0–1 septets; bit 2 may join a grapheme cluster (as count.ts has it);
 * bit 3 not GSM-7; bit 4 GSM extension table. One OR and one add per unit in `measure`. */
const FLAGS = new Uint8Array(0x10000);
for (let u = 0; u < 0x10000; u++) {
  const sp = septetsOf(u);
  FLAGS[u] = sp | (isSimpleUnit(u) ? 0 : 4) | (sp === 0 ? 8 : 0) | (sp === 2 ? 16 : 0);
}

interface Stats {
  len: number;
  septets: number;
  nonGsm: boolean;
  extended: boolean;
  complex: boolean;
}

const zero = (): Stats => ({ len: 0, septets: 0, nonGsm: false, extended: false, complex: false });

function measure(text: string): Stats {
  let septets = 0;
  let or = 0;
  for (let i = 0; i < text.length; i++) {
    const f = FLAGS[text.charCodeAt(i)]!;
    septets += f & 3;
    or |= f;
  }
  return { len: text.length, septets, nonGsm: (or & 8) !== 0, extended: (or & 16) !== 0, complex: (or & 4) !== 0 };
}

function addInto(a: Stats, b: Stats, k = 1): void {
  if (k === 0) return;
  a.len += b.len * k;
  a.septets += b.septets * k;
  a.nonGsm ||= b.nonGsm;
  a.extended ||= b.extended;
  a.complex ||= b.complex;
}

function plus(a: Stats, b: Stats, k = 1): Stats {
  const r = { ...a };
  addInto(r, b, k);
  return r;
}

function uniform(n: number, single: number, multi: number): number {
  return n <= single ? 1 : Math.ceil(n / multi);
}

/** The count from statistics alone, or null when the text must be rendered and counted. */
function quickCount(s: Stats, sizes: SegmentSizes): FigureCount | null {
  if (!s.nonGsm) {
    if (!s.extended || s.septets <= sizes.gsmSingle) {
      return { encoding: 'GSM-7', units: s.septets, segments: uniform(s.septets, sizes.gsmSingle, sizes.gsmMulti), length: s.len };
    }
  } else if (!s.complex || s.len <= sizes.ucs2Single) {
    // Clusters only matter where a segment must be cut; a text that fits one never is.
    return { encoding: 'UCS-2', units: s.len, segments: uniform(s.len, sizes.ucs2Single, sizes.ucs2Multi), length: s.len };
  }
  return null;
}

function renderedCount(text: string, sizes: SegmentSizes): FigureCount {
  const c = countSegments(text, sizes);
  return { encoding: c.encoding, units: c.units, segments: c.segments, length: text.length };
}

/** Orders counts by what a sender pays: segments, then UCS-2 over GSM-7, then units. */
function compare(a: FigureCount, b: FigureCount): number {
  return a.segments - b.segments || (a.encoding === b.encoding ? 0 : a.encoding === 'UCS-2' ? 1 : -1) || a.units - b.units;
}

// --- scenarios -----------------------------------------------------------------------------

const BEST = 0;
const WORST = 1;
const SAMPLE = 2;
type Scenario = typeof BEST | typeof WORST | typeof SAMPLE;

interface Output {
  text: string;
  stats: Stats;
}

/** What one walk down a chosen path collects. */
interface Path {
  stats: Stats;
  names: string[];
  labels: string[];
  missing: string[];
}

const newPath = (): Path => ({ stats: zero(), names: [], labels: [], missing: [] });

interface Variant {
  picks: (readonly [BranchPart, number])[];
  best: Stats;
  worst: Stats;
}

const SATURATE = 1e9;

class Measurer {
  readonly lit = new Map<LiteralPart, Stats>();
  readonly out = new Map<VariablePart, (Output | undefined)[]>();
  readonly items = new Map<string, { min: number; max: number; assumed: boolean }>();

  constructor(
    readonly resolved: ReadonlyMap<string, ResolvedVariable>,
    readonly sampleValues: ReadonlyMap<string, string>,
    readonly vars: Readonly<Record<string, VariableMeta>>,
    readonly opts: { defaultMaxItems: number; extendedInWorst: boolean; locale: string },
  ) {}

  private readonly labels = new Map<BranchPart, string[]>();

  /** `if vip: else`, built once per arm. */
  pickLabel(p: BranchPart, i: number): string {
    let l = this.labels.get(p);
    if (!l) this.labels.set(p, (l = []));
    return (l[i] ??= `${p.label}: ${p.branches[i]!.label}`);
  }

  litStats(p: LiteralPart): Stats {
    let s = this.lit.get(p);
    if (!s) this.lit.set(p, (s = measure(p.text)));
    return s;
  }

  value(name: string, sc: Scenario): string | undefined {
    const r = this.resolved.get(name)!;
    if (sc === SAMPLE) return this.sampleValues.get(name);
    if (sc === BEST) return (r.valueKind === 'number' ? '1' : 'a').repeat(r.minLength);
    const filler = r.mayBeUnicode ? 'ë' : r.valueKind === 'number' ? '9' : r.extended || this.opts.extendedInWorst ? '€' : 'x';
    return filler.repeat(r.maxLength);
  }

  output(p: VariablePart, sc: Scenario): Output | undefined {
    let o = this.out.get(p);
    if (!o) this.out.set(p, (o = []));
    if (!(sc in o)) {
      const v = this.value(p.name, sc);
      if (v === undefined) o[sc] = undefined;
      else {
        let text = applyFilters(v, p.filters);
        if (p.htmlEscaped) text = escapeHtml(text);
        o[sc] = { text, stats: measure(text) };
      }
    }
    return o[sc];
  }

  repeatCount(p: RepeatPart, sc: Scenario): number {
    let it = this.items.get(p.name);
    if (!it) {
      const m = this.vars[p.name];
      const min = typeof m?.minItems === 'number' && m.minItems >= 0 ? Math.floor(m.minItems) : 0;
      const declared = typeof m?.maxItems === 'number' && m.maxItems >= 0 ? Math.floor(m.maxItems) : undefined;
      it = { min, max: Math.max(min, declared ?? Math.floor(this.opts.defaultMaxItems)), assumed: declared === undefined };
      this.items.set(p.name, it);
    }
    return sc === BEST ? it.min : sc === WORST ? it.max : Math.min(Math.max(1, it.min), it.max);
  }

  count(parts: readonly Part[]): number {
    let n = 1;
    for (const p of parts) {
      if (p.kind === 'branch') {
        let s = 0;
        for (const b of p.branches) s += this.count(b.parts);
        n *= s;
      } else if (p.kind === 'repeat') n *= this.count(p.body) * this.count(p.empty);
      if (n > SATURATE) return SATURATE;
    }
    return Math.min(n, SATURATE);
  }

  /** Every branch combination with its best and worst statistics. */
  enumerate(parts: readonly Part[]): Variant[] {
    let acc: Variant[] = [{ picks: [], best: zero(), worst: zero() }];
    for (const p of parts) {
      if (p.kind === 'literal') {
        const s = this.litStats(p);
        for (const v of acc) {
          addInto(v.best, s);
          addInto(v.worst, s);
        }
      } else if (p.kind === 'variable') {
        const b = this.output(p, BEST)!.stats;
        const w = this.output(p, WORST)!.stats;
        for (const v of acc) {
          addInto(v.best, b);
          addInto(v.worst, w);
        }
      } else {
        const sub: Variant[] = [];
        if (p.kind === 'branch') {
          p.branches.forEach((br, i) => {
            for (const v of this.enumerate(br.parts)) sub.push({ picks: [[p, i], ...v.picks], best: v.best, worst: v.worst });
          });
        } else {
          const min = this.repeatCount(p, BEST);
          const max = this.repeatCount(p, WORST);
          const empty = this.enumerate(p.empty);
          for (const b of this.enumerate(p.body)) {
            for (const e of empty) {
              sub.push({
                picks: [...b.picks, ...e.picks],
                best: min === 0 ? e.best : plus(zero(), b.best, min),
                worst: max === 0 ? e.worst : plus(zero(), b.worst, max),
              });
            }
          }
        }
        const next: Variant[] = [];
        for (const a of acc) for (const s of sub) next.push({ picks: [...a.picks, ...s.picks], best: plus(a.best, s.best), worst: plus(a.worst, s.worst) });
        acc = next;
      }
    }
    return acc;
  }

  /** Too many combinations: pick per group the branch that looks cheapest (best) or dearest
   * (worst) by estimated segment weight, which is exact whenever lengths simply add up. */
  greedy(parts: readonly Part[]): { best: Variant; worst: Variant } {
    const weight = (s: Stats): number => (s.nonGsm ? (s.len * 16) / 7 : s.septets);
    const best: Variant = { picks: [], best: zero(), worst: zero() };
    const worst: Variant = { picks: [], best: zero(), worst: zero() };
    const take = (into: Variant, from: Variant): void => {
      into.picks.push(...from.picks);
      addInto(into.best, from.best);
      addInto(into.worst, from.worst);
    };
    for (const p of parts) {
      if (p.kind === 'literal' || p.kind === 'variable') {
        const sb = p.kind === 'literal' ? this.litStats(p) : this.output(p, BEST)!.stats;
        const sw = p.kind === 'literal' ? sb : this.output(p, WORST)!.stats;
        for (const v of [best, worst]) {
          addInto(v.best, sb);
          addInto(v.worst, sw);
        }
      } else if (p.kind === 'branch') {
        let lo: Variant | undefined;
        let hi: Variant | undefined;
        p.branches.forEach((br, i) => {
          const g = this.greedy(br.parts);
          const b = { ...g.best, picks: [[p, i] as const, ...g.best.picks] };
          const w = { ...g.worst, picks: [[p, i] as const, ...g.worst.picks] };
          if (!lo || weight(b.best) < weight(lo.best)) lo = b;
          if (!hi || weight(w.worst) > weight(hi.worst)) hi = w;
        });
        take(best, lo!);
        take(worst, hi!);
      } else {
        const body = this.greedy(p.body);
        const empty = this.greedy(p.empty);
        const min = this.repeatCount(p, BEST);
        const max = this.repeatCount(p, WORST);
        take(best, min === 0 ? empty.best : { picks: body.best.picks, best: plus(zero(), body.best.best, min), worst: zero() });
        take(worst, max === 0 ? empty.worst : { picks: body.worst.picks, best: zero(), worst: plus(zero(), body.worst.worst, max) });
      }
    }
    return { best, worst };
  }

  render(parts: readonly Part[], picks: ReadonlyMap<BranchPart, number>, sc: Scenario): string {
    let s = '';
    for (const p of parts) {
      if (p.kind === 'literal') s += p.text;
      else if (p.kind === 'variable') s += this.output(p, sc)?.text ?? '';
      else if (p.kind === 'branch') {
        const br = p.branches[picks.get(p) ?? 0];
        if (br) s += this.render(br.parts, picks, sc);
      } else {
        const n = this.repeatCount(p, sc);
        s += n === 0 ? this.render(p.empty, picks, sc) : this.render(p.body, picks, sc).repeat(n);
      }
    }
    return s;
  }

  /** Statistics, printed variables and branch labels along one path. Missing sample values
   * are collected in `missing`. */
  walk(
    parts: readonly Part[],
    picks: ReadonlyMap<BranchPart, number>,
    sc: Scenario,
    into: Path,
    times = 1,
  ): void {
    for (const p of parts) {
      if (p.kind === 'literal') addInto(into.stats, this.litStats(p), times);
      else if (p.kind === 'variable') {
        if (!into.names.includes(p.name)) into.names.push(p.name);
        const o = this.output(p, sc);
        if (o) addInto(into.stats, o.stats, times);
        else if (!into.missing.includes(p.name)) into.missing.push(p.name);
      } else if (p.kind === 'branch') {
        const i = picks.get(p) ?? 0;
        const br = p.branches[i];
        if (times > 0 && br) into.labels.push(this.pickLabel(p, i));
        if (br) this.walk(br.parts, picks, sc, into, times);
      } else {
        const n = this.repeatCount(p, sc);
        if (times > 0) into.labels.push(`${p.label}: ${n} item${n === 1 ? '' : 's'}`);
        if (n === 0) this.walk(p.empty, picks, sc, into, times);
        else this.walk(p.body, picks, sc, into, times * n);
      }
    }
  }

  /** Branch choices the sample values would take: the first arm whose test holds or cannot be
   * evaluated. */
  samplePicks(parts: readonly Part[], into: Map<BranchPart, number>): void {
    for (const p of parts) {
      if (p.kind === 'branch') {
        let chosen = 0;
        for (let i = 0; i < p.branches.length; i++) {
          const r = this.evaluate(p.branches[i]!.test);
          if (r !== false) {
            chosen = i;
            break;
          }
        }
        into.set(p, chosen);
        this.samplePicks(p.branches[chosen]!.parts, into);
      } else if (p.kind === 'repeat') {
        this.samplePicks(p.body, into);
        this.samplePicks(p.empty, into);
      }
    }
  }

  private sampleOf(name: string): string | undefined {
    const m = this.vars[name];
    return typeof m?.sample === 'string' ? m.sample : this.sampleValues.get(name);
  }

  /** true / false, or undefined when it cannot be told from the samples. */
  evaluate(t: BranchTest): boolean | undefined {
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
        return pluralCategory(n - t.offset, this.opts.locale, t.ordinal) === t.selector;
      }
    }
  }
}

const pluralRules = new Map<string, Intl.PluralRules>();

function pluralCategory(n: number, locale: string, ordinal: boolean): string {
  const key = `${locale}|${ordinal}`;
  let rules = pluralRules.get(key);
  if (!rules) {
    const type = ordinal ? 'ordinal' : 'cardinal';
    try {
      rules = new Intl.PluralRules(locale, { type });
    } catch {
      rules = new Intl.PluralRules('en', { type });
    }
    pluralRules.set(key, rules);
  }
  return rules.select(n);
}

function countOnly(f: FigureCount): FigureCount {
  return { encoding: f.encoding, units: f.units, segments: f.segments, length: f.length };
}

function hasRepeat(parts: readonly Part[]): boolean {
  for (const p of parts) {
    if (p.kind === 'repeat') return true;
    if (p.kind === 'branch' && p.branches.some((b) => hasRepeat(b.parts))) return true;
  }
  return false;
}

function hasDefaultFilter(occurrences: readonly VariablePart[]): boolean {
  return occurrences.some((o) => o.filters.some((f) => f.op?.op === 'default'));
}

/** Best, worst and sample figures of a parsed template. Never throws. */
export function templateFigures(
  template: Template,
  vars: Readonly<Record<string, VariableMeta>> = {},
  options: FigureOptions = {},
): TemplateFigures {
  const sizes = options.sizes ?? DEFAULT_SIZES;
  const defaults: Required<VariableDefaults> = {
    defaultMinLength: options.defaultMinLength ?? VARIABLE_DEFAULTS.defaultMinLength,
    defaultMaxLength: options.defaultMaxLength ?? VARIABLE_DEFAULTS.defaultMaxLength,
    defaultCharset: options.defaultCharset ?? VARIABLE_DEFAULTS.defaultCharset,
    defaultMaxItems: options.defaultMaxItems ?? VARIABLE_DEFAULTS.defaultMaxItems,
  };
  const safeVars: Readonly<Record<string, VariableMeta>> = vars !== null && typeof vars === 'object' ? vars : {};
  const assumptions: Assumption[] = [];

  const collected = collectVariables(template.parts);
  const resolved = new Map<string, ResolvedVariable>();
  const sampleValues = new Map<string, string>();
  let anySample = false;
  for (const [name, info] of collected) {
    const meta = Object.prototype.hasOwnProperty.call(safeVars, name) ? safeVars[name] : undefined;
    const r = resolveVariable(name, info, meta, defaults, septetsOf);
    resolved.set(name, r);
    const range = info.ranges[0]!;
    if (r.sample !== undefined) {
      sampleValues.set(name, r.sample);
      anySample = true;
    } else if (hasDefaultFilter(info.occurrences)) sampleValues.set(name, ''); // prints the default text
    if (r.assumed.includes('minLength') || r.assumed.includes('maxLength')) {
      const what = [
        r.assumed.includes('minLength') ? `minLength ${r.minLength} (defaultMinLength)` : '',
        r.assumed.includes('maxLength') ? `maxLength ${r.maxLength} (defaultMaxLength)` : '',
      ].filter(Boolean);
      assumptions.push({ code: 'variable-length-unknown', variable: name, message: `'${name}' has no declared length; assumed ${what.join(' and ')}`, range });
    }
    if (r.mayBeUnicode) {
      const why = r.assumed.includes('charset') ? ' (defaultCharset)' : '';
      assumptions.push({ code: 'variable-may-be-unicode', variable: name, message: `'${name}' may hold characters outside GSM-7${why}: the worst case is UCS-2`, range });
    }
    for (const a of r.adjustments) assumptions.push({ code: 'metadata-adjusted', variable: name, message: `'${name}': ${a}`, range });
  }

  const m = new Measurer(resolved, sampleValues, safeVars, {
    defaultMaxItems: defaults.defaultMaxItems,
    extendedInWorst: options.extendedInWorst === true,
    locale: typeof options.locale === 'string' ? options.locale : 'en',
  });
  const maxVariants = Math.max(1, Math.floor(options.maxVariants ?? 64));
  const variantCount = m.count(template.parts);
  let candidates: Variant[];
  // No branches: one path, measured by the walks below.
  if (variantCount === 1 && !hasRepeat(template.parts)) candidates = [];
  else if (variantCount <= maxVariants) candidates = m.enumerate(template.parts);
  else {
    const g = m.greedy(template.parts);
    candidates = [g.best, g.worst];
    assumptions.push({
      code: 'variants-capped',
      message: `${variantCount >= SATURATE ? 'Over a billion' : variantCount} branch combinations, over the limit of ${maxVariants}: best and worst pick each branch group on its own`,
    });
  }

  const figure = (sc: Scenario, picks: ReadonlyMap<BranchPart, number>, known?: Stats): { fig: Figure; missing: string[] } => {
    const into = newPath();
    m.walk(template.parts, picks, sc, into);
    const count = quickCount(known ?? into.stats, sizes) ?? renderedCount(m.render(template.parts, picks, sc), sizes);
    const values: ValueChoice[] = [];
    for (const name of into.names) {
      const r = resolved.get(name)!;
      if (sc === SAMPLE) {
        const v = sampleValues.get(name);
        if (v !== undefined) values.push({ name, length: v.length, charset: r.charset, source: 'sample' });
      } else {
        values.push({
          name,
          length: sc === BEST ? r.minLength : r.maxLength,
          charset: sc === BEST || !r.mayBeUnicode ? 'gsm' : 'unicode',
          source: sc === BEST ? 'minLength' : 'maxLength',
        });
      }
    }
    const fig: Figure = { encoding: count.encoding, units: count.units, segments: count.segments, length: count.length, variant: into.labels, values };
    return { fig, missing: into.missing };
  };

  const variants: VariantFigures[] = [];
  let bestI = 0;
  let worstI = 0;
  for (let i = 0; i < candidates.length; i++) {
    const v = candidates[i]!;
    const best = quickCount(v.best, sizes) ?? renderedCount(m.render(template.parts, new Map(v.picks), BEST), sizes);
    const worst = quickCount(v.worst, sizes) ?? renderedCount(m.render(template.parts, new Map(v.picks), WORST), sizes);
    variants.push({ variant: v.picks.map(([p, k]) => m.pickLabel(p, k)), best, worst });
    if (compare(best, variants[bestI]!.best) < 0) bestI = i;
    if (compare(worst, variants[worstI]!.worst) > 0) worstI = i;
  }

  const none = new Map<BranchPart, number>();
  const bestV = candidates[bestI];
  const worstV = candidates[worstI];
  let best = figure(BEST, bestV ? new Map(bestV.picks) : none, bestV?.best).fig;
  let worst = figure(WORST, worstV ? new Map(worstV.picks) : none, worstV?.worst).fig;
  if (candidates.length === 0) variants.push({ variant: [], best: countOnly(best), worst: countOnly(worst) });

  const samplePicks = new Map<BranchPart, number>();
  m.samplePicks(template.parts, samplePicks);
  const s = figure(SAMPLE, samplePicks);
  let sample: Figure | undefined;
  if (s.missing.length === 0) sample = s.fig;
  else if (anySample) {
    assumptions.push({ code: 'no-sample', message: `No sample case: no sample for ${s.missing.map((n) => `'${n}'`).join(', ')}` });
  }
  if (sample && compare(sample, worst) > 0) {
    assumptions.push({ code: 'sample-outside-range', message: 'The sample costs more than the worst case built from the declared lengths; the worst case is the sample' });
    worst = sample;
  }
  if (sample && compare(sample, best) < 0) {
    assumptions.push({ code: 'sample-outside-range', message: 'The sample costs less than the best case built from the declared lengths; the best case is the sample' });
    best = sample;
  }

  for (const [name, it] of m.items) {
    if (it.assumed) assumptions.push({ code: 'repeat-count-unknown', variable: name, message: `'${name}' has no declared maxItems; assumed ${it.max} (defaultMaxItems)` });
  }

  const widening: Widening[] = [];
  const unicodeLabel = (n: string): string => (resolved.get(n)?.mayBeUnicode ? ', unicode' : '');
  for (const v of worst.values) {
    const r = resolved.get(v.name)!;
    if (r.mayBeUnicode || r.maxLength > r.minLength) widening.push({ kind: 'variable', label: `${v.name} (${r.minLength}–${r.maxLength}${unicodeLabel(v.name)})` });
  }
  const bestLabels = new Set(best.variant);
  for (const l of worst.variant) if (!bestLabels.has(l)) widening.push({ kind: /: \d+ items?$/.test(l) ? 'repeat' : 'branch', label: l });

  const valueText = worst.values
    .filter((v) => resolved.get(v.name)!.mayBeUnicode || resolved.get(v.name)!.maxLength > resolved.get(v.name)!.minLength)
    .map((v) => `${v.name} at ${v.length} chars${v.charset === 'unicode' ? ', unicode' : ''}`);
  const reasonParts = [worst.variant.join(', '), valueText.length ? `with ${valueText.join(', ')}` : ''].filter(Boolean);
  const worstReason = `worst: ${worst.segments} segment${worst.segments === 1 ? '' : 's'}, ${worst.encoding}${reasonParts.length ? `; ${reasonParts.join(' ')}` : ''}`;

  const variables: VariableReport[] = [...resolved.values()].map((r) => ({
    name: r.name,
    minLength: r.minLength,
    maxLength: r.maxLength,
    charset: r.charset,
    sample: r.sample,
    assumed: r.assumed,
    mayBeUnicode: r.mayBeUnicode,
    ranges: r.ranges,
  }));

  return {
    best,
    worst,
    sample,
    variants,
    variantCount,
    variables,
    assumptions,
    widening,
    worstReason,
  };
}
