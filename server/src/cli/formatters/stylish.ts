// ESLint's "stylish": findings grouped by file, `line:col severity message rule`, then a summary
// with the counts and what every body costs per campaign.
import { formatAmountSpan, parseAmountSpan, sumAmounts } from '../amounts';
import { countFindings, type RunReport } from '../report';

const codes = { red: 31, yellow: 33, cyan: 36, green: 32, dim: 2, bold: 1, underline: 4 } as const;
type Paint = (style: keyof typeof codes, s: string) => string;

export function paint(color: boolean): Paint {
  return color ? (style, s) => `\u001b[${codes[style]}m${s}\u001b[${style === 'dim' || style === 'bold' ? 22 : style === 'underline' ? 24 : 39}m` : (_, s) => s;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Campaign totals over every body, per unit: "$0.04–$0.06" (credits and dollars apart). */
export function costSummary(run: RunReport): string | undefined {
  const bodies = run.files.flatMap((f) => f.bodies);
  if (bodies.length === 0) return undefined;
  const amounts = bodies.map((b) => parseAmountSpan(b.cost?.campaign ?? b.cost?.perRecipient));
  const totals = sumAmounts(amounts).map(formatAmountSpan);
  const unknown = amounts.filter((a) => a === undefined).length;
  const parts = [plural(bodies.length, 'SMS body', 'SMS bodies')];
  if (totals.length > 0) parts.push(`campaign cost ${totals.join(' + ')}`);
  if (unknown > 0) parts.push(`${unknown} without a cost (see smslint cost)`);
  return parts.join(' · ');
}

export function stylish(run: RunReport, options: { readonly color: boolean }): string {
  const c = paint(options.color);
  const out: string[] = [];
  for (const file of run.files) {
    if (file.findings.length === 0) continue;
    const rows = file.findings.map((f) => ({
      pos: `${f.line}:${f.column}`,
      sev: f.severity,
      msg: f.message.replace(/\s*[\r\n]+\s*/g, ' '),
      rule: f.ruleId,
    }));
    const wPos = Math.max(...rows.map((r) => r.pos.length));
    const wSev = Math.max(...rows.map((r) => r.sev.length));
    const wMsg = Math.max(...rows.map((r) => r.msg.length));
    out.push('', c('underline', file.path));
    for (const r of rows) {
      const sev = r.sev.padEnd(wSev);
      const colored = r.sev === 'error' ? c('red', sev) : r.sev === 'warning' ? c('yellow', sev) : c('cyan', sev);
      out.push(`  ${c('dim', r.pos.padEnd(wPos))}  ${colored}  ${r.msg.padEnd(wMsg)}  ${c('dim', r.rule)}`);
    }
  }
  const n = countFindings(run.files);
  const total = n.errors + n.warnings + n.infos;
  const cost = costSummary(run);
  if (total > 0) {
    const counts = `${plural(total, 'problem')} (${plural(n.errors, 'error')}, ${plural(n.warnings, 'warning')}${n.infos ? `, ${n.infos} info` : ''})`;
    out.push('', c('bold', c(n.errors ? 'red' : 'yellow', `✖ ${counts}`)));
    if (n.fixableErrors + n.fixableWarnings > 0) {
      out.push(c('dim', `  ${plural(n.fixableErrors, 'error')} and ${plural(n.fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`));
    }
  } else {
    const linted = run.files.filter((f) => f.skipped === undefined).length;
    out.push(c('green', `✔ no problems in ${plural(linted, 'file')}`));
  }
  if (cost) out.push(c('dim', `  ${cost}`));
  return out.join('\n') + '\n';
}
