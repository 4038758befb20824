// Liquid: `{{ x | filter: arg }}` output, `{% … %}` tags (zero output), `-` whitespace control.
import type { Range } from '../types';
import { OTHERWISE, TreeBuilder } from './blocks';
import { byStart, indexOrEnd, isJsSpace, NextOf, NO_FILTERS, variablePart } from './flat';
import type { BranchTest, Filter, Template, TemplateFinding, ValueKind, ValueOp } from './types';

type Arg = { kind: 'string'; value: string } | { kind: 'number'; value: number } | { kind: 'name'; value: string };

function parseArg(raw: string): Arg {
  return parseArgAt(raw, 0, raw.length);
}

/** parseArg(s.slice(a, z)), read in place: only a string's or a name's own text is sliced. */
function parseArgAt(s: string, a: number, z: number): Arg {
  while (a < z && isJsSpace(s.charCodeAt(a))) a++;
  while (z > a && isJsSpace(s.charCodeAt(z - 1))) z--;
  const q = a < z ? s.charCodeAt(a) : -1;
  if ((q === 0x22 || q === 0x27) && z - a >= 2 && s.charCodeAt(z - 1) === q) return { kind: 'string', value: s.slice(a + 1, z - 1) };
  if ((q === 0x2d || (q >= 0x30 && q <= 0x39)) && isDecimal(s, a, z)) return { kind: 'number', value: Number(s.slice(a, z)) };
  return { kind: 'name', value: s.slice(a, z) };
}

