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
import { DEFAULT_SIZES, type SegmentSizes } from '../segments';
import type { Range } from '../types';
import { fastFigures, type FastOptions } from './fastFigures';
import { BEST, joinVariants, measureInto, NO_PICKS, NON_GSM, printedText, quickCount, renderedCount, SAMPLE, Stats, variableInto, WORST, type FigureCount, type Scenario, type Variant } from './measure';
import { addUse, caseFigure, Choices, countVariants, finishFigures, NO_LABELS, resolveInfo, VariableInfo, type CaseFigure, type Label } from './report';
import type { BranchPart, LiteralPart, Part, RepeatPart, Template, VariablePart } from './types';
import { VARIABLE_DEFAULTS, type VariableCharset, type VariableDefaults, type VariableMeta } from './variables';

export interface FigureOptions extends VariableDefaults {
  sizes?: SegmentSizes;
  /** Branch combinations measured one by one; above this, branches are chosen per group. */
  maxVariants?: number;
  /** Locale for plural categories of samples (`one`, `few`…). */
  locale?: string;
  /** Worst GSM case fills variables with 2-septet extension characters. */
  extendedInWorst?: boolean;
}


export type { FigureCount } from './measure';

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

/** Items measured per loop, and the longest text rendered: beyond any message, within memory. */
const MAX_MEASURED_ITEMS = 1_000;
const MAX_RENDERED_LENGTH = 1_000_000;

// --- the template as runs and choices ------------------------------------------------------

type Printed = LiteralPart | VariablePart;

/** Adjacent literal and variable parts, summed once per scenario. */
interface Run {
  readonly t: 'run';
  readonly items: Printed[];
  readonly stats: [Stats, Stats, Stats];
}

interface Choice {
  readonly t: 'branch';
  readonly part: BranchPart;
  /** Pre-order index among all branch groups: picks are stored by it. */
  readonly g: number;
  readonly arms: readonly Node[][];
}

interface Loop {
  readonly t: 'repeat';
  readonly part: RepeatPart;
  readonly body: readonly Node[];
  readonly empty: readonly Node[];
  /** Items printed in the best, worst and sample case. */
  readonly counts: readonly [number, number, number];
}

type Node = Run | Choice | Loop;

const SATURATE = 1e9;

class Measurer extends Choices {
  readonly items = new Map<string, { min: number; max: number; assumed: boolean }>();
  private readonly filtered = new Map<VariablePart, (string | undefined)[]>();

  constructor(
    readonly known: ReadonlyMap<string, VariableInfo>,
    meta: Readonly<Record<string, VariableMeta>>,
    readonly opts: { defaultMaxItems: number; extendedInWorst: boolean; locale: string },
  ) {
    super(meta, opts.locale);
  }

  /** The printed text of a placeholder, or undefined when it has no value in this case. */
  text(p: VariablePart, sc: Scenario): string | undefined {
    let o = this.filtered.get(p);
    if (!o) this.filtered.set(p, (o = []));
    if (!(sc in o)) o[sc] = printedText(p, this.known.get(p.name)!, sc, this.opts.extendedInWorst);
    return o[sc];
  }

  repeatCounts(p: RepeatPart): [number, number, number] {
    let it = this.items.get(p.name);
    if (!it) {
      const m = this.meta[p.name];
      const min = typeof m?.minItems === 'number' && m.minItems >= 0 ? Math.floor(m.minItems) : 0;
      const declared = typeof m?.maxItems === 'number' && m.maxItems >= 0 ? Math.floor(m.maxItems) : undefined;
      const cap = (n: number): number => Math.min(MAX_MEASURED_ITEMS, Number.isFinite(n) ? n : 0);
      it = { min: cap(min), max: cap(Math.max(min, declared ?? Math.floor(this.opts.defaultMaxItems))), assumed: declared === undefined };
      this.items.set(p.name, it);
    }
    return [it.min, it.max, Math.min(Math.max(1, it.min), it.max)];
  }

  /** Merges printed parts into runs measured in all three cases at once. */
  compile(parts: readonly Part[]): Node[] {
    const out: Node[] = [];
    let run: Run | undefined;
    for (const p of parts) {
      if (p.kind === 'literal' || p.kind === 'variable') {
        if (!run) out.push((run = { t: 'run', items: [], stats: [new Stats(), new Stats(), new Stats()] }));
        run.items.push(p);
        const [b, w, s] = run.stats;
        if (p.kind === 'literal') {
          const l = new Stats();
          measureInto(p.text, l);
          b.add(l);
          w.add(l);
          s.add(l);
        } else {
          const v = this.known.get(p.name)!;
          const ext = this.opts.extendedInWorst;
          variableInto(p, v, BEST, ext, b);
          variableInto(p, v, WORST, ext, w);
          variableInto(p, v, SAMPLE, ext, s);
        }
      } else {
        run = undefined;
        if (p.kind === 'branch') {
          const g = this.groups.length;
          this.groups.push(p);
          out.push({ t: 'branch', part: p, g, arms: p.branches.map((b) => this.compile(b.parts)) });
        } else {
          out.push({ t: 'repeat', part: p, body: this.compile(p.body), empty: this.compile(p.empty), counts: this.repeatCounts(p) });
        }
      }
    }
    return out;
  }

