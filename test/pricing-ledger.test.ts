import assert from 'node:assert/strict';
import {
  available,
  forecast,
  formatMoney,
  type Ledger,
  type LedgerEvent,
  type PlanConfig,
  planImpact,
  positionFor,
  positionOf,
  resolvePlan,
  runLedger,
  TEXTSPOT_PLANS,
} from '../shared/pricing';

// Prices the documents do not give, supplied the way a user would in config (not catalogue data).
const PLANS: Record<string, PlanConfig> = {
  'textspot-1000': { price: '59' },
  'textspot-2000': { price: '99' },
};

function run(events: LedgerEvent[], until?: string, plans: Record<string, PlanConfig> = PLANS): Ledger {
  const r = runLedger(events, until === undefined ? { plans } : { plans, until });
  assert.ok(r.ok, r.ok ? '' : `${r.error.path}: ${r.error.message}`);
  return r.value;
}

const money = (m: number | null) => (m === null ? 'unknown' : formatMoney(m as never));
const charges = (l: Ledger) => l.charges.map((c) => `${c.date} ${c.kind} ${c.plan} ${money(c.amount)}`);

function conserved(l: Ledger): void {
  const t = l.totals;
  assert.equal(t.granted, t.used + t.expired + t.forfeited + t.remaining);
  assert.equal(t.remaining, available(l));
}

describe('pricing: plan catalogue (textspot-overage-rollover-pause.txt)', () => {
  it('holds only the stated numbers; the rest is unknown until config gives it', () => {
    const p500 = resolvePlan('textspot-500');
    const p7500 = resolvePlan('textspot-7500');
    const p1000 = resolvePlan('textspot-1000');
    const p2000 = resolvePlan('textspot-2000');
    assert.ok(p500.ok && p7500.ok && p1000.ok && p2000.ok);
    assert.deepEqual([money(p500.value.price), p500.value.credits, p500.value.overageRate], ['$29.00', 500, null]);
    assert.deepEqual([money(p7500.value.price), p7500.value.credits, p7500.value.overageRate], ['$229.00', 7500, null]);
    assert.deepEqual([p1000.value.price, money(p1000.value.overageRate)], [null, '$0.05']);
    assert.deepEqual([p2000.value.price, money(p2000.value.overageRate)], [null, '$0.04']);
    assert.deepEqual(Object.keys(TEXTSPOT_PLANS).sort(), ['textspot-1000', 'textspot-2000', 'textspot-500', 'textspot-7500']);
    const filled = resolvePlan('textspot-1000', PLANS);
    assert.ok(filled.ok && money(filled.value.price) === '$59.00' && money(filled.value.overageRate) === '$0.05');
  });

  it('an unknown price is reported as an unknown charge, not $0', () => {
    const l = run([{ type: 'subscribe', date: '2025-01-01', plan: 'textspot-1000' }], undefined, {});
    assert.deepEqual(charges(l), ['2025-01-01 subscription textspot-1000 unknown']);
    assert.equal(l.totals.unknownCharges, 1);
    assert.match(l.charges[0]!.note, /plans\.textspot-1000\.price/);
  });
});