/** `/^-?\d+(\.\d+)?$/` on s[a, z), char by char. */
function isDecimal(s: string, a: number, z: number): boolean {
  if (s.charCodeAt(a) === 0x2d) a++;
  const digits = a;
  while (a < z && isDigit(s.charCodeAt(a))) a++;
  if (a === digits) return false;
  if (a === z) return true;
  if (s.charCodeAt(a) !== 0x2e) return false;
  const fraction = ++a;
  while (a < z && isDigit(s.charCodeAt(a))) a++;
  return a === z && a > fraction;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** The filters we know. Numeric ones print a number: digits are always GSM-7. */
const enum F {
  Unknown,
  Numeric,
  Upcase,
  Downcase,
  Capitalize,
  /** Leaves our filler values (letters, digits) the same length. */
  Keep,
  Default,
  Truncate,
  TruncateWords,
  Append,
  Prepend,
  Replace,
  ReplaceFirst,
  Remove,
  RemoveFirst,
  Strip,
  Lstrip,
  Rstrip,
}

/** The filter named `name`, told by its length and first letter before one full compare (a
 * string switch would compare the name with every case in turn). */
function filterKind(name: string): F {
  const c = name.charCodeAt(0);
  switch (name.length) {
    case 1:
      return c === 0x68 ? F.Keep : F.Unknown; // h
    case 3:
      return name === 'abs' ? F.Numeric : F.Unknown;
    case 4:
      return name === 'plus' || name === 'ceil' || name === 'size' ? F.Numeric : F.Unknown;
    case 5:
      if (c === 0x73) return name === 'strip' ? F.Strip : F.Unknown;
      return name === 'minus' || name === 'times' || name === 'round' || name === 'floor' ? F.Numeric : F.Unknown;
    case 6:
      switch (c) {
        case 0x75:
          return name === 'upcase' ? F.Upcase : F.Unknown;
        case 0x6d:
          return name === 'modulo' ? F.Numeric : F.Unknown;
        case 0x65:
          return name === 'escape' ? F.Keep : F.Unknown;
        case 0x61:
          return name === 'append' ? F.Append : F.Unknown;
        case 0x72:
          return name === 'remove' ? F.Remove : name === 'rstrip' ? F.Rstrip : F.Unknown;
        case 0x6c:
          return name === 'lstrip' ? F.Lstrip : F.Unknown;
      }
      return F.Unknown;
    case 7:
      switch (c) {
        case 0x64:
          return name === 'default' ? F.Default : F.Unknown;
        case 0x61:
          return name === 'at_most' ? F.Numeric : F.Unknown;
        case 0x70:
          return name === 'prepend' ? F.Prepend : F.Unknown;
        case 0x72:
          return name === 'replace' ? F.Replace : F.Unknown;
      }
      return F.Unknown;
    case 8:
      if (c === 0x64) return name === 'downcase' ? F.Downcase : F.Unknown;
      if (c === 0x74) return name === 'truncate' ? F.Truncate : F.Unknown;
      return name === 'at_least' ? F.Numeric : F.Unknown;
    case 10:
      if (c === 0x64) return name === 'divided_by' ? F.Numeric : F.Unknown;
      if (c === 0x63) return name === 'capitalize' ? F.Capitalize : F.Unknown;
      return name === 'strip_html' ? F.Keep : F.Unknown;
    case 11:
      return name === 'escape_once' ? F.Keep : F.Unknown;
    case 12:
      return name === 'remove_first' ? F.RemoveFirst : F.Unknown;
    case 13:
      if (c === 0x74) return name === 'truncatewords' ? F.TruncateWords : F.Unknown;
      return name === 'replace_first' ? F.ReplaceFirst : F.Unknown;
    case 14:
      return name === 'strip_newlines' ? F.Keep : F.Unknown;
  }
  return F.Unknown;
}

const KEEP: ValueOp = { op: 'keep' };
const UPPER: ValueOp = { op: 'case', to: 'upper' };
const LOWER: ValueOp = { op: 'case', to: 'lower' };
const CAPITALIZE: ValueOp = { op: 'case', to: 'capitalize' };

/** The argument when it is a string. */
function strArg(a: Arg | undefined): string | undefined {
  return a?.kind === 'string' ? a.value : undefined;
}

/** The argument when it is a whole number of at least 0. */
function numArg(a: Arg | undefined): number | undefined {
  return a?.kind === 'number' && Number.isInteger(a.value) && a.value >= 0 ? a.value : undefined;
}

/** What a filter does, from its argument count and first two arguments (no filter reads more). */
function filterOp(kind: F, count: number, a0: Arg | undefined, a1: Arg | undefined): ValueOp | null {
  switch (kind) {
    case F.Numeric:
    case F.Keep:
      return KEEP;
    case F.Upcase:
      return UPPER;
    case F.Downcase:
      return LOWER;
    case F.Capitalize:
      return CAPITALIZE;
    case F.Default: {
      const text = strArg(a0) ?? (a0?.kind === 'number' ? String(a0.value) : undefined);
      return text === undefined ? null : { op: 'default', text };
    }
    case F.Truncate: {
      const max = numArg(a0) ?? (count === 0 ? 50 : undefined);
      const ellipsis = count > 1 ? strArg(a1) : '...';
      return max === undefined || ellipsis === undefined ? null : { op: 'truncate', max, ellipsis };
    }
    case F.TruncateWords: {
      const words = numArg(a0) ?? (count === 0 ? 15 : undefined);
      const ellipsis = count > 1 ? strArg(a1) : '...';
      return words === undefined || ellipsis === undefined ? null : { op: 'truncatewords', words, ellipsis };
    }
    case F.Append:
    case F.Prepend: {
      const text = strArg(a0);
      return text === undefined ? null : { op: kind === F.Append ? 'append' : 'prepend', text };
    }
    case F.Replace:
    case F.ReplaceFirst: {
      const from = strArg(a0);
      const to = strArg(a1);
      return from === undefined || to === undefined ? null : { op: 'replace', from, to, all: kind === F.Replace };
    }
    case F.Remove:
    case F.RemoveFirst: {
      const from = strArg(a0);
      return from === undefined ? null : { op: 'replace', from, to: '', all: kind === F.Remove };
    }
    case F.Strip:
      return { op: 'strip', side: 'both' };
    case F.Lstrip:
      return { op: 'strip', side: 'left' };
    case F.Rstrip:
      return { op: 'strip', side: 'right' };
  }
  return null;
}

/** Finds `closer` from `from`, skipping quoted strings; -1 when absent. */
function findCloseSlow(body: string, from: number, closer: NextOf, closeCode: number, q: Quotes): number {
  // Many tags with an open quote each would each scan to the end: after a few scans, every
  // start's answer is read from a table made in one pass.
  const made = closeCode === 0x25 ? q.tagTable : q.outputTable;
  if (made !== undefined || ++q.slowScans > 8) {
    const table = made ?? closerTable(body, closeCode);
    if (closeCode === 0x25) q.tagTable = table;
    else q.outputTable = table;
    const r = table[from]!;
    return r === UNCLOSED_QUOTE ? closer.find(from) : r;
  }
  let quote = 0;
  for (let i = from; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === closeCode && body.charCodeAt(i + 1) === 0x7d) return i;
  }
  // An unbalanced quote inside the tag: fall back to the first closer at all.
  return quote ? closer.find(from) : -1;
}