  /** Every branch combination with its best and worst statistics, in document order. */
  enumerate(nodes: readonly Node[]): Variant[] {
    let acc: Variant[] = [{ picks: NO_PICKS, best: new Stats(), worst: new Stats() }];
    for (const n of nodes) {
      if (n.t === 'run') {
        for (const v of acc) {
          v.best.add(n.stats[BEST]);
          v.worst.add(n.stats[WORST]);
        }
        continue;
      }
      const sub: Variant[] = [];
      if (n.t === 'branch') {
        for (let i = 0; i < n.arms.length; i++) {
          for (const v of this.enumerate(n.arms[i]!)) sub.push({ picks: [n.g, i, ...v.picks], best: v.best, worst: v.worst });
        }
      } else {
        const [min, max] = n.counts;
        const empty = this.enumerate(n.empty);
        for (const b of this.enumerate(n.body)) {
          for (const e of empty) {
            const best = new Stats();
            best.add(min === 0 ? e.best : b.best, min === 0 ? 1 : min);
            const worst = new Stats();
            worst.add(max === 0 ? e.worst : b.worst, max === 0 ? 1 : max);
            sub.push({ picks: b.picks.concat(e.picks), best, worst });
          }
        }
      }
      const next: Variant[] = [];
      for (const a of acc) {
        // Nothing chosen yet: the prefix adds to each sub-variant.
        for (const s of sub) next.push(joinVariants(a, s, a.picks.length === 0 ? s.picks : a.picks.concat(s.picks)));
      }
      acc = next;
    }
    return acc;
  }

  /** Too many combinations: pick per group the branch that looks cheapest (best) or dearest
   * (worst) by estimated segment weight, which is exact whenever lengths simply add up. */
  greedy(nodes: readonly Node[]): { best: Variant; worst: Variant } {
    const weight = (s: Stats): number => (s.flags & NON_GSM ? (s.len * 16) / 7 : s.septets);
    const best: Variant = { picks: [], best: new Stats(), worst: new Stats() };
    const worst: Variant = { picks: [], best: new Stats(), worst: new Stats() };
    const take = (into: Variant, from: Variant): void => {
      (into.picks as number[]).push(...from.picks);
      into.best.add(from.best);
      into.worst.add(from.worst);
    };
    for (const n of nodes) {
      if (n.t === 'run') {
        for (const v of [best, worst]) {
          v.best.add(n.stats[BEST]);
          v.worst.add(n.stats[WORST]);
        }
      } else if (n.t === 'branch') {
        let lo: Variant | undefined;
        let hi: Variant | undefined;
        for (let i = 0; i < n.arms.length; i++) {
          const g = this.greedy(n.arms[i]!);
          const b = { ...g.best, picks: [n.g, i, ...g.best.picks] };
          const w = { ...g.worst, picks: [n.g, i, ...g.worst.picks] };
          if (!lo || weight(b.best) < weight(lo.best)) lo = b;
          if (!hi || weight(w.worst) > weight(hi.worst)) hi = w;
        }
        take(best, lo!);
        take(worst, hi!);
      } else {
        const body = this.greedy(n.body);
        const empty = this.greedy(n.empty);
        const [min, max] = n.counts;
        const times = (s: Stats, k: number): Stats => {
          const r = new Stats();
          r.add(s, k);
          return r;
        };
        take(best, min === 0 ? empty.best : { picks: body.best.picks, best: times(body.best.best, min), worst: new Stats() });
        take(worst, max === 0 ? empty.worst : { picks: body.worst.picks, best: new Stats(), worst: times(body.worst.worst, max) });
      }
    }
    return { best, worst };
  }

  render(nodes: readonly Node[], arms: readonly number[], sc: Scenario): string {
    let s = '';
    for (const n of nodes) {
      if (n.t === 'run') {
        for (const p of n.items) s += p.kind === 'literal' ? p.text : (this.text(p, sc) ?? '');
      } else if (n.t === 'branch') {
        const arm = n.arms[arms[n.g]!];
        if (arm) s += this.render(arm, arms, sc);
      } else {
        const k = n.counts[sc];
        const once = k === 0 ? this.render(n.empty, arms, sc) : this.render(n.body, arms, sc);
        // Nested loops multiply: stop at a length no message reaches rather than run out of memory.
        s += k === 0 ? once : once.repeat(Math.min(k, Math.floor(MAX_RENDERED_LENGTH / Math.max(1, once.length))));
      }
    }
    return s;
  }

