// Dotted callee and tag patterns, indexed by their last segment (shared by the JS and Python matchers).
import { nameKey } from './token-buffer';

export interface Pattern<T> {
  /** Segments, last first. */
  readonly rev: readonly string[];
  readonly value: T;
}

export function compile<T>(path: string, value: T): Pattern<T> {
  return { rev: path.split('.').filter((s) => s.length > 0).reverse(), value };
}

/** Patterns by their last segment; `quick` (length and first char) rejects most names unsliced. */
export interface NameIndex<T> {
  readonly byName: Map<string, Pattern<T>[]>;
  readonly quick: Set<number>;
}

export const quickKey = nameKey;

export function byLast<T>(patterns: Pattern<T>[]): NameIndex<T> {
  const byName = new Map<string, Pattern<T>[]>();
  const quick = new Set<number>();
  for (const p of patterns) {
    if (p.rev.length === 0 || p.rev[0] === '*') continue;
    const list = byName.get(p.rev[0]) ?? [];
    list.push(p);
    byName.set(p.rev[0], list);
    quick.add(quickKey(p.rev[0].length, p.rev[0].charCodeAt(0)));
  }
  return { byName, quick };
}