/** The scan above ends inside a quote. */
const UNCLOSED_QUOTE = -2;

/** findCloseSlow's scan from every index at once, from the end back: for each index, the first
 * closer outside quotes, -1 if none, UNCLOSED_QUOTE if a quote is left open; and the same for a
 * scan that starts inside a '…' or a "…" string (where the scan goes when it meets a quote). */
function closerTable(body: string, closeCode: number): Int32Array {
  const n = body.length;
  const plain = new Int32Array(n + 1);
  let single = UNCLOSED_QUOTE;
  let double = UNCLOSED_QUOTE;
  plain[n] = -1;
  for (let i = n - 1; i >= 0; i--) {
    const c = body.charCodeAt(i);
    const next = plain[i + 1]!;
    // In a string, its quote ends it and the scan goes on unquoted after it.
    const s = c === 0x27 ? next : single;
    const d = c === 0x22 ? next : double;
    plain[i] = c === 0x27 ? single : c === 0x22 ? double : c === closeCode && body.charCodeAt(i + 1) === 0x7d ? i : next;
    single = s;
    double = d;
  }
  return plain;
}

/** Next quote of each kind, found once and reused while the scan moves right (linear overall). */
interface Quotes {
  single: number;
  double: number;
  /** Quote-aware scans to the end so far, and then closerTable() for `}}` and for `%}`. */
  slowScans: number;
  outputTable: Int32Array | undefined;
  tagTable: Int32Array | undefined;
}

/** findCloseSlow, but by a native search when no quote comes before the first closer (the usual tag). */
function findClose(body: string, from: number, closer: NextOf, closeCode: number, q: Quotes): number {
  const c = closer.find(from);
  if (c < 0) return findCloseSlow(body, from, closer, closeCode, q);
  if (q.single < from) q.single = indexOrEnd(body, "'", from);
  if (q.double < from) q.double = indexOrEnd(body, '"', from);
  return q.single >= c && q.double >= c ? c : findCloseSlow(body, from, closer, closeCode, q);
}

/** `close` when it is outside the quoted strings that open in body[from, close), else -1; each
 * quote is hopped over by a native search for its partner. */
function outsideQuotes(body: string, from: number, close: number, q: Quotes): number {
  for (;;) {
    if (q.single < from) q.single = indexOrEnd(body, "'", from);
    if (q.double < from) q.double = indexOrEnd(body, '"', from);
    const single = q.single < q.double;
    const at = single ? q.single : q.double;
    if (at >= close) return close;
    const end = body.indexOf(single ? "'" : '"', at + 1);
    if (end < 0 || end > close) return -1;
    from = end + 1;
  }
}


function isWordOrHash(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x23;
}

/** `/^[\w.[\]'"-]+$/` not starting with a quote, digit or minus; read char by char (a regex
 * call costs more than these short names). */
function isVariablePath(s: string): boolean {
  const c0 = s.charCodeAt(0);
  if (s.length === 0 || c0 === 0x22 || c0 === 0x27 || c0 === 0x2d || (c0 >= 0x30 && c0 <= 0x39)) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2e || c === 0x5b || c === 0x5d || c === 0x27 || c === 0x22 || c === 0x2d)) return false;
  }
  return true;
}

/** The test of `{% if e %}` (negated for `unless`); `e` comes trimmed. */
function condTest(e: string, negate: boolean): BranchTest {
  if (isVariablePath(e)) return { type: negate ? 'falsy' : 'truthy', name: e };
  const m = /^([\w.]+)\s*==\s*(.+)$/.exec(e);
  if (m && !negate) {
    const a = parseArg(m[2]!);
    if (a.kind !== 'name') return { type: 'equals', name: m[1]!, values: [String(a.value)] };
  }
  return { type: 'opaque', expression: negate ? `not (${e})` : e };
}

