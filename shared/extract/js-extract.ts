// Selects SMS bodies among the tokens of a JS/TS file: call-site arguments and properties,
// tagged templates, and literals after a marker comment. Concatenations of literals and
// expressions become one body with `${expr}` placeholders.
import { BodyBuilder, bodySpan } from './offset-map';
import { decodeJsChunk } from './js-escapes';
import { scanJs, Tok, type Tokens } from './js-scanner';
import { byLast, compile, quickKey, type NameIndex, type Pattern } from './call-patterns';
import { sniffSyntax } from './syntax';
import type { CallSite } from './options';
import type { Body, ExtractProblem } from './types';

export interface JsExtractConfig {
  readonly callSites: readonly CallSite[];
  readonly tags: readonly string[];
  readonly marker: string;
}

/** A punctuator as a number: its first two chars (and a bit for longer ones). */
function code(p: string): number {
  return p.length === 1 ? p.charCodeAt(0) : p.charCodeAt(0) * 65536 + p.charCodeAt(1) + (p.length > 2 ? 0x40000000 : 0);
}

const COMMA = new Set([code(',')]);
const PLUS = new Set([code('+')]);
const BRANCH = new Set(['?', ':', '||', '&&', '??'].map(code));

export function extractJs(text: string, config: JsExtractConfig): { bodies: Body[]; problems: ExtractProblem[] } {
  // A site with a keyword and no argument index names a Python keyword argument: not for JS.
  const calls = byLast(config.callSites.filter((c) => c.keyword === undefined || c.argument !== undefined).map((c) => compile(c.callee, c)));
  const tags = byLast(config.tags.map((tag) => compile(tag, tag)));
  const toks = scanJs(text, config.marker, new Set([...calls.quick, ...tags.quick]));
  return new Matcher(text, toks, config, calls, tags).run();
}

class Matcher {
  private readonly bodies: Body[] = [];
  private readonly problems: ExtractProblem[] = [];
  /** First tokens of literals already in a body. */
  private readonly claimed = new Set<number>();

  constructor(
    private readonly text: string,
    private readonly t: Tokens,
    private readonly config: JsExtractConfig,
    private readonly calls: NameIndex<CallSite>,
    private readonly tags: NameIndex<string>,
  ) {}

