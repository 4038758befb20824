// Helpers for the syntaxes without blocks: a run of literal text between placeholders.
import type { LiteralPart, Part } from './types';

/** Appends body[start, end) as verbatim literal text, if non-empty. */
export function pushText(parts: Part[], body: string, start: number, end: number): void {
  if (end > start) parts.push({ kind: 'literal', text: body.slice(start, end), range: { start, end }, verbatim: true });
}

export function escapePart(text: string, start: number, end: number): LiteralPart {
  return { kind: 'literal', text, range: { start, end }, verbatim: false };
}
