// What JS/TS and Python spell alike, for their scanners: ASCII character classes, the extent of a
// number literal, and the marker word at the start of a comment.

export const IDENT = 1;
export const DIGIT = 2;

/** IDENT for the ASCII chars `identStart` matches, DIGIT for 0-9, by char code. */
export function asciiClasses(identStart: RegExp): Uint8Array {
  const classes = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const ch = String.fromCharCode(c);
    if (identStart.test(ch)) classes[c] = IDENT;
    if (/[0-9]/.test(ch)) classes[c] = DIGIT;
  }
  return classes;
}

/**
 * End of the number literal at i: identifier chars and dots, and a sign after an exponent `e`
 * (not in hex). Loose on purpose: scanning only needs to step over numbers, not read them.
 */
export function numberEnd(text: string, i: number, classes: Uint8Array): number {
  let j = i + 1;
  for (;;) {
    const d = text.charCodeAt(j);
    if ((d < 128 && classes[d] & (IDENT | DIGIT)) || d === 46) j++;
    else if ((d === 43 || d === 45) && (text.charCodeAt(j - 1) | 32) === 101 && (text.charCodeAt(i + 1) | 32) !== 120) j++;
    else break;
  }
  return j;
}

/** Does the comment body text[start, end), after leading `skipped` chars, begin with the word `marker`? */
export function startsWithMarker(
  text: string,
  start: number,
  end: number,
  marker: string,
  skipped: (c: number) => boolean,
  isIdentPart: (c: number) => boolean,
): boolean {
  if (marker.length === 0) return false;
  let i = start;
  while (i < end && skipped(text.charCodeAt(i))) i++;
  if (i + marker.length > end || !text.startsWith(marker, i)) return false;
  const after = i + marker.length;
  // `smslint-template-v2` or `smslint-templates` is another word.
  return after === end || !(isIdentPart(text.charCodeAt(after)) || text.charCodeAt(after) === 45);
}
