// The commonest template shape measured with plain numbers: printed parts at the top level and
// branch groups whose arms print text and variables only (no nested groups, no loops). Sums are
// kept per case in one Stats slot per arm, branch combinations are counted like an odometer from
// the per-arm sums, and nothing is rendered unless the count needs the text. It computes exactly
// what the general path does (test/templates-fast.test.ts compares them); any other shape returns
// undefined and the next path runs.
import type { SegmentSizes } from '../segments';
import type { Figure, TemplateFigures, VariantFigures } from './figures';
import type { FastOptions } from './fastFigures';
import { BEST, compare, countFrom, measureInto, printedText, renderedCount, SAMPLE, Stats, variableInto3, WORST, type FigureCount, type Scenario } from './measure';
import { armLabel, ArmPicks, armsOf, Choices, completeCase, findVar, finishFigures, NO_LABELS, resolveInfo, varIndex, type CaseFigure, type LabelSource, type VariableInfo } from './report';
import type { BranchPart, LiteralPart, Part, VariablePart } from './types';
import type { VariableMeta } from './variables';

type Printed = LiteralPart | VariablePart;

// Scratch every call reuses (one call at a time; nothing in it outlives the call: what the
// figures keep is made per call). A branchy body made ~1.7 KB of these per call.

/** Variable index of each top-level part (LITERAL, GROUP: not a variable). */
const ROOT_VAR: number[] = [];
/** Variable index of each part of arm k, from `ARM_VAR[ARM_AT[k]]` to `ARM_VAR[ARM_AT[k + 1]]`;
 * arms are numbered across groups, group g's first being `FIRST_ARM[g]`. */
const ARM_VAR: number[] = [];
const ARM_AT: number[] = [];
const FIRST_ARM: number[] = [];
/** Per case: sums of the top level (index sc) and of arm k (index 3 + 3k + sc). */
const SLOTS: Stats[] = [];
/** Where variable k is printed when each is printed once: group and arm (-1: top level). */
const OWNER_GROUP: number[] = [];
const OWNER_ARM: number[] = [];
/** The literal text of the part list being summed. */
const LIT = new Stats();
/** rootVar codes besides variable indices. */
const LITERAL = -1;
const GROUP = -2;


/** Stands for a sample figure that is never shown (see caseOf). */
const UNCOUNTED: Figure = Object.freeze({ encoding: 'GSM-7', units: 0, segments: 0, length: 0, variant: [], values: [] });

class Shallow extends Choices {
  /** Printed variables in body order. */
  readonly vars: VariableInfo[] = [];
  /** Some variable is printed more than once (`figure` then dedupes). */
  private repeated = false;
  /** Variables already in the list `figure` is building (bit k: variable k, k < 31). */
  private seen = 0;
  private printedCount = 0;

  constructor(
    meta: Readonly<Record<string, VariableMeta>>,
    readonly extendedInWorst: boolean,
    locale: string,
  ) {
    super(meta, locale);
  }