function whenTest(subject: string, list: string): BranchTest {
  // Without a comma or an `or` the list is one value.
  if (!hasSeparator(list)) {
    const a = parseArg(list);
    return a.kind === 'name' ? { type: 'opaque', expression: `${subject} == ${list}` } : { type: 'equals', name: subject, values: [String(a.value)] };
  }
  const values: string[] = [];
  for (const piece of list.split(/\s*(?:,|\bor\b)\s*/)) {
    const a = parseArg(piece);
    if (a.kind === 'name') return { type: 'opaque', expression: `${subject} == ${list}` };
    values.push(String(a.value));
  }
  return { type: 'equals', name: subject, values };
}

/** `${word} ${arg}` for a tag whose word is body[lead, wordEnd) and argument body[argStart,
 * argEnd): one slice when the tag itself spells it so (one space between), else a concatenation. */
function label(body: string, lead: number, wordEnd: number, argStart: number, argEnd: number, word: string, arg: string): string {
  return argStart === wordEnd + 1 && body.charCodeAt(wordEnd) === 0x20 ? body.slice(lead, argEnd) : `${word} ${arg}`;
}

/** Whether a when-list has a `,` or an `or` anywhere (one short scan instead of two searches). */
function hasSeparator(list: string): boolean {
  for (let i = 0; i < list.length; i++) {
    const c = list.charCodeAt(i);
    if (c === 0x2c || (c === 0x6f && list.charCodeAt(i + 1) === 0x72)) return true;
  }
  return false;
}

/** The tags that mean something to us; `Other` is reported as not understood. The tags that read
 * an argument come first, up to `Counter`. */
const enum Tag {
  If,
  Unless,
  Elsif,
  Case,
  When,
  For,
  Tablerow,
  /** `include`, `render`. */
  Partial,
  /** `increment`, `decrement`. */
  Counter,
  Else,
  EndIf,
  EndUnless,
  EndCase,
  EndFor,
  EndTablerow,
  /** `raw`, `comment`, `capture`: their bodies are not parsed. */
  Verbatim,
  Echo,
  /** `assign`, `break`, `continue`, `#` comments: print nothing. */
  Void,
  Other,
}

/** The tag a word names, told by its length and first letter before one full compare (a string
 * switch would compare the word with every case in turn). */
function tagOf(word: string): Tag {
  const c = word.charCodeAt(0);
  if (c === 0x23) return Tag.Void;
  switch (word.length) {
    case 2:
      return word === 'if' ? Tag.If : Tag.Other;
    case 3:
      return word === 'for' ? Tag.For : word === 'raw' ? Tag.Verbatim : Tag.Other;
    case 4:
      switch (c) {
        case 0x65:
          return word === 'else' ? Tag.Else : word === 'echo' ? Tag.Echo : Tag.Other;
        case 0x63:
          return word === 'case' ? Tag.Case : Tag.Other;
        case 0x77:
          return word === 'when' ? Tag.When : Tag.Other;
      }
      return Tag.Other;
    case 5:
      if (c === 0x65) return word === 'endif' ? Tag.EndIf : word === 'elsif' ? Tag.Elsif : Tag.Other;
      return word === 'break' ? Tag.Void : Tag.Other;
    case 6:
      switch (c) {
        case 0x75:
          return word === 'unless' ? Tag.Unless : Tag.Other;
        case 0x65:
          return word === 'endfor' ? Tag.EndFor : Tag.Other;
        case 0x72:
          return word === 'render' ? Tag.Partial : Tag.Other;
        case 0x61:
          return word === 'assign' ? Tag.Void : Tag.Other;
      }
      return Tag.Other;
    case 7:
      switch (c) {
        case 0x65:
          return word === 'endcase' ? Tag.EndCase : Tag.Other;
        case 0x63:
          return word === 'comment' || word === 'capture' ? Tag.Verbatim : Tag.Other;
        case 0x69:
          return word === 'include' ? Tag.Partial : Tag.Other;
      }
      return Tag.Other;
    case 8:
      return word === 'tablerow' ? Tag.Tablerow : word === 'continue' ? Tag.Void : Tag.Other;
    case 9:
      if (c === 0x65) return word === 'endunless' ? Tag.EndUnless : Tag.Other;
      return word === 'increment' || word === 'decrement' ? Tag.Counter : Tag.Other;
    case 11:
      return word === 'endtablerow' ? Tag.EndTablerow : Tag.Other;
  }
  return Tag.Other;
}

