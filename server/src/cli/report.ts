// What one run found, in the shape every formatter renders: the core's LintResult with 1-based
// positions added and paths made relative to the working directory. Pure.
import type { BodySummary, LintResult } from '../../../shared/lint/types';
import type { Severity } from '../../../shared/types';
import type { RuleInfo } from './io';
import { locator } from '../../../shared/text/lines';
import { displayPath } from '../files';

export { displayPath };

/** Where the rule docs are published; a rule's docsPath is appended. */
export const DOCS_BASE_URL = 'https://github.com/smslint/smslint/blob/main/';

export interface Span {
  /** UTF-16 offsets into the file's text (after a UTF-8 BOM, which is not part of the text). */
  readonly offset: number;
  readonly endOffset: number;
  /** 1-based; columns in UTF-16 code units. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface ReportFix {
  readonly title: string;
  readonly edits: readonly (Span & { readonly text: string })[];
}

export interface ReportFinding extends Span {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly fixes: readonly ReportFix[];
  readonly docsUrl: string | undefined;
  readonly data: Readonly<Record<string, unknown>> | undefined;
}

export type ReportBody = Span & BodySummary;

export interface FileReport {
  /** Relative to the working directory, with "/" (or absolute when outside it). */
  readonly path: string;
  readonly absolutePath: string;
  readonly findings: readonly ReportFinding[];
  readonly bodies: readonly ReportBody[];
  /** Why the file was not linted (binary, not UTF-8, too large, minified). */
  readonly skipped: string | undefined;
  /** Edits written by --fix (or that --fix-dry-run would write). */
  readonly fixed: number;
  /** --fix-dry-run: the unified diff of the fix. */
  readonly diff: string | undefined;
}

export interface RunReport {
  readonly files: readonly FileReport[];
  readonly rules: readonly RuleInfo[];
  readonly version: string;
  /** Absolute working directory; paths are relative to it. */
  readonly cwd: string;
}

export interface Counts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly fixableErrors: number;
  readonly fixableWarnings: number;
}

// A dozen rule docs, asked for by every finding of every file: build each URL once.
const docsUrls = new Map<string, string>();
export function docsUrl(docsPath: string | undefined): string | undefined {
  if (!docsPath) return undefined;
  let url = docsUrls.get(docsPath);
  if (url === undefined) {
    if (docsUrls.size > 256) docsUrls.clear();
    docsUrls.set(docsPath, (url = DOCS_BASE_URL + docsPath.replace(/^\/+/, '')));
  }
  return url;
}

export interface FileReportInput {
  readonly cwd: string;
  readonly absolutePath: string;
  readonly text: string;
  readonly result: LintResult | undefined;
  readonly skipped?: string;
  /** --quiet: errors only. */
  readonly quiet: boolean;
  readonly fixed?: number;
  readonly diff?: string;
}

const byPlace = (a: ReportFinding, b: ReportFinding): number =>
  a.offset - b.offset || a.endOffset - b.endOffset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);

export function fileReport(input: FileReportInput): FileReport {
  const at = locator(input.text);
  const span = (start: number, end: number): Span => {
    const s = at(start);
    const e = at(end);
    return { offset: start, endOffset: end, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  };
  const r = input.result;
  const findings: ReportFinding[] = [];
  for (const f of r?.findings ?? []) {
    if (input.quiet && f.severity !== 'error') continue;
    const s = at(f.range.start);
    const e = at(f.range.end);
    findings.push({
      offset: f.range.start, endOffset: f.range.end, line: s.line, column: s.column, endLine: e.line, endColumn: e.column,
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      fixes: f.fixes.length === 0 ? [] : f.fixes.map((x) => ({ title: x.title, edits: x.edits.map((e) => ({ ...span(e.range.start, e.range.end), text: e.text })) })),
      docsUrl: docsUrl(f.docsPath),
      data: f.data,
    });
  }
  // The core returns them in order already, so usually this is one pass that sorts nothing.
  let sorted = true;
  for (let i = 1; i < findings.length && sorted; i++) sorted = byPlace(findings[i - 1]!, findings[i]!) <= 0;
  if (!sorted) findings.sort(byPlace);
  const bodies = (r?.bodies ?? []).map<ReportBody>((b) => {
    const { start, end } = b.range;
    const s = at(start);
    const e = at(end);
    return {
      offset: start, endOffset: end, line: s.line, column: s.column, endLine: e.line, endColumn: e.column,
      selectedBy: b.selectedBy, syntax: b.syntax, profile: b.profile, figures: b.figures, cost: b.cost, inlayHint: b.inlayHint,
    };
  });
  return {
    path: displayPath(input.cwd, input.absolutePath),
    absolutePath: input.absolutePath,
    findings,
    bodies,
    skipped: input.skipped ?? r?.skipped,
    fixed: input.fixed ?? 0,
    diff: input.diff,
  };
}

export function countFindings(files: readonly FileReport[]): Counts {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  for (const f of files) {
    for (const x of f.findings) {
      const fixable = x.fixes.length > 0;
      if (x.severity === 'error') {
        errors++;
        if (fixable) fixableErrors++;
      } else if (x.severity === 'warning') {
        warnings++;
        if (fixable) fixableWarnings++;
      } else infos++;
    }
  }
  return { errors, warnings, infos, fixableErrors, fixableWarnings };
}
