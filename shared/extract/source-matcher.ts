// What the JS/TS and Python matchers do alike over their tokens: read names and punctuators,
// match dotted callee chains against the configured patterns, split argument lists and `+`
// concatenations at depth 0, and assemble a body from literal and placeholder operands.
// Each language says what a literal is and how it decodes.
import { BodyBuilder, bodySpan } from './offset-map';
import { quickKey, type NameIndex, type Pattern } from './call-patterns';
import { BaseTok, type TokenArrays } from './token-buffer';
import { sniffSyntax } from './syntax';
import type { Body, ExtractProblem, ExtractResult } from './types';

/** A punctuator as a number: its first two chars (and a bit for longer ones). */
export function punctCode(p: string): number {
  return p.length === 1 ? p.charCodeAt(0) : p.charCodeAt(0) * 65536 + p.charCodeAt(1) + (p.length > 2 ? 0x40000000 : 0);
}

export const COMMA: ReadonlySet<number> = new Set([punctCode(',')]);
const PLUS: ReadonlySet<number> = new Set([punctCode('+')]);

/** Tokens [lo, hi). */
export type Span = [number, number];

export interface ChainMatch<V> {
  /** The value of the first pattern (in configuration order) the chain matches. */
  readonly value: V;
  /** The patterns with the chain's last name, matching or not (see allValues). */
  readonly patterns: readonly Pattern<V>[];
  /** The chain's segments, first first; '' stands for a non-name head like `f()`. */
  readonly names: string[];
  /** The chain's first token. */
  readonly first: number;
}

/** Does the dotted pattern (`*` for any one name) match the end of the chain `names`? */
function fits(p: Pattern<unknown>, names: readonly string[]): boolean {
  if (p.rev.length > names.length) return false;
  for (let s = 0; s < p.rev.length; s++) if (p.rev[s] !== '*' && p.rev[s] !== names[names.length - 1 - s]) return false;
  return true;
}

/** One body as the matcher emitted it: enough to build it again from the same tokens (see js-edit.ts). */
export interface Emitted {
  readonly operands: readonly Span[];
  readonly selectedBy: string;
  readonly body: Body;
  /** What decoding its literals reported. */
  readonly problems: readonly ExtractProblem[];
}

const NO_PROBLEMS: readonly ExtractProblem[] = [];

export abstract class SourceMatcher<T extends TokenArrays> {
  protected readonly bodies: Body[] = [];
  protected readonly problems: ExtractProblem[] = [];
  /** First tokens of literals already in a body. */
  protected readonly claimed = new Set<number>();
  /** When set, every body is also listed here in the order it was emitted. */
  emitted: Emitted[] | undefined;

  constructor(
    protected readonly text: string,
    protected readonly t: T,
  ) {}

  /** -1 if operand [a, b) is not a literal; else the end of the literal tokens that start it. */
  protected abstract literalEnd(a: number, b: number): number;

  /** Decodes the literal tokens [k, end) into the body; true when they hold placeholders. */
  protected abstract decodeLiteral(b: BodyBuilder, k: number, end: number): boolean;

  /** Called once a body's literals are decoded, to report what decoding found; true when that added placeholders. */
  protected endBody(): boolean {
    return false;
  }

  /** The bodies in file order, and the problems. */
  protected result(): ExtractResult {
    this.bodies.sort((a, b) => a.range.start - b.range.start);
    return { bodies: this.bodies, problems: this.problems };
  }

  protected word(k: number): string {
    return this.text.slice(this.t.start[k], this.t.end[k]);
  }

  protected isPunct(k: number, p: string): boolean {
    const { t } = this;
    return k >= 0 && k < t.count && t.type[k] === BaseTok.Punct && t.end[k] - t.start[k] === p.length && this.text.startsWith(p, t.start[k]);
  }

  protected isWord(k: number, w: string): boolean {
    const { t } = this;
    return k >= 0 && k < t.count && t.type[k] === BaseTok.Ident && t.end[k] - t.start[k] === w.length && this.text.startsWith(w, t.start[k]);
  }

  /** The member chain ending at identifier k (`?.` links only occur in JS). */
  private chain(k: number): string[] {
    const names = [this.word(k)];
    let j = k - 1;
    while (this.isPunct(j, '.') || this.isPunct(j, '?.')) {
      if (j >= 1 && this.t.type[j - 1] === BaseTok.Ident) {
        names.unshift(this.word(j - 1));
        j -= 2;
      } else {
        names.unshift('');
        break;
      }
    }
    return names;
  }

