// The documented, stable JSON report (docs/cli.md): one object, files in path order.
import type { BodyCost } from '../../../../shared/lint/types';
import { countFindings, type RunReport } from '../report';

export const JSON_REPORT_VERSION = 1;

/** The documented cost fields: the exact amounts stay internal (`smslint cost -f json` has them). */
function displayCost(cost: BodyCost): Omit<BodyCost, 'amounts'> {
  const { amounts: _, ...shown } = cost;
  return shown;
}

export function json(run: RunReport): string {
  const n = countFindings(run.files);
  const report = {
    version: JSON_REPORT_VERSION,
    tool: { name: 'smslint', version: run.version },
    files: run.files.map((f) => ({
      path: f.path,
      ...(f.skipped !== undefined ? { skipped: f.skipped } : {}),
      ...(f.fixed > 0 ? { fixed: f.fixed } : {}),
      ...(f.diff !== undefined ? { diff: f.diff } : {}),
      findings: f.findings.map((x) => ({
        ruleId: x.ruleId,
        severity: x.severity,
        message: x.message,
        line: x.line,
        column: x.column,
        endLine: x.endLine,
        endColumn: x.endColumn,
        offset: x.offset,
        endOffset: x.endOffset,
        ...(x.docsUrl ? { docsUrl: x.docsUrl } : {}),
        fixes: x.fixes.map((fix) => ({
          title: fix.title,
          edits: fix.edits.map((e) => ({ offset: e.offset, endOffset: e.endOffset, line: e.line, column: e.column, endLine: e.endLine, endColumn: e.endColumn, text: e.text })),
        })),
        ...(x.data !== undefined ? { data: x.data } : {}),
      })),
      bodies: f.bodies.map((b) => ({
        line: b.line,
        column: b.column,
        endLine: b.endLine,
        endColumn: b.endColumn,
        offset: b.offset,
        endOffset: b.endOffset,
        selectedBy: b.selectedBy,
        syntax: b.syntax,
        profile: b.profile,
        figures: b.figures,
        ...(b.cost !== undefined ? { cost: displayCost(b.cost) } : {}),
        inlayHint: b.inlayHint,
      })),
    })),
    summary: {
      files: run.files.length,
      skipped: run.files.filter((f) => f.skipped !== undefined).length,
      errors: n.errors,
      warnings: n.warnings,
      infos: n.infos,
      fixableErrors: n.fixableErrors,
      fixableWarnings: n.fixableWarnings,
    },
  };
  return JSON.stringify(report, null, 2) + '\n';
}
