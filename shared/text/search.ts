// Which run holds a value, given where the runs start: lines by offset, offset-map segments,
// code point ranges of a property table.

/** Index of the last entry of the ascending `starts` at or below `value` (0 when none is). */
export function lastAtOrBelow(starts: readonly number[], value: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
