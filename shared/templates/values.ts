// Turning a concrete variable value into the text a placeholder prints (filters, padding, escaping).
import type { Filter, ValueOp } from './types';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;', '`': '&#x60;', '=': '&#x3D;' };

/** Handlebars' escapeExpression (Mustache escapes a subset; the difference only shows on ` and =). */
export function escapeHtml(s: string): string {
  return /[&<>"'`=]/.test(s) ? s.replace(/[&<>"'`=]/g, (c) => HTML_ESCAPES[c]!) : s;
}

// .NET rejects alignments over 1,000,000 (FormatException); beyond that no engine prints the padding,
// and padStart would throw on a width like {0,99999999999}.
const PAD_LIMIT = 1_000_000;

export function applyOp(v: string, op: ValueOp): string {
  switch (op.op) {
    case 'default':
      return v === '' ? op.text : v;
    case 'case':
      if (op.to === 'upper') return v.toUpperCase();
      if (op.to === 'lower') return v.toLowerCase();
      return v.charAt(0).toUpperCase() + v.slice(1).toLowerCase();
    case 'truncate':
      return v.length > op.max ? v.slice(0, Math.max(0, op.max - op.ellipsis.length)) + op.ellipsis : v;
    case 'truncatewords': {
      const words = v.split(/\s+/).filter((w) => w !== '');
      return words.length > op.words ? words.slice(0, Math.max(1, op.words)).join(' ') + op.ellipsis : v;
    }
    case 'cut':
      return v.length > op.max ? v.slice(0, op.max) : v;
    case 'pad':
      return v.length < op.width ? v.padStart(Math.min(op.width, PAD_LIMIT)) : v;
    case 'append':
      return v + op.text;
    case 'prepend':
      return op.text + v;
    case 'replace':
      if (op.from === '') return v;
      return op.all ? v.split(op.from).join(op.to) : v.replace(op.from, () => op.to);
    case 'strip':
      return op.side === 'both' ? v.trim() : op.side === 'left' ? v.trimStart() : v.trimEnd();
    case 'keep':
      return v;
  }
}

/** The printed text for `value` after the placeholder's filters, in order. Unknown filters
 * (op null) are skipped: reported by the parser, measured as absent. */
export function applyFilters(value: string, filters: readonly Filter[]): string {
  let v = value;
  for (const f of filters) if (f.op) v = applyOp(v, f.op);
  return v;
}
