// Code actions: each diagnostic's own fixes (from its `data`), fix all of a rule, fix all in the
// file (also as source.fixAll.smslint, for "fix on save"), and a disable-next-line directive.
import { CodeActionKind, TextDocumentEdit, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAll } from '../../../shared/lint';
import type { Analysis } from './analysis';
import { isDiagnosticData, SOURCE } from './diagnostics';
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
  const ours = params.context.diagnostics.filter((d) => d.source === SOURCE && isDiagnosticData(d.data));
  for (const d of ours) {
    const data = d.data as { ruleId: string; version: number; fixes: { title: string; edits: TextEdit[] }[] };
    data.fixes.forEach((fix, i) => {
      out.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: i === 0, edit: edit(data.version, fix.edits) });
    });
    if (!seenRules.has(data.ruleId)) {
      seenRules.add(data.ruleId);
      const fixable = analysis.result.findings.filter((f) => f.ruleId === data.ruleId && f.fixes.length > 0).length;
      const all = fixable > 1 ? fixAllOf([data.ruleId]) : [];
      if (all.length > 0) {
        out.push({ title: `Fix all ${data.ruleId} problems in this file`, kind: CodeActionKind.QuickFix, diagnostics: diagnosticsOf(ours, data.ruleId), edit: edit(analysis.version, all) });
      }
    }
    const disable = disableAction(analysis.path, doc, d.range.start.line, data.ruleId, analysis.result.bodies);
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

function diagnosticsOf(ds: readonly Diagnostic[], ruleId: string): Diagnostic[] {
  return ds.filter((d) => (d.data as { ruleId: string }).ruleId === ruleId);
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