describe('pricing: ledger rules (textspot-overage-rollover-pause.txt)', () => {
  it('overage: "pay per every additional credit" at the plan\'s rate, as one charge at the cycle end', () => {
    const l = run(
      [
        { type: 'subscribe', date: '2025-01-01', plan: 'textspot-1000' },
        { type: 'send', date: '2025-01-05', credits: 700 },
        { type: 'send', date: '2025-01-20', credits: 500 },
      ],
      '2025-02-01',
    );
    assert.deepEqual(charges(l), [
      '2025-01-01 subscription textspot-1000 $59.00',
      '2025-02-01 overage textspot-1000 $10.00',
      '2025-02-01 subscription textspot-1000 $59.00',
    ]);
    assert.equal(l.cycles[0]!.overage, 200);
    assert.equal(l.charges[1]!.credits, 200);
    conserved(l);
  });

  it('overage on the 2,000-credit plan is $0.04 a credit', () => {
    const l = run([{ type: 'subscribe', date: '2025-01-01', plan: 'textspot-2000' }, { type: 'send', date: '2025-01-02', credits: 2100 }], '2025-02-01');
    assert.equal(money(l.charges.find((c) => c.kind === 'overage')!.amount), '$4.00');
  });

  it('upgrade mid-cycle: "only pay the difference", "receive the difference in credits", "billing date will remain the same"', () => {
    const l = run([
      { type: 'subscribe', date: '2025-03-10', plan: 'textspot-500' },
      { type: 'send', date: '2025-03-12', credits: 400 },
      { type: 'upgrade', date: '2025-03-20', plan: 'textspot-7500' },
    ]);
    assert.deepEqual(charges(l), ['2025-03-10 subscription textspot-500 $29.00', '2025-03-20 upgrade textspot-7500 $200.00']);
    assert.equal(available(l), 100 + 7000);
    assert.equal(l.cycles[0]!.end, '2025-04-10');
    const next = runLedger([], { from: l, until: '2025-04-10' });
    assert.ok(next.ok);
    assert.deepEqual(charges(next.value).slice(2), ['2025-04-10 subscription textspot-7500 $229.00']);
    conserved(next.value);
  });

  it('upgrade after overage: the overage already incurred is billed "at the price per credit determined by your original plan"', () => {
    const l = run(
      [
        { type: 'subscribe', date: '2025-01-01', plan: 'textspot-1000' },
        { type: 'send', date: '2025-01-10', credits: 1100 }, // 100 over, at $0.05
        { type: 'upgrade', date: '2025-01-15', plan: 'textspot-2000' }, // +1,000 credits for $40
        { type: 'send', date: '2025-01-20', credits: 1500 }, // 1,000 from the upgrade, 500 over at $0.04
      ],
      '2025-02-01',
    );
    assert.deepEqual(charges(l), [
      '2025-01-01 subscription textspot-1000 $59.00',
      '2025-01-15 upgrade textspot-2000 $40.00',
      '2025-02-01 overage textspot-1000 $5.00',
      '2025-02-01 overage textspot-2000 $20.00',
      '2025-02-01 subscription textspot-2000 $99.00',
    ]);
    conserved(l);
  });

  it('rollover: monthly credits are kept "until the end of the following month", then expire', () => {
    const l = run(
      [
        { type: 'subscribe', date: '2025-01-01', plan: 'textspot-500' },
        { type: 'send', date: '2025-01-15', credits: 200 }, // 300 unused roll into February
        { type: 'send', date: '2025-02-03', credits: 100 }, // taken from the rollover first
      ],
      '2025-03-01',
    );
    const [jan, feb, mar] = l.cycles;
    assert.deepEqual([jan!.rolledOver, jan!.expired], [300, 0]);
    assert.deepEqual([feb!.rolledIn, feb!.used, feb!.expired, feb!.rolledOver], [300, 100, 200, 500]);
    assert.equal(mar!.rolledIn, 500);
    assert.deepEqual(
      l.buckets.map((b) => [b.origin, b.grantedInCycle, b.expiresAfterCycle, b.credits]),
      [['rollover', 1, 2, 500], ['plan', 2, 2, 500]],
    );
    conserved(l);
  });

  it('yearly plans do not roll over unless configured (the document says "On monthly plans")', () => {
    const plans = { y: { period: 'yearly', credits: 6000, price: '300' } } as Record<string, PlanConfig>;
    const l = run([{ type: 'subscribe', date: '2024-02-29', plan: 'y' }, { type: 'send', date: '2024-03-01', credits: 1000 }], '2025-02-28', plans);
    assert.deepEqual([l.cycles[0]!.end, l.cycles[0]!.expired, l.cycles[0]!.rolledOver], ['2025-02-28', 5000, 0]);
  });

  it('downgrade: "The 7,000 credits do not roll over" ($229/7,500 → $29/500)', () => {
    const l = run(
      [
        { type: 'subscribe', date: '2025-01-01', plan: 'textspot-7500' },
        { type: 'send', date: '2025-01-05', credits: 500 },
        { type: 'downgrade', date: '2025-01-10', plan: 'textspot-500' },
      ],
      '2025-02-01',
    );
    assert.deepEqual([l.cycles[0]!.forfeited, l.cycles[0]!.rolledOver], [7000, 0]);
    assert.deepEqual(charges(l), ['2025-01-01 subscription textspot-7500 $229.00', '2025-02-01 subscription textspot-500 $29.00']);
    assert.equal(available(l), 500);
    assert.equal(l.plan!.id, 'textspot-500');
    conserved(l);
  });

  it('the downgraded plan keeps its credits until the cycle ends', () => {
    const l = run([
      { type: 'subscribe', date: '2025-01-01', plan: 'textspot-7500' },
      { type: 'downgrade', date: '2025-01-10', plan: 'textspot-500' },
      { type: 'send', date: '2025-01-20', credits: 5000 },
    ]);
    assert.deepEqual([available(l), l.plan!.id, l.pendingDowngrade!.id], [2500, 'textspot-7500', 'textspot-500']);
  });

  it('pause: "freeze it in time", and on resume the balance and days left "start exactly where they were"', () => {
    const l = run([
      { type: 'subscribe', date: '2025-01-01', plan: 'textspot-500' }, // cycle ends 2025-02-01
      { type: 'send', date: '2025-01-10', credits: 100 },
      { type: 'pause', date: '2025-01-21' }, // 11 days left
    ]);
    assert.deepEqual(l.pause, { since: '2025-01-21', daysLeft: 11 });
    const later = runLedger([], { from: l, until: '2025-06-30' });
    assert.ok(later.ok);
    assert.deepEqual([available(later.value), later.value.charges.length, later.value.cycles.length], [400, 1, 1]);
    const sent = runLedger([{ type: 'send', date: '2025-07-01', credits: 1 }], { from: later.value });
    assert.ok(!sent.ok && sent.error.code === 'paused');
    const r = runLedger([{ type: 'resume', date: '2025-07-01' }], { from: later.value, until: '2025-08-12' });
    assert.ok(r.ok);
    const [first, second, third] = r.value.cycles;
    assert.deepEqual([first!.end, first!.pausedDays, first!.rolledOver], ['2025-07-12', 161, 400]);
    assert.deepEqual([second!.start, second!.end], ['2025-07-12', '2025-08-12']);
    assert.equal(third!.start, '2025-08-12');
    conserved(r.value);
  });

  it('billing dates keep the anniversary day, clamped in short months', () => {
    const l = run([{ type: 'subscribe', date: '2025-01-31', plan: 'textspot-500' }], '2025-04-30');
    assert.deepEqual(l.cycles.map((c) => c.start), ['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30']);
  });

  it('refuses impossible histories with the event that broke them', () => {
    const cases: [LedgerEvent[], string, string][] = [
      [[{ type: 'send', date: '2025-01-01', credits: 1 }], 'not-subscribed', 'events.0'],
      [[{ type: 'subscribe', date: '2025-01-05', plan: 'textspot-500' }, { type: 'send', date: '2025-01-04', credits: 1 }], 'out-of-order', 'events.1.date'],
      [[{ type: 'subscribe', date: '2025-01-05', plan: 'textspot-2000' }, { type: 'upgrade', date: '2025-01-06', plan: 'textspot-500' }], 'not-an-upgrade', 'events.1'],
      [[{ type: 'subscribe', date: '2025-01-05', plan: 'textspot-500' }, { type: 'downgrade', date: '2025-01-06', plan: 'textspot-2000' }], 'not-a-downgrade', 'events.1'],
      [[{ type: 'subscribe', date: '2025-01-05', plan: 'textspot-500' }, { type: 'subscribe', date: '2025-01-06', plan: 'textspot-500' }], 'already-subscribed', 'events.1'],
      [[{ type: 'subscribe', date: '2025-01-05', plan: 'textspot-500' }, { type: 'resume', date: '2025-01-06' }], 'not-paused', 'events.1'],
      [[{ type: 'subscribe', date: '2025-02-30', plan: 'textspot-500' }], 'invalid-event', 'events.0.date'],
      [[{ type: 'subscribe', date: '2025-01-05', plan: 'gold' }], 'unknown-plan', 'events.0'],
      [[{ type: 'subscribe', date: '2025-01-05', plan: 'textspot-500' }, { type: 'send', date: '2025-01-06', credits: -3 }], 'invalid-event', 'events.1.credits'],
    ];
    for (const [events, code, path] of cases) {
      const r = runLedger(events, { plans: PLANS });
      assert.ok(!r.ok, JSON.stringify(events));
      assert.deepEqual([r.error.code, r.error.path], [code, path], r.error.message);
    }
    const yearly = runLedger(
      [{ type: 'subscribe', date: '2025-01-05', plan: 'textspot-500' }, { type: 'upgrade', date: '2025-01-06', plan: 'y' }],
      { plans: { y: { period: 'yearly', credits: 9000 } } },
    );
    assert.ok(!yearly.ok && yearly.error.code === 'period-mismatch');
  });
});

