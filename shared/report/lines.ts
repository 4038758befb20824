// Offsets → 1-based line and column (UTF-16 units), with the line breaks LSP knows: \n, \r\n, \r.

export interface Position {
  readonly line: number;
  readonly column: number;
}

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export function positionAt(starts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/** A lazy locator: most files have nothing to report and never pay for the line index. */
export function locator(text: string): (offset: number) => Position {
  let starts: number[] | undefined;
  return (offset) => positionAt((starts ??= lineStarts(text)), Math.max(0, Math.min(offset, text.length)));
}
