// ICU MessageFormat: `{name}`, `{n, number}`, `{n, plural, =0 {…} one {…} other {…}}`,
// `select`, `selectordinal`, `#`, and apostrophe quoting (ICU's default DOUBLE_OPTIONAL mode:
// `''` is one apostrophe; `'` starts quoted text only before `{`, `}`, `|` or, in a plural, `#`).
import { byStart, escapePart, indexOrEnd, isJsSpace, NO_FILTERS, variablePart } from './flat';
import type { Branch, Part, Template, TemplateFinding, ValueKind } from './types';

/** What a simple argument type prints; undefined for a type we do not know. (A switch: an object
 * lookup would also find Object.prototype's members, `{n, toString}`.) */
function simpleType(type: string): ValueKind | undefined {
  switch (type.length) {
    case 4:
      return type === 'date' || type === 'time' ? 'text' : undefined;
    case 6:
      return type === 'number' ? 'number' : undefined;
    case 7:
      return type === 'ordinal' ? 'text' : undefined;
    case 8:
      return type === 'spellout' || type === 'duration' ? 'text' : undefined;
  }
  return undefined;
}

/** Why the text at a `{` is not a valid argument. Returned, not thrown: a body with a stray `{`
 * fails a few times, and each throw cost more than parsing the whole body. */
class Failure {
  constructor(readonly at: number, readonly end: number, readonly code: TemplateFinding['code'], readonly message: string) {}
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function isNameChar(c: number): boolean {
  // Pattern_Syntax and whitespace end a name; everything else (letters, digits, _ and -) belongs.
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f) return true;
  return !(isSpace(c) || c === 0x7b || c === 0x7d || c === 0x2c || c === 0x23 || c === 0x27 || c === 0x3a || Number.isNaN(c));
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Literal text body[start, end) onto `parts`, when not empty. */
function literal(body: string, start: number, end: number, parts: Part[]): void {
  if (end > start) parts.push({ kind: 'literal', text: body.slice(start, end), range: { start, end }, verbatim: true });
}

class IcuParser {
  readonly findings: TemplateFinding[] = [];
  /** The next `{`, `}`, `'` and `#` at or after the `…From` index each was searched from. */
  private nextOpen = -1;
  private openFrom = 0;
  private nextClose = -1;
  private closeFrom = 0;
  private nextQuote = -1;
  private quoteFrom = 0;
  private nextHash = -1;
  private hashFrom = 0;
  /** tryArgument()'s failure per `{` that failed (its result depends on `open` alone). */
  private failed: Map<number, Failure> | undefined;
  private failures = 0;
  constructor(readonly body: string) {}

  /** matching() per `{` it has read, -1 for none, filled as scans go from the 5th call on (a
   * Failure reads it once per `{`, so many unclosed arguments must not each scan to the end). */
  private matches: Map<number, number> | undefined;
  private plainMatches = 0;

  /** Index of the `}` matching the `{` at `open`, skipping quoted text; -1 if none. A `{` whose
   * match an earlier scan found is jumped over. */
  private matching(open: number): number {
    if (this.matches === undefined && ++this.plainMatches <= 4) return this.scanMatching(open);
    const memo = (this.matches ??= new Map());
    const known = memo.get(open);
    if (known !== undefined) return known;
    const b = this.body;
    const n = b.length;
    // The `{`s open at `i`, innermost last: each gets its match when its `}` comes.
    const stack: number[] = [];
    // Read a character at a time: native searches from each `{` would each run to the next
    // quote or brace however far, and a body of many failing `{` would pay that once per `{`.
    for (let i = open; i < n; ) {
      const c = b.charCodeAt(i);
      if (c === 0x27) {
        const q = quoteEnd(b, i);
        if (q < 0) break;
        i = q;
      } else if (c === 0x7b) {
        const m = memo.get(i);
        if (m === undefined) stack.push(i);
        else if (m < 0) break;
        i = m === undefined ? i + 1 : m + 1;
      } else {
        if (c === 0x7d && stack.length > 0) {
          const o = stack.pop()!;
          memo.set(o, i);
          if (stack.length === 0) return i;
        }
        i++;
      }
    }
    for (const o of stack) memo.set(o, -1);
    return -1;
  }

  /** matching() by a scan alone (the first few calls: most bodies make none or one; a few
   * scans to the end cost no more than one). */
  private scanMatching(open: number): number {
    const b = this.body;
    const n = b.length;
    let depth = 0;
    // Native searches for the next of each special character, as in matching().
    let nextOpen = -1;
    let nextClose = -1;
    let nextQuote = -1;
    for (let i = open; ; ) {
      if (nextOpen < i) nextOpen = indexOrEnd(b, '{', i);
      if (nextClose < i) nextClose = indexOrEnd(b, '}', i);
      if (nextQuote < i) nextQuote = indexOrEnd(b, "'", i);
      const at = Math.min(nextOpen, nextClose, nextQuote);
      if (at >= n) return -1;
      if (at === nextQuote) {
        i = quoteEnd(b, at);
        if (i < 0) return -1;
      } else if (at === nextOpen) {
        depth++;
        i = at + 1;
      } else {
        if (--depth === 0) return at;
        i = at + 1;
      }
    }
  }