  /** What the chain ending at identifier k matches in `index`, if anything. */
  protected match<V>(index: NameIndex<V>, k: number): ChainMatch<V> | undefined {
    const { t } = this;
    if (!index.quick.has(quickKey(t.end[k] - t.start[k], this.text.charCodeAt(t.start[k])))) return undefined;
    const list = index.byName.get(this.word(k));
    if (!list) return undefined;
    const names = this.chain(k);
    // The first match only: most chains match one pattern, and no list is built for them.
    for (const p of list) if (fits(p, names)) return { value: p.value, patterns: list, names, first: k - 2 * (names.length - 1) };
    return undefined;
  }

  /** The values of every pattern the chain matches, in configuration order. */
  protected allValues<V>(hit: ChainMatch<V>): V[] {
    return hit.patterns.filter((p) => fits(p, hit.names)).map((p) => p.value);
  }

  /** The callee of a match as written, without a non-name head: `client.messages.create`. */
  protected callee(hit: ChainMatch<unknown>): string {
    return hit.names.filter((n) => n !== '').join('.');
  }

  /** Index just past the group starting at k: a bracket pair (an unclosed one runs to `limit`), or k + 1. */
  protected skip(k: number, limit: number): number {
    const { t } = this;
    if (t.type[k] === BaseTok.Punct && t.end[k] - t.start[k] === 1) {
      const c = this.text.charCodeAt(t.start[k]);
      if (c === 40 || c === 91 || c === 123) return t.pair[k] >= 0 ? t.pair[k] + 1 : limit;
    }
    return k + 1;
  }

  /** Split tokens [lo, hi) at depth-0 punctuators in `seps` (see punctCode). */
  protected split(lo: number, hi: number, seps: ReadonlySet<number>): Span[] {
    const { text } = this;
    const { type, start, end } = this.t;
    const out: Span[] = [];
    let from = lo;
    let k = lo;
    while (k < hi) {
      if (type[k] === BaseTok.Punct) {
        const s = start[k];
        const len = end[k] - s;
        const code = len === 1 ? text.charCodeAt(s) : text.charCodeAt(s) * 65536 + text.charCodeAt(s + 1) + (len > 2 ? 0x40000000 : 0);
        if (seps.has(code)) {
          out.push([from, k]);
          from = k + 1;
          k++;
          continue;
        }
      }
      k = this.skip(k, hi);
    }
    out.push([from, hi]);
    return out;
  }

  /** One branch of an expression, [a, b): its `+` operands make a body when one of them is a literal. */
  protected branch(a: number, b: number, selectedBy: string): void {
    const merged: Span[] = [];
    // A `+` with nothing before it is unary: glue it to the operand after it.
    for (const op of this.split(a, b, PLUS)) {
      const prev = merged[merged.length - 1];
      if (prev && prev[1] === prev[0]) prev[1] = op[1];
      else merged.push([op[0], op[1]]);
    }
    const operands = merged.filter(([x, y]) => y > x);
    if (operands.some(([x, y]) => this.literalEnd(x, y) >= 0)) this.emit(operands, selectedBy);
  }

  /** Builds an emitted body again from its operands, over this matcher's tokens and text. */
  reemit(e: Emitted): Emitted {
    const saved = this.emitted;
    const out: Emitted[] = (this.emitted = []);
    this.claimed.clear();
    this.emit(e.operands, e.selectedBy);
    this.emitted = saved;
    return out[0]!;
  }

  /** A body from literal operands (decoded) and others (`${expr}` placeholders spelled as in the file). */
  protected emit(operands: readonly Span[], selectedBy: string): void {
    const { t, text } = this;
    for (const [x, y] of operands) if (this.literalEnd(x, y) >= 0 && this.claimed.has(x)) return;
    const problemsBefore = this.problems.length;
    const b = new BodyBuilder(text, t.start[operands[0][0]] + 1);
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
      if (this.decodeLiteral(b, x, lit)) placeholders = true;
    }
    if (this.endBody()) placeholders = true;
    const { text: body, map } = b.build();
    const made: Body = { text: body, range: bodySpan(map), selectedBy, syntax: placeholders ? 'js-template' : sniffSyntax(body), options: {}, map };
    this.bodies.push(made);
    if (this.emitted) {
      const problems = this.problems.length === problemsBefore ? NO_PROBLEMS : this.problems.slice(problemsBefore);
      this.emitted.push({ operands, selectedBy, body: made, problems });
    }
  }
}
