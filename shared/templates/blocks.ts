// The part tree of the block syntaxes (Mustache, Handlebars, Liquid), built while the parser reads
// tags in order. Whitespace control trims text across block edges, so each text is placed only
// once the tag after it is known.
import type { Range } from '../types';
import type { Branch, BranchTest, Part, TemplateFinding, VariablePart } from './types';

export type BlockKind = 'if' | 'case' | 'each';

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c;
}

export const OTHERWISE: BranchTest = { type: 'otherwise' };

/** An open block: its tag and the arms read so far. Open blocks form a stack through `parent`
 * (no array to grow for it). */
class Frame {
  /** The first arm and the ones after it, kept apart so that a block's list of arms is made when
   * it closes: at its exact size for one or two arms, the commonest (an array grown by push holds
   * 17 slots, and the collector pays for the unused ones). */
  private first: Branch | undefined;
  private more: Branch[] | undefined;
  /** Where its printed parts go now: the last arm's parts (Liquid's `{% case %}` before its first
   * `{% when %}` prints nothing: the builder's throwaway list). */
  parts: Part[];
  sawElse = false;

  constructor(
    readonly parent: Frame | undefined,
    readonly range: Range,
    readonly block: BlockKind,
    /** Matched against the close tag: `if`, `unless`, `for`, or the Mustache section name. */
    readonly closeName: string,
    readonly label: string,
    /** For `each`: the collection variable; for a Liquid `case`: its subject. */
    readonly collection: string | undefined,
    discard: Part[],
    branchLabel: string,
    test: BranchTest,
  ) {
    if (block === 'case') this.parts = discard;
    else this.first = { label: branchLabel, test, parts: (this.parts = []) };
  }

  /** Starts a new arm: the parts that follow go to it. */
  arm(label: string, test: BranchTest): void {
    const b: Branch = { label, test, parts: (this.parts = []) };
    if (this.first === undefined) this.first = b;
    else if (this.more === undefined) this.more = [b];
    else this.more.push(b);
  }

  toPart(end: number): Part {
    const range = { start: this.range.start, end };
    const first = this.first;
    const more = this.more;
    if (this.block === 'each') {
      return {
        kind: 'repeat',
        name: this.collection ?? this.closeName,
        label: this.label,
        range,
        body: first?.parts ?? [],
        empty: more?.[0]?.parts ?? [],
      };
    }
    let branches: Branch[];
    if (first === undefined) branches = [none()];
    else if (more === undefined) branches = first.test.type === 'otherwise' ? [first] : [first, none()];
    else if (more.length === 1) branches = more[0]!.test.type === 'otherwise' ? [first, more[0]!] : [first, more[0]!, none()];
    else {
      more.unshift(first);
      if (more[more.length - 1]!.test.type !== 'otherwise') more.push(none());
      branches = more;
    }
    return { kind: 'branch', label: this.label, range, branches };
  }
}

/** The empty else a block without one gets. */
function none(): Branch {
  return { label: 'none', test: OTHERWISE, parts: [] };
}

function countNames(top: Frame | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (let f = top; f !== undefined; f = f.parent) counts.set(f.closeName, (counts.get(f.closeName) ?? 0) + 1);
  return counts;
}

/** Takes a parser's texts and tags in body order and builds the part tree. Unbalanced blocks
 * become findings; the text inside is still kept.
 *
 * Whitespace control, as the Mustache spec and Liquid define it: a block, else, close or comment
 * tag alone on its line removes the whole line (indentation and newline) from the output
 * (`standalone`, Mustache and Handlebars); then each `{%-`, `-%}`, `{{~`, `~}}` flag eats all
 * adjacent whitespace of the neighbouring text. A text is placed when the tag after it arrives,
 * with both neighbours' effects applied in that order. */
export class TreeBuilder {
  readonly root: Part[] = [];
  /** The innermost open block, and how many are open. */
  private top: Frame | undefined;
  private depth = 0;
  /** What a Liquid `{% case %}` prints before its first `{% when %}`: nothing, so never read. */
  private readonly discard: Part[] = [];
  /** Where printed parts go: the open branch of the innermost block, or the root. */
  private cur: Part[];
  /** The text not yet placed, body[textStart, textEnd) (textEnd < 0: none), and what the tag
   * before it asks: its start moves to `textCut` (a standalone line; -1: no) and then past
   * whitespace (`textTrim`). */
  private textStart = 0;
  private textEnd = -1;
  private textCut = -1;
  private textTrim = false;
  /** The same for whatever follows the last tag, when it is a text. */
  private lastCut = -1;
  private lastTrim = false;
  /** Open blocks per close name, kept from the first close met on a deep stack on: a close that
   * matches no open block would otherwise read the whole stack, each time. */
  private openCounts: Map<string, number> | undefined;

  constructor(
    private readonly body: string,
    private readonly findings: TemplateFinding[],
    private readonly standalone: boolean,
  ) {
    this.cur = this.root;
  }

  /** Literal text body[start, end), not empty. */
  text(start: number, end: number): void {
    if (this.textEnd >= 0) this.place(-1, false);
    this.textStart = start;
    this.textEnd = end;
    this.textCut = this.lastCut;
    this.textTrim = this.lastTrim;
    this.lastCut = -1;
    this.lastTrim = false;
  }

  /** A tag printing `text` exactly (Liquid `{{ 'x' }}`). */
  escape(range: Range, text: string, trimLeft: boolean, trimRight: boolean): void {
    this.tag(range, trimLeft, trimRight, false);
    this.cur.push({ kind: 'literal', text, range, verbatim: false });
  }

  variable(range: Range, trimLeft: boolean, trimRight: boolean, part: VariablePart): void {
    this.tag(range, trimLeft, trimRight, false);
    this.cur.push(part);
  }

