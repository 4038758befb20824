// Flat tag stream -> part tree, shared by the block syntaxes (Mustache, Handlebars, Liquid).
// Whitespace control runs on the flat stream first, because it trims text across block edges.
import type { Range } from '../types';
import type { Branch, BranchTest, LiteralPart, Part, TemplateFinding, VariablePart } from './types';

export type BlockKind = 'if' | 'case' | 'each';

interface TagBase {
  readonly range: Range;
  /** `{%-`, `{{~`: strip whitespace (newlines too) before the tag. */
  trimLeft: boolean;
  /** `-%}`, `~}}`: strip whitespace after the tag. */
  trimRight: boolean;
}

/** What an opening tag says about its block. */
export interface OpenTag {
  readonly block: BlockKind;
  /** Matched against the close tag: `if`, `unless`, `for`, or the Mustache section name. */
  readonly closeName: string;
  readonly label: string;
  readonly branchLabel: string;
  readonly test: BranchTest;
  /** For `each`: the collection variable. */
  readonly collection: string | undefined;
}

export interface MidTag {
  readonly mid: 'else' | 'elsif' | 'when';
  readonly label: string;
  readonly test: BranchTest;
}

/** Kind-specific data sits in `part` or `info` (escape: the text printed; close: the name it
 * closes), so every token is one small object shape. */
export type Token =
  | { readonly t: 'text'; start: number; end: number }
  | (TagBase & { readonly t: 'escape'; readonly info: string })
  | (TagBase & { readonly t: 'var'; readonly part: VariablePart })
  | (TagBase & { readonly t: 'open'; readonly info: OpenTag })
  | (TagBase & { readonly t: 'mid'; readonly info: MidTag })
  | (TagBase & { readonly t: 'close'; readonly info: string })
  | (TagBase & { readonly t: 'void' });

/** Every token has every field, in one order: the passes over the stream then read one object
 * shape whichever kind of token it is (seven shapes made each read a megamorphic lookup). */
function token(
  t: Token['t'],
  start: number,
  end: number,
  range: Range | undefined,
  trimLeft: boolean,
  trimRight: boolean,
  part: VariablePart | undefined,
  info: string | OpenTag | MidTag | undefined,
): Token {
  const tok = { t, start, end, range, trimLeft, trimRight, part, info };
  return tok as unknown as Token;
}

/** Literal text body[start, end). */
export function textToken(start: number, end: number): Token {
  return token('text', start, end, undefined, false, false, undefined, undefined);
}

/** A tag printing `text` exactly (Liquid `{{ 'x' }}`). */
export function escapeToken(range: Range, text: string, trimLeft: boolean, trimRight: boolean): Token {
  return token('escape', 0, 0, range, trimLeft, trimRight, undefined, text);
}

export function varToken(range: Range, trimLeft: boolean, trimRight: boolean, part: VariablePart): Token {
  return token('var', 0, 0, range, trimLeft, trimRight, part, undefined);
}

export function openToken(
  range: Range,
  trimLeft: boolean,
  trimRight: boolean,
  block: BlockKind,
  closeName: string,
  label: string,
  branchLabel: string,
  test: BranchTest,
  collection?: string,
): Token {
  const info: OpenTag = { block, closeName, label, branchLabel, test, collection };
  return token('open', 0, 0, range, trimLeft, trimRight, undefined, info);
}

export function midToken(range: Range, trimLeft: boolean, trimRight: boolean, mid: 'else' | 'elsif' | 'when', label: string, test: BranchTest): Token {
  const info: MidTag = { mid, label, test };
  return token('mid', 0, 0, range, trimLeft, trimRight, undefined, info);
}

export function closeToken(range: Range, trimLeft: boolean, trimRight: boolean, closeName: string): Token {
  return token('close', 0, 0, range, trimLeft, trimRight, undefined, closeName);
}

/** A tag printing nothing (comments, assigns). */
export function voidToken(range: Range, trimLeft: boolean, trimRight: boolean): Token {
  return token('void', 0, 0, range, trimLeft, trimRight, undefined, undefined);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c;
}

/** Liquid `-` and Handlebars `~`: each flag eats all adjacent whitespace of the neighbouring text. */
export function applyTrimFlags(tokens: Token[], body: string): void {
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.t === 'text') continue;
    if (tok.trimLeft) {
      const prev = tokens[i - 1];
      if (prev?.t === 'text') while (prev.end > prev.start && isSpace(body.charCodeAt(prev.end - 1))) prev.end--;
    }
    if (tok.trimRight) {
      const next = tokens[i + 1];
      if (next?.t === 'text') while (next.start < next.end && isSpace(body.charCodeAt(next.start))) next.start++;
    }
  }
}

/** Mustache spec "standalone" lines: a block, else, close or comment tag alone on its line
 * removes the whole line (indentation and newline) from the output. Handlebars does the same. */
