// ESLint's "stylish": findings grouped by file, `line:col severity message rule`, then a summary
// with the counts and what every body costs per campaign.
import { bodyAmount, formatAmountSpan, type AmountSpan, type AmountUnit } from '../../../../shared/report';
import { countFindings, type Counts, type FileReport, type RunReport } from '../report';

const codes = { red: 31, yellow: 33, cyan: 36, green: 32, dim: 2, bold: 1, underline: 4 } as const;
export type Paint = (style: keyof typeof codes, s: string) => string;

export function paint(color: boolean): Paint {
  return color ? (style, s) => `\u001b[${codes[style]}m${s}\u001b[${style === 'dim' || style === 'bold' ? 22 : style === 'underline' ? 24 : 39}m` : (_, s) => s;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One file's share of the summary: its finding counts, whether it was skipped, each body's exact cost. */
export interface FileTally extends Counts {
  readonly skipped: boolean;
  readonly costs: readonly (AmountSpan | undefined)[];
}

/** A file's share of the summary, taken where it was linted (a worker sends only this). */
export function fileTally(r: FileReport): FileTally {
  const { errors, warnings, infos, fixableErrors, fixableWarnings } = countFindings([r]);
  const costs = r.bodies.length === 0 ? [] : r.bodies.map((b) => bodyAmount(b.cost));
  return { errors, warnings, infos, fixableErrors, fixableWarnings, skipped: r.skipped !== undefined, costs };
}

/** What the summary lines need of a run, gathered file by file (so a long run keeps no reports). */
export class StylishTotals {
  errors = 0;
  warnings = 0;
  infos = 0;
  fixableErrors = 0;
  fixableWarnings = 0;
  /** Files linted (not skipped). */
  linted = 0;
  bodies = 0;
  /** Bodies whose cost could not be read. */
  unknown = 0;
  /** Campaign totals per unit, in the order the units first appear. */
  readonly totals = new Map<AmountUnit, { best: bigint; worst: bigint }>();

  add(file: FileReport): void {
    this.addTally(fileTally(file));
  }

  /** A file's share, as counted where it was linted (possibly another thread). */
  addTally(t: FileTally): void {
    this.errors += t.errors;
    this.warnings += t.warnings;
    this.infos += t.infos;
    this.fixableErrors += t.fixableErrors;
    this.fixableWarnings += t.fixableWarnings;
    if (!t.skipped) this.linted++;
    for (const c of t.costs) this.addBody(c);
  }

  /** One body's campaign cost (undefined: unknown). */
  addBody(a: AmountSpan | undefined): void {
    this.bodies++;
    if (!a) {
      this.unknown++;
      return;
    }
    const t = this.totals.get(a.unit);
    if (t) {
      t.best += a.best;
      t.worst += a.worst;
    } else this.totals.set(a.unit, { best: a.best, worst: a.worst });
  }
}

function costLine(t: StylishTotals): string | undefined {
  if (t.bodies === 0) return undefined;
  const totals = [...t.totals].map(([unit, v]) => formatAmountSpan({ unit, ...v }));
  const parts = [plural(t.bodies, 'SMS body', 'SMS bodies')];
  if (totals.length > 0) parts.push(`campaign cost ${totals.join(' + ')}`);
  if (t.unknown > 0) parts.push(`${t.unknown} without a cost (see smslint cost)`);
  return parts.join(' · ');
}

/** One file's block ("" when it has no findings): a blank line, the path, a row per finding. */
export function stylishFile(file: FileReport, c: Paint): string {
  const { findings } = file;
  if (findings.length === 0) return '';
  const msgs = findings.map((f) => (/[\r\n]/.test(f.message) ? f.message.replace(/\s*[\r\n]+\s*/g, ' ') : f.message));
  let wPos = 0;
  let wSev = 0;
  let wMsg = 0;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    wPos = Math.max(wPos, `${f.line}:${f.column}`.length);
    wSev = Math.max(wSev, f.severity.length);
    wMsg = Math.max(wMsg, msgs[i]!.length);
  }
  // Joined, not concatenated: a run keeps every block until the end, and a flat string is one
  // object for the collector to move where a `+=` chain is dozens.
  const out = ['', c('underline', file.path)];
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    const sev = f.severity.padEnd(wSev);
    const colored = f.severity === 'error' ? c('red', sev) : f.severity === 'warning' ? c('yellow', sev) : c('cyan', sev);
    out.push(`  ${c('dim', `${f.line}:${f.column}`.padEnd(wPos))}  ${colored}  ${msgs[i]!.padEnd(wMsg)}  ${c('dim', f.ruleId)}`);
  }
  return out.join('\n');
}

/** The closing lines: counts, what --fix could do, and the campaign cost. */
export function stylishSummary(t: StylishTotals, c: Paint): string {
  const out: string[] = [];
  const total = t.errors + t.warnings + t.infos;
  const cost = costLine(t);
  if (total > 0) {
    const counts = `${plural(total, 'problem')} (${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}${t.infos ? `, ${t.infos} info` : ''})`;
    out.push('', c('bold', c(t.errors ? 'red' : 'yellow', `✖ ${counts}`)));
    if (t.fixableErrors + t.fixableWarnings > 0) {
      out.push(c('dim', `  ${plural(t.fixableErrors, 'error')} and ${plural(t.fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`));
    }
  } else {
    out.push(c('green', `✔ no problems in ${plural(t.linted, 'file')}`));
  }
  if (cost) out.push(c('dim', `  ${cost}`));
  return out.join('\n');
}

/** File blocks, then the summary; `blocks` are stylishFile's results ('' ones are left out). */
export function joinStylish(blocks: readonly string[], summary: string): string {
  const parts = blocks.filter((b) => b !== '');
  parts.push(summary);
  return parts.join('\n') + '\n';
}

export function stylish(run: RunReport, options: { readonly color: boolean }): string {
  const c = paint(options.color);
  const totals = new StylishTotals();
  for (const f of run.files) totals.add(f);
  return joinStylish(run.files.map((f) => stylishFile(f, c)), stylishSummary(totals, c));
}
