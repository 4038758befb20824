// Mustache and Handlebars: `{{name}}`, `{{{raw}}}`, sections, `{{#if}}…{{else}}…{{/if}}`,
// `{{#each}}`, comments, partials, and Handlebars' `~` whitespace control.
import type { BranchTest, Template, TemplateFinding, VariablePart } from './types';
import { OTHERWISE, TreeBuilder } from './blocks';
import { byStart, isJsSpace, NO_FILTERS, variablePart } from './flat';

/** The leading run of non-space characters (`/^\S+/`). */
function firstWord(s: string): string {
  let i = 0;
  while (i < s.length && !isJsSpace(s.charCodeAt(i))) i++;
  return i === s.length ? s : s.slice(0, i);
}

/** The end of the leading run of non-space characters of body[a, z) (`/^\S+/`). */
function wordEnd(body: string, a: number, z: number): number {
  while (a < z && !isJsSpace(body.charCodeAt(a))) a++;
  return a;
}

/** body.slice(a, z).trim(), without the untrimmed slice. */
function trimmed(body: string, a: number, z: number): string {
  while (a < z && isJsSpace(body.charCodeAt(a))) a++;
  while (z > a && isJsSpace(body.charCodeAt(z - 1))) z--;
  return body.slice(a, z);
}

export function parseMustache(body: string, handlebars: boolean): Template {
  const findings: TemplateFinding[] = [];
  const tree = new TreeBuilder(body, findings, true);
  let pos = 0;
  let textStart = 0;
  // The next `{{` at or after `pos` when known (body.length: none), found while checking the
  // previous tag was closed.
  let next = body.indexOf('{{');
  // The first `}}` and `}}}` at or after where each was last searched from (-1: none), kept
  // while that search covers the next tag: many unclosed tags before one far closer (or none)
  // search once, not once per tag. (As NextOf does, without a call per tag.)
  let doubleAt = -1;
  let doubleFrom = body.length + 1;
  let tripleAt = -1;
  let tripleFrom = body.length + 1;
  while (pos < body.length) {
    const open = next >= pos ? next : body.indexOf('{{', pos);
    if (open < 0 || open >= body.length) break;
    const triple = body.charCodeAt(open + 2) === 0x7b && !(handlebars && body.startsWith('{{{{', open));
    let closer = triple ? '}}}' : '}}';
    let innerStart = open + (triple ? 3 : 2);
    const first = body.charCodeAt(innerStart);
    const longComment = handlebars && ((first === 0x21 && body.startsWith('!--', innerStart)) || (first === 0x7e && body.startsWith('~!--', innerStart)));
    if (longComment) closer = '--}}';
    // A new `{{` before the closer means this one was never closed.
    let close: number;
    let reopen: number;
    if (longComment) {
      close = body.indexOf(closer, innerStart);
      reopen = body.indexOf('{{', innerStart);
    } else {
      // The closer or a new `{{`, whichever comes first; a `{{` after the closer is the next tag.
      if (triple) {
        if (tripleFrom > innerStart || (tripleAt >= 0 && tripleAt < innerStart)) tripleAt = body.indexOf('}}}', (tripleFrom = innerStart));
        close = tripleAt;
      } else {
        if (doubleFrom > innerStart || (doubleAt >= 0 && doubleAt < innerStart)) doubleAt = body.indexOf('}}', (doubleFrom = innerStart));
        close = doubleAt;
      }
      reopen = body.indexOf('{{', innerStart);
      if (reopen >= 0 && (close < 0 || reopen < close)) close = -1;
      else {
        next = reopen < 0 ? body.length : reopen;
        reopen = -1;
      }
    }
    if (close < 0 || (!longComment && reopen >= 0 && reopen < close)) {
      findings.push({
        code: 'unclosed-tag',
        kind: 'malformed',
        message: `'${triple ? '{{{' : '{{'}' is never closed with '${closer}'`,
        range: { start: open, end: innerStart },
      });
      pos = !longComment && reopen >= 0 ? reopen : body.length;
      continue;
    }
    const tagEnd = close + closer.length;
    if (open > textStart) tree.text(textStart, open);
    textStart = tagEnd;
    pos = tagEnd;
    const range = { start: open, end: tagEnd };
    // The tag's text is body[innerStart, innerEnd), read in place.
    let innerEnd = close;
    let trimLeft = false;
    let trimRight = false;
    if (handlebars) {
      if (innerStart < innerEnd && body.charCodeAt(innerStart) === 0x7e) {
        trimLeft = true;
        innerStart++;
      }
      if (innerEnd > innerStart && body.charCodeAt(innerEnd - 1) === 0x7e) {
        trimRight = true;
        innerEnd--;
      }
    }
    if (triple) {
      const name = trimmed(body, innerStart, innerEnd);
      if (name === '') findings.push(emptyPlaceholder(range));
      tree.variable(range, trimLeft, trimRight, variable(range, name, false));
      continue;
    }
    const sigil = innerStart < innerEnd ? body.charCodeAt(innerStart) : 0;
    // What follows a sigil, body[a, z) trimmed; only sigil tags read it, and slice what they need.
    let a = innerStart + 1;
    let z = innerEnd;
    if (sigil === 0x21 || sigil === 0x3d || sigil === 0x3e || sigil === 0x26 || sigil === 0x2f || sigil === 0x5e || sigil === 0x23) {
      while (a < z && isJsSpace(body.charCodeAt(a))) a++;
      while (z > a && isJsSpace(body.charCodeAt(z - 1))) z--;
    }
    switch (sigil) {
      case 0x21: // !
        tree.void(range, trimLeft, trimRight);
        continue;
      case 0x3d: // =
        findings.push({
          code: 'unsupported-construct',
          kind: 'unsupported',
          message: 'Changing the Mustache delimiters is not supported: tags after this one are read with {{ }}',
          range,
        });
        tree.void(range, trimLeft, trimRight);
        continue;
      case 0x3e: // >
        tree.variable(range, trimLeft, trimRight, variablePart(`>${body.slice(a, wordEnd(body, a, z))}`, range, 'partial', NO_FILTERS));
        continue;
      case 0x26: // &
        tree.variable(range, trimLeft, trimRight, variable(range, body.slice(a, z), false));
        continue;
      case 0x2f: // /
        tree.close(range, trimLeft, trimRight, blockName(body, a, wordEnd(body, a, z)));
        continue;
      case 0x5e: // ^
        if (handlebars && a === z) {
          tree.mid(range, trimLeft, trimRight, 'else', 'else', OTHERWISE);
          continue;
        }
        openSection(tree, body, a, z, range, trimLeft, trimRight, 'falsy', handlebars);
        continue;
      case 0x23: // #
        openSection(tree, body, a, z, range, trimLeft, trimRight, 'truthy', handlebars);
        continue;
    }
    const content = trimmed(body, innerStart, innerEnd);
    if (handlebars && content.charCodeAt(0) === 0x65 && (content === 'else' || content.startsWith('else '))) {
      const cond = content.length === 4 ? '' : content.slice(4).trim();
      if (cond === '') tree.mid(range, trimLeft, trimRight, 'else', 'else', OTHERWISE);
      else {
        const m = /^(if|unless)\s+(.*)$/s.exec(cond);
        const test: BranchTest = m
          ? simpleTest(m[2]!.trim(), m[1] === 'unless')
          : { type: 'opaque', expression: cond };
        tree.mid(range, trimLeft, trimRight, 'elsif', cond, test);
      }
      continue;
    }
    if (content === '') findings.push(emptyPlaceholder(range));
    tree.variable(range, trimLeft, trimRight, variable(range, content, true));
  }
  if (body.length > textStart) tree.text(textStart, body.length);
  const parts = tree.finish();
  if (findings.length > 1) findings.sort(byStart);
  return { syntax: handlebars ? 'handlebars' : 'mustache', body, parts, findings };
}

