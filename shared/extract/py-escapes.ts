// Decodes the text of a Python string literal (between quotes, outside f-string fields) into a
// body, escape by escape, so every decoded unit maps back to the characters that wrote it.
import type { BodyBuilder } from './offset-map';
import { StrFlag } from './py-scanner';
import { charByName } from './py-names';
import { foldLineBreak, hexValue } from './escapes';

export interface PyDecodeIssues {
  /** Offset of the first malformed escape (`\x4`, `\U00110000`), or -1. */
  bad: number;
  /** [start, end) of each `\N{…}` whose name we do not know; it went into the body as a placeholder. */
  readonly unknownNames: number[];
}

// \a \b \f \n \r \t \v by the char after the backslash.
const SIMPLE: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"' };

/** Decode file[start, end) of a literal with StrFlag `flags`; problems go into `issues`. */
export function decodePyChunk(b: BodyBuilder, file: string, start: number, end: number, flags: number, issues: PyDecodeIssues): void {
  const raw = (flags & StrFlag.Raw) !== 0;
  const fmt = (flags & StrFlag.Format) !== 0;
  const bytes = (flags & StrFlag.Bytes) !== 0;
  const chunk = file.substring(start, end);
  // Most literals hold nothing to decode: one native search each, one copy.
  if ((raw || chunk.indexOf('\\') < 0) && chunk.indexOf('\r') < 0 && !(fmt && (chunk.indexOf('{') >= 0 || chunk.indexOf('}') >= 0))) {
    b.copy(start, end);
    return;
  }
  let run = start;
  let i = start;
  while (i < end) {
    const c = file.charCodeAt(i);
    if (c === 13) {
      // Python reads source lines with universal newlines: CR LF and CR are LF.
      b.copy(run, i);
      i = foldLineBreak(b, file, i, end);
      run = i;
      continue;
    }
    if (fmt && (c === 123 || c === 125) && i + 1 < end && file.charCodeAt(i + 1) === c) {
      b.copy(run, i);
      b.unit(c === 123 ? '{' : '}', i, i + 2);
      i += 2;
      run = i;
      continue;
    }
    if (c !== 92 || i + 1 >= end) {
      i++;
      continue;
    }
    if (raw) {
      // A raw backslash stays, but it still keeps the next char (a quote) from closing.
      i += 2;
      continue;
    }
    const e = file[i + 1];
    let len = 2;
    let out: string | undefined;
    const simple = SIMPLE[e];
    if (simple !== undefined) out = simple;
    else if (e === '\n') out = '';
    else if (e === '\r') {
      out = '';
      if (i + 2 < end && file.charCodeAt(i + 2) === 10) len = 3;
    } else if (e >= '0' && e <= '7') {
      let j = i + 1;
      let v = 0;
      while (j < end && j < i + 4 && file[j] >= '0' && file[j] <= '7') v = v * 8 + (file.charCodeAt(j++) - 48);
      out = String.fromCharCode(bytes ? v & 0xff : v);
      len = j - i;
    } else if (e === 'x' || (!bytes && (e === 'u' || e === 'U'))) {
      const digits = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const v = i + 2 + digits <= end ? hexValue(file, i + 2, i + 2 + digits) : -1;
      if (v < 0 || v > 0x10ffff) {
        if (issues.bad < 0) issues.bad = i;
      } else {
        out = String.fromCodePoint(v);
        len = 2 + digits;
      }
    } else if (e === 'N' && !bytes && file[i + 2] === '{') {
      const close = file.indexOf('}', i + 3);
      if (close < 0 || close >= end) {
        if (issues.bad < 0) issues.bad = i;
      } else {
        len = close + 1 - i;
        const ch = charByName(file.slice(i + 3, close));
        if (ch !== undefined) out = ch;
        else {
          // One character we cannot name without Unicode's table: measured as a placeholder.
          out = '${' + file.slice(i, close + 1) + '}';
          issues.unknownNames.push(i, close + 1);
        }
      }
    }
    if (out === undefined) {
      // Not an escape (or a malformed one): Python keeps the backslash and the char.
      i += 2;
      continue;
    }
    b.copy(run, i);
    b.unit(out, i, i + len);
    i += len;
    run = i;
  }
  b.copy(run, end);
}
