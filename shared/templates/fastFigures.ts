// The common case without the general engine's machinery: printed text and branch groups only
// (no loops), few enough combinations to measure each one. It computes exactly what the general
// path does (test/templates-fast.test.ts compares the two on random templates); anything else
// returns undefined and the general path runs.
import { septetsOf, type SegmentSizes } from '../segments';
import type { Range } from '../types';
import type { Assumption, Figure, TemplateFigures, ValueChoice, VariantFigures } from './figures';
import { compare, FLAGS, measureInto, quickCount, renderedCount, Stats, type FigureCount } from './measure';
import { Figures, NO_LABELS, pluralCategory, VariableAssumption, type Label } from './report';
import type { BranchPart, BranchTest, LiteralPart, Part, ValueKind, VariablePart } from './types';
import { applyFilters, escapeHtml } from './values';
import { resolveVariable, type ResolvedVariable, type VariableDefaults, type VariableMeta } from './variables';

const BEST = 0;
const WORST = 1;
const SAMPLE = 2;
type Scenario = typeof BEST | typeof WORST | typeof SAMPLE;

/** One printed variable: its uses in the body, then its resolved metadata and the value the
 * sample case prints (its sample, or '' when a `default` filter prints instead). */
interface Var {
  readonly name: string;
  valueKind: ValueKind;
  readonly ranges: Range[];
  hasDefault: boolean;
  r: ResolvedVariable;
  sample: string | undefined;
}

const UNRESOLVED = undefined as unknown as ResolvedVariable;

/** Adjacent literal and variable parts; `vars[i]` is the variable index of item i (-1: literal). */
interface Run {
  readonly t: 0;
  readonly items: (LiteralPart | VariablePart)[];
  readonly vars: number[];
  /** Best, worst and sample sums, filled once the variables are resolved. */
  readonly stats: [Stats, Stats, Stats];
}

interface Group {
  readonly t: 1;
  readonly part: BranchPart;
  /** Pre-order index among all branch groups. */
  readonly g: number;
  readonly arms: Node[][];
}

type Node = Run | Group;

/** Branch picks as [group, arm, group, arm…] in document order. */
type Picks = readonly number[];

interface Variant {
  picks: Picks;
  best: Stats;
  worst: Stats;
}

const NO_PICKS: Picks = [];
const SATURATE = 1e9;

/** Filters that change a value's text (unknown ones are measured as absent, `keep` changes nothing). */
function hasLengthFilter(p: VariablePart): boolean {
  for (const f of p.filters) if (f.op !== null && f.op.op !== 'keep') return true;
  return false;
}

class Fast {
  readonly vars: Var[] = [];
  readonly groups: BranchPart[] = [];
  readonly runs: Run[] = [];
  private readonly labels: (string[] | undefined)[] = [];

  constructor(
    readonly meta: Readonly<Record<string, VariableMeta>>,
    readonly extendedInWorst: boolean,
    readonly locale: string,
  ) {}

  private varIndex(p: VariablePart): number {
    const vs = this.vars;
    for (let i = 0; i < vs.length; i++) {
      const v = vs[i]!;
      if (v.name === p.name) {
        // Text wins over number: one textual use means the value may be any text.
        if (p.valueKind === 'text') v.valueKind = 'text';
        v.ranges.push(p.range);
        if (!v.hasDefault) v.hasDefault = hasDefault(p);
        return i;
      }
    }
    vs.push({ name: p.name, valueKind: p.valueKind, ranges: [p.range], hasDefault: hasDefault(p), r: UNRESOLVED, sample: undefined });
    return vs.length - 1;
  }

  /** Nodes of `parts` and their number of branch combinations; -1 when this path does not apply. */
  build(parts: readonly Part[], out: Node[]): number {
    let n = 1;
    let run: Run | undefined;
    for (const p of parts) {
      if (p.kind === 'literal' || p.kind === 'variable') {
        if (!run) {
          run = { t: 0, items: [], vars: [], stats: [new Stats(), new Stats(), new Stats()] };
          out.push(run);
          this.runs.push(run);
        }
        run.items.push(p);
        run.vars.push(p.kind === 'variable' ? this.varIndex(p) : -1);
        continue;
      }
      if (p.kind !== 'branch' || p.branches.length === 0) return -1;
      run = undefined;
      const g = this.groups.length;
      this.groups.push(p);
      const arms: Node[][] = [];
      let s = 0;
      for (const b of p.branches) {
        const arm: Node[] = [];
        const k = this.build(b.parts, arm);
        if (k < 0) return -1;
        s += k;
        arms.push(arm);
      }
      out.push({ t: 1, part: p, g, arms });
      n *= s;
      if (n > SATURATE) n = SATURATE;
    }
    return n;
  }

