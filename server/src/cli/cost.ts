// `smslint cost`: one row per body with its encoding, segments and cost, most expensive first,
// then the totals; as a table, JSON or CSV. The rows and totals are the shared report's.
import { costRows, costTotals, formatAmountSpan, type CostRow } from '../../../shared/report';
import type { Context } from './context';
import { lintPaths } from './lintRun';
import { groupThousands } from '../../../shared/pricing';

const HEAD = ['body', 'profile', 'encoding', 'segments', 'per recipient', 'recipients', 'campaign', 'plan impact'] as const;

function cells(r: CostRow): string[] {
  return [`${r.file}:${r.line}`, r.profile, r.encoding, r.segments, r.error ? `unknown: ${r.error}` : r.perRecipient, r.recipients === undefined ? '' : groupThousands(r.recipients), r.campaign, r.planImpact];
}

export function costTable(rows: readonly CostRow[]): string {
  if (rows.length === 0) return 'No SMS bodies found.\n';
  const body = rows.map(cells);
  const totals = costTotals(rows).map(formatAmountSpan);
  const foot = [`total (${rows.length} ${rows.length === 1 ? 'body' : 'bodies'})`, '', '', '', '', '', totals.join(' + '), ''];
  const all = [[...HEAD], ...body, foot];
  // reduce, not Math.max(...): a run has more rows than a call takes arguments.
  const widths = HEAD.map((_, i) => all.reduce((w, r) => Math.max(w, r[i]!.length), 0));
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
  const totals = costTotals(rows).map((a) => ({ unit: a.unit, best: a.best.toString(), worst: a.worst.toString(), text: formatAmountSpan(a) }));
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