  /** Collects variables and branch groups; false when the shape is not this path's. */
  scan(parts: readonly Part[]): boolean {
    let arms = 0;
    let nVar = 0;
    const rootVar = ROOT_VAR;
    const armVar = ARM_VAR;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (p.kind === 'literal') {
        rootVar[i] = LITERAL;
        continue;
      }
      if (p.kind === 'variable') {
        rootVar[i] = this.own(p, -1, -1);
        continue;
      }
      if (p.kind !== 'branch' || p.branches.length === 0) return false;
      rootVar[i] = GROUP;
      FIRST_ARM[this.groups.length] = arms;
      this.groups.push(p);
      const g = this.groups.length - 1;
      const bs = p.branches;
      for (let a = 0; a < bs.length; a++) {
        ARM_AT[arms++] = nVar;
        const ps = bs[a]!.parts;
        for (let j = 0; j < ps.length; j++) {
          const q = ps[j]!;
          if (q.kind === 'variable') armVar[nVar++] = this.own(q, g, a);
          else if (q.kind === 'literal') armVar[nVar++] = LITERAL;
          else return false;
        }
      }
    }
    ARM_AT[arms] = nVar;
    const n = 3 + 3 * arms;
    const slots = SLOTS;
    for (let k = 0; k < n; k++) {
      const st = slots[k];
      if (st === undefined) slots[k] = new Stats();
      else st.len = st.septets = st.flags = st.complex = 0;
    }
    return true;
  }

  /** varIndex, noting where a first use is printed. */
  private own(p: VariablePart, g: number, a: number): number {
    const n = this.vars.length;
    const k = varIndex(this.vars, p);
    if (k === n) {
      OWNER_GROUP[k] = g;
      OWNER_ARM[k] = a;
    } else this.repeated = true;
    return k;
  }

  get(name: string): VariableInfo | undefined {
    return findVar(this.vars, name);
  }

  protected printedSample(name: string): string | undefined {
    return this.get(name)?.sampleText;
  }

  /** Adds the sums of `parts` (variable indices from `pv[from]`) in each case at slot `at`
   * (0: top level, 3 + 3k: arm k). */
  private sum(parts: readonly Part[], pv: readonly number[], from: number, at: number): void {
    const ext = this.extendedInWorst;
    const best = SLOTS[at]!;
    const worst = SLOTS[at + 1]!;
    const sample = SLOTS[at + 2]!;
    // Literal text is the same in every case: summed once, then added to the three.
    const lit = LIT;
    lit.len = lit.septets = lit.flags = lit.complex = 0;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      const k = pv[from + i]!;
      if (k >= 0) {
        const v = this.vars[k]!;
        variableInto3(p as VariablePart, v, ext, best, worst, sample);
      } else if (k === LITERAL) measureInto((p as LiteralPart).text, lit);
    }
    best.add(lit);
    worst.add(lit);
    sample.add(lit);
  }

  /** Fills the sums of the top level and of every arm. */
  measure(parts: readonly Part[]): void {
    this.sum(parts, ROOT_VAR, 0, 0);
    for (let g = 0; g < this.groups.length; g++) {
      const bs = this.groups[g]!.branches;
      for (let i = 0; i < bs.length; i++) {
        const k = FIRST_ARM[g]! + i;
        this.sum(bs[i]!.parts, ARM_VAR, ARM_AT[k]!, 3 + 3 * k);
      }
    }
  }

  /** The count of case `sc` along `arms`, from the sums where that is exact. */
  count(parts: readonly Part[], arms: readonly number[], sc: Scenario, sizes: SegmentSizes): FigureCount {
    const top = SLOTS[sc]!;
    let len = top.len;
    let sep = top.septets;
    let flags = top.flags;
    let complex = top.complex;
    for (let g = 0; g < arms.length; g++) {
      const arm = SLOTS[3 + 3 * (FIRST_ARM[g]! + arms[g]!) + sc]!;
      len += arm.len;
      sep += arm.septets;
      flags |= arm.flags;
      complex += arm.complex;
    }
    return countFrom(len, sep, flags, complex, sizes) ?? renderedCount(this.render(parts, arms, sc), sizes);
  }

  render(parts: readonly Part[], arms: readonly number[], sc: Scenario): string {
    let s = '';
    let g = 0;
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (p.kind === 'branch') {
        const k = FIRST_ARM[g]! + arms[g]!;
        const ps = p.branches[arms[g++]!]!.parts;
        const at = ARM_AT[k]!;
        for (let j = 0; j < ps.length; j++) s += this.printed(ps[j] as Printed, ARM_VAR[at + j]!, sc);
      } else s += this.printed(p as Printed, ROOT_VAR[i]!, sc);
    }
    return s;
  }

  private printed(p: Printed, k: number, sc: Scenario): string {
    return k < 0 ? (p as LiteralPart).text : (printedText(p as VariablePart, this.vars[k]!, sc, this.extendedInWorst) ?? '');
  }

  /** The figure of case `sc` along `arms`; `c`: its count when already known. */
  figure(parts: readonly Part[], arms: readonly number[], sc: Scenario, c: FigureCount | undefined, sizes: SegmentSizes): CaseFigure {
    // Without groups every variable prints once, in body order.
    if (arms.length === 0) return this.caseOf(parts, this.vars, this.vars.length, NO_LABELS, arms, sc, c, sizes);
    // The figure keeps this list (its first n entries are what the case prints).
    const printed = new Array<VariableInfo>(this.vars.length);
    this.printedCount = 0;
    // The combination's number in odometer order: the labels are named from it when read.
    let combination = 0;
    for (let g = 0; g < arms.length; g++) combination = combination * this.groups[g]!.branches.length + arms[g]!;
    const labels = new ArmPicks(this.groups, combination);
    if (!this.repeated) {
      // Each variable printed once: in body order, those at the top level or in a chosen arm.
      const vars = this.vars;
      let n = 0;
      for (let k = 0; k < vars.length; k++) {
        const g = OWNER_GROUP[k]!;
        if (g < 0 || arms[g] === OWNER_ARM[k]) printed[n++] = vars[k]!;
      }
      return this.caseOf(parts, printed, n, labels, arms, sc, c, sizes);
    }
    this.seen = 0;
    let g = 0;
    const rootVar = ROOT_VAR;
    for (let i = 0; i < parts.length; i++) {
      const v = rootVar[i]!;
      if (v !== GROUP) this.print(v, printed);
      else {
        const k = FIRST_ARM[g]! + arms[g]!;
        g++;
        const end = ARM_AT[k + 1]!;
        for (let j = ARM_AT[k]!; j < end; j++) this.print(ARM_VAR[j]!, printed);
      }
    }
    return this.caseOf(parts, printed, this.printedCount, labels, arms, sc, c, sizes);
  }

  /** caseFigure, but a sample case some printed variable has no sample for is not counted: only
   * the names it lacks are read from it (finishFigures drops its figure). */
  private caseOf(parts: readonly Part[], printed: readonly VariableInfo[], n: number, labels: LabelSource, arms: readonly number[], sc: Scenario, c: FigureCount | undefined, sizes: SegmentSizes): CaseFigure {
    if (sc === SAMPLE) {
      let missing: string[] | undefined;
      for (let i = 0; i < n; i++) if (printed[i]!.sampleText === undefined) (missing ??= []).push(printed[i]!.name);
      if (missing) return { fig: UNCOUNTED, missing, labels };
    }
    return completeCase(sc, c ?? this.count(parts, arms, sc, sizes), printed, labels, n);
  }

  /** Adds variable k to `printed` once (a list scan beyond 31). */
  private print(k: number, printed: VariableInfo[]): void {
    if (k < 0) return;
    const v = this.vars[k]!;
    if (k < 31) {
      if (this.seen & (1 << k)) return;
      this.seen |= 1 << k;
    } else {
      for (let i = 0; i < this.printedCount; i++) if (printed[i] === v) return;
    }
    printed[this.printedCount++] = v;
  }
}

