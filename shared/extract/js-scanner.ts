// A JS/TS tokenizer over char codes. It follows the grammar where string and template literals,
// comments and regular expressions begin and end (the regex-vs-division rules are those of
// js-tokens, plus TS's postfix `!`), which is all extraction needs, and it runs several times
// faster than a full parser. Only significant tokens are stored, in a TokenBuffer.
import { TokenBuffer, nameKey, type TokenArrays } from './token-buffer';
import { asciiClasses, DIGIT, IDENT, numberEnd, startsWithMarker } from './lexemes';

export const enum Tok {
  // Ident to Num as BaseTok (token-buffer.ts) numbers them.
  Ident = 1,
  Punct,
  Str,
  Num,
  Regex,
  /** `...` with no substitution. */
  Template,
  /** `...${ */
  TemplateHead,
  /** }...${ */
  TemplateMiddle,
  /** }...` */
  TemplateTail,
  Private,
}

export interface Tokens extends TokenArrays {
  /** 1 when a line break precedes the token. */
  readonly newline: Uint8Array;
}

// What the previous significant token says about a following `/` (and `{`).
const enum Prev {
  /** An operand ended: `/` divides. */
  Value,
  /** An operator or opener: `/` starts a regex, `{` is an object literal. */
  Operator,
  /** Start, `;`, a block's `}`, `)` after if/for/while/with, `=>`: `/` starts a regex, `{` is a block. */
  Statement,
  /** A keyword after which an expression follows (return, typeof, ...). */
  Keyword,
}

// ASCII character classes.
const SPACE = 4;
const CLASS = asciiClasses(/[A-Za-z$_\\]/);
for (const c of [32, 9, 11, 12]) CLASS[c] = SPACE;

function isIdentPart(c: number): boolean {
  if (c < 128) return (CLASS[c] & (IDENT | DIGIT)) !== 0;
  return !isSpace(c) && c !== 0x2028 && c !== 0x2029;
}

function isSpace(c: number): boolean {
  if (c < 128) return CLASS[c] === SPACE;
  return c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 0x1680 || c === 0x202f || c === 0x205f;
}

function isNewline(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/** How a keyword at text[i, i+len) affects what follows; 0 = not one of ours. */
function keyword(text: string, i: number, len: number): Prev | -1 | 0 {
  const c = text.charCodeAt(i);
  // Only these first letters start a keyword we care about.
  if (c < 97 || c > 121) return 0;
  switch (len) {
    case 2:
      if (text.startsWith('do', i) || text.startsWith('in', i)) return Prev.Keyword;
      if (text.startsWith('if', i)) return -1;
      return 0;
    case 3:
      if (text.startsWith('new', i)) return Prev.Keyword;
      if (text.startsWith('for', i)) return -1;
      return 0;
    case 4:
      if (text.startsWith('case', i) || text.startsWith('else', i) || text.startsWith('void', i)) return Prev.Keyword;
      if (text.startsWith('with', i)) return -1;
      return 0;
    case 5:
      if (text.startsWith('await', i) || text.startsWith('throw', i) || text.startsWith('yield', i)) return Prev.Keyword;
      if (text.startsWith('while', i)) return -1;
      return 0;
    case 6:
      return text.startsWith('return', i) || text.startsWith('typeof', i) || text.startsWith('delete', i) ? Prev.Keyword : 0;
    case 7:
      return text.startsWith('default', i) ? Prev.Keyword : 0;
    case 10:
      return text.startsWith('instanceof', i) ? Prev.Keyword : 0;
  }
  return 0;
}

/** Length of the punctuator at i (longest match). */
function punctLength(text: string, i: number, c: number): number {
  const c2 = text.charCodeAt(i + 1);
  const c3 = text.charCodeAt(i + 2);
  switch (c) {
    case 46: // .
      return c2 === 46 && c3 === 46 ? 3 : 1;
    case 61: // = == === =>
      if (c2 === 62) return 2;
      return c2 === 61 ? (c3 === 61 ? 3 : 2) : 1;
    case 33: // ! != !==
      return c2 === 61 ? (c3 === 61 ? 3 : 2) : 1;
    case 63: // ? ?. ?? ??=
      if (c2 === 46) return c3 >= 48 && c3 <= 57 ? 1 : 2;
      if (c2 === 63) return c3 === 61 ? 3 : 2;
      return 1;
    case 43: // + ++ +=
    case 45:
      return c2 === c || c2 === 61 ? 2 : 1;
    case 38: // & && &= &&=
    case 124:
      if (c2 === c) return c3 === 61 ? 3 : 2;
      return c2 === 61 ? 2 : 1;
    case 42: // * ** *= **=
      if (c2 === 42) return c3 === 61 ? 3 : 2;
      return c2 === 61 ? 2 : 1;
    case 60: // < << <= <<=
      if (c2 === 60) return c3 === 61 ? 3 : 2;
      return c2 === 61 ? 2 : 1;
    case 62: // > >> >>> >= >>= >>>=
      if (c2 === 62) {
        if (c3 === 62) return text.charCodeAt(i + 3) === 61 ? 4 : 3;
        return c3 === 61 ? 3 : 2;
      }
      return c2 === 61 ? 2 : 1;
    case 47: // / /=
    case 37:
    case 94:
      return c2 === 61 ? 2 : 1;
  }
  return 1;
}

const markerSkipped = (c: number): boolean => isSpace(c) || c === 42; // `/** smslint-template */`

/** Set by templateChunk: 1 a backtick closed the chunk, 0 a `${`, -1 the file end. */
let closedBy = 0;

/** End of the template chunk that starts at i (after ` or }); sets `closedBy`. */
function templateChunk(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 96) { closedBy = 1; return i + 1; }
    if (c === 92) { i += 2; continue; }
    if (c === 36 && text.charCodeAt(i + 1) === 123) { closedBy = 0; return i + 2; }
    i++;
  }
  closedBy = -1;
  return n;
}

