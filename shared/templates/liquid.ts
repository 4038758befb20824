// Liquid: `{{ x | filter: arg }}` output, `{% … %}` tags (zero output), `-` whitespace control.
import type { Range } from '../types';
import { OTHERWISE, TreeBuilder } from './blocks';
import { byStart, NO_FILTERS, variablePart } from './flat';
import type { BranchTest, Filter, Template, TemplateFinding, ValueKind, ValueOp } from './types';

type Arg = { kind: 'string'; value: string } | { kind: 'number'; value: number } | { kind: 'name'; value: string };

function parseArg(raw: string): Arg {
  const t = raw.trim();
  const q = t.charCodeAt(0);
  if ((q === 0x22 || q === 0x27) && t.length >= 2 && t.charCodeAt(t.length - 1) === q) return { kind: 'string', value: t.slice(1, -1) };
  if ((q === 0x2d || (q >= 0x30 && q <= 0x39)) && /^-?\d+(\.\d+)?$/.test(t)) return { kind: 'number', value: Number(t) };
  return { kind: 'name', value: t };
}

/** Filters whose output is a number: digits are always GSM-7. (A switch: filter names are
 * slices of the body, which a Set or object lookup would first have to hash.) */
function isNumeric(name: string): boolean {
  switch (name) {
    case 'plus':
    case 'minus':
    case 'times':
    case 'divided_by':
    case 'modulo':
    case 'round':
    case 'ceil':
    case 'floor':
    case 'abs':
    case 'at_least':
    case 'at_most':
    case 'size':
      return true;
  }
  return false;
}

const KEEP: ValueOp = { op: 'keep' };
const UPPER: ValueOp = { op: 'case', to: 'upper' };
const LOWER: ValueOp = { op: 'case', to: 'lower' };
const CAPITALIZE: ValueOp = { op: 'case', to: 'capitalize' };

/** Argument i when it is a string. */
function strArg(args: readonly Arg[], i: number): string | undefined {
  const a = args[i];
  return a?.kind === 'string' ? a.value : undefined;
}

/** Argument i when it is a whole number of at least 0. */
function numArg(args: readonly Arg[], i: number): number | undefined {
  const a = args[i];
  return a?.kind === 'number' && Number.isInteger(a.value) && a.value >= 0 ? a.value : undefined;
}

function filterOp(name: string, args: Arg[]): ValueOp | null {
  if (isNumeric(name)) return KEEP;
  switch (name) {
    case 'upcase':
      return UPPER;
    case 'downcase':
      return LOWER;
    case 'capitalize':
      return CAPITALIZE;
    // Filters that leave our filler values (letters, digits) the same length.
    case 'escape':
    case 'escape_once':
    case 'strip_html':
    case 'strip_newlines':
    case 'h':
      return KEEP;
    case 'default': {
      const text = strArg(args, 0) ?? (args[0]?.kind === 'number' ? String(args[0].value) : undefined);
      return text === undefined ? null : { op: 'default', text };
    }
    case 'truncate': {
      const max = numArg(args, 0) ?? (args.length === 0 ? 50 : undefined);
      const ellipsis = args.length > 1 ? strArg(args, 1) : '...';
      return max === undefined || ellipsis === undefined ? null : { op: 'truncate', max, ellipsis };
    }
    case 'truncatewords': {
      const words = numArg(args, 0) ?? (args.length === 0 ? 15 : undefined);
      const ellipsis = args.length > 1 ? strArg(args, 1) : '...';
      return words === undefined || ellipsis === undefined ? null : { op: 'truncatewords', words, ellipsis };
    }
    case 'append':
    case 'prepend': {
      const text = strArg(args, 0);
      return text === undefined ? null : { op: name, text };
    }
    case 'replace':
    case 'replace_first': {
      const from = strArg(args, 0);
      const to = strArg(args, 1);
      return from === undefined || to === undefined ? null : { op: 'replace', from, to, all: name === 'replace' };
    }
    case 'remove':
    case 'remove_first': {
      const from = strArg(args, 0);
      return from === undefined ? null : { op: 'replace', from, to: '', all: name === 'remove' };
    }
    case 'strip':
      return { op: 'strip', side: 'both' };
    case 'lstrip':
      return { op: 'strip', side: 'left' };
    case 'rstrip':
      return { op: 'strip', side: 'right' };
  }
  return null;
}

