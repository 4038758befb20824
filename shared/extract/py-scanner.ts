// A Python tokenizer over char codes, written to the grammar of the reference tokenizer for what
// extraction needs: string literals with every prefix (r u b f t, rb br fr rf tr rt in any case),
// single, double and triple quotes, f-string replacement fields nested as Python 3.12 (PEP 701)
// allows, comments, line continuations and logical line ends. Only significant tokens are
// stored, in a TokenBuffer, like js-scanner.ts (a full parser would be several times slower).
import { TokenBuffer, nameKey, type TokenArrays } from './token-buffer';
import { asciiClasses, DIGIT, IDENT, numberEnd, startsWithMarker } from './lexemes';

export const enum PyTok {
  // Ident to Num as BaseTok (token-buffer.ts) numbers them.
  Ident = 1,
  Punct,
  Str,
  Num,
  /** The end of a logical line (never inside brackets, after a continuation or a blank line). */
  Newline,
}

/** Prefix and quoting of a string token. */
export const enum StrFlag {
  Raw = 1,
  Bytes = 2,
  /** f-string or t-string: `{expr}` fields. */
  Format = 4,
  Triple = 8,
  Unterminated = 16,
}

export interface PyTokens extends TokenArrays {
  /** For strings: StrFlag bits, and the prefix length in the bits above 5. */
  readonly flags: Uint8Array;
}

const CLASS = asciiClasses(/[A-Za-z_]/);

function isIdentPart(c: number): boolean {
  return c < 128 ? (CLASS[c] & (IDENT | DIGIT)) !== 0 : c === c; // NaN (past the end) is not
}

/** StrFlag bits for the prefix text[i, i+len) when a quote follows it, or -1. */
export function prefixFlags(text: string, i: number, len: number): number {
  if (len > 2) return -1;
  let flags = 0;
  let letters = 0;
  for (let k = i; k < i + len; k++) {
    const c = text.charCodeAt(k) | 32;
    const bit = c === 114 ? StrFlag.Raw : c === 98 ? StrFlag.Bytes : c === 102 || c === 116 ? StrFlag.Format : c === 117 ? 32 : -1;
    if (bit < 0 || letters & bit) return -1;
    letters |= bit;
    flags |= bit & 31;
  }
  // u stands alone; b and f/t never combine.
  if (letters & 32 && len > 1) return -1;
  if (flags & StrFlag.Bytes && flags & StrFlag.Format) return -1;
  if (len === 2 && !(flags & StrFlag.Raw)) return -1;
  return flags;
}

/** Set by scanString: the literal ran into a line end (or the file end) before its closing quote. */
let unterminated = false;

/**
 * End of the string literal whose opening quote is at `q`, after its closing quote; an
 * unterminated one stops at its line end (or the file end). `fields`, if given, receives each
 * top-level replacement field as [open brace, expression end, closing brace + 1, debug `=`].
 */
export function scanString(text: string, q: number, flags: number, fields?: number[]): number {
  const n = text.length;
  const quote = text.charCodeAt(q);
  const triple = text.charCodeAt(q + 1) === quote && text.charCodeAt(q + 2) === quote;
  const fmt = (flags & StrFlag.Format) !== 0;
  const raw = (flags & StrFlag.Raw) !== 0;
  let i = q + (triple ? 3 : 1);
  unterminated = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 92) {
      const d = text.charCodeAt(i + 1);
      if (fmt) {
        // `\N{…}` is one escape, not a field; elsewhere a backslash does not escape a brace.
        if (d === 78 && !raw && text.charCodeAt(i + 2) === 123) {
          const close = text.indexOf('}', i + 3);
          const eol = lineEnd(text, i);
          if (close >= 0 && close < eol) { i = close + 1; continue; }
        }
        if (d === 123 || d === 125) { i++; continue; }
      }
      i += d === 13 && text.charCodeAt(i + 2) === 10 ? 3 : 2;
      continue;
    }
    if (c === quote) {
      if (!triple) return i + 1;
      if (text.charCodeAt(i + 1) === quote && text.charCodeAt(i + 2) === quote) return i + 3;
      i++;
      continue;
    }
    if ((c === 10 || c === 13) && !triple) break;
    if (fmt && c === 123) {
      if (text.charCodeAt(i + 1) === 123) { i += 2; continue; }
      i = scanField(text, i, quote, triple, fields);
      if (unterminated) return i;
      continue;
    }
    if (fmt && c === 125) {
      i += text.charCodeAt(i + 1) === 125 ? 2 : 1;
      continue;
    }
    i++;
  }
  unterminated = true;
  return Math.min(i, n);
}

