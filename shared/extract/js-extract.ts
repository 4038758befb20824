// Selects SMS bodies among the tokens of a JS/TS file: call-site arguments and properties,
// tagged templates, and literals after a marker comment. Concatenations of literals and
// expressions become one body with `${expr}` placeholders.
import type { BodyBuilder } from './offset-map';
import { decodeJsChunk } from './js-escapes';
import { scanJs, Tok, type Tokens } from './js-scanner';
import { byLast, compile, type NameIndex } from './call-patterns';
import { COMMA, punctCode, SourceMatcher } from './source-matcher';
import type { CallSite } from './options';
import type { ExtractResult } from './types';

export interface JsExtractConfig {
  readonly callSites: readonly CallSite[];
  readonly tags: readonly string[];
  readonly marker: string;
}

const BRANCH = new Set(['?', ':', '||', '&&', '??'].map(punctCode));

export function extractJs(text: string, config: JsExtractConfig): ExtractResult {
  const patterns = jsPatterns(config);
  return new JsMatcher(text, scanJs(text, config.marker, patterns.names), config, patterns).run();
}

/** A config's callees and tags, indexed for matching. */
export interface JsPatterns {
  readonly calls: NameIndex<CallSite>;
  readonly tags: NameIndex<string>;
  /** Name keys (see nameKey) of every callee's and tag's last segment, for the scanner. */
  readonly names: ReadonlySet<number>;
}

export function jsPatterns(config: JsExtractConfig): JsPatterns {
  // A site with a keyword and no argument index names a Python keyword argument: not for JS.
  const calls = byLast(config.callSites.filter((c) => c.keyword === undefined || c.argument !== undefined).map((c) => compile(c.callee, c)));
  const tags = byLast(config.tags.map((tag) => compile(tag, tag)));
  return { calls, tags, names: new Set([...calls.quick, ...tags.quick]) };
}

export class JsMatcher extends SourceMatcher<Tokens> {
  private readonly calls: NameIndex<CallSite>;
  private readonly tags: NameIndex<string>;

  constructor(
    text: string,
    t: Tokens,
    private readonly config: JsExtractConfig,
    patterns: JsPatterns,
  ) {
    super(text, t);
    this.calls = patterns.calls;
    this.tags = patterns.tags;
  }

  run(): ExtractResult {
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
    return this.result();
  }

  /** Index just past the group starting at k (a bracket pair or a whole template). */
  protected override skip(k: number, limit: number): number {
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
    return super.skip(k, limit);
  }

  private call(paren: number): void {
    const hit = this.match(this.calls, paren - 1);
    if (!hit) return;
    const site = hit.value;
    const close = this.t.pair[paren];
    if (close < 0 || this.isDeclaration(hit.first, close)) return;
    const args = this.split(paren + 1, close, COMMA).filter(([a, b]) => b > a);
    const callee = this.callee(hit);
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
    if (this.isWord(before, 'function')) return true;
    if (this.isPunct(close + 1, '{')) return true;
    if (!this.isPunct(close + 1, ':')) return false;
    return before < 0 || this.t.type[before] === Tok.Ident || this.isPunct(before, '{') || this.isPunct(before, '}') || this.isPunct(before, ';');
  }

  private tagged(k: number): void {
    const hit = this.match(this.tags, k - 1);
    if (!hit || this.claimed.has(k)) return;
    const end = this.skip(k, this.t.count);
    this.emit([[k, end]], `tagged template ${hit.value}\`\``);
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

  /** A string or template, possibly typed (`as const`); the literal is its first token. */
  protected literalEnd(a: number, b: number): number {
    const ty = this.t.type[a];
    if (ty === Tok.Str || ty === Tok.Template) return b === a + 1 || this.isTypeTail(a + 1, b) ? a + 1 : -1;
    if (ty === Tok.TemplateHead) {
      const e = this.skip(a, b);
      return e === b || this.isTypeTail(e, b) ? e : -1;
    }
    return -1;
  }

  /** `as const`, `satisfies T` after a literal: types, not text. */
  private isTypeTail(k: number, b: number): boolean {
    return k < b && (this.isWord(k, 'as') || this.isWord(k, 'satisfies'));
  }

  /** Bodies from the expression [lo, hi): each branch (?: || && ??) with a literal is one body. */
  private expression(lo: number, hi: number, selectedBy: string): void {
    for (const [a, b] of this.split(lo, hi, BRANCH)) this.branch(a, b, selectedBy);
  }

  protected decodeLiteral(b: BodyBuilder, x: number): boolean {
    const { t, text } = this;
    if (t.type[x] === Tok.Str) {
      const s = t.start[x];
      const e = t.end[x];
      const closed = e - s >= 2 && text.charCodeAt(e - 1) === text.charCodeAt(s);
      this.decode(b, s + 1, closed ? e - 1 : e, false);
      return false;
    }
    // Template: chunks between the backtick/`}` and `${`/backtick.
    let placeholders = false;
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
    return placeholders;
  }

  private decode(b: BodyBuilder, start: number, end: number, template: boolean): void {
    const bad = decodeJsChunk(b, this.text, start, end, template);
    if (bad >= 0) {
      this.problems.push({ kind: 'escape', message: 'Malformed escape sequence; it is read as the character after the backslash.', range: { start: bad, end: Math.min(bad + 2, end) } });
    }
  }
}