  private filler(r: ResolvedVariable, sc: Scenario): number {
    if (sc === BEST) return r.valueKind === 'number' ? 0x31 : 0x61; // 1 a
    return r.mayBeUnicode ? 0xeb : r.valueKind === 'number' ? 0x39 : r.extended || this.extendedInWorst ? 0x20ac : 0x78; // ë 9 € x
  }

  /** The printed text of a placeholder, or undefined when it has no value in this case. */
  text(p: VariablePart, v: Var, sc: Scenario): string | undefined {
    const value = sc === SAMPLE ? v.sample : String.fromCharCode(this.filler(v.r, sc)).repeat(sc === BEST ? v.r.minLength : v.r.maxLength);
    if (value === undefined) return undefined;
    const t = applyFilters(value, p.filters);
    return p.htmlEscaped ? escapeHtml(t) : t;
  }

  /** Adds what `p` prints in case `sc`. Fillers are runs of one character, so unfiltered ones
   * are counted without building them (they hold nothing that HTML escaping changes). */
  private variableInto(p: VariablePart, v: Var, sc: Scenario, into: Stats): void {
    if (hasLengthFilter(p)) {
      const t = this.text(p, v, sc);
      if (t !== undefined) measureInto(t, into);
      return;
    }
    if (sc === SAMPLE) {
      if (v.sample !== undefined) measureInto(p.htmlEscaped ? escapeHtml(v.sample) : v.sample, into);
      return;
    }
    const r = v.r;
    const n = sc === BEST ? r.minLength : r.maxLength;
    if (n === 0) return;
    const f = FLAGS[this.filler(r, sc)]!;
    into.len += n;
    into.septets += (f & 3) * n;
    into.flags |= f & ~3;
  }

  /** Fills each run's best, worst and sample sums. */
  measureRuns(): void {
    const lit = new Stats();
    for (const run of this.runs) {
      const [b, w, s] = run.stats;
      lit.len = lit.septets = lit.flags = 0;
      for (let i = 0; i < run.items.length; i++) {
        const p = run.items[i]!;
        const k = run.vars[i]!;
        if (k < 0) measureInto((p as LiteralPart).text, lit);
        else {
          const v = this.vars[k]!;
          this.variableInto(p as VariablePart, v, BEST, b);
          this.variableInto(p as VariablePart, v, WORST, w);
          this.variableInto(p as VariablePart, v, SAMPLE, s);
        }
      }
      // Literal text is the same in every case: measured once.
      b.add(lit);
      w.add(lit);
      s.add(lit);
    }
  }

  pickLabel(g: number, i: number): string {
    const l = (this.labels[g] ??= []);
    const p = this.groups[g]!;
    return (l[i] ??= `${p.label}: ${p.branches[i]!.label}`);
  }

  /** Every branch combination with its best and worst sums, in document order. */
  enumerate(nodes: readonly Node[]): Variant[] {
    let acc: Variant[] = [{ picks: NO_PICKS, best: new Stats(), worst: new Stats() }];
    for (const n of nodes) {
      if (n.t === 0) {
        for (const v of acc) {
          v.best.add(n.stats[BEST]);
          v.worst.add(n.stats[WORST]);
        }
        continue;
      }
      const sub: Variant[][] = n.arms.map((arm) => this.enumerate(arm));
      const next: Variant[] = [];
      for (const a of acc) {
        for (let i = 0; i < sub.length; i++) {
          for (const v of sub[i]!) {
            const best = a.best.copy();
            best.add(v.best);
            const worst = a.worst.copy();
            worst.add(v.worst);
            next.push({ picks: joinPicks(a.picks, n.g, i, v.picks), best, worst });
          }
        }
      }
      acc = next;
    }
    return acc;
  }

  /** Arm index per branch group (first arm where a group has no pick). */
  dense(picks: Picks): number[] {
    if (this.groups.length === 0) return [];
    const arms = new Array<number>(this.groups.length).fill(0);
    for (let i = 0; i < picks.length; i += 2) arms[picks[i]!] = picks[i + 1]!;
    return arms;
  }

