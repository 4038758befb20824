// Selects SMS bodies among the tokens of a Python file: positional and keyword arguments (and
// dict keys) at call sites, and literals after a marker comment. `+` concatenation and implicit
// concatenation of adjacent literals make one body; f-string fields and other operands become
// `${expr}` placeholders; `x if c else y`, `or` and `and` give one body per branch.
import { BodyBuilder, bodySpan } from './offset-map';
import { byLast, compile, quickKey, type NameIndex, type Pattern } from './call-patterns';
import { decodePyChunk, type PyDecodeIssues } from './py-escapes';
import { PyTok, scanPy, scanString, StrFlag, type PyTokens } from './py-scanner';
import { sniffSyntax } from './syntax';
import type { CallSite } from './options';
import type { Body, ExtractProblem } from './types';

export interface PyExtractConfig {
  readonly callSites: readonly CallSite[];
  readonly marker: string;
}

export function extractPy(text: string, config: PyExtractConfig): { bodies: Body[]; problems: ExtractProblem[] } {
  const calls = byLast(config.callSites.map((c) => compile(c.callee, c)));
  const toks = scanPy(text, config.marker, calls.quick);
  return new Matcher(text, toks, config, calls).run();
}

/** Words that split an expression into branches; the part after `if` is a condition, not text. */
const BRANCH_WORDS = new Set(['if', 'else', 'or', 'and']);

class Matcher {
  private readonly bodies: Body[] = [];
  private readonly problems: ExtractProblem[] = [];
  /** First tokens of literals already in a body. */
  private readonly claimed = new Set<number>();
  private readonly fields: number[] = [];

  constructor(
    private readonly text: string,
    private readonly t: PyTokens,
    private readonly config: PyExtractConfig,
    private readonly calls: NameIndex<CallSite>,
  ) {}

  run(): { bodies: Body[]; problems: ExtractProblem[] } {
    const { t } = this;
    for (const id of t.candidates) {
      if (id + 1 < t.count && this.isPunct(id + 1, '(')) this.call(id + 1);
    }
    for (const m of t.markers) this.marker(m);
    this.bodies.sort((a, b) => a.range.start - b.range.start);
    return { bodies: this.bodies, problems: this.problems };
  }

  private word(k: number): string {
    return this.text.slice(this.t.start[k], this.t.end[k]);
  }

  private isPunct(k: number, p: string): boolean {
    const { t } = this;
    return k >= 0 && k < t.count && t.type[k] === PyTok.Punct && t.end[k] - t.start[k] === p.length && this.text.startsWith(p, t.start[k]);
  }

  private isWord(k: number, w: string): boolean {
    const { t } = this;
    return k >= 0 && k < t.count && t.type[k] === PyTok.Ident && t.end[k] - t.start[k] === w.length && this.text.startsWith(w, t.start[k]);
  }

  /** The dotted chain ending at identifier k, first segment first; '' stands for a non-name head. */
  private chain(k: number): string[] {
    const names = [this.word(k)];
    let j = k - 1;
    while (this.isPunct(j, '.')) {
      if (j >= 1 && this.t.type[j - 1] === PyTok.Ident) {
        names.unshift(this.word(j - 1));
        j -= 2;
      } else {
        names.unshift('');
        break;
      }
    }
    return names;
  }

  /** Every site the call at identifier k matches (the JS-style and keyword sites of one callee both apply). */
  private match(k: number): { sites: CallSite[]; names: string[] } | undefined {
    const { t } = this;
    if (!this.calls.quick.has(quickKey(t.end[k] - t.start[k], this.text.charCodeAt(t.start[k])))) return undefined;
    const list: Pattern<CallSite>[] | undefined = this.calls.byName.get(this.word(k));
    if (!list) return undefined;
    const names = this.chain(k);
    const sites: CallSite[] = [];
    for (const p of list) {
      if (p.rev.length > names.length) continue;
      let ok = true;
      for (let s = 0; s < p.rev.length && ok; s++) ok = p.rev[s] === '*' || p.rev[s] === names[names.length - 1 - s];
      if (ok) sites.push(p.value);
    }
    return sites.length ? { sites, names } : undefined;
  }