  /** A tag printing nothing (comments, assigns). */
  void(range: Range, trimLeft: boolean, trimRight: boolean): void {
    this.tag(range, trimLeft, trimRight, true);
  }

  open(
    range: Range,
    trimLeft: boolean,
    trimRight: boolean,
    block: BlockKind,
    closeName: string,
    label: string,
    branchLabel: string,
    test: BranchTest,
    collection?: string,
  ): void {
    this.tag(range, trimLeft, trimRight, true);
    if (block === 'case' && this.discard.length > 0) this.discard.length = 0;
    const f = new Frame(this.top, range, block, closeName, label, collection, this.discard, branchLabel, test);
    this.top = f;
    this.depth++;
    if (this.openCounts !== undefined) this.count(closeName, 1);
    this.cur = f.parts;
  }

  /** The subject of the innermost open block when it is a Liquid `{% case %}`, else ''. */
  caseSubject(): string {
    const top = this.top;
    return top !== undefined && top.block === 'case' ? (top.collection ?? '') : '';
  }

  mid(range: Range, trimLeft: boolean, trimRight: boolean, mid: 'else' | 'elsif' | 'when', label: string, test: BranchTest): void {
    this.tag(range, trimLeft, trimRight, true);
    const top = this.top;
    const ok = top !== undefined && !top.sawElse && (mid === 'else' || (mid === 'elsif' && top.block === 'if') || (mid === 'when' && top.block === 'case'));
    if (!ok || top === undefined) {
      const tag = this.body.slice(range.start, range.end);
      this.findings.push({
        code: 'misplaced-tag',
        kind: 'malformed',
        message: top?.sawElse ? `'${tag}' after the else branch is never reached` : `'${tag}' is not inside a block that accepts it`,
        range,
      });
      return;
    }
    if (mid === 'else') top.sawElse = true;
    top.arm(label, test);
    this.cur = top.parts;
  }

  close(range: Range, trimLeft: boolean, trimRight: boolean, closeName: string): void {
    this.tag(range, trimLeft, trimRight, true);
    let f = this.top;
    if ((this.depth > 32 || this.openCounts !== undefined) && !this.isOpen(closeName)) f = undefined;
    // When a block matches, every block read past it is closed here too.
    while (f !== undefined && f.closeName !== closeName) f = f.parent;
    if (f === undefined) {
      this.findings.push({
        code: 'unmatched-close',
        kind: 'malformed',
        message: `'${this.body.slice(range.start, range.end)}' closes a block that was never opened`,
        range,
      });
      return;
    }
    while (this.top !== f) {
      this.findings.push(this.unclosed(this.top!));
      this.closeTop(range.start);
    }
    this.closeTop(range.end);
  }

  /** The tree, once every text and tag has been given. */
  finish(): Part[] {
    if (this.textEnd >= 0) this.place(-1, false);
    while (this.top !== undefined) {
      this.findings.push(this.unclosed(this.top));
      this.closeTop(this.body.length);
    }
    return this.root;
  }

  /** Places the pending text, whose neighbour tags ask what `tag` records. */
  private tag(range: Range, trimLeft: boolean, trimRight: boolean, block: boolean): void {
    let p = -1;
    let q = -1;
    if (block && this.standalone) {
      const body = this.body;
      p = range.start;
      while (p > 0 && (body.charCodeAt(p - 1) === 0x20 || body.charCodeAt(p - 1) === 0x09)) p--;
      if (p > 0 && body.charCodeAt(p - 1) !== 0x0a) p = -1;
      else {
        q = range.end;
        while (q < body.length && (body.charCodeAt(q) === 0x20 || body.charCodeAt(q) === 0x09)) q++;
        if (body.charCodeAt(q) === 0x0d && body.charCodeAt(q + 1) === 0x0a) q += 2;
        else if (body.charCodeAt(q) === 0x0a) q += 1;
        else if (q < body.length) p = q = -1;
      }
    }
    if (this.textEnd >= 0) this.place(p, trimLeft);
    this.lastCut = q;
    this.lastTrim = trimRight;
  }

  /** Places the pending text; the tag after it is standalone from `cut` (-1: no) and may trim. */
  private place(cut: number, trim: boolean): void {
    const body = this.body;
    let s = this.textStart;
    let e = this.textEnd;
    this.textEnd = -1;
    if (this.textCut >= 0 && s < this.textCut) s = Math.min(e, this.textCut);
    if (cut >= 0 && e > cut) e = Math.max(s, cut);
    if (this.textTrim) while (s < e && isSpace(body.charCodeAt(s))) s++;
    if (trim) while (e > s && isSpace(body.charCodeAt(e - 1))) e--;
    if (e > s) this.cur.push({ kind: 'literal', text: body.slice(s, e), range: { start: s, end: e }, verbatim: true });
  }

  /** Whether a block closed by `closeName` is open (counted from here on). */
  private isOpen(closeName: string): boolean {
    const counts = (this.openCounts ??= countNames(this.top));
    return (counts.get(closeName) ?? 0) > 0;
  }

  private count(closeName: string, by: 1 | -1): void {
    this.openCounts!.set(closeName, (this.openCounts!.get(closeName) ?? 0) + by);
  }

  private closeTop(end: number): void {
    const f = this.top!;
    this.top = f.parent;
    this.depth--;
    if (this.openCounts !== undefined) this.count(f.closeName, -1);
    this.cur = f.parent !== undefined ? f.parent.parts : this.root;
    this.cur.push(f.toPart(end));
  }

  private unclosed(f: Frame): TemplateFinding {
    return {
      code: 'unclosed-block',
      kind: 'malformed',
      message: `'${this.body.slice(f.range.start, f.range.end)}' is never closed`,
      range: f.range,
    };
  }
}