  /** Printed variables and branch labels along one path. `stats`, when given, receives the sum
   * (only the sample case needs it). */
  walk(nodes: readonly Node[], arms: readonly number[], sc: Scenario, printed: VariableInfo[], labels: Label[], stats?: Stats, times = 1): void {
    for (const n of nodes) {
      if (n.t === 'run') {
        stats?.add(n.stats[sc], times);
        for (const p of n.items) {
          if (p.kind !== 'variable') continue;
          const v = this.known.get(p.name)!;
          if (!printed.includes(v)) printed.push(v);
        }
      } else if (n.t === 'branch') {
        const i = arms[n.g]!;
        const arm = n.arms[i];
        if (arm) {
          labels.push({ text: this.pickLabel(n.g, i), kind: 'branch' });
          this.walk(arm, arms, sc, printed, labels, stats, times);
        }
      } else {
        const k = n.counts[sc];
        labels.push({ text: `${n.part.label}: ${k} item${k === 1 ? '' : 's'}`, kind: 'repeat' });
        if (k === 0) this.walk(n.empty, arms, sc, printed, labels, stats, times);
        else this.walk(n.body, arms, sc, printed, labels, stats, times * k);
      }
    }
  }

  /** Arms the sample values would take. */
  samplePicks(nodes: readonly Node[], arms: number[]): void {
    for (const n of nodes) {
      if (n.t === 'branch') {
        const chosen = (arms[n.g] = this.sampleArm(n.part));
        this.samplePicks(n.arms[chosen]!, arms);
      } else if (n.t === 'repeat') {
        this.samplePicks(n.body, arms);
        this.samplePicks(n.empty, arms);
      }
    }
  }

  protected printedSample(name: string): string | undefined {
    return this.known.get(name)?.sampleText;
  }
}

/** Printed variables in body order with their ranges; also how many branch combinations there are. */
function collect(parts: readonly Part[], out: Map<string, VariableInfo>): number {
  let n = 1;
  for (const p of parts) {
    if (p.kind === 'literal') continue;
    if (p.kind === 'variable') {
      const e = out.get(p.name);
      if (e) addUse(e, p);
      else out.set(p.name, new VariableInfo(p));
    } else if (p.kind === 'branch') {
      let s = 0;
      for (const b of p.branches) s += collect(b.parts, out);
      n *= s;
    } else n *= collect(p.body, out) * collect(p.empty, out);
    if (n > SATURATE) n = SATURATE;
  }
  return n;
}

function countOnly(f: FigureCount): FigureCount {
  return { encoding: f.encoding, units: f.units, segments: f.segments, length: f.length };
}

/** Best, worst and sample figures of a parsed template. Never throws. `vars` and `options` are
 * read as immutable (what is read of them is remembered across calls): pass new objects to
 * change them, as the config resolver does. */
export function templateFigures(
  template: Template,
  vars: Readonly<Record<string, VariableMeta>> = NO_VARS,
  options: FigureOptions = NO_OPTIONS,
): TemplateFigures {
  return figuresOf(template, vars, options, false);
}

/** The general path alone, for tests that check the fast path against it. */
export function generalFigures(
  template: Template,
  vars: Readonly<Record<string, VariableMeta>> = NO_VARS,
  options: FigureOptions = NO_OPTIONS,
): TemplateFigures {
  return figuresOf(template, vars, options, true);
}

/** The last options read and their filled form: a run passes one options object (read as
 * immutable, like the variables) for every body. */
let lastOptions: FigureOptions | undefined;
let lastFast: FastOptions | undefined;
const NO_OPTIONS: FigureOptions = {};
const NO_VARS: Readonly<Record<string, VariableMeta>> = {};

/** The options with their defaults filled in, as every path reads them. */
export function fastOptionsOf(options: FigureOptions): FastOptions {
  if (options === lastOptions) return lastFast!;
  lastFast = fillOptions(options);
  lastOptions = options;
  return lastFast;
}

function fillOptions(options: FigureOptions): FastOptions {
  return {
    sizes: options.sizes ?? DEFAULT_SIZES,
    defaults: {
      defaultMinLength: options.defaultMinLength ?? VARIABLE_DEFAULTS.defaultMinLength,
      defaultMaxLength: options.defaultMaxLength ?? VARIABLE_DEFAULTS.defaultMaxLength,
      defaultCharset: options.defaultCharset ?? VARIABLE_DEFAULTS.defaultCharset,
      defaultMaxItems: options.defaultMaxItems ?? VARIABLE_DEFAULTS.defaultMaxItems,
    },
    maxVariants: Math.max(1, Math.floor(options.maxVariants ?? 64)),
    extendedInWorst: options.extendedInWorst === true,
    locale: typeof options.locale === 'string' ? options.locale : 'en',
  };
}

