// Decodes the inside of a JS/TS string literal or template chunk into a body, escape by escape,
// so every decoded unit maps back to the exact characters that wrote it.
import type { BodyBuilder } from './offset-map';
import { foldLineBreak, hexValue } from './escapes';

const SIMPLE: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v' };

/**
 * Decode file[start, end) (the content between the delimiters). `template` turns on the
 * template rules: raw CR LF and CR become LF, and there is no legacy octal.
 * Returns the offset of the first malformed escape, or -1.
 */
export function decodeJsChunk(b: BodyBuilder, file: string, start: number, end: number, template: boolean): number {
  // Most literals hold no escape: one native search, one copy.
  // (Searching a substring keeps the search bounded; V8 slices without copying.)
  const chunk = file.substring(start, end);
  if (chunk.indexOf('\\') < 0 && !(template && chunk.indexOf('\r') >= 0)) {
    b.copy(start, end);
    return -1;
  }
  let bad = -1;
  let run = start;
  let i = start;
  while (i < end) {
    const c = file.charCodeAt(i);
    if (c === 13 && template) {
      b.copy(run, i);
      i = foldLineBreak(b, file, i, end);
      run = i;
      continue;
    }
    if (c !== 92 /* \ */ || i + 1 >= end) {
      i++;
      continue;
    }
    b.copy(run, i);
    const e = file[i + 1];
    let len = 2;
    let out: string;
    if (e in SIMPLE) out = SIMPLE[e];
    else if (e === '\r') {
      len = file.charCodeAt(i + 2) === 10 && i + 2 < end ? 3 : 2;
      out = ''; // line continuation
    } else if (e === '\n' || e === '\u2028' || e === '\u2029') out = '';
    else if (e === 'x') {
      const v = hexValue(file, i + 2, i + 4);
      if (v < 0) {
        if (bad < 0) bad = i;
        out = 'x';
      } else {
        out = String.fromCharCode(v);
        len = 4;
      }
    } else if (e === 'u') {
      let v: number;
      if (file[i + 2] === '{') {
        const close = file.indexOf('}', i + 3);
        v = close > 0 && close < end && close - (i + 3) <= 8 ? hexValue(file, i + 3, close) : -1;
        if (v > 0x10ffff) v = -1;
        if (v >= 0) len = close + 1 - i;
      } else {
        v = hexValue(file, i + 2, i + 6);
        if (v >= 0) len = 6;
      }
      if (v < 0) {
        if (bad < 0) bad = i;
        out = 'u';
      } else out = String.fromCodePoint(v);
    } else if (e >= '0' && e <= '7') {
      const next = file.charCodeAt(i + 2);
      if (e === '0' && !(next >= 48 && next <= 57 && i + 2 < end)) out = '\0';
      else if (template) {
        if (bad < 0) bad = i;
        out = e;
      } else {
        // Legacy octal (sloppy-mode strings): up to 3 digits, value <= 0o377.
        let j = i + 1;
        let v = 0;
        while (j < end && j < i + 4 && file[j] >= '0' && file[j] <= '7' && v * 8 + (file.charCodeAt(j) - 48) <= 0o377) {
          v = v * 8 + (file.charCodeAt(j) - 48);
          j++;
        }
        out = String.fromCharCode(v);
        len = j - i;
      }
    } else out = e; // \' \" \\ \` \$ and identity escapes
    b.unit(out, i, i + len);
    i += len;
    run = i;
  }
  b.copy(run, end);
  return bad;
}