function lineEnd(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl;
}

/** A replacement field from its `{`: expression, optional `=`, `!conversion`, `:format spec`. */
function scanField(text: string, open: number, quote: number, triple: boolean, fields: number[] | undefined): number {
  const n = text.length;
  let i = open + 1;
  let depth = 0;
  let exprEnd = -1;
  let debug = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if ((c === 10 || c === 13) && !triple) return stop(i);
    if (c === 39 || c === 34) {
      // A nested string (any quote, as PEP 701 allows).
      i = scanString(text, i, 0);
      if (unterminated) return i;
      continue;
    }
    if (c < 128 ? CLASS[c] === IDENT : c === c) {
      let j = i + 1;
      while (isIdentPart(text.charCodeAt(j))) j++;
      const q = text.charCodeAt(j);
      const f = (q === 39 || q === 34) && exprEnd < 0 ? prefixFlags(text, i, j - i) : -1;
      if (f >= 0) {
        i = scanString(text, j, f);
        if (unterminated) return i;
      } else i = j;
      continue;
    }
    if (c === 35 /* # */ && exprEnd < 0) {
      i = lineEnd(text, i);
      continue;
    }
    if (c === 92) { i += 2; continue; }
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93) { if (depth > 0) depth--; }
    else if (c === 125) {
      if (depth === 0) {
        fields?.push(open, exprEnd < 0 ? i : exprEnd, i + 1, debug);
        return i + 1;
      }
      depth--;
    } else if (depth === 0 && c === 33 /* ! */ && text.charCodeAt(i + 1) !== 61) {
      if (exprEnd < 0) exprEnd = i;
    } else if (depth === 0 && c === 58 /* : */) {
      if (exprEnd < 0) exprEnd = i;
      const close = scanSpec(text, i + 1, quote, triple);
      if (unterminated || text.charCodeAt(close) !== 125) return stop(close);
      fields?.push(open, exprEnd, close + 1, debug);
      return close + 1;
    } else if (depth === 0 && c === 61 /* = */ && exprEnd < 0) {
      const p = text.charCodeAt(i - 1);
      if (p !== 61 && p !== 33 && p !== 60 && p !== 62 && text.charCodeAt(i + 1) !== 61) {
        let k = i + 1;
        while (text.charCodeAt(k) === 32) k++;
        const after = text.charCodeAt(k);
        if (after === 125 || after === 33 || after === 58) {
          exprEnd = i;
          debug = 1;
        }
      }
    }
    i++;
  }
  return stop(n);
}

function stop(i: number): number {
  unterminated = true;
  return i;
}

/** A format spec after `:`: text with nested fields, up to the field's `}` (returns its index). */
function scanSpec(text: string, i: number, quote: number, triple: boolean): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 125) return i;
    if (c === quote || ((c === 10 || c === 13) && !triple)) return stop(i);
    if (c === 123) {
      i = scanField(text, i, quote, triple, undefined);
      if (unterminated) return i;
      continue;
    }
    i += c === 92 ? 2 : 1;
  }
  return stop(n);
}