/** Tokens of `text`. They share buffers with the next call: read them before scanning again. */
export function scanJs(text: string, marker: string, names: ReadonlySet<number> = new Set()): Tokens {
  const n = text.length;
  // Stack flags: for `(`, 1 when it follows if/for/while/with; for `{`, 1 when it opens an expression.
  const s = new TokenBuffer(n);
  let prev: Prev = Prev.Statement;
  let parenKeyword = false; // the last identifier was if/for/while/with

  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (text.startsWith('#!', i)) {
    while (i < n && !isNewline(text.charCodeAt(i))) i++;
  }
  while (i < n) {
    const c = text.charCodeAt(i);
    const cls = c < 128 ? CLASS[c] : 0;
    if (cls === SPACE) {
      i++;
      while (CLASS[text.charCodeAt(i)] === SPACE) i++; // indentation runs
      continue;
    }
    if (c === 10 || c === 13) { s.nextInfo = 1; i++; continue; }
    if (cls === IDENT || (c >= 128 && isIdentPart(c))) {
      let j = i + 1;
      for (;;) {
        const d = text.charCodeAt(j);
        if (d < 128 ? CLASS[d] & (IDENT | DIGIT) : j < n && isIdentPart(d)) j += d === 92 ? 2 : 1;
        else break;
      }
      const k = s.push(Tok.Ident, i, j);
      if (names.has(nameKey(j - i, c))) s.candidates.push(k);
      const afterDot = k > 0 && s.type[k - 1] === Tok.Punct && text.charCodeAt(s.end[k - 1] - 1) === 46 && s.end[k - 1] - s.start[k - 1] <= 2;
      const kw = afterDot ? 0 : keyword(text, i, j - i);
      parenKeyword = kw === -1;
      prev = kw === Prev.Keyword ? Prev.Keyword : Prev.Value;
      i = j;
      continue;
    }
    if (c >= 128) {
      if (isNewline(c)) s.nextInfo = 1;
      i++; // other spaces, or a stray character
      continue;
    }
    if (cls === DIGIT || (c === 46 && (CLASS[text.charCodeAt(i + 1)] ?? 0) === DIGIT)) {
      const j = numberEnd(text, i, CLASS);
      s.push(Tok.Num, i, j);
      prev = Prev.Value;
      parenKeyword = false;
      i = j;
      continue;
    }
    if (c === 39 || c === 34) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === c) { j++; break; }
        if (d === 92) { j += text.charCodeAt(j + 1) === 13 && text.charCodeAt(j + 2) === 10 ? 3 : 2; continue; }
        if (d === 10 || d === 13) break; // unterminated: stop at the line end
        j++;
      }
      if (j > n) j = n;
      s.push(Tok.Str, i, j);
      prev = Prev.Value;
      parenKeyword = false;
      i = j;
      continue;
    }
    if (c === 47 /* / */) {
      const c2 = text.charCodeAt(i + 1);
      if (c2 === 47) {
        let j = i + 2;
        while (j < n && !isNewline(text.charCodeAt(j))) j++;
        if (startsWithMarker(text, i + 2, j, marker, markerSkipped, isIdentPart)) s.pendingMarker = true;
        i = j;
        continue;
      }
      if (c2 === 42) {
        const close = text.indexOf('*/', i + 2);
        const j = close < 0 ? n : close;
        if (startsWithMarker(text, i + 2, j, marker, markerSkipped, isIdentPart)) s.pendingMarker = true;
        for (let k = i + 2; k < j; k++) if (isNewline(text.charCodeAt(k))) { s.nextInfo = 1; break; }
        i = close < 0 ? n : close + 2;
        continue;
      }
      if (prev !== Prev.Value) {
        // A regular expression literal; a class may hold an unescaped `/`.
        let j = i + 1;
        let inClass = false;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (isNewline(d)) break;
          if (d === 92) { j += 2; continue; }
          if (d === 91) inClass = true;
          else if (d === 93) inClass = false;
          else if (d === 47 && !inClass) { j++; break; }
          j++;
        }
        while (j < n && isIdentPart(text.charCodeAt(j))) j++;
        s.push(Tok.Regex, i, Math.min(j, n));
        prev = Prev.Value;
        parenKeyword = false;
        i = Math.min(j, n);
        continue;
      }
    }
    if (c === 96) {
      const j = templateChunk(text, i + 1);
      if (closedBy === 0) {
        s.open(s.push(Tok.TemplateHead, i, j), 0);
        prev = Prev.Operator;
      } else {
        s.push(Tok.Template, i, j);
        prev = Prev.Value;
      }
      parenKeyword = false;
      i = j;
      continue;
    }
    if (c === 35 /* # */) {
      let j = i + 1;
      while (j < n && isIdentPart(text.charCodeAt(j))) j++;
      s.push(Tok.Private, i, j);
      prev = Prev.Value;
      parenKeyword = false;
      i = j;
      continue;
    }
    if (c === 125 /* } */ && s.depth > 0) {
      const top = s.stack[s.depth - 1];
      if (s.type[top] !== Tok.Punct) {
        // Closes a template substitution: the template goes on.
        const j = templateChunk(text, i + 1);
        s.depth--;
        const k = s.push(closedBy === 0 ? Tok.TemplateMiddle : Tok.TemplateTail, i, j);
        s.pair[top] = k;
        if (closedBy === 0) {
          s.open(k, 0);
          prev = Prev.Operator;
        } else prev = Prev.Value;
        parenKeyword = false;
        i = j;
        continue;
      }
    }
    const len = punctLength(text, i, c);
    const k = s.push(Tok.Punct, i, i + len);
    const wasParenKeyword = parenKeyword;
    parenKeyword = false;
    i += len;
    if (len === 1) {
      if (c === 40 /* ( */) {
        s.open(k, wasParenKeyword ? 1 : 0);
        prev = Prev.Operator;
      } else if (c === 91 /* [ */) {
        s.open(k, 0);
        prev = Prev.Operator;
      } else if (c === 123 /* { */) {
        s.open(k, prev === Prev.Operator || prev === Prev.Keyword ? 1 : 0);
        prev = Prev.Operator;
      } else if (c === 41 || c === 93 || c === 125) {
        // Close the nearest matching opener, but never past an open template substitution.
        const flag = s.close(text, k, c);
        if (flag >= 0) {
          if (c === 41) prev = flag ? Prev.Statement : Prev.Value;
          else if (c === 93) prev = Prev.Value;
          else prev = flag ? Prev.Value : Prev.Statement;
        } else prev = c === 125 ? Prev.Statement : Prev.Value;
      } else if (c === 59 /* ; */) prev = Prev.Statement;
      else if (c === 33 /* ! */ && prev === Prev.Value) {
        // After an operand `!` can only be TS's non-null assertion `x!`: the operand goes on.
      } else prev = Prev.Operator;
    } else if ((c === 43 || c === 45) && len === 2 && text.charCodeAt(i - 1) === c) {
      // ++/-- after an operand is postfix (the operand goes on); otherwise prefix.
      if (prev !== Prev.Value) prev = Prev.Operator;
    } else if (len === 2 && c === 61 && text.charCodeAt(i - 1) === 62) {
      prev = Prev.Statement; // `=>`: a body follows; `{` opens a block
    } else prev = Prev.Operator;
  }
  s.finish();
  return { count: s.count, type: s.type, start: s.start, end: s.end, pair: s.pair, newline: s.info, markers: s.markers, candidates: s.candidates };
}