function figuresOf(template: Template, vars: Readonly<Record<string, VariableMeta>>, options: FigureOptions, generalOnly: boolean): TemplateFigures {
  const o = fastOptionsOf(options);
  const { sizes, defaults, maxVariants, extendedInWorst, locale } = o;
  const safeVars: Readonly<Record<string, VariableMeta>> = vars !== null && typeof vars === 'object' ? vars : {};
  if (!generalOnly) {
    const fast = fastFigures(template.parts, safeVars, o);
    if (fast) return fast;
  }
  const assumptions: Assumption[] = [];

  const collected = new Map<string, VariableInfo>();
  const variantCount = Math.min(collect(template.parts, collected), SATURATE);
  // The printed variables in body order: the report, the flat case's printed list, the assumptions.
  const variables = [...collected.values()];
  let anySample = false;
  for (const info of variables) if (resolveInfo(info, safeVars, defaults)) anySample = true;

  const m = new Measurer(collected, safeVars, {
    defaultMaxItems: defaults.defaultMaxItems,
    extendedInWorst,
    locale,
  });
  const nodes = m.compile(template.parts);
  const flat = nodes.length === 0 || (nodes.length === 1 && nodes[0]!.t === 'run');
  const run = nodes[0] as Run | undefined;
  let candidates: Variant[];
  let greedy = false;
  if (flat) candidates = [{ picks: NO_PICKS, best: run?.stats[BEST] ?? new Stats(), worst: run?.stats[WORST] ?? new Stats() }];
  else if (variantCount <= maxVariants) candidates = m.enumerate(nodes);
  else {
    const g = m.greedy(nodes);
    candidates = [g.best, g.worst];
    greedy = true;
    assumptions.push({
      code: 'variants-capped',
      message: `${variantCount >= SATURATE ? 'Over a billion' : variantCount} branch combinations, over the limit of ${maxVariants}: best and worst pick each branch group on its own`,
    });
  }

  const count = (stats: Stats, arms: readonly number[], sc: Scenario): FigureCount =>
    quickCount(stats, sizes) ?? renderedCount(m.render(nodes, arms, sc), sizes);
  // One combination and no loop: the variant has no name.
  const { variants, bestI, worstI } = countVariants(candidates, variantCount !== 1 || nodes.some(hasLoop), m, sizes, (picks, sc) => m.render(nodes, m.dense(picks), sc), !greedy);

  // A flat template prints every variable once in body order, with no branch labels.
  const flatPrinted = flat ? variables : undefined;
  const figure = (sc: Scenario, arms: readonly number[], c: FigureCount | undefined): CaseFigure => {
    if (flatPrinted) return caseFigure(sc, c ?? count(run?.stats[sc] ?? new Stats(), arms, sc), flatPrinted, NO_LABELS);
    const printed: VariableInfo[] = [];
    const labels: Label[] = [];
    const stats = c ? undefined : new Stats();
    m.walk(nodes, arms, sc, printed, labels, stats);
    return caseFigure(sc, c ?? count(stats!, arms, sc), printed, labels);
  };

  // A branch group without arms (`{n, select, }`) leaves no combination at all: walk the rest.
  const bestV = candidates[bestI];
  const worstV = candidates[worstI];
  const bestF = figure(BEST, m.dense(bestV?.picks ?? NO_PICKS), bestV && variants[bestI]!.best);
  const worstF = figure(WORST, m.dense(worstV?.picks ?? NO_PICKS), worstV && variants[worstI]!.worst);
  if (!bestV) variants.push({ variant: [], best: countOnly(bestF.fig), worst: countOnly(worstF.fig) });
  const sampleArms = m.dense(NO_PICKS);
  if (!flat) m.samplePicks(nodes, sampleArms);
  const sampleF = figure(SAMPLE, sampleArms, undefined);

  const later: Assumption[] = [];
  for (const [name, it] of m.items) {
    if (it.assumed) later.push({ code: 'repeat-count-unknown', variable: name, message: `'${name}' has no declared maxItems; assumed ${it.max} (defaultMaxItems)` });
  }
  return finishFigures(bestF, worstF, sampleF, { variants, variantCount, variables, assumptions, anySample }, later);
}

function hasLoop(n: Node): boolean {
  return n.t === 'repeat' || (n.t === 'branch' && n.arms.some((a) => a.some(hasLoop)));
}