/** `/^[\w.@$/-]+$/`, read char by char (a regex call costs more than these short names). */
function isPath(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x2d && c <= 0x39) || c === 0x5f || c === 0x40 || c === 0x24)) return false;
  }
  return true;
}

function simpleTest(expr: string, negate: boolean): BranchTest {
  if (isPath(expr)) return { type: negate ? 'falsy' : 'truthy', name: expr };
  return { type: 'opaque', expression: negate ? `not (${expr})` : expr };
}

/** A section `{{#helper arg}}` whose text after the sigil is body[a, z), trimmed. */
function openSection(
  tree: TreeBuilder,
  body: string,
  a: number,
  z: number,
  range: { start: number; end: number },
  trimLeft: boolean,
  trimRight: boolean,
  polarity: 'truthy' | 'falsy',
  handlebars: boolean,
): void {
  const end = wordEnd(body, a, z);
  const helper = blockName(body, a, end);
  let argStart = end;
  while (argStart < z && isJsSpace(body.charCodeAt(argStart))) argStart++;
  const arg = body.slice(argStart, z);
  if (handlebars && (helper === 'if' || helper === 'unless' || helper === 'with')) {
    const test = simpleTest(arg, helper === 'unless');
    // `${helper} ${arg}`: a slice when the tag spells it so (one space between).
    const label = argStart === end + 1 && body.charCodeAt(end) === 0x20 ? body.slice(a, z) : `${helper} ${arg}`;
    return tree.open(range, trimLeft, trimRight, 'if', helper, label, arg, test);
  }
  if (handlebars && helper === 'each') {
    const collection = firstWord(arg);
    return tree.open(range, trimLeft, trimRight, 'each', 'each', `each ${collection}`, collection, { type: 'truthy', name: collection }, collection);
  }
  // A Mustache section prints its body when the value is truthy (lists: once per item, which we
  // measure as the once case); an inverted section prints when it is falsy.
  const label = polarity === 'truthy' ? `#${helper}` : `^${helper}`;
  tree.open(range, trimLeft, trimRight, 'if', helper, label, label, { type: polarity, name: helper });
}

/** body.slice(a, z), but the usual block names without a new string each. */
function blockName(body: string, a: number, z: number): string {
  const c = body.charCodeAt(a);
  if (z - a === 2 && c === 0x69 && body.charCodeAt(a + 1) === 0x66) return 'if';
  if (z - a === 4 && c === 0x65 && body.startsWith('each', a)) return 'each';
  return body.slice(a, z);
}

function variable(range: { start: number; end: number }, name: string, escaped: boolean): VariablePart {
  return variablePart(name, range, 'text', NO_FILTERS, undefined, escaped ? true : undefined);
}

function emptyPlaceholder(range: { start: number; end: number }): TemplateFinding {
  return { code: 'empty-placeholder', kind: 'malformed', message: 'Empty placeholder', range };
}
