// Findings as LSP diagnostics. The rule is the diagnostic's `code`; a diagnostic with quick fixes
// carries them in `data` as LSP edits, so code actions are built from it and never recomputed.
// Nothing else rides along: a big file publishes every diagnostic on every keystroke.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type Range as LspRange, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Fix, Range, Severity } from '../../../shared/types';
import type { LintFinding } from '../../../shared/lint/types';
import type { Analysis } from './analysis';
import { toRange } from './positions';
import { editBetween, type TextChange } from '../../../shared/extract';

export const SOURCE = 'smslint';
/** `code` of the diagnostic that says the core failed on a file. */
export const FAILURE_CODE = 'internal-error';

/** What a diagnostic with quick fixes carries for its code actions. */
export interface DiagnosticData {
  /** The finding's quick fixes, preferred first; an edit without a range replaces the diagnostic's range. */
  readonly fixes: readonly { readonly title: string; readonly edits: readonly DataEdit[] }[];
}

export interface DataEdit {
  readonly range?: LspRange;
  readonly newText: string;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * One document's last diagnostics, so a keystroke rebuilds only those that changed or moved (and
 * the writer can reuse their JSON: see jsonEncoder.ts). An edit changes the findings in one place:
 * the ones before it and after it are matched to last time's by content, in order.
 */
export class DiagnosticReuse {
  private findings: readonly LintFinding[] = [];
  private shown: readonly Diagnostic[] = [];
  private text = '';

  /** Diagnostics for `findings`, each one the same object as last time when nothing about it changed. */
  diagnostics(findings: readonly LintFinding[], doc: TextDocument, root: string): Diagnostic[] {
    const before = this.findings;
    const shown = this.shown;
    const text = doc.getText();
    const n = findings.length;
    const m = before.length;
    let head = 0;
    while (head < n && head < m && sameFinding(findings[head]!, before[head]!)) head++;
    let tail = 0;
    while (tail < n - head && tail < m - head && sameFinding(findings[n - 1 - tail]!, before[m - 1 - tail]!)) tail++;
    // Where the text changed: offsets before the edit keep their line and character, and so do
    // offsets past the end of its line when it added or removed no line break.
    const edit = editBetween(this.text, text);
    const delta = edit.afterEnd - edit.beforeEnd;
    const settled = linesKept(this.text, text, edit) ? nextLineStart(text, edit.afterEnd) : Infinity;
    // A range keeps its line and character when it lies wholly before the edit, or past its line.
    const kept = (r: Range, was: Range): boolean =>
      (r.end < edit.at && r.start === was.start && r.end === was.end) || (r.start >= settled && r.start - delta === was.start && r.end - delta === was.end);
    const out: Diagnostic[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const f = findings[i]!;
      const j = i < head ? i : i >= n - tail ? i - n + m : -1;
      // Matched by content from either end: where it sits decides, not which end matched it. A fix
      // may edit past its finding (a YAML scalar's closing quote): its edits must stay put too.
      if (j >= 0 && kept(f.range, before[j]!.range) && fixesKept(f.fixes, before[j]!.fixes, kept)) {
        out[i] = shown[j]!;
        continue;
      }
      const range = toRange(doc, f.range);
      const last = j >= 0 ? shown[j]! : undefined;
      const plain = f.fixes.length === 0 && last !== undefined && last.data === undefined;
      out[i] = plain && sameRange(last.range, range) ? last : toDiagnostic(f, range, root, doc);
    }
    this.findings = findings;
    this.shown = out;
    this.text = text;
    return out;
  }
}

const isLineBreak = (c: number): boolean => c === 10 || c === 13;

/** Did the edit leave every line break as it was (none typed or removed, no CR LF joined or split)? */
function linesKept(before: string, after: string, { at, beforeEnd, afterEnd }: TextChange): boolean {
  for (let i = at; i < beforeEnd; i++) if (isLineBreak(before.charCodeAt(i))) return false;
  for (let i = at; i < afterEnd; i++) if (isLineBreak(after.charCodeAt(i))) return false;
  return !(before.charCodeAt(at - 1) === 13 && (before.charCodeAt(beforeEnd) === 10 || after.charCodeAt(afterEnd) === 10));
}