/** Finds `closer` from `from`, skipping quoted strings; -1 when absent. */
function findCloseSlow(body: string, from: number, closer: string): number {
  let quote = 0;
  for (let i = from; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === closer.charCodeAt(0) && body.startsWith(closer, i)) return i;
  }
  // An unbalanced quote inside the tag: fall back to the first closer at all.
  return quote ? body.indexOf(closer, from) : -1;
}

/** Next quote of each kind, found once and reused while the scan moves right (linear overall). */
interface Quotes {
  single: number;
  double: number;
}

/** findCloseSlow, but by indexOf when no quote comes before the first closer (the usual tag). */
function findClose(body: string, from: number, closer: string, q: Quotes): number {
  const c = body.indexOf(closer, from);
  if (c < 0) return findCloseSlow(body, from, closer);
  if (q.single < from) q.single = nextOrEnd(body, "'", from);
  if (q.double < from) q.double = nextOrEnd(body, '"', from);
  return q.single >= c && q.double >= c ? c : findCloseSlow(body, from, closer);
}

function nextOrEnd(body: string, ch: string, from: number): number {
  const i = body.indexOf(ch, from);
  return i < 0 ? body.length : i;
}

/** JS `\s` (what trim() removes). */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c > 0x7f && /\s/.test(String.fromCharCode(c)));
}

function isWordOrHash(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x23;
}