  /** A message up to an unmatched `}` (when `inArm`) or the end, into `parts`. Returns the stop index. */
  message(from: number, inArm: boolean, pluralArg: string | null, parts: Part[]): number {
    const b = this.body;
    const n = b.length;
    let textStart = from;
    // Only `'`, `{`, `}` and, in a plural, `#` mean anything here: the next of each is found by a
    // native search and kept (across nested messages too) while the search still covers `i`.
    let i = from;
    while (i < n) {
      let c = b.charCodeAt(i);
      // A special character right here (`{eta}}`, `{store}{g, …}`, an arm `{}`) needs no search:
      // the searches that went stale are made when text comes, if it does.
      if (!(c === 0x7b || c === 0x7d || c === 0x27 || (c === 0x23 && pluralArg !== null))) {
        // (Searched inline: a helper here is not inlined, and its call costs more than the search.)
        let k: number;
        if (this.openFrom > i || this.nextOpen < i) this.nextOpen = (k = b.indexOf('{', (this.openFrom = i))) < 0 ? n : k;
        if (this.closeFrom > i || this.nextClose < i) this.nextClose = (k = b.indexOf('}', (this.closeFrom = i))) < 0 ? n : k;
        if (this.quoteFrom > i || this.nextQuote < i) this.nextQuote = (k = b.indexOf("'", (this.quoteFrom = i))) < 0 ? n : k;
        let at = this.nextOpen < this.nextClose ? this.nextOpen : this.nextClose;
        if (this.nextQuote < at) at = this.nextQuote;
        if (pluralArg !== null) {
          if (this.hashFrom > i || this.nextHash < i) this.nextHash = (k = b.indexOf('#', (this.hashFrom = i))) < 0 ? n : k;
          if (this.nextHash < at) at = this.nextHash;
        }
        if (at >= n) break;
        i = at;
        c = b.charCodeAt(i);
      }
      if (c === 0x27) {
        const next = b.charCodeAt(i + 1);
        if (next === 0x27) {
          literal(b, textStart, i, parts);
          parts.push(escapePart("'", i, i + 2));
          i = textStart = i + 2;
          continue;
        }
        if (next === 0x7b || next === 0x7d || next === 0x7c || (pluralArg !== null && next === 0x23)) {
          literal(b, textStart, i, parts);
          i = this.quoted(i, parts);
          textStart = i;
          continue;
        }
        i++;
        continue;
      }
      if (c === 0x7b) {
        literal(b, textStart, i, parts);
        const end = this.argument(i, parts, inArm);
        if (end >= 0) {
          i = textStart = end;
          continue;
        }
        // Never closed: the rest is text, and an arm's try fails (see argument()).
        if (inArm) return n;
        // Not in an arm, this is the top message: it reads on from after the `{`.
        i = textStart = i + 1;
        continue;
      }
      if (c === 0x7d) {
        if (inArm) {
          literal(b, textStart, i, parts);
          return i;
        }
        this.findings.push({ code: 'unbalanced-braces', kind: 'malformed', message: "A '}' with no matching '{'; quote it as '}'", range: { start: i, end: i + 1 } });
        i++;
        continue;
      }
      if (c === 0x23 && pluralArg !== null) {
        literal(b, textStart, i, parts);
        parts.push(variablePart(pluralArg, { start: i, end: i + 1 }, 'number', NO_FILTERS, 'number'));
        i = textStart = i + 1;
        continue;
      }
      i++;
    }
    literal(b, textStart, b.length, parts);
    return b.length;
  }

