// A small seeded PRNG (mulberry32) so every random test can be replayed from its printed seed.
export interface Rng {
  readonly seed: number;
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
}

export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    seed,
    next,
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)]!,
  };
}

/** SMSLINT_SEED replays a failure; otherwise each run explores new strings. */
export function testSeed(): number {
  const env = process.env.SMSLINT_SEED;
  return env ? Number(env) : (Date.now() ^ (process.pid << 16)) >>> 0;
}
