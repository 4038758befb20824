// Line starts and offset → line lookups, with the line breaks LSP knows: \n, \r\n, \r.
import { lastAtOrBelow } from './search';

/** 1-based line and column (UTF-16 units). */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Offset where each line starts; the first is 0. */
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

/** 0-based line of an offset. */
export function lineOf(starts: readonly number[], offset: number): number {
  return lastAtOrBelow(starts, offset);
}

export function positionAt(starts: readonly number[], offset: number): Position {
  const line = lastAtOrBelow(starts, offset);
  return { line: line + 1, column: offset - starts[line]! + 1 };
}

/** A lazy locator: most files have nothing to report and never pay for the line index. */
export function locator(text: string): (offset: number) => Position {
  let starts: number[] | undefined;
  return (offset) => positionAt((starts ??= lineStarts(text)), Math.max(0, Math.min(offset, text.length)));
}