describe('pricing: forecast and plan impact', () => {
  it('forecasts charges, overage and rollover per cycle', () => {
    const f = forecast({ plan: 'textspot-1000', start: '2025-01-01', schedule: [[400, 300], 1500, 0], plans: PLANS });
    assert.ok(f.ok, f.ok ? '' : f.error.message);
    const rows = f.value.cycles.map((c) => [c.start, c.sent, c.rolledIn, c.overage, c.expired, c.rolledOver, money(c.charged)]);
    assert.deepEqual(rows, [
      ['2025-01-01', 700, 0, 0, 0, 300, '$59.00'],
      ['2025-02-01', 1500, 300, 200, 0, 0, '$69.00'],
      ['2025-03-01', 0, 0, 0, 0, 1000, '$59.00'],
    ]);
    assert.equal(money(f.value.charged), '$187.00');
    assert.ok(f.value.complete);
  });

  it('says when a forecast total is incomplete because a price is unknown', () => {
    const f = forecast({ plan: 'textspot-500', start: '2025-01-01', schedule: [600] });
    assert.ok(f.ok);
    assert.equal(f.value.complete, false);
    assert.equal(money(f.value.charged), '$29.00');
  });

  it('hover: "within your plan" or "N overage credits at $0.05"', () => {
    const pos = positionFor({ id: 'textspot-1000', used: 653 });
    assert.ok(pos.ok);
    const within = planImpact(pos.value, 300);
    assert.ok(within.ok);
    assert.equal(within.value.message, 'within your plan (47 of 347 credits left)');
    const over = planImpact(pos.value, 1653);
    assert.ok(over.ok);
    assert.equal(over.value.message, '347 credits from your plan, 1,306 overage credits at $0.05 = $65.30');
    const none = planImpact({ plan: pos.value.plan, available: 0 }, 1);
    assert.ok(none.ok && none.value.message === '1 overage credit at $0.05 = $0.05');
    const unknown = planImpact({ plan: resolvePlanOk('textspot-500'), available: 0 }, 10);
    assert.ok(unknown.ok && unknown.value.kind === 'overage' && unknown.value.charge === null);
    assert.match(unknown.value.message, /unknown/);
  });

  it('the hover position follows the ledger, rollover included', () => {
    const l = run([{ type: 'subscribe', date: '2025-01-01', plan: 'textspot-500' }, { type: 'send', date: '2025-01-02', credits: 100 }], '2025-02-01');
    const pos = positionOf(l);
    assert.ok(pos.ok && pos.value.available === 900);
  });
});

function resolvePlanOk(id: string) {
  const r = resolvePlan(id);
  assert.ok(r.ok);
  return r.value;
}