  /** Index just past the group starting at k (a bracket pair), or k + 1. */
  private skip(k: number, limit: number): number {
    const { t } = this;
    if (t.type[k] === PyTok.Punct && t.end[k] - t.start[k] === 1) {
      const c = this.text.charCodeAt(t.start[k]);
      if (c === 40 || c === 91 || c === 123) return t.pair[k] >= 0 ? t.pair[k] + 1 : limit;
    }
    return k + 1;
  }

  /** Split tokens [lo, hi) at depth-0 tokens for which `at` holds. */
  private split(lo: number, hi: number, at: (k: number) => boolean): [number, number][] {
    const out: [number, number][] = [];
    let from = lo;
    let k = lo;
    while (k < hi) {
      if (at(k)) {
        out.push([from, k]);
        from = k + 1;
        k++;
        continue;
      }
      k = this.skip(k, hi);
    }
    out.push([from, hi]);
    return out;
  }

  private call(paren: number): void {
    const { t } = this;
    const hit = this.match(paren - 1);
    if (!hit) return;
    const close = t.pair[paren];
    const chainStart = paren - hit.names.length * 2 + 1;
    if (close < 0 || this.isWord(chainStart - 1, 'def') || this.isWord(chainStart - 1, 'class')) return;
    for (const site of hit.sites) this.site(site, hit.names, paren, close);
  }

  private site(site: CallSite, names: string[], paren: number, close: number): void {
    const { t } = this;
    const callee = names.filter((n) => n !== '').join('.');
    const positional: [number, number][] = [];
    let starred = false; // after *args, positions are unknown
    const picked: { lo: number; hi: number; label: string }[] = [];
    for (const [a, b] of this.split(paren + 1, close, (k) => this.isPunct(k, ','))) {
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
      for (const [p, q] of this.split(lo + 1, hi - 1, (k) => this.isPunct(k, ','))) {
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
  private literalEnd(a: number, b: number): number {
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

  private branch(a: number, b: number, selectedBy: string): void {
    const merged: [number, number][] = [];
    // A `+` with nothing before it is unary: glue it to the operand after it.
    for (const op of this.split(a, b, (k) => this.isPunct(k, '+'))) {
      const prev = merged[merged.length - 1];
      if (prev && prev[1] === prev[0]) prev[1] = op[1];
      else merged.push([op[0], op[1]]);
    }
    const operands = merged.filter(([x, y]) => y > x);
    if (operands.some(([x, y]) => this.literalEnd(x, y) >= 0)) this.emit(operands, selectedBy);
  }

  private emit(operands: [number, number][], selectedBy: string): void {
    const { t, text } = this;
    for (const [x, y] of operands) if (this.literalEnd(x, y) >= 0 && this.claimed.has(x)) return;
    const b = new BodyBuilder(text, t.start[operands[0][0]] + 1);
    const issues: PyDecodeIssues = { bad: -1, unknownNames: [] };
    let placeholders = false;
    for (const [x, y] of operands) {
      const lit = this.literalEnd(x, y);
      if (lit < 0) {
        const s = t.start[x];
        const e = t.end[y - 1];
        b.unit('${' + text.slice(s, e) + '}', s, e);
        placeholders = true;
        continue;
      }
      this.claimed.add(x);
      for (let k = x; k < lit; k++) if (this.decodeLiteral(b, k, issues)) placeholders = true;
    }
    if (issues.bad >= 0) {
      this.problems.push({ kind: 'escape', message: 'Malformed escape sequence (Python rejects it); it is read as written.', range: { start: issues.bad, end: issues.bad + 2 } });
    }
    for (let i = 0; i < issues.unknownNames.length; i += 2) {
      placeholders = true;
      const range = { start: issues.unknownNames[i], end: issues.unknownNames[i + 1] };
      this.problems.push({ kind: 'unsupported', range, message: `smslint does not know the character name in ${text.slice(range.start, range.end)}; it is measured as a placeholder (one character of unknown width and charset).` });
    }
    const { text: body, map } = b.build();
    this.bodies.push({ text: body, range: bodySpan(map), selectedBy, syntax: placeholders ? 'js-template' : sniffSyntax(body), options: {}, map });
  }

  /** Decodes string token k into the body; true when it is an f-string (its fields are placeholders). */
  private decodeLiteral(b: BodyBuilder, k: number, issues: PyDecodeIssues): boolean {
    const { t, text } = this;
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
