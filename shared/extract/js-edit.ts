// Re-extraction of a JS/TS file after an edit inside one string or template literal (typing in
// an SMS body). Such an edit cannot change how the file tokenizes, only where the tokens after it
// start: the last scan's tokens are shifted, and only the bodies built from that literal are
// built again. Any other edit is refused (undefined) and the caller extracts the whole file.
import { scanJs, Tok, type Tokens } from './js-scanner';
import { JsMatcher, jsPatterns, type JsExtractConfig, type JsPatterns } from './js-extract';
import type { OffsetMap } from './offset-map';
import type { Emitted } from './source-matcher';
import { BINARY_SNIFF } from './guards';
import { owned } from './owned';
import type { Body, ExtractProblem, ExtractResult } from './types';

/** A JS/TS extraction kept for the next edit of the same document. Mutated by reextractJs. */
export interface JsSnapshot {
  text: string;
  readonly config: JsExtractConfig;
  readonly patterns: JsPatterns;
  /** The scan's tokens, owned (the scanner's buffers are reused by the next scan). */
  readonly tokens: Tokens & { readonly start: Int32Array; readonly end: Int32Array };
  /** The bodies in the order the matcher emitted them (problems are in that order too). */
  emitted: readonly Emitted[];
}

export function extractJsKept(text: string, config: JsExtractConfig): { result: ExtractResult; snapshot: JsSnapshot } {
  const patterns = jsPatterns(config);
  const t = scanJs(text, config.marker, patterns.names);
  const n = t.count;
  const tokens = {
    count: n,
    type: t.type.slice(0, n),
    start: t.start.slice(0, n),
    end: t.end.slice(0, n),
    pair: t.pair.slice(0, n),
    newline: t.newline.slice(0, n),
    markers: t.markers,
    candidates: t.candidates,
  };
  const matcher = new JsMatcher(text, tokens, config, patterns);
  const emitted: Emitted[] = (matcher.emitted = []);
  const result = matcher.run();
  return { result, snapshot: { text, config, patterns, tokens, emitted } };
}

/** Where `before` and `after` differ: [at, beforeEnd) was replaced by [at, afterEnd). */
export interface TextChange {
  readonly at: number;
  readonly beforeEnd: number;
  readonly afterEnd: number;
}

const CHUNK = 64;

/** The one replacement that turns `before` into `after` (the longest common prefix and suffix). */
export function editBetween(before: string, after: string): TextChange {
  const min = Math.min(before.length, after.length);
  const at = commonPrefix(before, after, min);
  const tail = commonSuffix(before, after, min - at);
  return { at, beforeEnd: before.length - tail, afterEnd: after.length - tail };
}

