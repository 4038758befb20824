import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  applyEvent,
  available,
  campaignCost,
  emptyLedger,
  formatMoney,
  isoDate,
  type Ledger,
  type LedgerEvent,
  type Micros,
  parseIsoDate,
  parseMoney,
  type PlanConfig,
  type PricingProfile,
  resolveProfile,
  runLedger,
} from '../shared/pricing';

// Seeded so a failure reproduces; fast-check prints the seed and counterexample when one fails.
const seed = Number(process.env.FC_SEED ?? 20250101);
const params = { seed, numRuns: 300 };

function prof(id: string, custom = {}): PricingProfile {
  const r = resolveProfile(id, custom);
  assert.ok(r.ok);
  return r.value;
}
const PROFILES = [prof('quo'), prof('textspot'), prof('q', { q: { extends: 'quo', countryRates: { GB: '0.0333' }, defaultCountry: 'GB' } })];

const PLANS: Record<string, PlanConfig> = {
  'textspot-1000': { price: '59' },
  'textspot-2000': { price: '99' },
  'textspot-500': { overageRate: '0.06' },
  'textspot-7500': { overageRate: '0.03' },
};
const PLAN_IDS = Object.keys(PLANS);

describe('pricing: properties', () => {
  it('money round-trips exactly through its display', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const r = parseMoney(formatMoney(n as Micros));
        assert.ok(r.ok);
        assert.equal(r.value, n);
      }),
      params,
    );
  });

  it('campaign total is exactly per-recipient × recipients, and monotone in segments and recipients', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROFILES),
        fc.nat(40), fc.nat(40), fc.nat(2_000_000), fc.nat(2_000_000),
        (p, s1, s2, r1, r2) => {
          const [sLo, sHi] = s1 <= s2 ? [s1, s2] : [s2, s1];
          const [rLo, rHi] = r1 <= r2 ? [r1, r2] : [r2, r1];
          const a = campaignCost(p, { segments: { best: sLo, worst: sHi }, recipients: rLo });
          const b = campaignCost(p, { segments: sHi, recipients: rHi });
          assert.ok(a.ok && b.ok);
          for (const c of [a.value, b.value]) {
            for (const k of ['best', 'worst'] as const) {
              assert.equal(BigInt(c.total[k]), BigInt(c.perRecipient[k]) * BigInt(c.recipients));
              assert.ok(c.total[k] >= 0);
            }
          }
          assert.ok(a.value.perRecipient.best <= a.value.perRecipient.worst);
          assert.ok(a.value.total.worst <= b.value.total.worst);
        },
      ),
      params,
    );
  });

  it('a prepaid balance covers exactly the recipients whose full cost it can pay', () => {
    fc.assert(
      fc.property(fc.nat(20), fc.nat(100_000), fc.nat(50_000_000), (segs, recipients, bal) => {
        const r = campaignCost(PROFILES[0]!, { segments: segs, recipients, balance: { unit: 'usd', micros: bal as Micros } });
        assert.ok(r.ok && r.value.coverage);
        const cov = r.value.coverage.worst;
        const cost = r.value.perRecipient.worst;
        assert.equal(cov.recipientsCovered + cov.recipientsUnsent, recipients);
        assert.equal(cov.spent + cov.balanceLeft, bal);
        assert.ok(cov.balanceLeft >= 0);
        if (cov.recipientsUnsent > 0) assert.ok(cov.balanceLeft < cost, 'left enough for one more message unsent');
      }),
      params,
    );
  });

  const step = fc.oneof(
    fc.record({ type: fc.constant('send' as const), gap: fc.nat(20), credits: fc.nat(3000) }),
    fc.record({ type: fc.constantFrom('upgrade' as const, 'downgrade' as const), gap: fc.nat(20), plan: fc.constantFrom(...PLAN_IDS) }),
    fc.record({ type: fc.constantFrom('pause' as const, 'resume' as const), gap: fc.nat(60) }),
  );
  const history = fc.record({
    start: fc.integer({ min: parseIsoDate('2020-01-01')!, max: parseIsoDate('2030-12-31')! }),
    plan: fc.constantFrom(...PLAN_IDS),
    steps: fc.array(step, { maxLength: 30 }),
  });

  /** Applies what it can; refused events (an upgrade to a smaller plan, a send while paused) are skipped. */
  function play(h: { start: number; plan: string; steps: { type: string; gap: number; credits?: number; plan?: string }[] }): Ledger[] {
    const first = applyEvent(emptyLedger(), { type: 'subscribe', date: isoDate(h.start), plan: h.plan }, PLANS);
    assert.ok(first.ok);
    const seen = [first.value];
    let day = h.start;
    for (const s of h.steps) {
      day += s.gap;
      const e = { ...s, date: isoDate(day) } as unknown as LedgerEvent;
      const r = applyEvent(seen[seen.length - 1]!, e, PLANS);
      if (r.ok) seen.push(r.value);
    }
    const end = runLedger([], { from: seen[seen.length - 1]!, until: isoDate(day + 100) });
    assert.ok(end.ok);
    seen.push(end.value);
    return seen;
  }

  it('a ledger never loses or invents a credit: granted = used + expired + forfeited + remaining', () => {
    fc.assert(
      fc.property(history, (h) => {
        for (const l of play(h)) {
          const t = l.totals;
          assert.equal(t.granted, t.used + t.expired + t.forfeited + t.remaining);
          assert.equal(t.remaining, available(l));
          assert.ok(l.buckets.every((b) => b.credits > 0));
          for (const c of l.cycles.filter((x) => x.closed)) {
            assert.equal(c.rolledIn + c.granted, c.used + c.expired + c.forfeited + c.rolledOver);
          }
          assert.equal(l.cycles.reduce((s, c) => s + c.overage, 0), t.overage);
        }
      }),
      params,
    );
  });

  it('charges are never negative and their known total is exact', () => {
    fc.assert(
      fc.property(history, (h) => {
        const l = play(h).at(-1)!;
        let sum = 0n;
        for (const c of l.charges) {
          if (c.amount !== null) {
            assert.ok(c.amount >= 0, `${c.kind} ${c.amount}`);
            sum += BigInt(c.amount);
          }
        }
        assert.equal(BigInt(l.totals.charged), sum);
      }),
      params,
    );
  });

  it('an upgrade never loses credits: the balance grows by exactly the plans\' difference', () => {
    fc.assert(
      fc.property(history, fc.constantFrom(...PLAN_IDS), (h, to) => {
        const before = play(h).at(-1)!;
        if (before.status !== 'active') return;
        const r = applyEvent(before, { type: 'upgrade', date: before.date!, plan: to }, PLANS);
        if (!r.ok) return;
        assert.equal(available(r.value), available(before) + r.value.plan!.credits - before.plan!.credits);
        assert.equal(r.value.cycleEndDay, before.cycleEndDay);
      }),
      params,
    );
  });

  it('garbage in never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.anything(), { maxLength: 5 }), fc.anything(), (events, profileConfig) => {
        runLedger(events as LedgerEvent[], { plans: PLANS });
        resolveProfile('x', { x: profileConfig as never });
        campaignCost(PROFILES[1]!, profileConfig as never);
      }),
      params,
    );
  });
});
