// Helpers for the syntaxes without blocks: a run of literal text between placeholders.
import type { Range } from '../types';
import type { Filter, LiteralPart, Part, ValueKind, VariablePart } from './types';

/** Appends body[start, end) as verbatim literal text, if non-empty. */
export function pushText(parts: Part[], body: string, start: number, end: number): void {
  if (end > start) parts.push({ kind: 'literal', text: body.slice(start, end), range: { start, end }, verbatim: true });
}

/** Filters of a placeholder that has none (shared: parts are never changed once made). */
export const NO_FILTERS: readonly Filter[] = [];

/** Every variable part gets every field, in one order, so the code that reads parts sees one
 * object shape whichever parser made them (absent `format`/`htmlEscaped` are undefined). */
export function variablePart(
  name: string,
  range: Range,
  valueKind: ValueKind,
  filters: readonly Filter[],
  format?: string,
  htmlEscaped?: true,
): VariablePart {
  return { kind: 'variable', name, range, valueKind, filters, format, htmlEscaped };
}

export function escapePart(text: string, start: number, end: number): LiteralPart {
  return { kind: 'literal', text, range: { start, end }, verbatim: false };
}

/** Findings in body order (a stable sort keeps the order of those at one place). */
export function byStart(a: { readonly range: Range }, b: { readonly range: Range }): number {
  return a.range.start - b.range.start;
}

/** The next `s` in `body` at or after a position, searched again only when the last search does
 * not cover it (it started after the position, or found its match before it). Tags are read left
 * to right, so a closer that many unclosed tags share is searched for once, not once per tag. */
export class NextOf {
  private at = -1;
  /** Where the last search started; past any body before the first search. */
  private from = 0x7fffffff;

  constructor(
    private readonly body: string,
    private readonly s: string,
  ) {}

  /** Index of the next `s` at or after `i`, or -1. */
  find(i: number): number {
    if (this.from > i || (this.at < i && this.at >= 0)) {
      this.at = this.body.indexOf(this.s, i);
      this.from = i;
    }
    return this.at;
  }
}

/** Index of the next `s` in `body` at or after `from`, or the body's length when none. */
export function indexOrEnd(body: string, s: string, from: number): number {
  const k = body.indexOf(s, from);
  return k < 0 ? body.length : k;
}

/** A JavaScript regular expression's `\s` (what trim() removes), without a regex call. */
export function isJsSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