  render(nodes: readonly Node[], arms: readonly number[], sc: Scenario): string {
    let s = '';
    for (const n of nodes) {
      if (n.t === 0) {
        for (let i = 0; i < n.items.length; i++) {
          const p = n.items[i]!;
          const k = n.vars[i]!;
          s += k < 0 ? (p as LiteralPart).text : (this.text(p as VariablePart, this.vars[k]!, sc) ?? '');
        }
      } else {
        const arm = n.arms[arms[n.g]!];
        if (arm) s += this.render(arm, arms, sc);
      }
    }
    return s;
  }

  /** Printed variables (indices) and branch labels along one path; `stats` receives the sum. */
  walk(nodes: readonly Node[], arms: readonly number[], sc: Scenario, names: number[], labels: Label[], stats: Stats | undefined): void {
    for (const n of nodes) {
      if (n.t === 0) {
        stats?.add(n.stats[sc]);
        for (const k of n.vars) if (k >= 0 && !names.includes(k)) names.push(k);
      } else {
        const i = arms[n.g]!;
        const arm = n.arms[i];
        if (arm) {
          labels.push({ text: this.pickLabel(n.g, i), kind: 'branch' });
          this.walk(arm, arms, sc, names, labels, stats);
        }
      }
    }
  }

  /** Arms the sample values would take: the first whose test holds or cannot be evaluated. */
  samplePicks(nodes: readonly Node[], arms: number[]): void {
    for (const n of nodes) {
      if (n.t !== 1) continue;
      let chosen = 0;
      const branches = n.part.branches;
      for (let i = 0; i < branches.length; i++) {
        if (this.evaluate(branches[i]!.test) !== false) {
          chosen = i;
          break;
        }
      }
      arms[n.g] = chosen;
      this.samplePicks(n.arms[chosen]!, arms);
    }
  }

