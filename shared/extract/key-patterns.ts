// Dotted key-path globs for locale files. Keys are split on dots, so flat i18next keys
// ("sms.welcome": …) and nested ones ({ sms: { welcome: … } }) are the same path.
import picomatch from 'picomatch';

const LOCALE = /^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/;
const PLURAL = /^(?:zero|one|two|few|many|other)$/;
const SUFFIX = /_(?:ordinal_)?(?:zero|one|two|few|many|other)$/;

export type KeyMatcher = (path: readonly string[]) => string | undefined;

/**
 * The returned function gives the first pattern that selects the key path, trying in turn:
 * the path as written; without a top-level locale key (Rails `en:`, `pt-BR:`); without an
 * i18next plural suffix on the last key (`welcome_one`); without a plural leaf (`welcome.one`).
 */
export function keyMatcher(patterns: readonly string[]): KeyMatcher {
  const compiled = patterns.map((p) => ({ pattern: p, test: picomatch(p.split('.').join('/'), { dot: true }) }));
  const memo = new Map<string, string | null>();
  return (path) => {
    const segs = path.flatMap((k) => k.split('.')).map((s) => s.replace(/\//g, '\u2215'));
    const tries: string[][] = [segs];
    if (segs.length > 1 && LOCALE.test(segs[0])) tries.push(segs.slice(1));
    for (const t of [...tries]) {
      const last = t[t.length - 1] ?? '';
      if (SUFFIX.test(last)) tries.push([...t.slice(0, -1), last.replace(SUFFIX, '')]);
      if (t.length > 1 && PLURAL.test(last)) tries.push(t.slice(0, -1));
    }
    for (const t of tries) {
      const key = t.join('/');
      let hit = memo.get(key);
      if (hit === undefined) {
        hit = compiled.find((c) => c.test(key))?.pattern ?? null;
        if (memo.size > 20_000) memo.clear(); // a long-lived server sees many files
        memo.set(key, hit);
      }
      if (hit !== null) return hit;
    }
    return undefined;
  };
}