export function parseLiquid(body: string): Template {
  const findings: TemplateFinding[] = [];
  const tree = new TreeBuilder(body, findings, false);
  let pos = 0;
  let textStart = 0;
  const quotes: Quotes = { single: -1, double: -1, slowScans: 0, outputTable: undefined, tagTable: undefined };
  let nextOutput = 0;
  let nextTag = 0;
  // Many unclosed tags before one far closer search for it once, not once per tag: a closer found
  // past the next tag (of the kind `farCloser`, the opener's second char) is the first one for
  // every tag up to it; the general route's searches go through NextOf, made when it is taken.
  let farClose = -1;
  let farCloser = 0;
  let outputClosers: NextOf | undefined;
  let tagClosers: NextOf | undefined;
  // The next `{` at or after `pos` when known (body.length: none), found while checking a tag.
  let nextOpen = -1;
  // The next `|` when known: most outputs have none, which one search ahead says for many.
  let nextBar = -1;
  while (pos < body.length) {
    const open = nextOpen >= pos ? nextOpen : body.indexOf('{', pos);
    if (open < 0 || open >= body.length) break;
    const second = body.charCodeAt(open + 1);
    if (second !== 0x7b && second !== 0x25) {
      pos = open + 1;
      continue;
    }
    const isOutput = second === 0x7b;
    // The first quote at or after open + 2 when the usual route reads this tag (-1: not known).
    let firstQuote = -1;
    const closer = isOutput ? '}}' : '%}';
    // The usual tag: its closer, outside quotes, comes before any new opener of its kind; found
    // by one short scan. Anything else takes the general route below.
    const closeCode = isOutput ? 0x7d : 0x25;
    // The first closer after `{{` / `{%` (kept while it is still ahead of the next tag of its kind).
    let close = farClose >= open + 2 && farCloser === second ? farClose : body.indexOf(closer, open + 2);
    if (close >= 0) {
      // Native searches: no `{` before the closer and every quote before it closed before it
      // means the scan below would stop there.
      nextOpen = indexOrEnd(body, '{', open + 2);
      if (nextOpen < close) {
        // A closer past the next tag: kept for the tags before it.
        farClose = close;
        farCloser = second;
        close = -1;
      } else {
        // The quotes from open + 2 on, as outsideQuotes reads them first: the first one tells
        // output() whether the `|` found ahead is outside quotes.
        if (quotes.single < open + 2) quotes.single = indexOrEnd(body, "'", open + 2);
        if (quotes.double < open + 2) quotes.double = indexOrEnd(body, '"', open + 2);
        firstQuote = quotes.single < quotes.double ? quotes.single : quotes.double;
        close = outsideQuotes(body, open + 2, close, quotes);
        if (close < 0) firstQuote = -1;
      }
    }
    let quote = 0;
    if (close < 0) for (let i = open + 2; i < body.length; i++) {
      const c = body.charCodeAt(i);
      if (c === 0x7b && body.charCodeAt(i + 1) === second) break;
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === closeCode && body.charCodeAt(i + 1) === 0x7d) {
        close = i;
        break;
      }
    }
    if (close < 0) {
      const closers = isOutput ? (outputClosers ??= new NextOf(body, '}}')) : (tagClosers ??= new NextOf(body, '%}'));
      close = findClose(body, open + 2, closers, closeCode, quotes);
      // The next opener of the same kind, remembered while it is still ahead (linear overall).
      let reopen: number;
      if (isOutput) {
        if (nextOutput >= 0 && nextOutput < open + 2) nextOutput = body.indexOf('{{', open + 2);
        reopen = nextOutput;
      } else {
        if (nextTag >= 0 && nextTag < open + 2) nextTag = body.indexOf('{%', open + 2);
        reopen = nextTag;
      }
      if (close < 0 || (reopen >= 0 && reopen < close && findClose(body, reopen + 2, closers, closeCode, quotes) === close)) {
        findings.push({
          code: 'unclosed-tag',
          kind: 'malformed',
          message: `'${isOutput ? '{{' : '{%'}' is never closed with '${closer}'`,
          range: { start: open, end: open + 2 },
        });
        pos = close < 0 ? body.length : reopen;
        continue;
      }
    }
    let tagEnd = close + 2;
    let innerStart = open + 2;
    let innerEnd = close;
    const trimLeft = body.charCodeAt(innerStart) === 0x2d;
    if (trimLeft) innerStart++;
    const trimRight = innerEnd > innerStart && body.charCodeAt(innerEnd - 1) === 0x2d;
    if (trimRight) innerEnd--;
    const range: Range = { start: open, end: tagEnd };
    if (open > textStart) tree.text(textStart, open);
    if (isOutput) {
      if (nextBar < innerStart) nextBar = indexOrEnd(body, '|', innerStart);
      // The first `|`, known from the search ahead when no quote comes before it.
      if (nextBar < innerEnd) output(tree, body, innerStart, innerEnd, range, trimLeft, trimRight, findings, nextBar < firstQuote ? nextBar : -1);
      else plainOutput(tree, body, innerStart, innerEnd, range, trimLeft, trimRight, findings);
      pos = textStart = tagEnd;
      continue;
    }
    // The tag's text is body[innerStart, innerEnd), read in place: its word, then its argument.
    let lead = innerStart;
    while (lead < innerEnd && isJsSpace(body.charCodeAt(lead))) lead++;
    let wordEnd = lead;
    while (wordEnd < innerEnd && isWordOrHash(body.charCodeAt(wordEnd))) wordEnd++;
    const word = body.slice(lead, wordEnd);
    const tag = tagOf(word);
    // The argument, body[argStart, argEnd) trimmed, for the tags that have one.
    let argStart = wordEnd;
    let argEnd = innerEnd;
    if (tag <= Tag.Counter) {
      while (argStart < argEnd && isJsSpace(body.charCodeAt(argStart))) argStart++;
      while (argEnd > argStart && isJsSpace(body.charCodeAt(argEnd - 1))) argEnd--;
    }
    switch (tag) {
      case Tag.If:
      case Tag.Unless: {
        const name = word.length === 2 ? 'if' : 'unless';
        const arg = body.slice(argStart, argEnd);
        tree.open(range, trimLeft, trimRight, 'if', name, label(body, lead, wordEnd, argStart, argEnd, name, arg), arg, condTest(arg, name === 'unless'));
        break;
      }
      case Tag.Elsif: {
        const arg = body.slice(argStart, argEnd);
        tree.mid(range, trimLeft, trimRight, 'elsif', arg, condTest(arg, false));
        break;
      }
      case Tag.Else:
        tree.mid(range, trimLeft, trimRight, 'else', 'else', OTHERWISE);
        break;
      case Tag.Case: {
        const arg = body.slice(argStart, argEnd);
        // The block keeps its subject: a `when` reads the innermost open case's.
        tree.open(range, trimLeft, trimRight, 'case', 'case', label(body, lead, wordEnd, argStart, argEnd, 'case', arg), '', OTHERWISE, arg);
        break;
      }
      case Tag.When: {
        const arg = body.slice(argStart, argEnd);
        tree.mid(range, trimLeft, trimRight, 'when', label(body, lead, wordEnd, argStart, argEnd, 'when', arg), whenTest(tree.caseSubject(), arg));
        break;
      }
      case Tag.For:
      case Tag.Tablerow: {
        const name = word.length === 3 ? 'for' : 'tablerow';
        const arg = body.slice(argStart, argEnd);
        const m = /^\w+\s+in\s+(\S+)/.exec(arg);
        const collection = m?.[1] ?? arg;
        tree.open(range, trimLeft, trimRight, 'each', name, label(body, lead, wordEnd, argStart, argEnd, name, arg), collection, { type: 'truthy', name: collection }, collection);
        break;
      }
      case Tag.EndIf:
        tree.close(range, trimLeft, trimRight, 'if');
        break;
      case Tag.EndUnless:
        tree.close(range, trimLeft, trimRight, 'unless');
        break;
      case Tag.EndCase:
        tree.close(range, trimLeft, trimRight, 'case');
        break;
      case Tag.EndFor:
        tree.close(range, trimLeft, trimRight, 'for');
        break;
      case Tag.EndTablerow:
        tree.close(range, trimLeft, trimRight, 'tablerow');
        break;
      case Tag.Verbatim: {
        // Bodies that are not parsed: raw prints verbatim, comment and capture print nothing.
        const endRe = new RegExp(`\\{%-?\\s*end${word}\\s*-?%\\}`, 'g');
        endRe.lastIndex = tagEnd;
        const m = endRe.exec(body);
        const stop = m ? m.index : body.length;
        const after = m ? m.index + m[0].length : body.length;
        if (!m) {
          findings.push({ code: 'unclosed-block', kind: 'malformed', message: `'{% ${word} %}' is never closed with '{% end${word} %}'`, range });
        }
        if (word === 'raw') {
          tree.void(range, trimLeft, trimRight);
          if (stop > tagEnd) tree.text(tagEnd, stop);
          if (m) {
            const endTrimLeft = m[0].startsWith('{%-');
            tree.void({ start: stop, end: after }, endTrimLeft, m[0].endsWith('-%}'));
          }
        } else {
          tree.void({ start: open, end: after }, trimLeft, m ? m[0].endsWith('-%}') : false);
        }
        tagEnd = after;
        break;
      }
      case Tag.Partial: {
        const target = parseArg(body.slice(argStart, argEnd).split(/[\s,]/)[0] ?? '');
        const name = `>${target.kind === 'string' ? target.value : String(target.value)}`;
        tree.variable(range, trimLeft, trimRight, variablePart(name, range, 'partial', NO_FILTERS));
        break;
      }
      case Tag.Echo:
        output(tree, body, wordEnd, innerEnd, range, trimLeft, trimRight, findings, -1);
        break;
      case Tag.Counter:
        tree.variable(range, trimLeft, trimRight, variablePart(body.slice(argStart, argEnd), range, 'number', NO_FILTERS));
        break;
      case Tag.Void:
        tree.void(range, trimLeft, trimRight);
        break;
      default:
        findings.push({
          code: 'unsupported-construct',
          kind: 'unsupported',
          message: word ? `Liquid tag '${word}' is not understood: measured as printing nothing` : 'Empty Liquid tag',
          range,
        });
        tree.void(range, trimLeft, trimRight);
    }
    pos = textStart = tagEnd;
  }
  if (body.length > textStart) tree.text(textStart, body.length);
  const parts = tree.finish();
  if (findings.length > 1) findings.sort(byStart);
  return { syntax: 'liquid', body, parts, findings };
}

