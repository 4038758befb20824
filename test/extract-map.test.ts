import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { BodyBuilder } from '../shared/extract/offset-map';
import { mapOffset, mapRange } from '../shared/extract/index';

describe('extract: offset maps', () => {
  // file: a\u2019b${x}c  -> body: a’b${x}c
  const file = 'say("a\\u2019b${x}c")';
  const b = new BodyBuilder(file, 5);
  b.copy(5, 6);
  b.unit('’', 6, 12);
  b.copy(12, 13);
  b.unit('${x}', 13, 17);
  b.copy(17, 18);
  const { text, map } = b.build();

  it('maps copies one to one and escapes and placeholders as a whole', () => {
    assert.equal(text, 'a’b${x}c');
    const at = (s: number, e: number) => { const r = mapRange(map, s, e); return file.slice(r.start, r.end); };
    assert.equal(at(0, 1), 'a');
    assert.equal(at(1, 2), '\\u2019');
    assert.equal(at(0, 3), 'a\\u2019b');
    assert.equal(at(4, 5), '${x}'); // inside a placeholder: all of it
    assert.equal(at(3, 8), '${x}c');
    assert.equal(at(0, text.length), 'a\\u2019b${x}c');
  });

  it('gives points for empty ranges and clamps out-of-range offsets', () => {
    assert.deepEqual(mapRange(map, 2, 2), { start: 12, end: 12 });
    assert.deepEqual(mapRange(map, text.length, text.length), { start: 18, end: 18 });
    assert.deepEqual(mapRange(map, -5, 100), { start: 5, end: 18 });
    assert.equal(mapOffset(map, 1), 6);
    const empty = new BodyBuilder(file, 5).build().map;
    assert.deepEqual(mapRange(empty, 0, 0), { start: 5, end: 5 });
  });

  it('merges contiguous copies, so a plain body is one segment', () => {
    const p = new BodyBuilder('hello world', 0);
    p.copy(0, 5);
    p.copy(5, 11);
    assert.equal(p.build().map.bodyStarts.length, 1);
  });

  it('property: ranges are monotone and cover exactly the units they touch', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 })), { maxLength: 30 }), fc.nat(), fc.nat(), (pieces, x, y) => {
        const bb = new BodyBuilder('', 0);
        let f = 0;
        for (const [copy, flen, blen] of pieces) {
          if (copy) bb.copy(f, f + flen);
          else bb.unit('u'.repeat(blen), f, f + flen);
          f += flen;
        }
        const { map: m } = bb.build();
        const n = m.bodyLength;
        const s = n === 0 ? 0 : x % (n + 1);
        const e = n === 0 ? 0 : s + (y % (n - s + 1));
        const r = mapRange(m, s, e);
        assert.ok(r.start <= r.end && r.end <= f);
        if (e > s) {
          assert.ok(mapRange(m, s, s + 1).start === r.start && mapRange(m, e - 1, e).end === r.end);
        }
      }),
      { seed: 6009, numRuns: 300 },
    );
  });

  it('is fast on long bodies (binary search)', () => {
    const long = new BodyBuilder('', 0);
    for (let i = 0; i < 100_000; i++) long.unit('x', 2 * i, 2 * i + 2);
    const { map: m } = long.build();
    const t0 = performance.now();
    for (let i = 0; i < 100_000; i++) mapRange(m, i, i + 1);
    assert.ok(performance.now() - t0 < 500);
    assert.deepEqual(mapRange(m, 99_999, 100_000), { start: 199_998, end: 200_000 });
  });
});
