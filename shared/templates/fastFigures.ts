// The common case without the general engine's machinery: printed text and branch groups only
// (no loops), few enough combinations to measure each one. It computes exactly what the general
// path does (test/templates-fast.test.ts compares the two on random templates); anything else
// returns undefined and the general path runs.
import type { SegmentSizes } from '../segments';
import type { TemplateFigures } from './figures';
import { BEST, joinVariants, measureInto, NO_PICKS, printedText, quickCount, renderedCount, SAMPLE, Stats, variableInto, WORST, type FigureCount, type Picks, type Scenario, type Variant } from './measure';
import { caseFigure, Choices, countVariants, findVar, finishFigures, NO_LABELS, resolveInfo, varIndex, type CaseFigure, type Label, type VariableInfo } from './report';
import { shallowFigures } from './shallowFigures';
import type { BranchPart, LiteralPart, Part, VariablePart } from './types';
import type { VariableDefaults, VariableMeta } from './variables';

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

const SATURATE = 1e9;

class Fast extends Choices {
  /** Printed variables in body order. */
  readonly vars: VariableInfo[] = [];
  readonly runs: Run[] = [];

  constructor(
    meta: Readonly<Record<string, VariableMeta>>,
    readonly extendedInWorst: boolean,
    locale: string,
  ) {
    super(meta, locale);
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
        run.vars.push(p.kind === 'variable' ? varIndex(this.vars, p) : -1);
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

  /** Fills each run's best, worst and sample sums. */
  measureRuns(): void {
    const lit = new Stats();
    const ext = this.extendedInWorst;
    for (const run of this.runs) {
      const [b, w, s] = run.stats;
      lit.len = lit.septets = lit.flags = lit.complex = 0;
      for (let i = 0; i < run.items.length; i++) {
        const p = run.items[i]!;
        const k = run.vars[i]!;
        if (k < 0) measureInto((p as LiteralPart).text, lit);
        else {
          const v = this.vars[k]!;
          variableInto(p as VariablePart, v, BEST, ext, b);
          variableInto(p as VariablePart, v, WORST, ext, w);
          variableInto(p as VariablePart, v, SAMPLE, ext, s);
        }
      }
      // Literal text is the same in every case: measured once.
      b.add(lit);
      w.add(lit);
      s.add(lit);
    }
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
          for (const v of sub[i]!) next.push(joinVariants(a, v, joinPicks(a.picks, n.g, i, v.picks)));
        }
      }
      acc = next;
    }
    return acc;
  }

  render(nodes: readonly Node[], arms: readonly number[], sc: Scenario): string {
    let s = '';
    for (const n of nodes) {
      if (n.t === 0) {
        for (let i = 0; i < n.items.length; i++) {
          const p = n.items[i]!;
          const k = n.vars[i]!;
          s += k < 0 ? (p as LiteralPart).text : (printedText(p as VariablePart, this.vars[k]!, sc, this.extendedInWorst) ?? '');
        }
      } else {
        const arm = n.arms[arms[n.g]!];
        if (arm) s += this.render(arm, arms, sc);
      }
    }
    return s;
  }

  /** Printed variables and branch labels along one path; `stats` receives the sum. */
  walk(nodes: readonly Node[], arms: readonly number[], sc: Scenario, printed: VariableInfo[], labels: Label[], stats: Stats | undefined): void {
    for (const n of nodes) {
      if (n.t === 0) {
        stats?.add(n.stats[sc]);
        for (const k of n.vars) if (k >= 0 && !printed.includes(this.vars[k]!)) printed.push(this.vars[k]!);
      } else {
        const i = arms[n.g]!;
        const arm = n.arms[i];
        if (arm) {
          labels.push({ text: this.pickLabel(n.g, i), kind: 'branch' });
          this.walk(arm, arms, sc, printed, labels, stats);
        }
      }
    }
  }

  /** Arms the sample values would take. */
  samplePicks(nodes: readonly Node[], arms: number[]): void {
    for (const n of nodes) {
      if (n.t !== 1) continue;
      const chosen = (arms[n.g] = this.sampleArm(n.part));
      this.samplePicks(n.arms[chosen]!, arms);
    }
  }

  protected printedSample(name: string): string | undefined {
    return this.get(name)?.sampleText;
  }

  get(name: string): VariableInfo | undefined {
    return findVar(this.vars, name);
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

export interface FastOptions {
  readonly sizes: SegmentSizes;
  readonly defaults: Required<VariableDefaults>;
  readonly maxVariants: number;
  readonly extendedInWorst: boolean;
  readonly locale: string;
}

/** Figures of a template with no loops and at most `maxVariants` combinations; otherwise undefined. */
export function fastFigures(parts: readonly Part[], vars: Readonly<Record<string, VariableMeta>>, o: FastOptions): TemplateFigures | undefined {
  const shallow = shallowFigures(parts, vars, o);
  if (shallow) return shallow;
  const m = new Fast(vars, o.extendedInWorst, o.locale);
  const nodes: Node[] = [];
  const variantCount = m.build(parts, nodes);
  if (variantCount < 0 || !(variantCount <= o.maxVariants)) return undefined;
  const sizes = o.sizes;

  let anySample = false;
  for (const v of m.vars) if (resolveInfo(v, vars, o.defaults)) anySample = true;
  m.measureRuns();

  const flat = m.groups.length === 0;
  const run = nodes[0] as Run | undefined;
  const candidates: Variant[] = flat
    ? [{ picks: NO_PICKS, best: run?.stats[BEST] ?? new Stats(), worst: run?.stats[WORST] ?? new Stats() }]
    : m.enumerate(nodes);
  const count = (stats: Stats, arms: readonly number[], sc: Scenario): FigureCount =>
    quickCount(stats, sizes) ?? renderedCount(m.render(nodes, arms, sc), sizes);
  // One combination: the variant has no name.
  const { variants, bestI, worstI } = countVariants(candidates, variantCount !== 1, m, sizes, (picks, sc) => m.render(nodes, m.dense(picks), sc));

  const figure = (sc: Scenario, arms: readonly number[], c: FigureCount | undefined): CaseFigure => {
    // A flat template prints every variable once in body order, with no branch labels.
    if (flat) return caseFigure(sc, c ?? count(run?.stats[sc] ?? new Stats(), arms, sc), m.vars, NO_LABELS);
    const printed: VariableInfo[] = [];
    const labels: Label[] = [];
    const stats = c ? undefined : new Stats();
    m.walk(nodes, arms, sc, printed, labels, stats);
    return caseFigure(sc, c ?? count(stats!, arms, sc), printed, labels);
  };

  const bestF = figure(BEST, m.dense(candidates[bestI]!.picks), variants[bestI]!.best);
  const worstF = figure(WORST, m.dense(candidates[worstI]!.picks), variants[worstI]!.worst);
  const sampleArms = m.dense(NO_PICKS);
  if (!flat) m.samplePicks(nodes, sampleArms);
  const sampleF = figure(SAMPLE, sampleArms, undefined);
  return finishFigures(bestF, worstF, sampleF, { variants, variantCount, variables: m.vars, assumptions: undefined, anySample });
}
