// The cost report's rows: one per SMS body with its encoding, segments and cost, most expensive
// first, and the exact totals per unit. Pure; the CLI (table, JSON, CSV) and the language server
// (Markdown) render the same rows.
import type { BodyCost, BodyFigures, LintResult } from '../lint/types';
import { bodyAmount, sumAmounts, type AmountSpan } from './amounts';
import { locator } from '../text/lines';

/** One body as the table needs it: its place (1-based, UTF-16 columns) and what the core said of it. */
export interface CostBodyInput {
  readonly line: number;
  readonly column: number;
  readonly profile: string;
  readonly figures: BodyFigures;
  readonly cost: BodyCost | undefined;
}

export interface CostFileInput {
  /** As shown: relative to the folder the report is about, with "/". */
  readonly path: string;
  readonly bodies: readonly CostBodyInput[];
}

export interface CostRow {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly profile: string;
  /** "GSM-7", or "GSM-7–UCS-2" when a variable may turn it. */
  readonly encoding: string;
  /** "1" or "1–3". */
  readonly segments: string;
  /** '' when the cost is unknown (see `error`). */
  readonly perRecipient: string;
  readonly recipients: number | undefined;
  readonly campaign: string;
  readonly planImpact: string;
  /** Why the body has no cost, else ''. */
  readonly error: string;
  /** Exact amount it sorts and totals by (the campaign's). */
  readonly amount: AmountSpan | undefined;
}

/** The bodies of one linted document, placed by line and column of its text. */
export function costFileOf(path: string, text: string, result: LintResult): CostFileInput {
  const at = locator(text);
  return {
    path,
    bodies: result.bodies.map((b) => ({ ...at(b.range.start), profile: b.profile, figures: b.figures, cost: b.cost })),
  };
}

const range = (a: string | number, b: string | number) => (a === b ? String(a) : `${a}–${b}`);

export function costRows(files: readonly CostFileInput[]): CostRow[] {
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
      amount: bodyAmount(b.cost),
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

/** Campaign totals per unit, over the rows that have a cost. */
export function costTotals(rows: readonly CostRow[]): AmountSpan[] {
  return sumAmounts(rows.map((r) => r.amount));
}
