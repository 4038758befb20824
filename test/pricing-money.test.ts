import assert from 'node:assert/strict';
import { formatCredits, formatMoney, type Micros, parseMoney } from '../shared/pricing';

const m = (n: number) => n as Micros;

function parsed(x: unknown): number {
  const r = parseMoney(x);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r.value;
}

describe('pricing: exact money', () => {
  it('shows whole cents to the cent and smaller amounts to the precision they need', () => {
    assert.equal(formatMoney(m(20_000)), '$0.02');
    assert.equal(formatMoney(m(1_234_560_000)), '$1,234.56');
    assert.equal(formatMoney(m(8_300)), '$0.0083');
    assert.equal(formatMoney(m(1)), '$0.000001');
    assert.equal(formatMoney(m(0)), '$0.00');
    assert.equal(formatMoney(m(229_000_000)), '$229.00');
    assert.equal(formatMoney(m(-50_000)), '-$0.05');
  });

  it('parses config amounts exactly, from strings and JSON numbers alike', () => {
    assert.equal(parsed('0.01'), 10_000);
    assert.equal(parsed('$1,234.56'), 1_234_560_000);
    assert.equal(parsed(0.07), 70_000); // not 0.07000000000000000666…
    assert.equal(parsed(29), 29_000_000);
    assert.equal(parsed('.5'), 500_000);
    assert.equal(parsed('0.0100000'), 10_000);
    assert.equal(parsed(1e-6), 1);
  });

  it('rejects what is not money, with a message instead of an exception', () => {
    for (const bad of ['abc', '', '1.2.3', '1,23', '0.0000001', 1e-7, Number.NaN, Infinity, null, {}, [], '$']) {
      const r = parseMoney(bad);
      assert.ok(!r.ok, `accepted ${String(bad)}`);
      assert.equal(r.error.code, 'invalid-money');
    }
  });

  it('counts credits in words', () => {
    assert.equal(formatCredits(1), '1 credit');
    assert.equal(formatCredits(4959), '4,959 credits');
  });
});