// Equal slices are compared natively, far faster than char by char: runs of them grow while they
// match and shrink back when they do not, then the last few chars are compared one by one.
function commonPrefix(a: string, b: string, limit: number): number {
  let at = 0;
  let size = CHUNK;
  while (size >= CHUNK) {
    if (at + size <= limit && a.slice(at, at + size) === b.slice(at, at + size)) {
      at += size;
      size *= 2;
    } else size >>= 1;
  }
  while (at < limit && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

function commonSuffix(a: string, b: string, limit: number): number {
  let tail = 0;
  let size = CHUNK;
  while (size >= CHUNK) {
    if (tail + size <= limit && a.slice(a.length - tail - size, a.length - tail) === b.slice(b.length - tail - size, b.length - tail)) {
      tail += size;
      size *= 2;
    } else size >>= 1;
  }
  while (tail < limit && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  return tail;
}

/** The last token starting before `offset`, or -1. */
function tokenBefore(start: Int32Array, count: number, offset: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (start[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Chars whose presence in the replaced or the new text could end or split the literal: line
 * breaks (a string stops there), a backslash (escapes the next char), the literal's own
 * delimiter, `$` and `{` in a template (a substitution), NUL (the binary-file check).
 */
function touchesSyntax(text: string, from: number, to: number, delimiter: number, template: boolean): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 92 || c === 0 || c === delimiter || (template && (c === 36 || c === 123))) return true;
  }
  return false;
}

/**
 * The extraction of `text`, equal to a full one, when it differs from the snapshot's text by an
 * edit inside one literal's contents (or not at all); then the snapshot is moved to `text`.
 * Otherwise undefined, and the snapshot is left as it was.
 */
export function reextractJs(snap: JsSnapshot, text: string, maxFileSize: number, maxLineLength: number): ExtractResult | undefined {
  const edit = editBetween(snap.text, text);
  const unchanged = edit.at === edit.beforeEnd && edit.at === edit.afterEnd;
  // Unchanged text: k = -1 keeps every body (all "after" the edit, shifted by 0).
  const k = unchanged ? -1 : editedLiteral(snap, text, edit);
  if (k === undefined || (!unchanged && !fileChecksPass(text, edit, maxFileSize, maxLineLength))) return undefined;
  const delta = edit.afterEnd - edit.beforeEnd;
  const t = snap.tokens;
  const { start, end } = t;
  if (delta !== 0) {
    end[k] = end[k]! + delta;
    for (let i = k + 1; i < t.count; i++) {
      start[i] = start[i]! + delta;
      end[i] = end[i]! + delta;
    }
  }
  // Every body but the edited literal's is kept or moved: that loop runs for each body of the file
  // on each keystroke, so the rare rebuild stays out of it (its code stays small and hot).
  const before = snap.emitted;
  const n = before.length;
  const emitted: Emitted[] = new Array(n);
  const rebuild: number[] = [];
  for (let i = 0; i < n; i++) {
    const e = before[i]!;
    const ops = e.operands;
    if (ops[ops.length - 1]![1] - 1 < k) emitted[i] = e;
    else if (ops[0]![0] > k) emitted[i] = shifted(e, delta);
    else rebuild.push(i);
  }
  if (rebuild.length > 0) {
    const matcher = new JsMatcher(text, t, snap.config, snap.patterns);
    for (const i of rebuild) emitted[i] = ownText(matcher.reemit(before[i]!));
  }
  const bodies: Body[] = new Array(n);
  const problems: ExtractProblem[] = [];
  for (let i = 0; i < n; i++) {
    const now = emitted[i]!;
    bodies[i] = now.body;
    if (now.problems.length > 0) for (const p of now.problems) problems.push(p);
  }
  snap.text = text;
  snap.emitted = emitted;
  // As a full extraction orders them: by start, ties in emission order (a stable sort).
  bodies.sort((a, b) => a.range.start - b.range.start);
  return { bodies, problems };
}

/** The string or template token whose contents alone the edit changes, or undefined. */
function editedLiteral(snap: JsSnapshot, after: string, { at, beforeEnd, afterEnd }: TextChange): number | undefined {
  const before = snap.text;
  const t = snap.tokens;
  const k = tokenBefore(t.start, t.count, at);
  if (k < 0) return undefined;
  const type = t.type[k]!;
  const template = type === Tok.Template || type === Tok.TemplateHead || type === Tok.TemplateMiddle || type === Tok.TemplateTail;
  if (type !== Tok.Str && !template) return undefined;
  // Inside the contents: after the opening delimiter, before the closing one (or a `${`).
  const closing = type === Tok.TemplateHead || type === Tok.TemplateMiddle ? 2 : 1;
  if (beforeEnd > t.end[k]! - closing) return undefined;
  const delimiter = template ? 96 : before.charCodeAt(t.start[k]!);
  if (touchesSyntax(before, at, beforeEnd, delimiter, template) || touchesSyntax(after, at, afterEnd, delimiter, template)) return undefined;
  // The char before the edit must not start an escape or a `${`, nor be the CR of an escaped CR LF.
  const prev = before.charCodeAt(at - 1);
  if (prev === 92 || prev === 13 || (template && prev === 36)) return undefined;
  // A string before `:` may be a property key that a call site selects by.
  const next = k + 1;
  if (next < t.count && t.type[next] === Tok.Punct && t.end[next]! - t.start[next]! === 1 && before.charCodeAt(t.start[next]!) === 58) return undefined;
  return k;
}

/** The checks a full extraction makes on the whole file (skipReason), for what the edit changed. */
function fileChecksPass(text: string, { at, beforeEnd, afterEnd }: TextChange, maxFileSize: number, maxLineLength: number): boolean {
  if (text.length > maxFileSize) return false;
  // No line break was typed or removed: only the edited line changed length.
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const nl = text.indexOf('\n', at);
  if ((nl < 0 ? text.length : nl) - lineStart > maxLineLength) return false;
  // No NUL was typed, but a deletion may pull one into the sniffed head.
  if (afterEnd < beforeEnd && at < BINARY_SNIFF) {
    const to = Math.min(BINARY_SNIFF, text.length);
    for (let i = Math.max(at, BINARY_SNIFF - (beforeEnd - afterEnd)); i < to; i++) if (text.charCodeAt(i) === 0) return false;
  }
  return true;
}

// A rebuilt body outlives this version of the document (it is kept until an edit touches it).
// Spelled like the matcher's objects (no spread): the per-keystroke loops see one shape of each.
function ownText(e: Emitted): Emitted {
  const b = e.body;
  const body: Body = { text: owned(b.text), range: b.range, selectedBy: b.selectedBy, syntax: b.syntax, options: b.options, map: b.map };
  return { operands: e.operands, selectedBy: e.selectedBy, body, problems: e.problems };
}

function shifted(e: Emitted, by: number): Emitted {
  if (by === 0) return e;
  const b = e.body;
  const body: Body = { text: b.text, range: { start: b.range.start + by, end: b.range.end + by }, selectedBy: b.selectedBy, syntax: b.syntax, options: b.options, map: shiftMap(b.map, by) };
  const problems = e.problems.length === 0 ? e.problems : e.problems.map((p) => ({ kind: p.kind, message: p.message, range: { start: p.range.start + by, end: p.range.end + by } }));
  return { operands: e.operands, selectedBy: e.selectedBy, body, problems };
}

// Pushed, like the builder's arrays: one kind of array for whoever compares them.
function plus(xs: readonly number[], by: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < xs.length; i++) out.push(xs[i]! + by);
  return out;
}

function shiftMap(m: OffsetMap, by: number): OffsetMap {
  return {
    bodyStarts: m.bodyStarts,
    fileStarts: plus(m.fileStarts, by),
    fileEnds: plus(m.fileEnds, by),
    atomic: m.atomic,
    bodyLength: m.bodyLength,
    anchor: m.anchor + by,
  };
}
