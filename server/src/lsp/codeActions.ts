// Code actions: each diagnostic's own fixes (from its `data`, never recomputed; offered only while
// the current lint still has that finding, so edits of an older version are never applied), fix
// all of a rule, fix all in the file (also as source.fixAll.smslint, for "fix on save"), and a
// disable-next-line directive.
import { CodeActionKind, TextDocumentEdit, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAll } from '../../../shared/lint';
import type { LintFinding } from '../../../shared/lint/types';
import type { Analysis } from './analysis';
import { fixesOf, ruleOf } from './diagnostics';
import { disableAction } from './disable';
import { toRange } from './positions';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.smslint`;

export interface EditCapabilities {
  /** The client takes versioned document edits (and then refuses edits made for an older version). */
  readonly documentChanges: boolean;
}

/** `analysis` must be of the document's current version. */
export function codeActions(params: CodeActionParams, doc: TextDocument, analysis: Analysis, caps: EditCapabilities): CodeAction[] {
  const out: CodeAction[] = [];
  const fixAllOf = memoFixAll(doc, analysis);
  const edit = (version: number, edits: readonly TextEdit[]) => workspaceEdit(doc.uri, version, edits, caps);
  const seenRules = new Set<string>();
  const ours = params.context.diagnostics.flatMap((d) => {
    const ruleId = ruleOf(d);
    return ruleId === undefined ? [] : [{ d, ruleId }];
  });
  for (const { d, ruleId } of ours) {
    // A diagnostic of an older version whose finding is gone offers no fix: its own list follows.
    const finding = findingOf(doc, analysis, d);
    const fixes = finding === undefined ? [] : fixesOf(d) ?? finding.fixes.map((fix) => ({ title: fix.title, edits: fix.edits.map((e) => ({ range: toRange(doc, e.range), newText: e.text })) }));
    fixes.forEach((fix, i) => {
      out.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: i === 0, edit: edit(analysis.version, [...fix.edits]) });
    });
    if (!seenRules.has(ruleId)) {
      seenRules.add(ruleId);
      const fixable = analysis.result.findings.filter((f) => f.ruleId === ruleId && f.fixes.length > 0).length;
      const all = fixable > 1 ? fixAllOf([ruleId]) : [];
      if (all.length > 0) {
        out.push({ title: `Fix all ${ruleId} problems in this file`, kind: CodeActionKind.QuickFix, diagnostics: ours.filter((o) => o.ruleId === ruleId).map((o) => o.d), edit: edit(analysis.version, all) });
      }
    }
    const disable = disableAction(analysis.path, doc, d.range.start.line, ruleId, analysis.result.bodies);
    if (disable) out.push({ title: disable.title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: edit(analysis.version, [disable.edit]) });
  }
  const all = analysis.result.findings.some((f) => f.fixes.length > 0) ? fixAllOf(undefined) : [];
  if (all.length > 0) {
    if (ours.length > 0) out.push({ title: 'Fix all smslint problems in this file', kind: CodeActionKind.QuickFix, edit: edit(analysis.version, all) });
    out.push({ title: 'Fix all smslint problems', kind: FIX_ALL_KIND, edit: edit(analysis.version, all) });
  }
  const only = params.context.only;
  return only ? out.filter((a) => only.some((k) => a.kind === k || a.kind?.startsWith(`${k}.`))) : out;
}

/** The finding `d` shows in the current lint: the same rule and message at the same place. */
function findingOf(doc: TextDocument, analysis: Analysis, d: Diagnostic): LintFinding | undefined {
  const start = doc.offsetAt(d.range.start);
  const end = doc.offsetAt(d.range.end);
  const { findings } = analysis.result;
  // Findings are sorted by start: the first one starting here, then its neighbours.
  let lo = 0;
  let hi = findings.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (findings[mid]!.range.start < start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < findings.length && findings[i]!.range.start === start; i++) {
    const f = findings[i]!;
    if (f.range.end === end && f.ruleId === d.code && f.message === d.message) return f;
  }
  return undefined;
}

function memoFixAll(doc: TextDocument, analysis: Analysis) {
  const memo = new Map<string, TextEdit[]>();
  return (ruleIds: readonly string[] | undefined): TextEdit[] => {
    const key = ruleIds?.join(',') ?? '*';
    let edits = memo.get(key);
    if (!edits) {
      const r = fixAll(doc.getText(), analysis.result, ruleIds);
      edits = r.edits.map((e) => ({ range: toRange(doc, e.range), newText: e.text }));
      memo.set(key, edits);
    }
    return edits;
  };
}

export function workspaceEdit(uri: string, version: number, edits: readonly TextEdit[], caps: EditCapabilities): WorkspaceEdit {
  return caps.documentChanges
    ? { documentChanges: [TextDocumentEdit.create({ uri, version }, [...edits])] }
    : { changes: { [uri]: [...edits] } };
}