  /** Quoted literal text from the apostrophe at `open`; returns the index after the closing one. */
  private quoted(open: number, parts: Part[]): number {
    const b = this.body;
    let start = open + 1;
    let i = start;
    while (i < b.length) {
      if (b.charCodeAt(i) === 0x27) {
        if (i > start) parts.push({ kind: 'literal', text: b.slice(start, i), range: { start, end: i }, verbatim: true });
        if (b.charCodeAt(i + 1) === 0x27) {
          parts.push(escapePart("'", i, i + 2));
          i = start = i + 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    if (b.length > start) parts.push({ kind: 'literal', text: b.slice(start), range: { start, end: b.length }, verbatim: true });
    this.findings.push({
      code: 'unclosed-tag',
      kind: 'suspicious',
      message: 'This quote is never closed: the rest of the message is literal text',
      range: { start: open, end: open + 1 },
    });
    return b.length;
  }

  /** `{…}` at `open`; pushes its part(s) and returns the index after the closing brace, or -1
   * when it is never closed: then it has pushed a literal `{` and the rest is read as text (by
   * the caller, in place of a nested message: a loop, so many unclosed `{` nest no calls). */
  private argument(open: number, out: Part[], inArm: boolean): number {
    let e = this.failed === undefined ? undefined : this.failed.get(open);
    if (e === undefined) {
      const end = this.tryArgument(open, out);
      if (typeof end === 'number') return end;
      e = end;
      // The try reads the same text wherever this `{` is met again: once a body has had a few,
      // each failure is kept and given again instead of trying again (the findings the try made
      // stay in the list: made again, distinct() would drop them).
      if (++this.failures > 8) (this.failed ??= new Map()).set(open, e);
    }
    const close = this.matching(open);
    if (close < 0) {
      // In an arm (inside an enclosing tryArgument()) that try fails whatever the rest holds: the
      // rest is read once, outside it, instead of once more per enclosing arm.
      if (inArm) return -1;
      this.findings.push({ code: 'unclosed-tag', kind: 'malformed', message: "'{' is never closed", range: { start: open, end: open + 1 } });
      // Still check the rest as literal text.
      out.push({ kind: 'literal', text: '{', range: { start: open, end: open + 1 }, verbatim: true });
      return -1;
    }
    this.findings.push({ code: e.code, kind: e.code === 'unknown-argument-type' ? 'unsupported' : 'malformed', message: e.message, range: { start: e.at, end: e.end } });
    const name = nameIn(this.body, open + 1, close);
    out.push(variablePart(name, { start: open, end: close + 1 }, 'text', NO_FILTERS));
    return close + 1;
  }

  /** `{…}` at `open` as a valid argument: pushes its part and returns the index after it, or
   * returns why it is not one (having pushed nothing). */
  private tryArgument(open: number, out: Part[]): number | Failure {
    // Each character is read once: `c` is always b[i] (NaN past the end).
    const b = this.body;
    const n = b.length;
    let i = open + 1;
    let c = b.charCodeAt(i);
    while (i < n && isSpace(c)) c = b.charCodeAt(++i);
    const nameStart = i;
    while (i < n && isNameChar(c)) c = b.charCodeAt(++i);
    if (i >= n) return new Failure(open, open + 1, 'unclosed-tag', "'{' is never closed");
    if (i === nameStart) return new Failure(open, Math.max(i, open + 1), 'empty-placeholder', 'An argument needs a name or number');
    const name = b.slice(nameStart, i);
    while (i < n && isSpace(c)) c = b.charCodeAt(++i);
    if (c === 0x7d) {
      out.push(variablePart(name, { start: open, end: i + 1 }, 'text', NO_FILTERS));
      return i + 1;
    }
    if (c !== 0x2c) return new Failure(i, i + 1, 'unbalanced-braces', `Expected ',' or '}' after argument '${name}'`);
    c = b.charCodeAt(++i);
    while (i < n && isSpace(c)) c = b.charCodeAt(++i);
    const typeStart = i;
    while (i < n && isAsciiLetter(c)) c = b.charCodeAt(++i);
    const type = b.slice(typeStart, i);
    while (i < n && isSpace(c)) c = b.charCodeAt(++i);
    const branchType = type.length === 6 ? (type === 'plural' ? 'plural' : type === 'select' ? 'select' : null) : type.length === 13 && type === 'selectordinal' ? 'selectordinal' : null;
    if (branchType !== null) {
      if (c !== 0x2c) return new Failure(i, i + 1, 'unbalanced-braces', `Expected ',' and the ${type} cases`);
      return this.branches(open, name, branchType, i + 1, out);
    }
    const valueKind = simpleType(type);
    if (valueKind === undefined) {
      return new Failure(typeStart, Math.max(i, typeStart + 1), 'unknown-argument-type', type ? `Unknown ICU argument type '${type}'` : 'Missing ICU argument type');
    }
    let style = '';
    if (c === 0x2c) {
      const close = this.matching(open);
      if (close < 0) return new Failure(open, open + 1, 'unclosed-tag', "'{' is never closed");
      style = b.slice(i + 1, close).trim();
      i = close;
      c = 0x7d;
    }
    if (c !== 0x7d) return new Failure(i, i + 1, 'unbalanced-braces', `Expected '}' to close argument '${name}'`);
    out.push(variablePart(name, { start: open, end: i + 1 }, valueKind, NO_FILTERS, style ? `${type}, ${style}` : type));
    return i + 1;
  }

  private branches(open: number, name: string, type: 'plural' | 'selectordinal' | 'select', from: number, out: Part[]): number | Failure {
    const b = this.body;
    const n = b.length;
    const plural = type !== 'select';
    let i = from;
    let c = b.charCodeAt(i);
    while (i < n && isSpace(c)) c = b.charCodeAt(++i);
    let offset = 0;
    if (plural && c === 0x6f && b.charCodeAt(i + 1) === 0x66 && b.startsWith('offset:', i)) {
      const m = /^offset:\s*(\d+)/.exec(b.slice(i, i + 32));
      if (!m) return new Failure(i, i + 7, 'unbalanced-braces', "Expected a number after 'offset:'");
      offset = Number(m[1]);
      i += m[0].length;
      c = b.charCodeAt(i);
    }
    const arms: Branch[] = [];
    let sawOther = false;
    for (;;) {
      while (i < n && isSpace(c)) c = b.charCodeAt(++i);
      if (i >= n) return new Failure(open, open + 1, 'unclosed-tag', "'{' is never closed");
      if (c === 0x7d) break;
      const selStart = i;
      while (i < n && !isSpace(c) && c !== 0x7b && c !== 0x7d) c = b.charCodeAt(++i);
      const selector = b.slice(selStart, i);
      while (i < n && isSpace(c)) c = b.charCodeAt(++i);
      if (c !== 0x7b) return new Failure(selStart, Math.max(i, selStart + 1), 'unbalanced-braces', `Expected '{' after ${type} case '${selector}'`);
      const parts: Part[] = [];
      const end = this.message(i + 1, true, plural ? name : null, parts);
      if (end >= n) return new Failure(i, i + 1, 'unclosed-tag', `The '${selector}' case is never closed`);
      const other = selector === 'other';
      if (other) sawOther = true;
      arms.push({
        label: selector,
        test: other
          ? { type: 'otherwise' }
          : plural
            ? { type: 'plural', name, selector, offset, ordinal: type === 'selectordinal' }
            : { type: 'equals', name, values: [selector] },
        parts,
      });
      i = end + 1;
      c = b.charCodeAt(i);
    }
    const range = { start: open, end: i + 1 };
    if (!sawOther) {
      this.findings.push({ code: 'missing-other', kind: 'malformed', message: `ICU ${type} '${name}' needs an 'other' case`, range: { start: open, end: i + 1 } });
    }
    out.push({ kind: 'branch', label: `${type} ${name}`, range, branches: arms });
    return i + 1;
  }
}

export function parseIcu(body: string): Template {
  const p = new IcuParser(body);
  const parts: Part[] = [];
  p.message(0, false, null, parts);
  return { syntax: 'icu', body, parts, findings: p.findings.length > 1 ? distinct(p.findings.sort(byStart)) : p.findings };
}

/** An unclosed `{` in an arm is tried, then its rest is read again as text, once per enclosing
 * unclosed `{`: a finding made more than once (same place and text) is reported once. The
 * findings are sorted by start, so each is compared with those kept at its start alone (a few:
 * each rule makes at most one finding per place). */
function distinct(findings: readonly TemplateFinding[]): TemplateFinding[] {
  const kept: TemplateFinding[] = [];
  let run = 0;
  outer: for (const f of findings) {
    if (kept.length === 0 || kept[kept.length - 1].range.start !== f.range.start) run = kept.length;
    else for (let k = run; k < kept.length; k++) if (same(kept[k], f)) continue outer;
    kept.push(f);
  }
  return kept;
}

/** Two findings at one start that say the same. */
function same(a: TemplateFinding, b: TemplateFinding): boolean {
  return a.range.end === b.range.end && a.code === b.code && a.kind === b.kind && a.message === b.message;
}

/** Where reading goes on after the apostrophe at `at` while matching braces: after `''`, after
 * the quoted text that `'{` or `'}` starts (-1 when it is never closed), or after a lone `'`. */
function quoteEnd(body: string, at: number): number {
  const next = body.charCodeAt(at + 1);
  if (next === 0x27) return at + 2;
  // As message() reads quotes (`'` before `|` too): where the two disagreed, a `{` read as code
  // lay in text a brace search had skipped as quoted, and each search for it ran to the end.
  if (next === 0x7b || next === 0x7d || next === 0x7c) {
    const q = body.indexOf("'", at + 1);
    return q < 0 ? -1 : q + 1;
  }
  return at + 1;
}

/** The name a failed argument's placeholder gets: after the `{` (body[from, to) is its inside),
 * spaces skipped, up to a space, `,`, `{` or `}`. */
function nameIn(body: string, from: number, to: number): string {
  let i = from;
  while (i < to && isJsSpace(body.charCodeAt(i))) i++;
  const start = i;
  for (; i < to; i++) {
    const c = body.charCodeAt(i);
    if (c === 0x2c || c === 0x7b || c === 0x7d || isJsSpace(c)) break;
  }
  return body.slice(start, i);
}
