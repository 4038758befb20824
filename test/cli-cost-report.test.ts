// The shared cost report (shared/report) that `smslint cost` and the server's smslint/costReport
// render: exact totals from the core's integer amounts, the sort, the Markdown table.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { BodyCost, BodyFigures } from '../shared/lint/types';
import { costMarkdown, costRows, costTotals, formatAmountSpan, type CostFileInput } from '../shared/report';
import { testSeed } from './helpers/random';

const seed = testSeed();

const figures = (segments: number, encoding: 'GSM-7' | 'UCS-2' = 'GSM-7'): BodyFigures => ({
  encoding: { best: encoding, worst: encoding },
  segments: { best: segments, worst: segments },
  characters: { best: 10, worst: 10 },
  units: { best: segments * 10, worst: segments * 10 },
  worstReason: '',
});

const usd = (perRecipient: number, recipients: number, display = '…'): BodyCost => ({
  perRecipient: display,
  campaign: display,
  recipients,
  amounts: { unit: 'usd', perRecipient: { best: perRecipient, worst: perRecipient }, campaign: { best: perRecipient * recipients, worst: perRecipient * recipients } },
});

const file = (path: string, costs: (BodyCost | undefined)[]): CostFileInput => ({
  path,
  bodies: costs.map((cost, i) => ({ line: i + 1, column: 1, profile: 'quo', figures: figures(1), cost })),
});

describe(`shared cost report (seed ${seed})`, () => {
  it('totals are exact past 2^53 micro-dollars (bigint sums, no float)', () => {
    const big = Number.MAX_SAFE_INTEGER; // $9,007,199,254.740991
    const rows = costRows([file('a.sms', [usd(big, 1), usd(big, 1), usd(1, 1)])]);
    const [total] = costTotals(rows);
    assert.equal(total!.best, 2n * BigInt(big) + 1n);
    assert.equal(formatAmountSpan(total!), '$18,014,398,509.481983');
  });

  it('dollars and credits are totalled apart; a body without a cost is listed last and not totalled', () => {
    const credits: BodyCost = { perRecipient: '2 credits', campaign: '200 credits', recipients: 100, amounts: { unit: 'credits', perRecipient: { best: 2, worst: 2 }, campaign: { best: 200, worst: 200 } } };
    const unknown: BodyCost = { perRecipient: 'unknown', error: 'Rate unknown for ZZ.' };
    const rows = costRows([file('a.sms', [unknown, credits, usd(10_000, 100, '$1.00')])]);
    assert.deepEqual(rows.map((r) => r.line), [3, 2, 1]);
    assert.deepEqual(costTotals(rows).map(formatAmountSpan), ['$1.00', '200 credits']);
    assert.equal(rows[2]!.error, 'Rate unknown for ZZ.');
  });

  it('property: rows come most expensive first, and the total is the sum of the rows', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.tuple(fc.nat({ max: 5_000_000 }), fc.nat({ max: 10_000 })), { maxLength: 6 }), { maxLength: 5 }), (files) => {
        const input = files.map((bodies, i) => file(`f${i}.sms`, bodies.map(([p, n]) => usd(p, n))));
        const rows = costRows(input);
        assert.equal(rows.length, files.flat().length);
        for (let i = 1; i < rows.length; i++) assert.ok(rows[i - 1]!.amount!.worst >= rows[i]!.amount!.worst);
        const want = files.flat().reduce((s, [p, n]) => s + BigInt(p) * BigInt(n), 0n);
        const totals = costTotals(rows);
        assert.equal(totals[0]?.worst ?? 0n, want);
      }),
      { seed, numRuns: 200 },
    );
  });

  it('Markdown: one row per body, a total row, and a pipe in a path or message stays inside its cell', () => {
    const unknown: BodyCost = { perRecipient: 'unknown', error: 'no rate | none' };
    const md = costMarkdown(costRows([file('odd|name.sms', [usd(10_000, 100, '$1.00'), unknown])]), { title: 'ws' });
    const lines = md.split('\n');
    assert.equal(lines[0], '# smslint cost report: ws');
    assert.equal(lines[2], '2 bodies · campaign cost $1.00 · 1 without a cost');
    const table = lines.filter((l) => l.startsWith('|'));
    assert.equal(table.length, 2 + 2 + 1);
    // Unescaped pipes delimit the same 8 cells on every line.
    for (const l of table) assert.equal(l.split(/(?<!\\)\|/).length - 2, 8, l);
    assert.match(md, /unknown: no rate \\\| none/);
    assert.equal(table.at(-1), '| **total (2 bodies)** | | | | | | **$1.00** | |');
  });
});
