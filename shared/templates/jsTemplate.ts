// `${expr}` interpolations in the cooked text of a JS/TS template literal.
import { NO_FILTERS, pushText, variablePart } from './flat';
import type { Part, Template, TemplateFinding } from './types';

/** End of the expression that starts at `from` (index of its closing `}`), or -1. */
function exprEnd(body: string, from: number): number {
  let depth = 0;
  for (let i = from; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 0x27 || c === 0x22 || c === 0x60) {
      // Skip a string; template literals nested in the expression are skipped whole.
      i++;
      while (i < body.length && body.charCodeAt(i) !== c) i += body.charCodeAt(i) === 0x5c ? 2 : 1;
    } else if (c === 0x7b) depth++;
    else if (c === 0x7d) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

export function parseJsTemplate(body: string): Template {
  const parts: Part[] = [];
  const findings: TemplateFinding[] = [];
  let pos = 0;
  let textStart = 0;
  while (pos < body.length) {
    const open = body.indexOf('${', pos);
    if (open < 0) break;
    const close = exprEnd(body, open + 2);
    if (close < 0) {
      findings.push({ code: 'unclosed-tag', kind: 'malformed', message: "'${' is never closed with '}'", range: { start: open, end: open + 2 } });
      break;
    }
    pushText(parts, body, textStart, open);
    const range = { start: open, end: close + 1 };
    const name = body.slice(open + 2, close).trim();
    if (name === '') findings.push({ code: 'empty-placeholder', kind: 'malformed', message: 'Empty interpolation', range });
    parts.push(variablePart(name, range, 'text', NO_FILTERS));
    pos = textStart = close + 1;
  }
  pushText(parts, body, textStart, body.length);
  return { syntax: 'js-template', body, parts, findings };
}
