// Engines keep a long slice of a string as a view of the whole string: a body's text kept across
// edits (an editor's caches) would keep one whole version of its document alive.

/** A copy of `s` that holds only its own chars. */
export function owned(s: string): string {
  return s.length < 16 ? s : (JSON.parse(JSON.stringify(s)) as string);
}
