// npm run bench: our segment count and full analysis side by side with sms-segments-calculator
// (the reference) and split-sms, on one seeded corpus of 20,000 templates, in one run.
import { createRequire } from 'node:module';
import { corpus } from './corpus.mjs';

const require = createRequire(import.meta.url);
const { countSegments, analyze } = require('../dist/shared.js');
const { SegmentedMessage } = require('sms-segments-calculator');
const splitSms = require('split-sms');

const texts = corpus();
const totalUnits = texts.reduce((n, t) => n + t.length, 0);

/** Units per second of fn over the texts, best of `rounds` after a warm-up. */
function measure(name, fn, items, rounds) {
  const units = items.reduce((n, t) => n + t.length, 0);
  let sink = 0;
  for (const t of items.slice(0, 200)) sink += fn(t);
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (const t of items) sink += fn(t);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  const rate = units / best;
  console.log(`${name.padEnd(34)} ${(rate / 1e6).toFixed(2).padStart(10)} M units/s   (${items.length} texts, ${(best * 1000).toFixed(1)} ms)`);
  return { rate, sink };
}

console.log(`corpus: ${texts.length} templates, ${(totalUnits / 1e6).toFixed(2)} M UTF-16 units (seed 20261125)\n`);
const count = measure('smslint countSegments', (t) => countSegments(t).segments, texts, 10);
const full = measure('smslint analyze (findings + fix)', (t) => analyze(t).findings.length, texts, 5);
const split = measure('split-sms', (t) => splitSms.split(t).parts.length, texts, 3);
// The reference is slow enough that a 2,000-template slice of the same corpus gives a stable rate.
const ref = measure('sms-segments-calculator 1.3.0', (t) => new SegmentedMessage(t).segmentsCount, texts.slice(0, 2000), 1);

const ratio = (a, b) => `${(a.rate / b.rate).toFixed(0)}×`;
console.log('');
console.log(`count    vs reference: ${ratio(count, ref).padStart(8)}   (target ≥ 1000×)`);
console.log(`count    vs split-sms: ${ratio(count, split).padStart(8)}   (target ≥ 30×)`);
console.log(`analyze  vs reference: ${ratio(full, ref).padStart(8)}   (target ≥ 100×)`);
