// Decodes a YAML scalar's source into a body with an exact map: line folding of plain and
// quoted scalars, double-quoted escapes, `''` in single quotes, literal and folded blocks with
// chomping. The caller checks the result against the yaml package's own value.
import type { BodyBuilder } from './offset-map';

const YAML_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_LEN: Record<string, number> = { x: 2, u: 4, U: 8 };

function isWhite(c: string): boolean {
  return c === ' ' || c === '\t';
}

/** Length of the line break at i (\n, \r\n or \r), 0 if none. */
function breakLen(text: string, i: number): number {
  if (text[i] === '\n') return 1;
  if (text[i] === '\r') return text[i + 1] === '\n' ? 2 : 1;
  return 0;
}

/** A flow scalar's content text[s, e) (inside the quotes, if any). */
export function decodeFlowScalar(b: BodyBuilder, text: string, s: number, e: number, quote: '' | "'" | '"'): void {
  let pending = -1; // start of unescaped spaces not yet written (dropped before a line break)
  let i = s;
  while (i < e) {
    const c = text[i];
    const br = breakLen(text, i);
    if (br > 0) {
      const foldStart = pending >= 0 ? pending : i;
      pending = -1;
      // Count empty lines; stop at the next line's content.
      let j = i + br;
      const emptyBreaks: [number, number][] = [];
      for (;;) {
        let k = j;
        while (k < e && isWhite(text[k])) k++;
        const br2 = k < e ? breakLen(text, k) : 0;
        if (br2 === 0) {
          j = k;
          break;
        }
        emptyBreaks.push([k, k + br2]);
        j = k + br2;
      }
      if (emptyBreaks.length === 0) b.unit(' ', foldStart, j);
      else for (const [x, y] of emptyBreaks) b.unit('\n', x, y);
      i = j;
      continue;
    }
    if (isWhite(c)) {
      if (pending < 0) pending = i;
      i++;
      continue;
    }
    if (pending >= 0) {
      b.copy(pending, i);
      pending = -1;
    }
    if (quote === '"' && c === '\\' && i + 1 < e) {
      const n = text[i + 1];
      const br2 = breakLen(text, i + 1);
      if (br2 > 0) {
        // Escaped line break: nothing is written, and the next line's indentation goes too.
        let j = i + 1 + br2;
        while (j < e && isWhite(text[j])) j++;
        i = j;
        continue;
      }
      if (n in YAML_ESCAPES) {
        b.unit(YAML_ESCAPES[n], i, i + 2);
        i += 2;
        continue;
      }
      const hex = HEX_LEN[n];
      if (hex !== undefined) {
        const digits = text.slice(i + 2, i + 2 + hex);
        if (digits.length === hex && /^[0-9a-fA-F]+$/.test(digits)) {
          const cp = parseInt(digits, 16);
          if (cp <= 0x10ffff) {
            b.unit(String.fromCodePoint(cp), i, i + 2 + hex);
            i += 2 + hex;
            continue;
          }
        }
      }
      b.copy(i, i + 1);
      i++;
      continue;
    }
    if (quote === "'" && c === "'" && text[i + 1] === "'") {
      b.unit("'", i, i + 2);
      i += 2;
      continue;
    }
    b.copy(i, i + 1);
    i++;
  }
  if (pending >= 0) b.copy(pending, e);
}

interface Line {
  readonly start: number;
  readonly end: number;
  readonly breakEnd: number;
  readonly empty: boolean;
}

/**
 * A block scalar's content text[s, e) (the lines after the header). `folded` for `>`,
 * `chomp` from the header. Returns false when it cannot decode it (an indentation indicator).
 */
export function decodeBlockScalar(b: BodyBuilder, text: string, s: number, e: number, header: string): boolean {
  if (/\d/.test(header)) return false;
  const folded = header.startsWith('>');
  const chomp = header.includes('-') ? 'strip' : header.includes('+') ? 'keep' : 'clip';
  const lines: Line[] = [];
  for (let i = s; i < e; ) {
    let j = i;
    while (j < e && breakLen(text, j) === 0) j++;
    const br = j < e ? breakLen(text, j) : 0;
    lines.push({ start: i, end: j, breakEnd: j + br, empty: text.slice(i, j).trim() === '' });
    i = j + br;
  }
  const first = lines.find((l) => !l.empty);
  if (!first) {
    if (chomp === 'keep') for (const l of lines) if (l.breakEnd > l.end) b.unit('\n', l.end, l.breakEnd);
    return true;
  }
  let indent = 0;
  while (text[first.start + indent] === ' ') indent++;
  // Leading empty lines with more spaces than the indent are content in YAML: leave those to the fallback.
  for (const l of lines) if (l.empty && l.end - l.start > indent) return false;
  let lastContent = -1;
  lines.forEach((l, k) => {
    if (!l.empty) lastContent = k;
  });
  const more = (l: Line): boolean => !l.empty && isWhite(text[l.start + indent] ?? '');
  const br = (l: Line): void => {
    if (l.breakEnd > l.end) b.unit('\n', l.end, l.breakEnd);
  };
  for (let k = 0; k <= lastContent; k++) {
    const l = lines[k];
    if (l.empty) {
      br(l);
      continue;
    }
    b.copy(l.start + indent, l.end);
    if (k === lastContent) break;
    // The break after a content line: folded blocks fold it when the next content line is
    // another plain line (a space, or nothing when empty lines follow and give the newlines).
    let m = k + 1;
    while (m <= lastContent && lines[m].empty) m++;
    if (folded && !more(l) && !more(lines[m])) {
      if (m === k + 1) b.unit(' ', l.end, l.breakEnd);
      continue;
    }
    br(l);
  }
  const last = lines[lastContent];
  if (chomp !== 'strip') br(last);
  if (chomp === 'keep') for (let k = lastContent + 1; k < lines.length; k++) br(lines[k]);
  return true;
}