  private sampleOf(name: string): string | undefined {
    const m = this.meta[name];
    if (typeof m?.sample === 'string') return m.sample;
    for (const v of this.vars) if (v.name === name) return v.sample;
    return undefined;
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

  get(name: string): Var | undefined {
    for (const v of this.vars) if (v.name === name) return v;
    return undefined;
  }
}

/** `a`, then the pick (g, i), then `b` (Array.prototype.concat is slow on mixed arguments). */
function joinPicks(a: Picks, g: number, i: number, b: Picks): number[] {
  const out = new Array<number>(a.length + 2 + b.length);
  let k = 0;
  for (let j = 0; j < a.length; j++) out[k++] = a[j]!;
  out[k++] = g;
  out[k++] = i;
  for (let j = 0; j < b.length; j++) out[k++] = b[j]!;
  return out;
}

function hasDefault(p: VariablePart): boolean {
  for (const f of p.filters) if (f.op?.op === 'default') return true;
  return false;
}

export interface FastOptions {
  readonly sizes: SegmentSizes;
  readonly defaults: Required<VariableDefaults>;
  readonly maxVariants: number;
  readonly extendedInWorst: boolean;
  readonly locale: string;
}

/** Figures of a template with no loops and at most `maxVariants` combinations; otherwise undefined. */
export function fastFigures(parts: readonly Part[], vars: Readonly<Record<string, VariableMeta>>, o: FastOptions): TemplateFigures | undefined {
  const m = new Fast(vars, o.extendedInWorst, o.locale);
  const nodes: Node[] = [];
  const variantCount = m.build(parts, nodes);
  if (variantCount < 0 || !(variantCount <= o.maxVariants)) return undefined;
  const sizes = o.sizes;

  const assumptions: Assumption[] = [];
  const variables: ResolvedVariable[] = [];
  let anySample = false;
  for (const v of m.vars) {
    const meta = Object.prototype.hasOwnProperty.call(vars, v.name) ? vars[v.name] : undefined;
    const r = resolveVariable(v.name, v, meta, o.defaults, septetsOf);
    v.r = r;
    variables.push(r);
    const range = v.ranges[0]!;
    if (r.sample !== undefined) {
      v.sample = r.sample;
      anySample = true;
    } else if (v.hasDefault) v.sample = ''; // prints the default text
    if (r.assumed.includes('minLength') || r.assumed.includes('maxLength')) assumptions.push(new VariableAssumption('variable-length-unknown', r, range));
    if (r.mayBeUnicode) assumptions.push(new VariableAssumption('variable-may-be-unicode', r, range));
    for (const a of r.adjustments) assumptions.push({ code: 'metadata-adjusted', variable: v.name, message: `'${v.name}': ${a}`, range });
  }
  m.measureRuns();

  const flat = m.groups.length === 0;
  const count = (stats: Stats, picks: Picks, sc: Scenario): FigureCount =>
    quickCount(stats, sizes) ?? renderedCount(m.render(nodes, m.dense(picks), sc), sizes);
  let candidates: Variant[];
  if (flat) {
    const run = nodes[0] as Run | undefined;
    candidates = [{ picks: NO_PICKS, best: run?.stats[BEST] ?? new Stats(), worst: run?.stats[WORST] ?? new Stats() }];
  } else candidates = m.enumerate(nodes);

  // One combination: the variant has no name.
  const named = variantCount !== 1;
  const variants: VariantFigures[] = [];
  let bestI = 0;
  let worstI = 0;
  for (let i = 0; i < candidates.length; i++) {
    const v = candidates[i]!;
    const best = count(v.best, v.picks, BEST);
    const worst = count(v.worst, v.picks, WORST);
    let variant: string[] = [];
    if (named) for (let k = 0; k < v.picks.length; k += 2) variant.push(m.pickLabel(v.picks[k]!, v.picks[k + 1]!));
    variants.push({ variant, best, worst });
    if (compare(best, variants[bestI]!.best) < 0) bestI = i;
    if (compare(worst, variants[worstI]!.worst) > 0) worstI = i;
  }

  const figure = (sc: Scenario, arms: readonly number[], c: FigureCount | undefined): { fig: Figure; missing: string[]; labels: readonly Label[] } => {
    let names: number[];
    let labels: Label[] | readonly Label[];
    if (flat) {
      names = [];
      for (let k = 0; k < m.vars.length; k++) names.push(k);
      labels = NO_LABELS;
      c ??= count((nodes[0] as Run | undefined)?.stats[sc] ?? new Stats(), NO_PICKS, sc);
    } else {
      names = [];
      labels = [];
      const stats = c ? undefined : new Stats();
      m.walk(nodes, arms, sc, names, labels as Label[], stats);
      c ??= quickCount(stats!, sizes) ?? renderedCount(m.render(nodes, arms, sc), sizes);
    }
    const missing: string[] = [];
    const values: ValueChoice[] = [];
    for (const k of names) {
      const { name, r, sample } = m.vars[k]!;
      if (sc === SAMPLE) {
        if (sample !== undefined) values.push({ name, length: sample.length, charset: r.charset, source: 'sample' });
        else missing.push(name);
      } else {
        values.push({
          name,
          length: sc === BEST ? r.minLength : r.maxLength,
          charset: sc === BEST || !r.mayBeUnicode ? 'gsm' : 'unicode',
          source: sc === BEST ? 'minLength' : 'maxLength',
        });
      }
    }
    const variant = labels.length === 0 ? [] : labels.map((l) => l.text);
    return { fig: { encoding: c.encoding, units: c.units, segments: c.segments, length: c.length, variant, values }, missing, labels };
  };

  const bestF = figure(BEST, m.dense(candidates[bestI]!.picks), variants[bestI]!.best);
  const worstF = figure(WORST, m.dense(candidates[worstI]!.picks), variants[worstI]!.worst);
  let best = bestF.fig;
  let worst = worstF.fig;
  let worstLabels = worstF.labels;
  let bestLabels = bestF.labels;

  const sampleArms = m.dense(NO_PICKS);
  if (!flat) m.samplePicks(nodes, sampleArms);
  const s = figure(SAMPLE, sampleArms, undefined);
  let sample: Figure | undefined;
  if (s.missing.length === 0) sample = s.fig;
  else if (anySample) {
    assumptions.push({ code: 'no-sample', message: `No sample case: no sample for ${s.missing.map((n) => `'${n}'`).join(', ')}` });
  }
  if (sample && compare(sample, worst) > 0) {
    assumptions.push({ code: 'sample-outside-range', message: 'The sample costs more than the worst case built from the declared lengths; the worst case is the sample' });
    worst = sample;
    worstLabels = s.labels;
  }
  if (sample && compare(sample, best) < 0) {
    assumptions.push({ code: 'sample-outside-range', message: 'The sample costs less than the best case built from the declared lengths; the best case is the sample' });
    best = sample;
    bestLabels = s.labels;
  }
  return new Figures(best, worst, sample, variants, variantCount, variables, assumptions, m, worstLabels, bestLabels);
}