/** Length of the operator at i (longest match, enough to tell `=` from `==`, `+` from `+=`). */
function punctLength(text: string, i: number, c: number): number {
  const c2 = text.charCodeAt(i + 1);
  if (c === 46) return c2 === 46 && text.charCodeAt(i + 2) === 46 ? 3 : 1;
  if (c === 45 && c2 === 62) return 2; // ->
  if (c === 40 || c === 41 || c === 91 || c === 93 || c === 123 || c === 125 || c === 44 || c === 59 || c === 126) return 1;
  if ((c === 42 || c === 47 || c === 60 || c === 62) && c2 === c) return text.charCodeAt(i + 2) === 61 ? 3 : 2;
  return c2 === 61 ? 2 : 1;
}

const markerSkipped = (c: number): boolean => c === 32 || c === 9;

/**
 * Tokens of a Python source; identifiers whose nameKey is in `names` are kept as candidates.
 * They share buffers with the next call (of either scanner): read them before scanning again.
 */
export function scanPy(text: string, marker: string, names: ReadonlySet<number> = new Set()): PyTokens {
  const n = text.length;
  const s = new TokenBuffer(n);
  let lineHasTokens = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 12) { i++; continue; }
    if (c === 10 || c === 13) {
      if (lineHasTokens && s.depth === 0) {
        s.push(PyTok.Newline, i, i);
        lineHasTokens = false;
      }
      i++;
      continue;
    }
    if (c === 35 /* # */) {
      const j = lineEnd(text, i);
      const e = text.charCodeAt(j - 1) === 13 ? j - 1 : j;
      if (startsWithMarker(text, i + 1, e, marker, markerSkipped, isIdentPart)) s.pendingMarker = true;
      i = j;
      continue;
    }
    if (c === 92 /* \ */) {
      // A line continuation joins the next line; anything else is a stray backslash.
      const d = text.charCodeAt(i + 1);
      i += d === 13 && text.charCodeAt(i + 2) === 10 ? 3 : 2;
      continue;
    }
    lineHasTokens = true;
    if (c < 128 ? CLASS[c] === IDENT : true) {
      let j = i + 1;
      while (isIdentPart(text.charCodeAt(j))) j++;
      const q = text.charCodeAt(j);
      const f = q === 39 || q === 34 ? prefixFlags(text, i, j - i) : -1;
      if (f >= 0) {
        i = pushString(s, text, i, j, f);
        continue;
      }
      const k = s.push(PyTok.Ident, i, j);
      if (names.has(nameKey(j - i, c))) s.candidates.push(k);
      i = j;
      continue;
    }
    if (CLASS[c] === DIGIT || (c === 46 && CLASS[text.charCodeAt(i + 1)] === DIGIT)) {
      const j = numberEnd(text, i, CLASS);
      s.push(PyTok.Num, i, j);
      i = j;
      continue;
    }
    if (c === 39 || c === 34) {
      i = pushString(s, text, i, i, 0);
      continue;
    }
    const len = punctLength(text, i, c);
    const k = s.push(PyTok.Punct, i, i + len);
    if (len === 1) {
      if (c === 40 || c === 91 || c === 123) s.open(k, 0);
      // Close the nearest matching opener (the reference tokenizer would stop; we go on).
      else if (c === 41 || c === 93 || c === 125) s.close(text, k, c);
    }
    i += len;
  }
  if (lineHasTokens) s.push(PyTok.Newline, n, n);
  s.finish();
  return { count: s.count, type: s.type, start: s.start, end: s.end, pair: s.pair, flags: s.info, markers: s.markers, candidates: s.candidates };
}

function pushString(s: TokenBuffer, text: string, start: number, q: number, flags: number): number {
  const end = scanString(text, q, flags);
  const triple = text.charCodeAt(q + 1) === text.charCodeAt(q) && text.charCodeAt(q + 2) === text.charCodeAt(q) && end - q >= 3;
  s.push(PyTok.Str, start, end, flags | (triple ? StrFlag.Triple : 0) | (unterminated ? StrFlag.Unterminated : 0) | ((q - start) << 5));
  return end;
}