/** Every combination's figures in document order (the last group turning fastest), from their
 * counts. */
function listVariants(groups: readonly BranchPart[], bests: readonly FigureCount[], worsts: readonly FigureCount[]): VariantFigures[] {
  const n = bests.length;
  const out = new Array<VariantFigures>(n);
  // One combination has no name.
  if (n === 1) {
    out[0] = { variant: [], best: bests[0]!, worst: worsts[0]! };
    return out;
  }
  const texts = groups.map((p) => p.branches.map((_, i) => armLabel(p, i)));
  const arms = new Array<number>(groups.length).fill(0);
  for (let i = 0; i < n; i++) {
    armsOf(i, groups, arms);
    out[i] = { variant: arms.map((a, g) => texts[g]![a]!), best: bests[i]!, worst: worsts[i]! };
  }
  return out;
}


/** Figures of a template whose branch groups are all at the top level and hold no groups or
 * loops, with at most `maxVariants` combinations; otherwise undefined. */
export function shallowFigures(parts: readonly Part[], vars: Readonly<Record<string, VariableMeta>>, o: FastOptions): TemplateFigures | undefined {
  const m = new Shallow(vars, o.extendedInWorst, o.locale);
  if (!m.scan(parts)) return undefined;
  const groups = m.groups;
  const G = groups.length;
  let variantCount = 1;
  for (const p of groups) {
    variantCount *= p.branches.length;
    if (variantCount > 1e9) variantCount = 1e9;
  }
  if (!(variantCount <= o.maxVariants)) return undefined;
  const sizes = o.sizes;

  let anySample = false;
  for (const v of m.vars) if (resolveInfo(v, vars, o.defaults)) anySample = true;
  m.measure(parts);

  // Every combination in document order, the last group turning fastest; only counted here.
  const bests = new Array<FigureCount>(variantCount);
  const worsts = new Array<FigureCount>(variantCount);
  // Filled by a loop: fill() is a runtime call that costs more than the whole odometer step.
  const arms = new Array<number>(G);
  for (let g = 0; g < G; g++) arms[g] = 0;
  let bestI = 0;
  let worstI = 0;
  const slots = SLOTS;
  const firstArm = FIRST_ARM;
  const topB = slots[BEST]!;
  const topW = slots[WORST]!;
  for (let i = 0; i < variantCount; i++) {
    // The best and worst sums of this combination in one pass over its arms.
    let bl = topB.len;
    let bs = topB.septets;
    let bf = topB.flags;
    let bc = topB.complex;
    let wl = topW.len;
    let ws = topW.septets;
    let wf = topW.flags;
    let wc = topW.complex;
    for (let g = 0; g < G; g++) {
      const k = 3 + 3 * (firstArm[g]! + arms[g]!);
      const b = slots[k]!;
      const w = slots[k + 1]!;
      bl += b.len;
      bs += b.septets;
      bf |= b.flags;
      bc += b.complex;
      wl += w.len;
      ws += w.septets;
      wf |= w.flags;
      wc += w.complex;
    }
    const best = countFrom(bl, bs, bf, bc, sizes) ?? renderedCount(m.render(parts, arms, BEST), sizes);
    const worst = countFrom(wl, ws, wf, wc, sizes) ?? renderedCount(m.render(parts, arms, WORST), sizes);
    bests[i] = best;
    worsts[i] = worst;
    if (i > 0) {
      if (compare(best, bests[bestI]!) < 0) bestI = i;
      if (compare(worst, worsts[worstI]!) > 0) worstI = i;
    }
    for (let g = G - 1; g >= 0; g--) {
      if (++arms[g]! < groups[g]!.branches.length) break;
      arms[g] = 0;
    }
  }

  // `arms` is read only during each call: it holds the best, the worst, then the sample arms.
  const bestF = m.figure(parts, armsOf(bestI, groups, arms), BEST, bests[bestI]!, sizes);
  const worstF = m.figure(parts, armsOf(worstI, groups, arms), WORST, worsts[worstI]!, sizes);
  for (let g = 0; g < G; g++) arms[g] = m.sampleArm(groups[g]!);
  const sampleF = m.figure(parts, arms, SAMPLE, undefined, sizes);
  const variants = (): VariantFigures[] => listVariants(groups, bests, worsts);
  return finishFigures(bestF, worstF, sampleF, { variants, variantCount, variables: m.vars, assumptions: undefined, anySample });
}
