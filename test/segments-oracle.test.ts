import assert from 'node:assert/strict';
import { countSegments, nextGraphemeBreak } from '../shared/segments';
import { breakProperty } from '../shared/segments/graphemes';
import { rng, testSeed, type Rng } from './helpers/random';

// The reference calculator and the grapheme splitter it packs with: test oracles only.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SegmentedMessage } = require('sms-segments-calculator') as {
  SegmentedMessage: new (s: string) => { encodingName: string; segmentsCount: number };
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const GraphemeSplitter = require('grapheme-splitter') as new () => { splitGraphemes(s: string): string[] };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const referenceProperty = require('../scripts/referenceGraphemeProperty.cjs') as (cp: number) => number;

const GSM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,!?@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ"#¤%&\'()*+-/:;<=>¡ÄÖÑÜ§¿äöñüà\n\r';
const EXT = '\f^{}\\[~]|€';
const ODD = [
  '’', '“', '—', '…', '\u00a0', '\u200b', 'ç', '中', '한', 'ا', 'Ж', '\t', '`', '\u001b', '\0',
  '😀', '👍🏽', '👨‍👩‍👧', '🏳️‍🌈', '🇫🇷', '🇫🇷🇩🇪', '🐦‍🔥', '❤️', '\u200d', '\ufe0f', '🏽',
  'e\u0301', 'a\u0308\u0301', '\u0301', '\u0915\u094d\u0937', '\u0600a', '\u0903', '\u1100\u1161\u11a8', '가각',
  '\r\n', '\ud800', '\udc00', '\udbff\udfff', '\ud83d', '\ude00x',
];
const BOUNDARIES = [0, 1, 2, 66, 67, 68, 69, 70, 71, 133, 134, 135, 152, 153, 154, 155, 159, 160, 161, 162, 200, 201, 202, 306, 307];

function piece(r: Rng, kind: number): string {
  if (kind === 0) return r.pick([...GSM]);
  if (kind === 1) return r.next() < 0.8 ? r.pick([...GSM]) : r.pick([...EXT]);
  if (kind === 2) return r.next() < 0.9 ? r.pick([...GSM]) : r.pick(ODD);
  return r.next() < 0.5 ? r.pick([...GSM]) : r.next() < 0.5 ? r.pick([...EXT]) : r.pick(ODD);
}

/** A string built to land near a segment boundary, often with something awkward right on it. */
export function boundaryString(r: Rng): string {
  const kind = r.int(4);
  const target = r.next() < 0.8 ? r.pick(BOUNDARIES) + r.int(3) - 1 : r.int(480);
  let s = '';
  while (s.length < target) s += piece(r, kind);
  if (r.next() < 0.4 && s.length > 2) {
    const at = r.int(s.length);
    const awkward = r.next() < 0.5 ? r.pick([...EXT]) : r.pick(ODD);
    s = s.slice(0, at) + awkward + s.slice(at + awkward.length);
  }
  return s;
}

describe('segments agree with sms-segments-calculator 1.3.0', () => {
  it('on the documented examples', () => {
    const cjk = '中'.repeat(60);
    const fam = '👨‍👩‍👧‍👦';
    assert.equal(new SegmentedMessage(cjk + fam + cjk).segmentsCount, 3);
    assert.deepEqual(
      [countSegments(cjk + fam + cjk).encoding, countSegments(cjk + fam + cjk).segments],
      ['UCS-2', 3],
    );
  });

  it('on 100,000 seeded random strings around every boundary', function () {
    this.timeout(600_000);
    const seed = testSeed();
    const r = rng(seed);
    for (let n = 0; n < 100_000; n++) {
      const s = boundaryString(r);
      const ref = new SegmentedMessage(s);
      const ours = countSegments(s);
      if (ref.encodingName !== ours.encoding || ref.segmentsCount !== ours.segments) {
        assert.fail(
          `seed ${seed} (replay with SMSLINT_SEED=${seed}), string #${n} ${JSON.stringify(s)}: ` +
            `reference ${ref.encodingName}/${ref.segmentsCount}, ours ${ours.encoding}/${ours.segments}`,
        );
      }
    }
  });

  it('draws grapheme clusters exactly where grapheme-splitter 1.0.4 does', () => {
    const seed = testSeed();
    const r = rng(seed);
    const splitter = new GraphemeSplitter();
    for (let n = 0; n < 20_000; n++) {
      let s = '';
      const len = r.int(24);
      while (s.length < len) s += r.next() < 0.2 ? r.pick([...GSM]) : r.pick(ODD);
      const ours: string[] = [];
      for (let at = 0; at < s.length; ) {
        const end = nextGraphemeBreak(s, at);
        ours.push(s.slice(at, end));
        at = end;
      }
      assert.deepEqual(ours, splitter.splitGraphemes(s), `seed ${seed}, ${JSON.stringify(s)}`);
    }
  });

  it('uses grapheme-splitter\'s break property for every code point', () => {
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (breakProperty(cp) !== referenceProperty(cp)) assert.fail(`U+${cp.toString(16)}: ${breakProperty(cp)} != ${referenceProperty(cp)}`);
    }
  });
});
