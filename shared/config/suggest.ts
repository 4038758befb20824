// "Did you mean …?" for typos in keys, values, rule ids and directives.

/** The candidate a typo most likely meant: a unique prefix match, else the nearest within a few edits. */
export function closest(name: string, candidates: readonly string[], maxDistance = Math.max(1, Math.floor(name.length / 3))): string | undefined {
  // "warn" → "warning": a clear prefix beats edit distance.
  const lower = name.toLowerCase();
  const prefixed = name.length >= 3 ? candidates.filter((c) => c.toLowerCase().startsWith(lower)) : [];
  if (prefixed.length === 1) return prefixed[0];
  let best: string | undefined;
  let bestD = maxDistance + 1;
  for (const c of candidates) {
    const d = distance(lower, c.toLowerCase());
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

/** Levenshtein distance. */
export function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