/** Index of the next `sep` in s[from, end) outside quoted strings, or `end`. Quotes open and
 * close within a piece, so scanning may start at any piece boundary. */
function nextOutside(s: string, sep: number, from: number, end: number): number {
  let quote = 0;
  for (let i = from; i < end; i++) {
    const c = s.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === sep) return i;
  }
  return end;
}

/** An output with no filter, body[start, end): a name, a literal, or nothing. */
function plainOutput(
  tree: TreeBuilder,
  body: string,
  start: number,
  end: number,
  range: Range,
  trimLeft: boolean,
  trimRight: boolean,
  findings: TemplateFinding[],
): void {
  while (start < end && isJsSpace(body.charCodeAt(start))) start++;
  while (end > start && isJsSpace(body.charCodeAt(end - 1))) end--;
  if (start === end) findings.push({ code: 'empty-placeholder', kind: 'malformed', message: 'Empty placeholder', range });
  const expr = body.slice(start, end);
  // Only a quote, a digit or a minus can start a literal; a name needs no parse.
  const c = start < end ? body.charCodeAt(start) : -1;
  if (c === 0x22 || c === 0x27 || c === 0x2d || (c >= 0x30 && c <= 0x39)) {
    const lit = parseArg(expr);
    if (lit.kind !== 'name') return tree.escape(range, String(lit.value), trimLeft, trimRight);
  }
  tree.variable(range, trimLeft, trimRight, variablePart(expr, range, 'text', NO_FILTERS));
}

