// What the editor shows of a lint result besides diagnostics: hovers, inlay hints and the
// figures of the body under the cursor (the VS Code status item). All text comes from the core.
import { MarkupKind, type Hover, type InlayHint, type Range as LspRange } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { bodyAt, findingsAt } from '../../../shared/lint';
import type { BodyReport, LintResult } from '../../../shared/lint/types';
import { toRange } from './positions';

/** The answer to `smslint/figures` (client/src/figures.ts reads it). */
export interface FiguresResponse {
  readonly encoding: string;
  readonly segments: { readonly best: number; readonly worst: number };
  readonly costText?: string;
  readonly selectedBy: string;
  readonly inlayHint: string;
}

/** An offending character's hover wins over its body's; several findings at one place are stacked. */
export function hoverAt(doc: TextDocument, result: LintResult, offset: number): Hover | null {
  // Each finding's markdown is written when read: read it once.
  const hovers = findingsAt(result, offset).flatMap((f) => {
    const text = f.hover;
    return text ? [{ range: f.range, text }] : [];
  });
  if (hovers.length > 0) {
    const start = Math.min(...hovers.map((h) => h.range.start));
    const end = Math.max(...hovers.map((h) => h.range.end));
    return { contents: { kind: MarkupKind.Markdown, value: hovers.map((h) => h.text).join('\n\n---\n\n') }, range: toRange(doc, { start, end }) };
  }
  const body = bodyAt(result, offset);
  if (!body) return null;
  return { contents: { kind: MarkupKind.Markdown, value: body.hover }, range: toRange(doc, body.range) };
}

export function inlayHints(doc: TextDocument, result: LintResult, range: LspRange): InlayHint[] {
  const from = doc.offsetAt(range.start);
  const to = doc.offsetAt(range.end);
  const text = doc.getText();
  return result.bodies
    .filter((b) => b.inlayHint !== '' && b.range.end >= from && b.range.end <= to)
    .map((b) => ({ position: doc.positionAt(afterClosingQuote(text, b.range.start, b.range.end)), label: b.inlayHint, paddingLeft: true, tooltip: tooltipOf(b) }));
}

// A body from a string literal ends before its closing quote; the hint reads better after it.
function afterClosingQuote(text: string, start: number, end: number): number {
  const q = text[end];
  return (q === '"' || q === "'" || q === '`') && text[start - 1] === q ? end + 1 : end;
}

function tooltipOf(b: BodyReport): string {
  return b.cost?.campaign ? `smslint: ${b.selectedBy}; campaign ${b.cost.campaign}` : `smslint: ${b.selectedBy}`;
}

export function figuresAt(result: LintResult, offset: number): FiguresResponse | null {
  const body = bodyAt(result, offset);
  if (!body) return null;
  const { encoding, segments } = body.figures;
  return {
    encoding: encoding.best === encoding.worst ? encoding.worst : `${encoding.best} or ${encoding.worst}`,
    segments: { best: segments.best, worst: segments.worst },
    ...(body.cost?.perRecipient ? { costText: body.cost.perRecipient } : {}),
    selectedBy: body.selectedBy,
    inlayHint: body.inlayHint,
  };
}