/** The block an end tag closes (`endif` -> `if`), as a constant string. */
function closedBy(tag: string): string {
  switch (tag) {
    case 'endif':
      return 'if';
    case 'endunless':
      return 'unless';
    case 'endcase':
      return 'case';
    case 'endfor':
      return 'for';
  }
  return tag.slice(3);
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

function condTest(expr: string, negate: boolean): BranchTest {
  const e = expr.trim();
  if (isVariablePath(e)) return { type: negate ? 'falsy' : 'truthy', name: e };
  const m = /^([\w.]+)\s*==\s*(.+)$/.exec(e);
  if (m && !negate) {
    const a = parseArg(m[2]!);
    if (a.kind !== 'name') return { type: 'equals', name: m[1]!, values: [String(a.value)] };
  }
  return { type: 'opaque', expression: negate ? `not (${e})` : e };
}

function whenTest(subject: string, list: string): BranchTest {
  const values: string[] = [];
  // Without a comma or an `or` the list is one value.
  const pieces = list.includes(',') || list.includes('or') ? list.split(/\s*(?:,|\bor\b)\s*/) : [list];
  for (const piece of pieces) {
    const a = parseArg(piece);
    if (a.kind === 'name') return { type: 'opaque', expression: `${subject} == ${list}` };
    values.push(String(a.value));
  }
  return { type: 'equals', name: subject, values };
}

export function parseLiquid(body: string): Template {
  const findings: TemplateFinding[] = [];
  const tree = new TreeBuilder(body, findings, false);
  const caseSubjects: string[] = [];
  let pos = 0;
  let textStart = 0;
  const quotes: Quotes = { single: -1, double: -1 };
  let nextOutput = 0;
  let nextTag = 0;
  // The next `{` at or after `pos` when known (body.length: none), found while checking a tag.
  let nextOpen = -1;
  while (pos < body.length) {
    const open = nextOpen >= pos ? nextOpen : body.indexOf('{', pos);
    if (open < 0 || open >= body.length) break;
    const second = body.charCodeAt(open + 1);
    if (second !== 0x7b && second !== 0x25) {
      pos = open + 1;
      continue;
    }
    const isOutput = second === 0x7b;
    const closer = isOutput ? '}}' : '%}';
    // The usual tag: its closer, outside quotes, comes before any new opener of its kind; found
    // by one short scan. Anything else takes the general route below.
    let close = body.indexOf(closer, open + 2);
    if (close >= 0) {
      // Native searches: no quote and no `{` before the closer means the scan below would stop there.
      if (quotes.single < open + 2) quotes.single = nextOrEnd(body, "'", open + 2);
      if (quotes.double < open + 2) quotes.double = nextOrEnd(body, '"', open + 2);
      nextOpen = nextOrEnd(body, '{', open + 2);
      if (quotes.single < close || quotes.double < close || nextOpen < close) close = -1;
    }
    const closeCode = isOutput ? 0x7d : 0x25;
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
      close = findClose(body, open + 2, closer, quotes);
      // The next opener of the same kind, remembered while it is still ahead (linear overall).
      let reopen: number;
      if (isOutput) {
        if (nextOutput >= 0 && nextOutput < open + 2) nextOutput = body.indexOf('{{', open + 2);
        reopen = nextOutput;
      } else {
        if (nextTag >= 0 && nextTag < open + 2) nextTag = body.indexOf('{%', open + 2);
        reopen = nextTag;
      }
      if (close < 0 || (reopen >= 0 && reopen < close && findClose(body, reopen + 2, closer, quotes) === close)) {
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
    const inner = body.slice(innerStart, innerEnd);
    if (isOutput) {
      output(tree, body, inner, innerStart, range, trimLeft, trimRight, findings);
      pos = textStart = tagEnd;
      continue;
    }
    let lead = 0;
    while (lead < inner.length && isSpace(inner.charCodeAt(lead))) lead++;
    let wordEnd = lead;
    while (wordEnd < inner.length && isWordOrHash(inner.charCodeAt(wordEnd))) wordEnd++;
    const word = inner.slice(lead, wordEnd);
    const arg = inner.slice(lead + word.length).trim();
    const tagName = word.startsWith('#') ? '#' : word;
    switch (tagName) {
      case 'if':
      case 'unless':
        tree.open(range, trimLeft, trimRight, 'if', tagName, `${tagName} ${arg}`, arg, condTest(arg, tagName === 'unless'));
        break;
      case 'elsif':
        tree.mid(range, trimLeft, trimRight, 'elsif', arg, condTest(arg, false));
        break;
      case 'else':
        tree.mid(range, trimLeft, trimRight, 'else', 'else', OTHERWISE);
        break;
      case 'case':
        caseSubjects.push(arg);
        tree.open(range, trimLeft, trimRight, 'case', 'case', `case ${arg}`, '', OTHERWISE);
        break;
      case 'when': {
        const subject = caseSubjects.length > 0 ? caseSubjects[caseSubjects.length - 1]! : '';
        tree.mid(range, trimLeft, trimRight, 'when', `when ${arg}`, whenTest(subject, arg));
        break;
      }
      case 'for':
      case 'tablerow': {
        const m = /^\w+\s+in\s+(\S+)/.exec(arg);
        const collection = m?.[1] ?? arg;
        tree.open(range, trimLeft, trimRight, 'each', tagName, `${tagName} ${arg}`, collection, { type: 'truthy', name: collection }, collection);
        break;
      }
      case 'endif':
      case 'endunless':
      case 'endcase':
      case 'endfor':
      case 'endtablerow':
        if (tagName === 'endcase') caseSubjects.pop();
        tree.close(range, trimLeft, trimRight, closedBy(tagName));
        break;
      case 'raw':
      case 'comment':
      case 'capture': {
        // Bodies that are not parsed: raw prints verbatim, comment and capture print nothing.
        const endRe = new RegExp(`\\{%-?\\s*end${tagName}\\s*-?%\\}`, 'g');
        endRe.lastIndex = tagEnd;
        const m = endRe.exec(body);
        const stop = m ? m.index : body.length;
        const after = m ? m.index + m[0].length : body.length;
        if (!m) {
          findings.push({ code: 'unclosed-block', kind: 'malformed', message: `'{% ${tagName} %}' is never closed with '{% end${tagName} %}'`, range });
        }
        if (tagName === 'raw') {
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
      case 'include':
      case 'render': {
        const target = parseArg(arg.split(/[\s,]/)[0] ?? '');
        const name = `>${target.kind === 'string' ? target.value : String(target.value)}`;
        tree.variable(range, trimLeft, trimRight, variablePart(name, range, body.slice(open, tagEnd), 'partial', NO_FILTERS));
        break;
      }
      case 'echo':
        output(tree, body, inner.slice(lead + word.length), innerStart + lead + word.length, range, trimLeft, trimRight, findings);
        break;
      case 'increment':
      case 'decrement':
        tree.variable(range, trimLeft, trimRight, variablePart(arg, range, body.slice(open, tagEnd), 'number', NO_FILTERS));
        break;
      case 'assign':
      case 'break':
      case 'continue':
      case '#':
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

function leadingSpace(s: string): number {
  let i = 0;
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

function output(
  tree: TreeBuilder,
  body: string,
  inner: string,
  innerStart: number,
  range: Range,
  trimLeft: boolean,
  trimRight: boolean,
  findings: TemplateFinding[],
): void {
  // `expr | name: arg, arg | name …`, split on `|`, `:` and `,` outside quotes.
  const n = inner.length;
  // Most outputs have no filter: a native search says so before any quote-aware scan.
  let bar = inner.indexOf('|') < 0 ? n : nextOutside(inner, 0x7c, 0, n);
  const expr = (bar === n ? inner : inner.slice(0, bar)).trim();
  const filters: Filter[] = [];
  let valueKind: ValueKind = 'text';
  while (bar < n) {
    const from = bar + 1;
    bar = inner.indexOf('|', from) < 0 ? n : nextOutside(inner, 0x7c, from, n);
    const c = inner.indexOf(':', from);
    const colon = c < 0 || c >= bar ? bar : nextOutside(inner, 0x3a, from, bar);
    const head = inner.slice(from, colon);
    const name = head.trim();
    const nameStart = innerStart + from + (name === '' ? 0 : leadingSpace(head));
    const argText = colon < bar ? inner.slice(colon + 1, bar) : '';
    const args: Arg[] = [];
    if (argText.trim() !== '') {
      for (let a = 0; a <= argText.length; ) {
        const comma = nextOutside(argText, 0x2c, a, argText.length);
        args.push(parseArg(argText.slice(a, comma)));
        a = comma + 1;
      }
    }
    const op = filterOp(name, args);
    let end = bar;
    while (end > from && isSpace(inner.charCodeAt(end - 1))) end--;
    const frange = { start: nameStart, end: innerStart + end };
    if (isNumeric(name)) valueKind = 'number';
    if (op === null) {
      findings.push({
        code: 'unknown-filter',
        kind: 'unsupported',
        message: `Liquid filter '${name}'${args.length ? ' with these arguments' : ''} is not understood: its length effect is not measured`,
        range: frange,
      });
    }
    filters.push({ name, range: frange, op });
  }
  if (expr === '') {
    findings.push({ code: 'empty-placeholder', kind: 'malformed', message: 'Empty placeholder', range });
  }
  // Only a quote, a digit or a minus can start a literal; a name needs no parse.
  const c = expr.charCodeAt(0);
  if (filters.length === 0 && (c === 0x22 || c === 0x27 || c === 0x2d || (c >= 0x30 && c <= 0x39))) {
    const lit = parseArg(expr);
    if (lit.kind !== 'name') return tree.escape(range, String(lit.value), trimLeft, trimRight);
  }
  tree.variable(range, trimLeft, trimRight, variablePart(expr, range, body.slice(range.start, range.end), valueKind, filters.length > 0 ? filters : NO_FILTERS));
}
