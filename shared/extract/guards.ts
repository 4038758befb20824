// Files that are not worth scanning get one clear notice instead of a slow or noisy scan.
import type { ExtractProblem } from './types';

/** How much of the head is searched for NUL (a binary file). */
export const BINARY_SNIFF = 8192;

export function skipReason(text: string, maxFileSize: number, maxLineLength: number | undefined): ExtractProblem | undefined {
  const whole = { start: 0, end: 0 };
  if (text.length > maxFileSize) {
    return { kind: 'skipped', range: whole, message: `Skipped: the file has ${text.length} characters, over the limit of ${maxFileSize} (maxFileSize).` };
  }
  const head = Math.min(text.length, BINARY_SNIFF);
  for (let i = 0; i < head; i++) {
    if (text.charCodeAt(i) === 0) {
      return { kind: 'skipped', range: whole, message: 'Skipped: the file looks binary (it contains NUL characters).' };
    }
  }
  if (maxLineLength !== undefined) {
    let lineStart = 0;
    for (;;) {
      const nl = text.indexOf('\n', lineStart);
      const lineEnd = nl < 0 ? text.length : nl;
      if (lineEnd - lineStart > maxLineLength) {
        return { kind: 'skipped', range: whole, message: `Skipped: a line has ${lineEnd - lineStart} characters, over ${maxLineLength} (maxLineLength); the file looks minified.` };
      }
      if (nl < 0) break;
      lineStart = nl + 1;
    }
  }
  return undefined;
}
