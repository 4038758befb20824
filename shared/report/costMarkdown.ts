// The cost report as Markdown (the editor's "Show Cost Report"): the CLI table's columns, a row
// per body, the total in the last row.
import { formatAmountSpan } from './amounts';
import { costTotals, type CostRow } from './costTable';
import { groupThousands } from '../pricing';

const HEAD = ['body', 'profile', 'encoding', 'segments', 'per recipient', 'recipients', 'campaign', 'plan impact'] as const;
const ALIGN = ['---', '---', '---', '--:', '--:', '--:', '--:', '---'] as const;

/** A table cell: pipes escaped and line breaks flattened, so one cell stays one cell. */
const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*[\r\n]+\s*/g, ' ');
const code = (s: string) => (s.includes('`') ? cell(s) : `\`${cell(s)}\``);

export interface CostMarkdownOptions {
  /** What the report covers, e.g. the workspace folder's name. */
  readonly title: string;
}

export function costMarkdown(rows: readonly CostRow[], options: CostMarkdownOptions): string {
  const n = rows.length;
  const bodies = `${n} ${n === 1 ? 'body' : 'bodies'}`;
  const lines = [`# smslint cost report: ${cell(options.title)}`, ''];
  if (n === 0) return [...lines, 'No SMS bodies found.', ''].join('\n');
  const totals = costTotals(rows).map(formatAmountSpan);
  const total = totals.length ? totals.join(' + ') : 'unknown';
  const unknown = rows.filter((r) => !r.amount).length;
  lines.push(
    `${bodies} · campaign cost ${total}${unknown ? ` · ${unknown} without a cost` : ''}`,
    '',
    `| ${HEAD.join(' | ')} |`,
    `|${ALIGN.join('|')}|`,
  );
  for (const r of rows) {
    const cells = [
      code(`${r.file}:${r.line}`),
      cell(r.profile),
      r.encoding,
      r.segments,
      r.error ? `unknown: ${cell(r.error)}` : cell(r.perRecipient),
      r.recipients === undefined ? '' : groupThousands(r.recipients),
      cell(r.campaign),
      cell(r.planImpact),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  lines.push(`| **total (${bodies})** | | | | | | **${total}** | |`, '');
  return lines.join('\n');
}
