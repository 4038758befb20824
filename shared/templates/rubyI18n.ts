// Ruby i18n (Rails locale files): `%{name}`, format-style `%<name>.2f`, and `%%` for a percent
// sign, as I18n's INTERPOLATION_PATTERN reads them. Anything else (`20% off`) is plain text.
import { escapePart, pushText, variablePart } from './flat';
import type { Filter, Part, Template, TemplateFinding } from './types';

// I18n: /%%/, /%\{([\w|]+)\}/, /%<(\w+)>([^\d]*?\d*\.?\d*[bBdiouxXeEfgGcps])/
const BRACED = /%\{([\w|]+)\}/y;
const FORMATTED = /%<(\w+)>([^\d]*?)(\d*)(?:\.(\d*))?([bBdiouxXeEfgGcps])/y;
const NUMERIC = 'bBdiouxXeEfgG';

export function parseRubyI18n(body: string): Template {
  const parts: Part[] = [];
  const findings: TemplateFinding[] = [];
  let pos = 0;
  let textStart = 0;
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
    re.lastIndex = at;
    const m = re.exec(body);
    if (!m) {
      // I18n leaves it as text, which is rarely what the author meant.
      const close = body.indexOf(next === 0x7b ? '}' : '>', at);
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
      parts.push(variablePart(m[1]!.split('|')[0]!, range, m[0], 'text', []));
      continue;
    }
    const conv = m[5]!;
    const filters: Filter[] = [];
    if (m[4] !== undefined && m[4] !== '' && (conv === 's' || conv === 'p')) filters.push({ name: `.${m[4]}`, range, op: { op: 'cut', max: Number(m[4]) } });
    if (m[3] !== '') filters.push({ name: m[3]!, range, op: { op: 'pad', width: Number(m[3]) } });
    parts.push(variablePart(m[1]!, range, m[0], NUMERIC.includes(conv) ? 'number' : 'text', filters, conv));
  }
  pushText(parts, body, textStart, body.length);
  return { syntax: 'ruby-i18n', body, parts, findings };
}
