// Escape-decoding steps that JS/TS and Python literals spell the same way.
import type { BodyBuilder } from './offset-map';

/** The value of the hex digits file[start, end), or -1 if any is not a hex digit (or the range is empty or runs off the end). */
export function hexValue(text: string, start: number, end: number): number {
  if (end > text.length || end <= start) return -1;
  let v = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const d = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

/** A raw CR LF or CR at file[i] (i < end) reads as LF: one unit; returns the offset after it. */
export function foldLineBreak(b: BodyBuilder, file: string, i: number, end: number): number {
  const len = i + 1 < end && file.charCodeAt(i + 1) === 10 ? 2 : 1;
  b.unit('\n', i, i + len);
  return i + len;
}
