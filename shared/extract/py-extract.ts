// Selects SMS bodies among the tokens of a Python file: positional and keyword arguments (and
// dict keys) at call sites, and literals after a marker comment. `+` concatenation and implicit
// concatenation of adjacent literals make one body; f-string fields and other operands become
// `${expr}` placeholders; `x if c else y`, `or` and `and` give one body per branch.
import type { BodyBuilder } from './offset-map';
import { byLast, compile, type NameIndex } from './call-patterns';
import { decodePyChunk, type PyDecodeIssues } from './py-escapes';
import { PyTok, scanPy, scanString, StrFlag, type PyTokens } from './py-scanner';
import { COMMA, SourceMatcher, type Span } from './source-matcher';
import type { CallSite } from './options';
import type { ExtractResult } from './types';

export interface PyExtractConfig {
  readonly callSites: readonly CallSite[];
  readonly marker: string;
}

export function extractPy(text: string, config: PyExtractConfig): ExtractResult {
  const calls = byLast(config.callSites.map((c) => compile(c.callee, c)));
  const toks = scanPy(text, config.marker, calls.quick);
  return new Matcher(text, toks, config, calls).run();
}

/** Words that split an expression into branches; the part after `if` is a condition, not text. */
const BRANCH_WORDS = new Set(['if', 'else', 'or', 'and']);

class Matcher extends SourceMatcher<PyTokens> {
  private readonly fields: number[] = [];
  /** What decoding found in the body being built. */
  private issues: PyDecodeIssues = { bad: -1, unknownNames: [] };

  constructor(
    text: string,
    t: PyTokens,
    private readonly config: PyExtractConfig,
    private readonly calls: NameIndex<CallSite>,
  ) {
    super(text, t);
  }

  run(): ExtractResult {
    const { t } = this;
    for (const id of t.candidates) {
      if (id + 1 < t.count && this.isPunct(id + 1, '(')) this.call(id + 1);
    }
    for (const m of t.markers) this.marker(m);
    return this.result();
  }

  private call(paren: number): void {
    const { t } = this;
    // The JS-style and keyword sites of one callee both apply.
    const hit = this.match(this.calls, paren - 1);
    if (!hit) return;
    const close = t.pair[paren];
    if (close < 0 || this.isWord(hit.first - 1, 'def') || this.isWord(hit.first - 1, 'class')) return;
    const callee = this.callee(hit);
    for (const site of this.allValues(hit)) this.site(site, callee, paren, close);
  }

  private site(site: CallSite, callee: string, paren: number, close: number): void {
    const { t } = this;
    const positional: Span[] = [];
    let starred = false; // after *args, positions are unknown
    const picked: { lo: number; hi: number; label: string }[] = [];
    for (const [a, b] of this.split(paren + 1, close, COMMA)) {
      if (b <= a) continue;
      if (t.type[a] === PyTok.Ident && this.isPunct(a + 1, '=')) {
        if (site.keyword !== undefined && this.word(a) === site.keyword) picked.push({ lo: a + 2, hi: b, label: `keyword ${site.keyword}` });
      } else if (this.isPunct(a, '*') || this.isPunct(a, '**')) {
        starred = true;
      } else if (!starred) positional.push([a, b]);
    }
    const byIndex = site.argument !== undefined || (site.keyword === undefined && site.property === undefined);
    if (byIndex) {
      const n = site.argument ?? 0;
      const arg = positional[n];
      if (arg) picked.push({ lo: arg[0], hi: arg[1], label: `argument ${n}` });
    } else if (site.keyword === undefined) {
      positional.forEach(([a, b], n) => picked.push({ lo: a, hi: b, label: `argument ${n}` }));
    }
    for (const { lo, hi, label } of picked) {
      if (site.property === undefined) {
        this.expression(lo, hi, `${label} of ${callee}()`);
        continue;
      }
      // A dict display: {"body": "…"}.
      if (!this.isPunct(lo, '{') || t.pair[lo] !== hi - 1) continue;
      for (const [p, q] of this.split(lo + 1, hi - 1, COMMA)) {
        if (q - p < 3 || t.type[p] !== PyTok.Str || !this.isPunct(p + 1, ':')) continue;
        if (this.plainKey(p) === site.property) this.expression(p + 2, q, `key ${site.property} of ${callee}()`);
      }
    }
  }

  /** The text of a simple string literal (a dict key), without decoding escapes. */
  private plainKey(k: number): string {
    const { t } = this;
    const f = t.flags[k];
    const q = (f & StrFlag.Triple ? 3 : 1) + (f >> 5);
    return this.text.slice(t.start[k] + q, t.end[k] - (f & StrFlag.Triple ? 3 : 1));
  }

