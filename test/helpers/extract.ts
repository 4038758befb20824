// Assertions on extracted bodies that read the file back: what was selected, and the exact source
// each part of a body maps to.
import { strict as assert } from 'node:assert';
import { mapRange, type Body, type ExtractResult } from '../../shared/extract/index';

/** The file text behind body[from, to). */
export function sourceSlice(file: string, b: Body, from: number, to: number): string {
  const r = mapRange(b.map, from, to);
  return file.slice(r.start, r.end);
}

/** The file text behind the first `needle` (decoded text) in the body. */
export function sourceOf(file: string, b: Body, needle: string): string {
  const at = b.text.indexOf(needle);
  assert.ok(at >= 0, `${JSON.stringify(needle)} not in ${JSON.stringify(b.text)}`);
  return sourceSlice(file, b, at, at + needle.length);
}

/** Each [decoded needle, spelling in the file] pair holds for body b. */
export function assertSources(file: string, b: Body, pairs: readonly (readonly [string, string])[]): void {
  for (const [needle, spelling] of pairs) {
    const got = sourceOf(file, b, needle);
    assert.equal(got, spelling, `${JSON.stringify(needle)} maps to ${JSON.stringify(got)}, not ${JSON.stringify(spelling)}`);
  }
}

/** No problems, and exactly these [text, selectedBy] bodies in this order. */
export function assertSelected(result: ExtractResult, expected: readonly (readonly [string, string])[]): void {
  assert.deepEqual(result.problems, []);
  assert.deepEqual(result.bodies.map((b) => [b.text, b.selectedBy]), expected);
}

/** None of `strings` is in any body. */
export function assertNotSelected(bodies: readonly Body[], strings: readonly string[]): void {
  const all = bodies.map((b) => b.text).join('|');
  for (const s of strings) assert.ok(!all.includes(s), `${JSON.stringify(s)} was selected`);
}

/**
 * Each char of the body (a UTF-16 unit, or a code point with `byCodePoint`) maps to a spelling in
 * the file that `spells(spelling, char)` accepts: no decoded char points at the wrong source.
 */
export function assertEachCharSpelled(file: string, b: Body, spells: (spelling: string, char: string) => boolean, byCodePoint = false): void {
  const chars = byCodePoint ? [...b.text] : b.text.split('');
  let at = 0;
  for (const ch of chars) {
    const spelling = sourceSlice(file, b, at, at + ch.length);
    assert.ok(spells(spelling, ch), `${JSON.stringify(ch)} <- ${JSON.stringify(spelling)}`);
    at += ch.length;
  }
}
