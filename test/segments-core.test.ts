import assert from 'node:assert/strict';
import { analyze, countSegments, fixText } from '../shared/segments';

const seg = (s: string): [string, number] => {
  const c = countSegments(s);
  return [c.encoding, c.segments];
};

describe('encoding and segments', () => {
  it('counts an empty body as one GSM-7 segment', () => {
    assert.deepEqual(countSegments(''), { encoding: 'GSM-7', units: 0, segments: 1, segmentStarts: [0] });
  });

  it('fits 160 septets in one segment and splits 161 into 153 + 8', () => {
    assert.deepEqual(seg('a'.repeat(160)), ['GSM-7', 1]);
    assert.deepEqual(countSegments('a'.repeat(161)).segmentStarts, [0, 153]);
    assert.deepEqual(seg('a'.repeat(306)), ['GSM-7', 2]);
    assert.deepEqual(seg('a'.repeat(307)), ['GSM-7', 3]);
  });

  it('counts an extension character as 2 septets and never splits its ESC pair', () => {
    assert.equal(countSegments('€'.repeat(80)).units, 160);
    assert.deepEqual(seg('€'.repeat(80)), ['GSM-7', 1]);
    // 152 septets, then '€' would straddle 153: it moves whole into segment 2.
    const c = countSegments('a'.repeat(152) + '€' + 'a'.repeat(10));
    assert.deepEqual(c.segmentStarts, [0, 152]);
  });

  it('turns the whole body UCS-2 for one stray character, counted in UTF-16 units', () => {
    const body = 'a'.repeat(69) + '’';
    assert.deepEqual(seg(body), ['UCS-2', 1]);
    assert.deepEqual(seg(body + 'a'), ['UCS-2', 2]);
    assert.deepEqual(countSegments('😀'.repeat(35)), { encoding: 'UCS-2', units: 70, segments: 1, segmentStarts: [0] });
  });

  it('never splits a surrogate pair: a 67th-unit emoji opens the next segment', () => {
    const c = countSegments('中'.repeat(66) + '😀' + '中'.repeat(10));
    assert.deepEqual(c.segmentStarts, [0, 66]);
  });

  it('keeps grapheme clusters whole the way the reference does (60 CJK + family + 60 CJK = 3)', () => {
    const cjk = '中'.repeat(60);
    assert.deepEqual(seg(cjk + '👨‍👩‍👧‍👦' + cjk), ['UCS-2', 3]);
  });

  it('follows the reference\'s Unicode 10 clusters, not Intl.Segmenter\'s, where they disagree at a boundary', () => {
    // Deliberate: billing follows the reference calculator (PRODUCT.md §1), whose
    // grapheme-splitter 1.0.4 predates GB11 for 🐦‍🔥 and the Indic conjunct rule (UAX #29 GB9c),
    // so it may end a segment inside what Intl.Segmenter calls one cluster.
    const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
    const phoenix = '中'.repeat(64) + '🐦‍🔥' + '中'.repeat(65);
    assert.equal([...segmenter.segment('🐦‍🔥')].length, 1);
    assert.deepEqual(seg(phoenix), ['UCS-2', 2]); // Intl's clusters would need 3
    assert.deepEqual(countSegments(phoenix).segmentStarts, [0, 67]);
    const ksha = '中'.repeat(65) + '\u0915\u094d\u0937' + '中'.repeat(66);
    assert.equal([...segmenter.segment('\u0915\u094d\u0937')].length, 1);
    assert.deepEqual(seg(ksha), ['UCS-2', 2]);
  });

  it('treats CRLF as two characters', () => {
    assert.equal(countSegments('\r\n').units, 2);
    assert.deepEqual(seg('a'.repeat(158) + '\r\n'), ['GSM-7', 1]);
    assert.deepEqual(seg('a'.repeat(159) + '\r\n'), ['GSM-7', 2]);
  });

  it('keeps é GSM-7 but a decomposed e + U+0301 forces UCS-2', () => {
    assert.equal(countSegments('café').encoding, 'GSM-7');
    assert.equal(countSegments('cafe\u0301').encoding, 'UCS-2');
  });

  it('honours profile segment sizes (150/152/66)', () => {
    const sizes = { gsmSingle: 150, gsmMulti: 152, ucs2Single: 66, ucs2Multi: 66 };
    assert.equal(countSegments('a'.repeat(151), sizes).segments, 2);
    assert.equal(countSegments('’'.repeat(67), sizes).segments, 2);
  });

  it('pins the reference\'s oversized-cluster behaviour: a 71-unit cluster leaves segment 1 empty', () => {
    // A base letter with 70 combining marks is one cluster longer than any segment; the
    // reference opens segment 2 for it, so the body bills as 2 even though nothing precedes it.
    const giant = 'a' + '\u0301'.repeat(70);
    assert.deepEqual(countSegments(giant), { encoding: 'UCS-2', units: 71, segments: 2, segmentStarts: [0, 0] });
  });

  it('never throws on lone surrogates, NUL and control characters', () => {
    for (const s of ['\ud800', '\udc00abc', '\0', '\u0001\u001b\u007f', 'x\ud83d']) {
      assert.equal(countSegments(s).encoding, 'UCS-2');
      assert.doesNotThrow(() => analyze(s));
    }
  });

  it('handles 10 MB in linear time', () => {
    const unit = 'Hello ’ world 😀 e\u0301 {x} '.repeat(10);
    const small = unit.repeat(1000);
    const big = unit.repeat(45_000);
    assert.ok(big.length > 10_000_000);
    const time = (s: string): number => {
      const t0 = process.hrtime.bigint();
      analyze(s);
      return Number(process.hrtime.bigint() - t0);
    };
    time(small);
    const ratio = time(big) / Math.max(time(small), 1);
    // 45x the input must cost nowhere near 2000x (quadratic); allow generous noise.
    assert.ok(ratio < 200, `45x input took ${ratio.toFixed(0)}x the time`);
  });
});

