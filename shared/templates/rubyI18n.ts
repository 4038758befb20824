// Ruby i18n (Rails locale files): `%{name}`, format-style `%<name>.2f`, and `%%` for a percent
// sign, as I18n's INTERPOLATION_PATTERN reads them. Anything else (`20% off`) is plain text.
import { escapePart, NextOf, pushText, variablePart } from './flat';
import type { Filter, Part, Template, TemplateFinding } from './types';

// I18n: /%%/, /%\{([\w|]+)\}/, /%<(\w+)>([^\d]*?\d*\.?\d*[bBdiouxXeEfgGcps])/
const BRACED = /%\{([\w|]+)\}/y;
const FORMATTED = /%<(\w+)>([^\d]*?)(\d*)(?:\.(\d*))?([bBdiouxXeEfgGcps])/y;
/** FORMATTED after its `([^\d]*?)`: tried where that lazy run may stop (see formatted()). */
const FORMAT_TAIL = /(\d*)(?:\.(\d*))?([bBdiouxXeEfgGcps])/y;
/** The first digit or conversion character at or after an index, or -1. */
const DIGIT_OR_CONV = /[\dbBdiouxXeEfgGcps]/g;
const NUMERIC = 'bBdiouxXeEfgG';

/** A match of BRACED or FORMATTED: the whole and the name always take part. */
type Match = readonly [string, string, ...(string | undefined)[]];

/** FORMATTED with its lazy run cut at 32 characters: the same match when that run is shorter. */
const FORMATTED_NEAR = /%<(\w+)>([^\d]{0,32}?)(\d*)(?:\.(\d*))?([bBdiouxXeEfgGcps])/y;
const NAME = /%<(\w+)>/y;

/** FORMATTED's match at `at`. Its lazy `[^\d]*?` stops at the first digit or conversion
 * character (or a `.` just before it): near, a regex finds it; far, the tail is tried there
 * alone, since the regex would read on to it for each `%<name>` (quadratic). */
function formatted(body: string, at: number, stop: { from: number; at: number }): Match | null {
  FORMATTED_NEAR.lastIndex = at;
  const near = FORMATTED_NEAR.exec(body) as Match | null;
  if (near) return near;
  NAME.lastIndex = at;
  const name = NAME.exec(body);
  if (!name) return null;
  const start = at + name[0].length;
  let p = start;
  if (stop.from > p || (stop.at >= 0 && stop.at < p)) {
    DIGIT_OR_CONV.lastIndex = stop.from = p;
    stop.at = DIGIT_OR_CONV.test(body) ? DIGIT_OR_CONV.lastIndex - 1 : -1;
  }
  p = stop.at;
  if (p < 0) return null;
  // Before p every character is neither a digit nor a conversion: the tail can only match at a
  // `.` right before p (lazy: tried first), or at p.
  for (let q = body.charCodeAt(p - 1) === 0x2e ? p - 1 : p; q <= p; q++) {
    FORMAT_TAIL.lastIndex = q;
    const t = FORMAT_TAIL.exec(body);
    if (t) return [body.slice(at, FORMAT_TAIL.lastIndex), name[1]!, body.slice(start, q), t[1], t[2], t[3]];
  }
  return null;
}

export function parseRubyI18n(body: string): Template {
  const parts: Part[] = [];
  const findings: TemplateFinding[] = [];
  let pos = 0;
  let textStart = 0;
  // The next digit or conversion character, kept while it is still ahead (see formatted()).
  const stop = { from: body.length + 1, at: -1 };
  // The next `}` / `>` after a placeholder that is none, searched once for many such (NextOf).
  let braces: NextOf | undefined;
  let angles: NextOf | undefined;
  while (pos < body.length) {
    const at = body.indexOf('%', pos);
    if (at < 0 || at + 1 >= body.length) break;
    const next = body.charCodeAt(at + 1);
    if (next === 0x25 /* %% */) {
      pushText(parts, body, textStart, at);
      parts.push(escapePart('%', at, at + 2));
      pos = textStart = at + 2;
      continue;
    }
    const re = next === 0x7b ? BRACED : next === 0x3c ? FORMATTED : undefined;
    if (!re) {
      pos = at + 1;
      continue;
    }
    let m: Match | null;
    if (re === BRACED) {
      re.lastIndex = at;
      m = re.exec(body) as Match | null;
    } else m = formatted(body, at, stop);
    if (!m) {
      // I18n leaves it as text, which is rarely what the author meant.
      const close = next === 0x7b ? (braces ??= new NextOf(body, '}')).find(at) : (angles ??= new NextOf(body, '>')).find(at);
      const end = close < 0 ? at + 2 : close + 1;
      findings.push({
        code: close < 0 ? 'unclosed-tag' : 'empty-placeholder',
        kind: 'suspicious',
        message: `'${body.slice(at, end)}' is not an i18n placeholder (%{name} or %<name>s); it is sent as written`,
        range: { start: at, end },
      });
      pos = at + 2;
      continue;
    }
    const end = at + m[0].length;
    const range = { start: at, end };
    pushText(parts, body, textStart, at);
    pos = textStart = end;
    if (re === BRACED) {
      // `%{name|word}`: the key is the name before the bar.
      parts.push(variablePart(m[1].split('|')[0]!, range, 'text', []));
      continue;
    }
    const conv = m[5]!;
    const filters: Filter[] = [];
    if (m[4] !== undefined && m[4] !== '' && (conv === 's' || conv === 'p')) filters.push({ name: `.${m[4]}`, range, op: { op: 'cut', max: Number(m[4]) } });
    if (m[3] !== '') filters.push({ name: m[3]!, range, op: { op: 'pad', width: Number(m[3]) } });
    parts.push(variablePart(m[1], range, NUMERIC.includes(conv) ? 'number' : 'text', filters, conv));
  }
  pushText(parts, body, textStart, body.length);
  return { syntax: 'ruby-i18n', body, parts, findings };
}