/** Where the line after the one holding `offset` starts (the text's length when there is none). */
function nextLineStart(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return text.length;
}

/** The fixes are last time's, edit for edit, each range kept as `kept` tells. */
function fixesKept(now: readonly Fix[], was: readonly Fix[], kept: (r: Range, was: Range) => boolean): boolean {
  if (now === was) return true;
  if (now.length !== was.length) return false;
  for (let i = 0; i < now.length; i++) {
    const a = now[i]!;
    const b = was[i]!;
    if (a.title !== b.title || a.edits.length !== b.edits.length) return false;
    for (let k = 0; k < a.edits.length; k++) if (a.edits[k]!.text !== b.edits[k]!.text || !kept(a.edits[k]!.range, b.edits[k]!.range)) return false;
  }
  return true;
}

// Everything a diagnostic shows but its range.
const sameFinding = (a: LintFinding, b: LintFinding): boolean =>
  a === b || (a.ruleId === b.ruleId && a.message === b.message && a.severity === b.severity && a.docsPath === b.docsPath);

const sameRange = (a: LspRange, b: LspRange): boolean =>
  a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

/** `root` is the folder holding docs/rules (the extension's or the package's root). */
export function toDiagnostics(analysis: Analysis, doc: TextDocument, root: string, reuse?: DiagnosticReuse): Diagnostic[] {
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
  if (reuse) return reuse.diagnostics(analysis.result.findings, doc, root);
  return analysis.result.findings.map((f) => toDiagnostic(f, toRange(doc, f.range), root, doc));
}

function toDiagnostic(f: LintFinding, range: LspRange, root: string, doc: TextDocument): Diagnostic {
  return {
    range,
    severity: SEVERITY[f.severity],
    source: SOURCE,
    code: f.ruleId,
    codeDescription: docsLink(root, f.docsPath ?? `docs/rules/${f.ruleId}.md`),
    message: f.message,
    ...(f.fixes.length === 0 ? {} : { data: dataOf(f, range, doc) }),
  };
}

function dataOf(f: LintFinding, range: LspRange, doc: TextDocument): DiagnosticData {
  return {
    fixes: f.fixes.map((fix) => ({
      title: fix.title,
      edits: fix.edits.map((e) => {
        const at = toRange(doc, e.range);
        return sameRange(at, range) ? { newText: e.text } : { range: at, newText: e.text };
      }),
    })),
  };
}

// A handful of rules, on every diagnostic of every keystroke: their docs links and data are built
// once and shared (diagnostics are never mutated).
const docsLinks = new Map<string, { readonly href: string }>();
function docsLink(root: string, docsPath: string): { readonly href: string } {
  const key = `${root}\u0000${docsPath}`;
  let link = docsLinks.get(key);
  if (link === undefined) {
    if (docsLinks.size > 256) docsLinks.clear();
    docsLinks.set(key, (link = { href: pathToFileURL(join(root, docsPath)).href }));
  }
  return link;
}

/** The rule of one of our diagnostics (its code), or undefined for another source's or a failure notice. */
export function ruleOf(d: Diagnostic): string | undefined {
  return d.source === SOURCE && typeof d.code === 'string' && d.code !== FAILURE_CODE ? d.code : undefined;
}

/** The quick fixes `d` carries, as LSP edits. */
export function fixesOf(d: Diagnostic): { readonly title: string; readonly edits: TextEdit[] }[] | undefined {
  const data = d.data as Partial<DiagnosticData> | undefined;
  if (!data || !Array.isArray(data.fixes)) return undefined;
  return data.fixes.map((fix) => ({ title: fix.title, edits: fix.edits.map((e: DataEdit) => ({ range: e.range ?? d.range, newText: e.newText })) }));
}