describe('character findings', () => {
  it('names the culprit, its code point and its GSM replacement', () => {
    const a = analyze('It’s here');
    assert.equal(a.encoding, 'UCS-2');
    assert.deepEqual(
      a.findings.map((f) => [f.kind, f.start, f.end, f.codePoint, f.name, f.replacement]),
      [['non-gsm', 2, 3, 0x2019, 'RIGHT SINGLE QUOTATION MARK', "'"]],
    );
    assert.equal(a.fixed.text, "It's here");
    assert.equal(a.fixed.count.encoding, 'GSM-7');
  });

  it('reports invisible characters with what to replace them by', () => {
    const a = analyze('a\u200bb\u00a0c\ufeff');
    assert.deepEqual(
      a.findings.map((f) => [f.kind, f.start, f.name, f.replacement]),
      [
        ['invisible', 1, 'ZERO WIDTH SPACE', ''],
        ['invisible', 3, 'NO-BREAK SPACE', ' '],
        ['invisible', 5, 'ZERO WIDTH NO-BREAK SPACE (BOM)', ''],
      ],
    );
    assert.equal(a.fixed.text, 'ab c');
  });

  it('reports extension characters as 2-septet findings', () => {
    const a = analyze('Price: 5€ [x]');
    assert.deepEqual(a.findings.map((f) => [f.kind, f.char]), [['gsm-extended', '€'], ['gsm-extended', '['], ['gsm-extended', ']']]);
    assert.equal(a.units, 16);
  });

  it('reports a decomposed accent that NFC folds into GSM, with the composed replacement', () => {
    const a = analyze('cafe\u0301!');
    assert.deepEqual(a.findings.map((f) => [f.kind, f.start, f.end, f.replacement]), [['decomposed', 3, 5, 'é']]);
    assert.equal(a.fixed.text, 'café!');
    assert.equal(a.fixed.count.encoding, 'GSM-7');
  });

  it('reports an emoji ZWJ sequence once, over its whole range', () => {
    const a = analyze('Hi 👨‍👩‍👧!');
    assert.deepEqual(a.findings.map((f) => [f.kind, f.start, f.end, f.name]), [['non-gsm', 3, 11, 'emoji']]);
  });

  it('keeps respellings out of the one-call fix', () => {
    const r = fixText('Zoë’s');
    assert.equal(r.text, "Zoë's");
    assert.deepEqual(r.edits, [{ range: { start: 3, end: 4 }, text: "'" }]);
    assert.equal(analyze('Zoë').findings[0]!.replacement, 'e');
  });

  it('gives fix edits that reproduce the fixed text when applied to the original', () => {
    const text = 'a’b—c…d\u200be\u0301';
    const r = fixText(text);
    let out = text;
    for (const e of [...r.edits].reverse()) out = out.slice(0, e.range.start) + e.text + out.slice(e.range.end);
    assert.equal(out, r.text);
    assert.equal(r.text, "a'b-c...dé");
  });
});