  run(): { bodies: Body[]; problems: ExtractProblem[] } {
    const { t, text } = this;
    // Only identifiers that may end a configured callee or tag (the scanner kept them).
    for (const id of t.candidates) {
      const k = id + 1;
      if (k >= t.count) continue;
      const ty = t.type[k];
      if (ty === Tok.Punct && text.charCodeAt(t.start[k]) === 40 && t.end[k] - t.start[k] === 1) this.call(k);
      else if (ty === Tok.Template || ty === Tok.TemplateHead) this.tagged(k);
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
    return k >= 0 && k < t.count && t.type[k] === Tok.Punct && t.end[k] - t.start[k] === p.length && this.text.startsWith(p, t.start[k]);
  }

  /** The member chain ending at identifier k, first segment first; '' stands for a non-name head like `f()`. */
  private chain(k: number): string[] {
    const names = [this.word(k)];
    let j = k - 1;
    while (j >= 0 && (this.isPunct(j, '.') || this.isPunct(j, '?.'))) {
      if (j >= 1 && this.t.type[j - 1] === Tok.Ident) {
        names.unshift(this.word(j - 1));
        j -= 2;
      } else {
        names.unshift('');
        break;
      }
    }
    return names;
  }

  private matchChain<T>(index: NameIndex<T>, k: number): { pattern: Pattern<T>; names: string[] } | undefined {
    const { t } = this;
    if (!index.quick.has(quickKey(t.end[k] - t.start[k], this.text.charCodeAt(t.start[k])))) return undefined;
    const list = index.byName.get(this.word(k));
    if (!list) return undefined;
    const names = this.chain(k);
    for (const p of list) {
      if (p.rev.length > names.length) continue;
      let ok = true;
      for (let s = 0; s < p.rev.length && ok; s++) {
        const name = names[names.length - 1 - s];
        ok = p.rev[s] === '*' || p.rev[s] === name;
      }
      if (ok) return { pattern: p, names };
    }
    return undefined;
  }

  /** Index just past the group starting at k (a bracket pair or a whole template). */
  private skip(k: number, limit: number): number {
    const { t } = this;
    const ty = t.type[k];
    if (ty === Tok.TemplateHead) {
      let j = k;
      while (j >= 0 && t.type[j] !== Tok.TemplateTail) {
        const next = t.pair[j];
        if (next < 0) return limit;
        // A middle's pair is the next piece; a head's may be the tail directly.
        j = next;
      }
      return j + 1;
    }
    if (ty === Tok.Punct && t.pair[k] >= 0) return t.pair[k] + 1;
    if (ty === Tok.Punct && t.end[k] - t.start[k] === 1) {
      const c = this.text.charCodeAt(t.start[k]);
      if (c === 40 || c === 91 || c === 123) return limit; // unclosed
    }
    return k + 1;
  }

  /** Split tokens [lo, hi) at depth-0 punctuators in `seps`. */
  private punctCode(k: number): number {
    const { t, text } = this;
    const len = t.end[k] - t.start[k];
    const s = t.start[k];
    return len === 1 ? text.charCodeAt(s) : text.charCodeAt(s) * 65536 + text.charCodeAt(s + 1) + (len > 2 ? 0x40000000 : 0);
  }

  private split(lo: number, hi: number, seps: ReadonlySet<number>): [number, number][] {
    const out: [number, number][] = [];
    let from = lo;
    let k = lo;
    while (k < hi) {
      if (this.t.type[k] === Tok.Punct && seps.has(this.punctCode(k))) {
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
    const hit = this.matchChain(this.calls, paren - 1);
    if (!hit) return;
    const site = hit.pattern.value;
    const close = this.t.pair[paren];
    if (close < 0 || this.isDeclaration(paren - hit.names.length * 2 + 1, close)) return;
    const args = this.split(paren + 1, close, COMMA).filter(([a, b]) => b > a);
    const callee = hit.names.filter((n) => n !== '').join('.');
    if (site.property === undefined) {
      const arg = args[site.argument ?? 0];
      if (arg) this.expression(arg[0], arg[1], `argument ${site.argument ?? 0} of ${callee}()`);
      return;
    }
    const candidates = site.argument === undefined ? args : args.slice(site.argument, site.argument + 1);
    for (const [a, b] of candidates) {
      if (!this.isPunct(a, '{') || this.t.pair[a] !== b - 1) continue;
      for (const [p, q] of this.split(a + 1, b - 1, COMMA)) {
        if (q - p < 3 || !this.isPunct(p + 1, ':')) continue;
        const ty = this.t.type[p];
        const key = ty === Tok.Ident ? this.word(p) : ty === Tok.Str ? this.word(p).slice(1, -1) : undefined;
        if (key === site.property) this.expression(p + 2, q, `property ${key} of ${callee}()`);
      }
    }
  }

  /** `function sendSms(text = '…') {` or a method `sendSms(text): void {` declares, not calls. */
  private isDeclaration(chainStart: number, close: number): boolean {
    const before = chainStart - 1;
    if (before >= 0 && this.t.type[before] === Tok.Ident && this.word(before) === 'function') return true;
    if (this.isPunct(close + 1, '{')) return true;
    if (!this.isPunct(close + 1, ':')) return false;
    return before < 0 || this.t.type[before] === Tok.Ident || this.isPunct(before, '{') || this.isPunct(before, '}') || this.isPunct(before, ';');
  }

  private tagged(k: number): void {
    const hit = this.matchChain(this.tags, k - 1);
    if (!hit || this.claimed.has(k)) return;
    const end = this.skip(k, this.t.count);
    this.emit([[k, end]], `tagged template ${hit.pattern.value}\`\``);
  }

  private marker(m: number): void {
    const { t } = this;
    // The first literal of the next statement: stop at its end.
    let k = m;
    for (; k < t.count && k < m + 64; k++) {
      const ty = t.type[k];
      if (ty === Tok.Str || ty === Tok.Template || ty === Tok.TemplateHead) break;
      if (this.isPunct(k, ';')) return;
    }
    if (k >= t.count || k >= m + 64) return;
    // Tagged template after the marker: the tag rules already apply; otherwise take the
    // expression that starts at the literal, up to where it visibly ends.
    let e = k;
    while (e < t.count) {
      if (t.type[e] === Tok.Punct && [';', ',', ')', ']', '}', '=', '=>'].some((s) => this.isPunct(e, s))) break;
      if (e > k && t.newline[e] && this.endsValue(e - 1) && this.startsValue(e)) break;
      e = this.skip(e, t.count);
    }
    this.expression(k, e, `marker comment // ${this.config.marker}`);
  }

  private endsValue(k: number): boolean {
    const ty = this.t.type[k];
    return ty !== Tok.Punct || this.isPunct(k, ')') || this.isPunct(k, ']') || this.isPunct(k, '}');
  }

  private startsValue(k: number): boolean {
    const ty = this.t.type[k];
    return ty === Tok.Ident || ty === Tok.Str || ty === Tok.Num || ty === Tok.Template || ty === Tok.TemplateHead || ty === Tok.Regex;
  }

  private isLiteral(a: number, b: number): boolean {
    const ty = this.t.type[a];
    if (ty === Tok.Str || ty === Tok.Template) return b === a + 1 || this.isTypeTail(a + 1, b);
    if (ty === Tok.TemplateHead) {
      const e = this.skip(a, b);
      return e === b || this.isTypeTail(e, b);
    }
    return false;
  }

  /** `as const`, `satisfies T` after a literal: types, not text. */
  private isTypeTail(k: number, b: number): boolean {
    if (k >= b || this.t.type[k] !== Tok.Ident) return false;
    const w = this.word(k);
    return w === 'as' || w === 'satisfies';
  }

  /** Bodies from the expression [lo, hi): each branch (?: || && ??) with a literal is one body. */
  private expression(lo: number, hi: number, selectedBy: string): void {
    for (const [a, b] of this.split(lo, hi, BRANCH)) {
      const operands = this.split(a, b, PLUS);
      // A `+` with nothing before it is unary: glue it to the operand after it.
      const merged: [number, number][] = [];
      for (const op of operands) {
        const prev = merged[merged.length - 1];
        if (prev && prev[1] === prev[0]) prev[1] = op[1];
        else merged.push([op[0], op[1]]);
      }
      const nonEmpty = merged.filter(([x, y]) => y > x);
      if (nonEmpty.some(([x, y]) => this.isLiteral(x, y))) this.emit(nonEmpty, selectedBy);
    }
  }

  private emit(operands: [number, number][], selectedBy: string): void {
    const { t, text } = this;
    for (const [x, y] of operands) if (this.isLiteral(x, y) && this.claimed.has(x)) return;
    const first = operands[0][0];
    const b = new BodyBuilder(text, t.start[first] + 1);
    let placeholders = false;
    for (const [x, y] of operands) {
      if (!this.isLiteral(x, y)) {
        const s = t.start[x];
        const e = t.end[y - 1];
        b.unit('${' + text.slice(s, e) + '}', s, e);
        placeholders = true;
        continue;
      }
      this.claimed.add(x);
      if (t.type[x] === Tok.Str) {
        const s = t.start[x];
        const e = t.end[x];
        const closed = e - s >= 2 && text.charCodeAt(e - 1) === text.charCodeAt(s);
        this.decode(b, s + 1, closed ? e - 1 : e, false);
        continue;
      }
      // Template: chunks between the backtick/`}` and `${`/backtick.
      let k = x;
      for (;;) {
        const s = t.start[k];
        const e = t.end[k];
        const ty = t.type[k];
        const last = ty === Tok.Template || ty === Tok.TemplateTail;
        const closed = last ? e - s >= 2 && text.charCodeAt(e - 1) === 96 : true;
        this.decode(b, s + 1, last ? (closed ? e - 1 : e) : e - 2, true);
        if (last) break;
        const next = t.pair[k];
        if (next < 0) break;
        // The substitution `${ … }` is one placeholder, spelled as in the file.
        b.unit(text.slice(e - 2, t.start[next] + 1), e - 2, t.start[next] + 1);
        placeholders = true;
        k = next;
      }
    }
    const { text: body, map } = b.build();
    this.bodies.push({
      text: body,
      range: bodySpan(map),
      selectedBy,
      syntax: placeholders ? 'js-template' : sniffSyntax(body),
      options: {},
      map,
    });
  }

  private decode(b: BodyBuilder, start: number, end: number, template: boolean): void {
    const bad = decodeJsChunk(b, this.text, start, end, template);
    if (bad >= 0) {
      this.problems.push({ kind: 'escape', message: 'Malformed escape sequence; it is read as the character after the backslash.', range: { start: bad, end: Math.min(bad + 2, end) } });
    }
  }
}