  private marker(m: number): void {
    const { t } = this;
    // A trailing marker comment ends its own line: the literal is on a later line.
    let k = m < t.count && t.type[m] === PyTok.Newline ? m + 1 : m;
    for (; k < t.count && k < m + 64; k++) {
      if (t.type[k] === PyTok.Str) break;
      if (t.type[k] === PyTok.Newline) return;
    }
    if (k >= t.count || k >= m + 64) return;
    let e = k;
    while (e < t.count) {
      const ty = t.type[e];
      if (ty === PyTok.Newline || this.isWord(e, 'for')) break;
      if (ty === PyTok.Punct && [',', ')', ']', '}', '=', ':', ';'].some((s) => this.isPunct(e, s))) break;
      e = this.skip(e, t.count);
    }
    this.expression(k, e, `marker comment # ${this.config.marker}`);
  }

  /**
   * End of the literal run at the start of [a, b) when the operand is a literal: adjacent strings,
   * optionally formatted by `% args` or `.format(…)` (the literal is then the template). -1 if not.
   */
  protected literalEnd(a: number, b: number): number {
    const { t } = this;
    let s = a;
    while (s < b && t.type[s] === PyTok.Str) s++;
    if (s === a) return -1;
    if (s === b || this.isPunct(s, '%')) return s;
    if (this.isPunct(s, '.') && this.isWord(s + 1, 'format') && this.isPunct(s + 2, '(') && t.pair[s + 2] === b - 1) return s;
    return -1;
  }

  /** Bodies from the expression [lo, hi): each branch with a literal is one body. */
  private expression(lo: number, hi: number, selectedBy: string): void {
    // Parentheses around the whole expression (implicit concatenation over lines) are not text.
    while (hi - lo > 2 && this.isPunct(lo, '(') && this.t.pair[lo] === hi - 1) {
      lo++;
      hi--;
    }
    let condition = false;
    let from = lo;
    let k = lo;
    const flush = (to: number): void => {
      if (!condition) this.branch(from, to, selectedBy);
    };
    while (k < hi) {
      if (this.t.type[k] === PyTok.Ident && BRANCH_WORDS.has(this.word(k))) {
        flush(k);
        condition = this.isWord(k, 'if');
        from = ++k;
        continue;
      }
      k = this.skip(k, hi);
    }
    flush(hi);
  }

  /** Decodes the adjacent string tokens [x, end); true when one is an f-string (its fields are placeholders). */
  protected decodeLiteral(b: BodyBuilder, x: number, end: number): boolean {
    let placeholders = false;
    for (let k = x; k < end; k++) if (this.decodeString(b, k)) placeholders = true;
    return placeholders;
  }

  protected override endBody(): boolean {
    const { issues, text } = this;
    this.issues = { bad: -1, unknownNames: [] };
    if (issues.bad >= 0) {
      this.problems.push({ kind: 'escape', message: 'Malformed escape sequence (Python rejects it); it is read as written.', range: { start: issues.bad, end: issues.bad + 2 } });
    }
    for (let i = 0; i < issues.unknownNames.length; i += 2) {
      const range = { start: issues.unknownNames[i], end: issues.unknownNames[i + 1] };
      this.problems.push({ kind: 'unsupported', range, message: `smslint does not know the character name in ${text.slice(range.start, range.end)}; it is measured as a placeholder (one character of unknown width and charset).` });
    }
    return issues.unknownNames.length > 0;
  }

  /** Decodes string token k into the body; true when it is an f-string (its fields are placeholders). */
  private decodeString(b: BodyBuilder, k: number): boolean {
    const { t, text, issues } = this;
    const flags = t.flags[k];
    const quote = flags & StrFlag.Triple ? 3 : 1;
    const q = t.start[k] + (flags >> 5);
    const contentEnd = flags & StrFlag.Unterminated ? t.end[k] : t.end[k] - quote;
    if (!(flags & StrFlag.Format)) {
      decodePyChunk(b, text, q + quote, contentEnd, flags, issues);
      return false;
    }
    const fields = this.fields;
    fields.length = 0;
    scanString(text, q, flags, fields);
    let at = q + quote;
    for (let i = 0; i < fields.length; i += 4) {
      const [open, exprEnd, end, debug] = [fields[i], fields[i + 1], fields[i + 2], fields[i + 3]];
      if (open >= contentEnd) break;
      decodePyChunk(b, text, at, open, flags, issues);
      const expr = text.slice(open + 1, exprEnd);
      // `{x=}` prints the expression text and `=` before the value.
      b.unit((debug ? text.slice(open + 1, exprEnd + 1) : '') + '${' + expr.trim() + '}', open, Math.min(end, contentEnd));
      at = end;
    }
    if (at < contentEnd) decodePyChunk(b, text, at, contentEnd, flags, issues);
    return true;
  }
}
