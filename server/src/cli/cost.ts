// `smslint cost`: one row per body with its encoding, segments and cost, most expensive first,
// then the totals; as a table, JSON or CSV.
import { formatAmountSpan, parseAmountSpan, sumAmounts, type AmountSpan } from './amounts';
import type { Context } from './context';
import { lintPaths } from './lintRun';
import type { FileReport } from './report';

export interface CostRow {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly profile: string;
  /** "GSM-7", or "GSM-7–UCS-2" when a variable may turn it. */
  readonly encoding: string;
  /** "1" or "1–3". */
  readonly segments: string;
  readonly perRecipient: string;
  readonly recipients: number | undefined;
  readonly campaign: string;
  readonly planImpact: string;
  readonly error: string;
  /** Exact amount it sorts and totals by (campaign, else per recipient). */
  readonly amount: AmountSpan | undefined;
}

const range = (a: string | number, b: string | number) => (a === b ? String(a) : `${a}–${b}`);

export function costRows(files: readonly FileReport[]): CostRow[] {
  const rows = files.flatMap((f) =>
    f.bodies.map<CostRow>((b) => ({
      file: f.path,
      line: b.line,
      column: b.column,
      profile: b.profile,
      encoding: range(b.figures.encoding.best, b.figures.encoding.worst),
      segments: range(b.figures.segments.best, b.figures.segments.worst),
      perRecipient: b.cost?.error ? '' : (b.cost?.perRecipient ?? ''),
      recipients: b.cost?.recipients,
      campaign: b.cost?.campaign ?? '',
      planImpact: b.cost?.planImpact ?? '',
      error: b.cost?.error ?? '',
      amount: parseAmountSpan(b.cost?.campaign ?? b.cost?.perRecipient),
    })),
  );
  // Most expensive first (dollars before credits); rows without a cost last; then by place.
  const key = (r: CostRow) => (r.amount ? (r.amount.unit === 'usd' ? 0 : 1) : 2);
  return rows.sort(
    (a, b) =>
      key(a) - key(b) ||
      (a.amount && b.amount ? Number(b.amount.worst - a.amount.worst) || Number(b.amount.best - a.amount.best) : 0) ||
      a.file.localeCompare(b.file) ||
      a.line - b.line,
  );
}

export function costTotals(rows: readonly CostRow[]): string[] {
  return sumAmounts(rows.map((r) => r.amount)).map(formatAmountSpan);
}

const HEAD = ['body', 'profile', 'encoding', 'segments', 'per recipient', 'recipients', 'campaign', 'plan impact'] as const;

function cells(r: CostRow): string[] {
  return [`${r.file}:${r.line}`, r.profile, r.encoding, r.segments, r.error ? `unknown: ${r.error}` : r.perRecipient, r.recipients?.toLocaleString('en-US') ?? '', r.campaign, r.planImpact];
}

export function costTable(rows: readonly CostRow[]): string {
  if (rows.length === 0) return 'No SMS bodies found.\n';
  const body = rows.map(cells);
  const totals = costTotals(rows);
  const foot = [`total (${rows.length} ${rows.length === 1 ? 'body' : 'bodies'})`, '', '', '', '', '', totals.join(' + '), ''];
  const all = [[...HEAD], ...body, foot];
  const widths = HEAD.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const numeric = new Set([3, 4, 5, 6]);
  const line = (r: string[]) => r.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(all[0]!), rule, ...body.map(line), rule, line(foot)].join('\n') + '\n';
}

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

export function costCsv(rows: readonly CostRow[]): string {
  const head = ['file', 'line', 'column', 'profile', 'encoding', 'segments', 'perRecipient', 'recipients', 'campaign', 'planImpact', 'error'];
  const lines = rows.map((r) =>
    [r.file, String(r.line), String(r.column), r.profile, r.encoding, r.segments, r.perRecipient, r.recipients === undefined ? '' : String(r.recipients), r.campaign, r.planImpact, r.error]
      .map(csvCell)
      .join(','),
  );
  return [head.join(','), ...lines].join('\r\n') + '\r\n';
}

export function costJson(rows: readonly CostRow[]): string {
  const totals = sumAmounts(rows.map((r) => r.amount)).map((a) => ({ unit: a.unit, best: a.best.toString(), worst: a.worst.toString(), text: formatAmountSpan(a) }));
  const out = {
    rows: rows.map(({ amount, ...r }) => ({ ...r, ...(amount ? { amount: { unit: amount.unit, best: amount.best.toString(), worst: amount.worst.toString() } } : {}) })),
    totals,
  };
  return JSON.stringify(out, null, 2) + '\n';
}

export function runCost(ctx: Context): number {
  const { reports } = lintPaths(ctx);
  const rows = costRows(reports);
  const format = ctx.options.format ?? 'table';
  ctx.io.stdout.write(format === 'json' ? costJson(rows) : format === 'csv' ? costCsv(rows) : costTable(rows));
  return ctx.failed() ? 2 : 0;
}
