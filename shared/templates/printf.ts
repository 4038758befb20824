// printf: `%s`, `%d`, `%1$s`, `%-10s`, `%.5s`, `%%`. Arguments are named by their 1-based position.
import { escapePart, NO_FILTERS, pushText, variablePart } from './flat';
import type { Filter, Part, Template, TemplateFinding } from './types';

// SPEC, which spec() reads char by char: /%(?:(\d+)\$)?([-+ #0']*)(\d+|\*)?(?:\.(\d+|\*))?(hh|h|ll|l|L|q|j|z|t)?([diouxXeEfFgGaAcsSpn@%])/y
const NUMERIC = 'diouxXeEfFgGaAp';

/** 1 for the conversion characters of SPEC's last group. */
const CONVERSION = new Uint8Array(0x80);
for (const c of 'diouxXeEfFgGaAcsSpn@%') CONVERSION[c.charCodeAt(0)] = 1;

/** SPEC's match: whole, position, flags, width, precision, length, conversion. */
type Spec = readonly [string, string | undefined, string, string | undefined, string | undefined, string | undefined, string];

/** SPEC's match at `at`, read char by char. Each part is taken greedily, as the regex first tries:
 * when that fails no other split can succeed (a part given back is a flag, digit, `.` or length
 * letter, none of which the parts after it can end on), so the regex would only backtrack, for
 * time quadratic in a run of zeros (`%000…`), before failing. */
function spec(body: string, at: number): Spec | null {
  let i = at + 1;
  let d = i;
  while (isDigit(body.charCodeAt(d))) d++;
  let position: string | undefined;
  if (d > i && body.charCodeAt(d) === 0x24) {
    position = body.slice(i, d);
    i = d + 1;
  }
  const flagsStart = i;
  for (let c = body.charCodeAt(i); c === 0x2d || c === 0x2b || c === 0x20 || c === 0x23 || c === 0x30 || c === 0x27; c = body.charCodeAt(++i));
  const flags = body.slice(flagsStart, i);
  const width = starOrDigits(body, i);
  if (width !== undefined) i += width.length;
  let precision: string | undefined;
  if (body.charCodeAt(i) === 0x2e) {
    precision = starOrDigits(body, i + 1);
    if (precision !== undefined) i += 1 + precision.length;
  }
  const l = body.charCodeAt(i);
  let length: string | undefined;
  if (l === 0x68 || l === 0x6c) length = body.charCodeAt(i + 1) === l ? (l === 0x68 ? 'hh' : 'll') : l === 0x68 ? 'h' : 'l';
  else if (l === 0x4c || l === 0x71 || l === 0x6a || l === 0x7a || l === 0x74) length = body.charAt(i);
  if (length !== undefined) i += length.length;
  const c = body.charCodeAt(i);
  if (!(c < 0x80 && CONVERSION[c] === 1)) return null;
  return [body.slice(at, i + 1), position, flags, width, precision, length, body.charAt(i)];
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** `\d+|\*` at `i`, or undefined. */
function starOrDigits(body: string, i: number): string | undefined {
  if (body.charCodeAt(i) === 0x2a) return '*';
  let e = i;
  while (isDigit(body.charCodeAt(e))) e++;
  return e > i ? body.slice(i, e) : undefined;
}

export function parsePrintf(body: string): Template {
  const parts: Part[] = [];
  const findings: TemplateFinding[] = [];
  let pos = 0;
  let textStart = 0;
  let sequential = 0;
  let positional = false;
  let mixedReported = false;
  while (pos < body.length) {
    const at = body.indexOf('%', pos);
    if (at < 0) break;
    // `%s`, `%d`…: the regex would match just these two characters, with no flags, width,
    // precision or length; read them directly.
    const next = body.charCodeAt(at + 1);
    const m: Spec | null = next < 0x80 && CONVERSION[next] === 1 ? [body.slice(at, at + 2), undefined, '', undefined, undefined, undefined, body.charAt(at + 1)] : spec(body, at);
    if (!m) {
      findings.push({
        code: 'ambiguous-percent',
        kind: 'suspicious',
        message: "A lone '%' is not a conversion; write '%%' for a percent sign",
        range: { start: at, end: at + 1 },
      });
      pos = at + 1;
      continue;
    }
    const end = at + m[0].length;
    const range = { start: at, end };
    pushText(parts, body, textStart, at);
    pos = textStart = end;
    const conv = m[6];
    if (conv === '%') {
      parts.push(escapePart('%', at, end));
      continue;
    }
    if (m[2].includes(' ')) {
      findings.push({
        code: 'ambiguous-percent',
        kind: 'suspicious',
        message: `'${m[0]}' is read as a conversion with the space flag; write '%%' if a percent sign was meant`,
        range,
      });
    }
    if (conv === 'n') continue; // stores a count, prints nothing
    const index = m[1] !== undefined ? Number(m[1]) : ++sequential;
    if (m[1] !== undefined) positional = true;
    if (positional && sequential > 0 && !mixedReported) {
      mixedReported = true;
      findings.push({ code: 'mixed-positional', kind: 'malformed', message: "Positional ('%1$s') and sequential ('%s') arguments are mixed", range });
    }
    const filters: Filter[] = [];
    if (m[4] !== undefined && m[4] !== '*' && (conv === 's' || conv === 'S' || conv === '@')) {
      filters.push({ name: `.${m[4]}`, range, op: { op: 'cut', max: Number(m[4]) } });
    }
    if (m[3] !== undefined && m[3] !== '*') filters.push({ name: m[3], range, op: { op: 'pad', width: Number(m[3]) } });
    parts.push(variablePart(String(index), range, NUMERIC.includes(conv) ? 'number' : 'text', filters.length > 0 ? filters : NO_FILTERS, conv));
  }
  pushText(parts, body, textStart, body.length);
  return { syntax: 'printf', body, parts, findings };
}
