// .NET composite format: `{0}`, `{1,10}`, `{2:N2}`, `{{` and `}}` escapes.
import { escapePart, NO_FILTERS, pushText, variablePart } from './flat';
import type { Filter, Part, Template, TemplateFinding } from './types';

const BRACE = /[{}]/g;
const ITEM = /\{\s*(\d+)\s*(?:,\s*(-?\d+)\s*)?(?::([^{}]*))?\}/y;
/** Standard numeric format strings (`N2`, `C`, `D5`, `P`, `X`): digits and separators. */
/** ITEM's match: whole, index, alignment, format. */
type Item = readonly [string, string, string | undefined, string | undefined];

function item(body: string, at: number): Item | null {
  ITEM.lastIndex = at;
  // The index group always matches.
  return ITEM.exec(body) as unknown as Item | null;
}

const NUMERIC_FORMAT = /^[NCDEFGPRX]\d{0,2}$/i;

export function parseDotnet(body: string): Template {
  const parts: Part[] = [];
  const findings: TemplateFinding[] = [];
  let pos = 0;
  let textStart = 0;
  // The `}` after a `{` that is no item, kept while still ahead (-1: none, -2: not searched yet):
  // many such in a body with no `}` would otherwise each search to the end.
  let closeAt = -2;
  while (pos < body.length) {
    // The next brace, by regex: faster than a char loop over the text between items.
    BRACE.lastIndex = pos;
    if (!BRACE.test(body)) break;
    const at = BRACE.lastIndex - 1;
    const ch = body[at]!;
    if (body[at + 1] === ch) {
      pushText(parts, body, textStart, at);
      parts.push(escapePart(ch, at, at + 2));
      pos = textStart = at + 2;
      continue;
    }
    if (ch === '}') {
      findings.push({ code: 'unbalanced-braces', kind: 'malformed', message: "A single '}' is a format error; write '}}'", range: { start: at, end: at + 1 } });
      pos = at + 1;
      continue;
    }
    // `{0}`: digits and a brace, which the regex would match with no alignment or format.
    let d = at + 1;
    while (d < body.length && body.charCodeAt(d) >= 0x30 && body.charCodeAt(d) <= 0x39) d++;
    const m: Item | null = d > at + 1 && body.charCodeAt(d) === 0x7d ? [body.slice(at, d + 1), body.slice(at + 1, d), undefined, undefined] : item(body, at);
    if (!m) {
      if (closeAt !== -1 && closeAt < at) closeAt = body.indexOf('}', at);
      const close = closeAt;
      const end = close < 0 ? at + 1 : close + 1;
      findings.push({
        code: close < 0 ? 'unclosed-tag' : 'unbalanced-braces',
        kind: 'malformed',
        message: close < 0 ? "'{' is never closed" : `'${body.slice(at, end)}' is not a format item ({index[,alignment][:format]}); write '{{' for a brace`,
        range: { start: at, end },
      });
      pos = end;
      continue;
    }
    const end = at + m[0].length;
    pushText(parts, body, textStart, at);
    pos = textStart = end;
    const range = { start: at, end };
    const filters: Filter[] = [];
    if (m[2] !== undefined) filters.push({ name: `,${m[2]}`, range, op: { op: 'pad', width: Math.abs(Number(m[2])) } });
    const format = m[3];
    parts.push(variablePart(m[1], range, format !== undefined && NUMERIC_FORMAT.test(format) ? 'number' : 'text', filters.length > 0 ? filters : NO_FILTERS, format));
  }
  pushText(parts, body, textStart, body.length);
  return { syntax: 'dotnet', body, parts, findings };
}
