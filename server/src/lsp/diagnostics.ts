// Findings as LSP diagnostics. Each one carries its fixes (already in LSP positions of the
// version it was computed for) in `data`, so code actions are built from it and never recomputed.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Severity } from '../../../shared/types';
import type { LintFinding } from '../../../shared/lint/types';
import type { Analysis } from './analysis';
import { toRange } from './positions';

export const SOURCE = 'smslint';
/** `code` of the diagnostic that says the core failed on a file. */
export const FAILURE_CODE = 'internal-error';

export interface DiagnosticFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

/** What a diagnostic carries for its code actions. */
export interface DiagnosticData {
  readonly ruleId: string;
  /** The document version the fixes' positions belong to. */
  readonly version: number;
  readonly fixes: readonly DiagnosticFix[];
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** `root` is the folder holding docs/rules (the extension's or the package's root). */
export function toDiagnostics(analysis: Analysis, doc: TextDocument, root: string): Diagnostic[] {
  if (analysis.failure !== undefined) {
    const first = analysis.failure.split('\n')[0];
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Warning,
        source: SOURCE,
        code: FAILURE_CODE,
        message: `smslint failed on this file (${first}); other files are still checked. Details are in the smslint output.`,
      },
    ];
  }
  return analysis.result.findings.map((f) => toDiagnostic(f, doc, analysis.version, root));
}

export function toDiagnostic(f: LintFinding, doc: TextDocument, version: number, root: string): Diagnostic {
  const data: DiagnosticData = {
    ruleId: f.ruleId,
    version,
    fixes: f.fixes.map((fix) => ({ title: fix.title, edits: fix.edits.map((e) => ({ range: toRange(doc, e.range), newText: e.text })) })),
  };
  return {
    range: toRange(doc, f.range),
    severity: SEVERITY[f.severity],
    source: SOURCE,
    code: f.ruleId,
    codeDescription: { href: docsUri(root, f.docsPath ?? `docs/rules/${f.ruleId}.md`) },
    message: f.message,
    data,
  };
}

// A handful of rule docs, asked for on every diagnostic of every keystroke: build each URL once.
const docsUris = new Map<string, string>();
function docsUri(root: string, docsPath: string): string {
  const key = `${root}\u0000${docsPath}`;
  let uri = docsUris.get(key);
  if (uri === undefined) {
    if (docsUris.size > 256) docsUris.clear();
    docsUris.set(key, (uri = pathToFileURL(join(root, docsPath)).href));
  }
  return uri;
}

export function isDiagnosticData(v: unknown): v is DiagnosticData {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Record<string, unknown>;
  return typeof d.ruleId === 'string' && typeof d.version === 'number' && Array.isArray(d.fixes);
}
