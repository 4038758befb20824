// printf: `%s`, `%d`, `%1$s`, `%-10s`, `%.5s`, `%%`. Arguments are named by their 1-based position.
import { escapePart, NO_FILTERS, pushText, variablePart } from './flat';
import type { Filter, Part, Template, TemplateFinding } from './types';

const SPEC = /%(?:(\d+)\$)?([-+ #0']*)(\d+|\*)?(?:\.(\d+|\*))?(hh|h|ll|l|L|q|j|z|t)?([diouxXeEfFgGaAcsSpn@%])/y;
const NUMERIC = 'diouxXeEfFgGaAp';

/** 1 for the conversion characters of SPEC's last group. */
const CONVERSION = new Uint8Array(0x80);
for (const c of 'diouxXeEfFgGaAcsSpn@%') CONVERSION[c.charCodeAt(0)] = 1;

/** SPEC's match: whole, position, flags, width, precision, length, conversion. */
type Spec = readonly [string, string | undefined, string, string | undefined, string | undefined, string | undefined, string];

function spec(body: string, at: number): Spec | null {
  SPEC.lastIndex = at;
  // The flags group always takes part (it may match nothing); the conversion always matches.
  return SPEC.exec(body) as unknown as Spec | null;
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
    parts.push(variablePart(String(index), range, m[0], NUMERIC.includes(conv) ? 'number' : 'text', filters.length > 0 ? filters : NO_FILTERS, conv));
  }
  pushText(parts, body, textStart, body.length);
  return { syntax: 'printf', body, parts, findings };
}