/** An output `expr | name: arg, arg | name …` in body[start, end), split on `|`, `:` and `,`
 * outside quotes. */
function output(
  tree: TreeBuilder,
  body: string,
  start: number,
  end: number,
  range: Range,
  trimLeft: boolean,
  trimRight: boolean,
  findings: TemplateFinding[],
  /** The first `|` outside quotes, when the caller knows it (-1: not known). */
  firstBar: number,
): void {
  let bar = firstBar >= 0 ? firstBar : nextOutside(body, 0x7c, start, end);
  let a = start;
  let z = bar;
  while (a < z && isJsSpace(body.charCodeAt(a))) a++;
  while (z > a && isJsSpace(body.charCodeAt(z - 1))) z--;
  const expr = body.slice(a, z);
  // The list is made at its exact size: most outputs have one filter (an array grown by push
  // holds 17 slots).
  let first: Filter | undefined;
  let filters: Filter[] | undefined;
  let valueKind: ValueKind = 'text';
  while (bar < end) {
    const from = bar + 1;
    // One pass to the next `|` outside quotes: the first `:` ends the name; commas after it
    // split the arguments, of which only the first two are read.
    let colon = -1;
    let quote = 0;
    let blank = true;
    let count = 0;
    let piece = 0;
    let a0: Arg | undefined;
    let a1: Arg | undefined;
    let i = from;
    for (; i < end; i++) {
      const c = body.charCodeAt(i);
      if (quote) {
        if (c === quote) quote = 0;
        continue;
      }
      if (c === 0x7c) break;
      if (blank && colon >= 0 && !isJsSpace(c)) blank = false;
      if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3a) {
        if (colon < 0) piece = (colon = i) + 1;
      } else if (c === 0x2c && colon >= 0) {
        if (count === 0) a0 = parseArgAt(body, piece, i);
        else if (count === 1) a1 = parseArgAt(body, piece, i);
        count++;
        piece = i + 1;
      }
    }
    bar = i;
    if (blank) count = 0;
    else {
      if (count === 0) a0 = parseArgAt(body, piece, bar);
      else if (count === 1) a1 = parseArgAt(body, piece, bar);
      count++;
    }
    let ns = from;
    let ne = colon < 0 ? bar : colon;
    while (ns < ne && isJsSpace(body.charCodeAt(ns))) ns++;
    while (ne > ns && isJsSpace(body.charCodeAt(ne - 1))) ne--;
    const name = body.slice(ns, ne);
    const kind = filterKind(name);
    const op = filterOp(kind, count, a0, a1);
    let fe = bar;
    while (fe > from && isJsSpace(body.charCodeAt(fe - 1))) fe--;
    // An all-space name starts where the filter does.
    const frange = { start: ns === ne ? from : ns, end: fe };
    if (kind === F.Numeric) valueKind = 'number';
    if (op === null) {
      findings.push({
        code: 'unknown-filter',
        kind: 'unsupported',
        message: `Liquid filter '${name}'${count ? ' with these arguments' : ''} is not understood: its length effect is not measured`,
        range: frange,
      });
    }
    const filter: Filter = { name, range: frange, op };
    if (first === undefined) first = filter;
    else if (filters === undefined) filters = [first, filter];
    else filters.push(filter);
  }
  if (expr === '') {
    findings.push({ code: 'empty-placeholder', kind: 'malformed', message: 'Empty placeholder', range });
  }
  // Only a quote, a digit or a minus can start a literal; a name needs no parse.
  const c = expr.charCodeAt(0);
  if (first === undefined && (c === 0x22 || c === 0x27 || c === 0x2d || (c >= 0x30 && c <= 0x39))) {
    const lit = parseArg(expr);
    if (lit.kind !== 'name') return tree.escape(range, String(lit.value), trimLeft, trimRight);
  }
  tree.variable(range, trimLeft, trimRight, variablePart(expr, range, valueKind, filters ?? (first !== undefined ? [first] : NO_FILTERS)));
}