export function applyStandalone(tokens: Token[], body: string): void {
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.t !== 'open' && tok.t !== 'mid' && tok.t !== 'close' && tok.t !== 'void') continue;
    let p = tok.range.start;
    while (p > 0 && (body.charCodeAt(p - 1) === 0x20 || body.charCodeAt(p - 1) === 0x09)) p--;
    if (p > 0 && body.charCodeAt(p - 1) !== 0x0a) continue;
    let q = tok.range.end;
    while (q < body.length && (body.charCodeAt(q) === 0x20 || body.charCodeAt(q) === 0x09)) q++;
    if (body.charCodeAt(q) === 0x0d && body.charCodeAt(q + 1) === 0x0a) q += 2;
    else if (body.charCodeAt(q) === 0x0a) q += 1;
    else if (q < body.length) continue;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    if (prev?.t === 'text' && prev.end > p) prev.end = Math.max(prev.start, p);
    if (next?.t === 'text' && next.start < q) next.start = Math.min(next.end, q);
  }
}

interface Frame {
  readonly open: Extract<Token, { t: 'open' }>;
  readonly branches: { label: string; test: BranchTest; parts: Part[] }[];
  /** Liquid prints nothing between `{% case %}` and the first `{% when %}`. */
  discardFirst: boolean;
  sawElse: boolean;
}

export const OTHERWISE: BranchTest = { type: 'otherwise' };

function frameToPart(f: Frame, end: number): Part {
  const range = { start: f.open.range.start, end };
  const open = f.open.info;
  const branches = f.discardFirst ? f.branches.slice(1) : f.branches;
  if (open.block === 'each') {
    return {
      kind: 'repeat',
      name: open.collection ?? open.closeName,
      label: open.label,
      range,
      body: branches[0]?.parts ?? [],
      empty: branches[1]?.parts ?? [],
    };
  }
  // The frame's arms are already branch objects; the frame is done with them.
  const out: Branch[] = branches;
  if (out.length === 0 || out[out.length - 1]!.test.type !== 'otherwise') {
    out.push({ label: 'none', test: OTHERWISE, parts: [] });
  }
  return { kind: 'branch', label: open.label, range, branches: out };
}

/** Builds the part tree. Unbalanced blocks become findings; the text inside is still kept. */
export function buildTree(tokens: readonly Token[], body: string, findings: TemplateFinding[]): Part[] {
  const root: Part[] = [];
  const stack: Frame[] = [];
  // Where printed parts go: the open branch of the innermost block, or the root.
  let cur = root;
  const retarget = (): void => {
    const top = stack[stack.length - 1];
    cur = top ? top.branches[top.branches.length - 1]!.parts : root;
  };
  const closeTop = (end: number): void => {
    const f = stack.pop()!;
    retarget();
    cur.push(frameToPart(f, end));
  };
  for (const tok of tokens) {
    switch (tok.t) {
      case 'text':
        if (tok.end > tok.start) {
          const lit: LiteralPart = {
            kind: 'literal',
            text: body.slice(tok.start, tok.end),
            range: { start: tok.start, end: tok.end },
            verbatim: true,
          };
          cur.push(lit);
        }
        break;
      case 'escape':
        cur.push({ kind: 'literal', text: tok.info, range: tok.range, verbatim: false });
        break;
      case 'var':
        cur.push(tok.part);
        break;
      case 'void':
        break;
      case 'open':
        stack.push({
          open: tok,
          branches: [{ label: tok.info.branchLabel, test: tok.info.test, parts: [] }],
          discardFirst: tok.info.block === 'case',
          sawElse: false,
        });
        retarget();
        break;
      case 'mid': {
        const top = stack[stack.length - 1];
        const ok =
          top !== undefined &&
          !top.sawElse &&
          (tok.info.mid === 'else' ||
            (tok.info.mid === 'elsif' && top.open.info.block === 'if') ||
            (tok.info.mid === 'when' && top.open.info.block === 'case'));
        if (!ok || top === undefined) {
          findings.push({
            code: 'misplaced-tag',
            kind: 'malformed',
            message: top?.sawElse
              ? `'${body.slice(tok.range.start, tok.range.end)}' after the else branch is never reached`
              : `'${body.slice(tok.range.start, tok.range.end)}' is not inside a block that accepts it`,
            range: tok.range,
          });
          break;
        }
        if (tok.info.mid === 'else') top.sawElse = true;
        top.branches.push({ label: tok.info.label, test: tok.info.test, parts: [] });
        retarget();
        break;
      }
      case 'close': {
        let k = stack.length - 1;
        while (k >= 0 && stack[k]!.open.info.closeName !== tok.info) k--;
        if (k < 0) {
          findings.push({
            code: 'unmatched-close',
            kind: 'malformed',
            message: `'${body.slice(tok.range.start, tok.range.end)}' closes a block that was never opened`,
            range: tok.range,
          });
          break;
        }
        while (stack.length - 1 > k) {
          const inner = stack[stack.length - 1]!;
          findings.push(unclosed(inner, body));
          closeTop(tok.range.start);
        }
        closeTop(tok.range.end);
        break;
      }
    }
  }
  while (stack.length > 0) {
    findings.push(unclosed(stack[stack.length - 1]!, body));
    closeTop(body.length);
  }
  return root;
}

function unclosed(f: Frame, body: string): TemplateFinding {
  return {
    code: 'unclosed-block',
    kind: 'malformed',
    message: `'${body.slice(f.open.range.start, f.open.range.end)}' is never closed`,
    range: f.open.range,
  };
}
