// The plan ledger: dated events in, balances by origin and expiry, overage and charges per cycle
// out. Each rule is from textspot-overage-rollover-pause.txt; docs/pricing.md maps rule to test.
import { addMonths, type Day, type IsoDate, isoDate, parseIsoDate } from './dates';
import { addMicros, formatCredits, formatMoney, type Micros, mulMicros, subMicros, ZERO } from './money';
import { type Plan, type PlanConfig, resolvePlan } from './plans';
import { fail, ok, type Result } from './result';

export type LedgerEvent =
  | { readonly type: 'subscribe'; readonly date: IsoDate; readonly plan: string }
  | { readonly type: 'send'; readonly date: IsoDate; readonly credits: number; readonly label?: string }
  | { readonly type: 'upgrade'; readonly date: IsoDate; readonly plan: string }
  | { readonly type: 'downgrade'; readonly date: IsoDate; readonly plan: string }
  | { readonly type: 'pause'; readonly date: IsoDate }
  | { readonly type: 'resume'; readonly date: IsoDate };

export type CreditOrigin = 'plan' | 'upgrade' | 'rollover';

/** Credits of one origin that expire together, at the end of cycle `expiresAfterCycle`. */
export interface CreditBucket {
  readonly origin: CreditOrigin;
  readonly grantedInCycle: number;
  readonly expiresAfterCycle: number;
  readonly credits: number;
}

/** Credits used beyond the balance, billed at the end of the cycle at the rate of the plan they were used on. */
export interface OverageLine {
  readonly plan: string;
  readonly rate: Micros | null;
  readonly credits: number;
}

export type ChargeKind = 'subscription' | 'upgrade' | 'overage';

export interface Charge {
  readonly date: IsoDate;
  readonly cycle: number;
  readonly kind: ChargeKind;
  readonly plan: string;
  /** Credits this charge pays for (overage credits, or credits added by an upgrade). */
  readonly credits: number;
  /** Null when a price or rate it needs is unknown (see `note`). */
  readonly amount: Micros | null;
  readonly note: string;
}

export interface CycleReport {
  readonly index: number;
  /** Plan in force at the end of the cycle (or now, while it is open). */
  readonly plan: string;
  readonly start: IsoDate;
  /** Actual end once closed; the scheduled end while open; null while paused (it moves). */
  readonly end: IsoDate | null;
  readonly closed: boolean;
  readonly rolledIn: number;
  /** Plan credits at the start plus credits added by upgrades. */
  readonly granted: number;
  readonly used: number;
  readonly overage: number;
  /** Rolled-in credits that reached their expiry at this cycle's end unused. */
  readonly expired: number;
  /** Credits that would have rolled over but did not because of a downgrade. */
  readonly forfeited: number;
  readonly rolledOver: number;
  readonly pausedDays: number;
  readonly charges: readonly Charge[];
}

export interface LedgerTotals {
  readonly granted: number;
  readonly used: number;
  readonly overage: number;
  readonly expired: number;
  readonly forfeited: number;
  readonly remaining: number;
  /** Sum of the charges whose amount is known. */
  readonly charged: Micros;
  /** Charges whose amount is unknown (a price or rate not in the documents or config). */
  readonly unknownCharges: number;
}

export interface Ledger {
  readonly status: 'none' | 'active' | 'paused';
  /** Date of the last event or advance. */
  readonly date: IsoDate | null;
  readonly plan: Plan | null;
  /** A downgrade takes effect at the end of the current cycle. */
  readonly pendingDowngrade: Plan | null;
  readonly pause: { readonly since: IsoDate; readonly daysLeft: number } | null;
  readonly buckets: readonly CreditBucket[];
  /** Overage used this cycle, not yet billed. */
  readonly overage: readonly OverageLine[];
  readonly cycles: readonly CycleReport[];
  readonly charges: readonly Charge[];
  readonly totals: LedgerTotals;
  /** Billing dates are addMonths(anchor, periodsFromAnchor·period); a resume moves the anchor. */
  readonly anchorDay: Day;
  readonly periodsFromAnchor: number;
  readonly cycleEndDay: Day;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Draft = Mutable<Omit<Ledger, 'buckets' | 'overage' | 'cycles' | 'charges' | 'totals'>> & {
  buckets: Mutable<CreditBucket>[];
  overage: Mutable<OverageLine>[];
  cycles: (Mutable<Omit<CycleReport, 'charges'>> & { charges: Charge[] })[];
  charges: Charge[];
  totals: Mutable<LedgerTotals>;
};

export function emptyLedger(): Ledger {
  return {
    status: 'none',
    date: null,
    plan: null,
    pendingDowngrade: null,
    pause: null,
    buckets: [],
    overage: [],
    cycles: [],
    charges: [],
    totals: { granted: 0, used: 0, overage: 0, expired: 0, forfeited: 0, remaining: 0, charged: ZERO, unknownCharges: 0 },
    anchorDay: 0,
    periodsFromAnchor: 0,
    cycleEndDay: 0,
  };
}

/** Credits the account can still use without overage. */
export function available(ledger: Ledger): number {
  return ledger.buckets.reduce((s, b) => s + b.credits, 0);
}

function clone(l: Ledger): Draft {
  return {
    ...l,
    buckets: l.buckets.map((b) => ({ ...b })),
    overage: l.overage.map((o) => ({ ...o })),
    cycles: l.cycles.map((c) => ({ ...c, charges: [...c.charges] })),
    charges: [...l.charges],
    totals: { ...l.totals },
  } as Draft;
}

function periodMonths(plan: Plan): number {
  return plan.period === 'monthly' ? 1 : 12;
}

function current(d: Draft): Draft['cycles'][number] {
  return d.cycles[d.cycles.length - 1]!;
}

function charge(d: Draft, c: Charge): Result<void> {
  d.charges.push(c);
  current(d).charges.push(c);
  if (c.amount === null) {
    d.totals.unknownCharges += 1;
    return ok(undefined);
  }
  const s = addMicros(d.totals.charged, c.amount, 'The total charged');
  if (!s.ok) return s;
  d.totals.charged = s.value;
  return ok(undefined);
}

function grant(d: Draft, origin: CreditOrigin, credits: number, cycle: number): void {
  if (credits > 0) d.buckets.push({ origin, grantedInCycle: cycle, expiresAfterCycle: cycle, credits });
  current(d).granted += credits;
  d.totals.granted += credits;
  d.totals.remaining += credits;
}

function openCycle(d: Draft, index: number, start: Day, rolledIn: number): void {
  d.cycles.push({
    index, plan: d.plan!.id, start: isoDate(start), end: isoDate(d.cycleEndDay), closed: false,
    rolledIn, granted: 0, used: 0, overage: 0, expired: 0, forfeited: 0, rolledOver: 0, pausedDays: 0, charges: [],
  });
}

function subscriptionCharge(d: Draft, day: Day, index: number): Result<void> {
  const plan = d.plan!;
  return charge(d, {
    date: isoDate(day), cycle: index, kind: 'subscription', plan: plan.id, credits: plan.credits, amount: plan.price,
    note: plan.price === null
      ? `${plan.label}: price unknown (set plans.${plan.id}.price)`
      : `${plan.label}: ${formatMoney(plan.price)} for ${formatCredits(plan.credits)}`,
  });
}

/** Closes the current cycle at its end date: bills overage, expires, rolls over or forfeits, renews. */
function renew(d: Draft): Result<void> {
  const cyc = current(d);
  const end = d.cycleEndDay;
  const index = cyc.index;
  for (const line of d.overage) {
    const amount = line.rate === null ? null : mulMicros(line.rate, line.credits, 'The overage charge');
    if (amount !== null && !amount.ok) return amount;
    const c = charge(d, {
      date: isoDate(end), cycle: index, kind: 'overage', plan: line.plan, credits: line.credits,
      amount: amount === null ? null : amount.value,
      note: line.rate === null
        ? `${formatCredits(line.credits)} over the allowance; overage rate unknown (set plans.${line.plan}.overageRate)`
        : `${formatCredits(line.credits)} over the allowance at ${formatMoney(line.rate)} (${line.plan} rate)`,
    });
    if (!c.ok) return c;
  }
  d.overage = [];
  const downgrade = d.pendingDowngrade;
  const plan = d.plan!;
  const kept: Mutable<CreditBucket>[] = [];
  let rolled = 0;
  for (const b of d.buckets) {
    if (b.expiresAfterCycle > index) {
      kept.push(b);
    } else if (b.origin === 'rollover' || !plan.rollsOver) {
      cyc.expired += b.credits;
      d.totals.expired += b.credits;
      d.totals.remaining -= b.credits;
    } else if (downgrade) {
      // "credits do not roll over if you decide to downgrade your plan"
      cyc.forfeited += b.credits;
      d.totals.forfeited += b.credits;
      d.totals.remaining -= b.credits;
    } else {
      // "keep the credits you don't use until the end of the following month"
      kept.push({ origin: 'rollover', grantedInCycle: b.grantedInCycle, expiresAfterCycle: index + 1, credits: b.credits });
      rolled += b.credits;
    }
  }
  d.buckets = kept;
  cyc.rolledOver = rolled;
  cyc.end = isoDate(end);
  cyc.closed = true;
  if (downgrade) {
    if (downgrade.period !== plan.period) {
      d.anchorDay = end;
      d.periodsFromAnchor = 0;
    }
    d.plan = downgrade;
    d.pendingDowngrade = null;
  }
  d.periodsFromAnchor += 1;
  d.cycleEndDay = addMonths(d.anchorDay, d.periodsFromAnchor * periodMonths(d.plan!));
  openCycle(d, index + 1, end, rolled);
  const s = subscriptionCharge(d, end, index + 1);
  if (!s.ok) return s;
  grant(d, 'plan', d.plan!.credits, index + 1);
  return ok(undefined);
}

function advanceDraft(d: Draft, to: Day): Result<void> {
  while (d.status === 'active' && d.cycleEndDay <= to) {
    const r = renew(d);
    if (!r.ok) return r;
  }
  d.date = isoDate(to);
  return ok(undefined);
}

/** Processes the renewals due up to `date` (inclusive: a cycle ending on `date` is closed). */
export function advanceLedger(ledger: Ledger, date: IsoDate): Result<Ledger> {
  const day = parseIsoDate(date);
  if (day === null) return fail('invalid-event', `"${String(date)}" is not a date like 2025-01-31.`, 'date');
  const last = ledger.date === null ? null : parseIsoDate(ledger.date);
  if (last !== null && day < last) return fail('out-of-order', `${date} is before the ledger's last date ${ledger.date}.`, 'date');
  const d = clone(ledger);
  const r = advanceDraft(d, day);
  return r.ok ? ok(d) : r;
}

function lookup(id: unknown, plans: Readonly<Record<string, PlanConfig>>): Result<Plan> {
  if (typeof id !== 'string') return fail('invalid-event', 'The event needs a plan id.', 'plan');
  return resolvePlan(id, plans);
}

function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

/** Applies one event (after the renewals due by its date). Never throws; the input is not modified. */
export function applyEvent(ledger: Ledger, event: LedgerEvent, plans: Readonly<Record<string, PlanConfig>> = {}): Result<Ledger> {
  if (typeof event !== 'object' || event === null) return fail('invalid-event', 'An event must be an object with a type and a date.');
  const advanced = advanceLedger(ledger, event.date);
  if (!advanced.ok) return advanced;
  const d = clone(advanced.value);
  const day = parseIsoDate(event.date)!;
  const r = apply(d, event, day, plans);
  return r.ok ? ok(d) : r;
}

function apply(d: Draft, e: LedgerEvent, day: Day, plans: Readonly<Record<string, PlanConfig>>): Result<void> {
  if (e.type === 'subscribe') {
    if (d.status !== 'none') return fail('already-subscribed', `Already subscribed to ${d.plan!.id}; use upgrade or downgrade.`);
    const plan = lookup(e.plan, plans);
    if (!plan.ok) return plan;
    d.plan = plan.value;
    d.status = 'active';
    d.anchorDay = day;
    d.periodsFromAnchor = 1;
    d.cycleEndDay = addMonths(day, periodMonths(plan.value));
    openCycle(d, 0, day, 0);
    const s = subscriptionCharge(d, day, 0);
    if (!s.ok) return s;
    grant(d, 'plan', plan.value.credits, 0);
    return ok(undefined);
  }
  if (d.status === 'none') return fail('not-subscribed', `A ${e.type} before any subscribe: start with { type: "subscribe" }.`);
  const plan = d.plan!;
  const cyc = current(d);
  switch (e.type) {
    case 'send': {
      if (!isCount(e.credits)) return fail('invalid-event', `Credits sent must be a whole number of at least 0, got ${JSON.stringify(e.credits)}.`, 'credits');
      if (d.status === 'paused') return fail('paused', `The account is paused since ${d.pause!.since}: nothing is sent until it resumes.`);
      let need = e.credits;
      // Rollover first: it lapses at this cycle's end, while this cycle's own credits would roll on.
      const rank = (b: CreditBucket) => (b.origin === 'rollover' ? 0 : 1);
      const order = [...d.buckets].sort((a, b) => a.expiresAfterCycle - b.expiresAfterCycle || rank(a) - rank(b));
      for (const b of order) {
        const take = Math.min(b.credits, need);
        b.credits -= take;
        need -= take;
        if (need === 0) break;
      }
      d.buckets = d.buckets.filter((b) => b.credits > 0);
      const used = e.credits - need;
      cyc.used += used;
      d.totals.used += used;
      d.totals.remaining -= used;
      if (need > 0) {
        cyc.overage += need;
        d.totals.overage += need;
        const last = d.overage[d.overage.length - 1];
        if (last && last.plan === plan.id) last.credits += need;
        else d.overage.push({ plan: plan.id, rate: plan.overageRate, credits: need });
      }
      return ok(undefined);
    }
    case 'upgrade': {
      if (d.status === 'paused') return fail('paused', 'Resume the account before upgrading: a paused cycle has no days running to upgrade.');
      const to = lookup(e.plan, plans);
      if (!to.ok) return to;
      const next = to.value;
      if (next.period !== plan.period) {
        return fail('period-mismatch', `An upgrade keeps the billing date, so it needs a plan of the same period (${plan.id} is ${plan.period}, ${next.id} is ${next.period}).`);
      }
      if (next.credits <= plan.credits) return fail('not-an-upgrade', `${next.id} (${formatCredits(next.credits)}) has no more credits than ${plan.id} (${formatCredits(plan.credits)}): use downgrade.`);
      if (next.price !== null && plan.price !== null && next.price < plan.price) {
        return fail('not-an-upgrade', `${next.id} costs less than ${plan.id}: an upgrade pays the price difference, which cannot be negative.`);
      }
      // "only pay the difference between the two. You will then receive the difference in credits (your billing date will remain the same)"
      const diff = next.price !== null && plan.price !== null ? subMicros(next.price, plan.price) : null;
      if (diff !== null && !diff.ok) return diff;
      const credits = next.credits - plan.credits;
      const c = charge(d, {
        date: e.date, cycle: cyc.index, kind: 'upgrade', plan: next.id, credits, amount: diff === null ? null : diff.value,
        note: diff === null
          ? `upgrade ${plan.id} → ${next.id}: price difference unknown (set both plans' price)`
          : `upgrade ${plan.id} → ${next.id}: ${formatMoney(diff.value)} difference for ${formatCredits(credits)}`,
      });
      if (!c.ok) return c;
      grant(d, 'upgrade', credits, cyc.index);
      // Overage lines keep the rate they were incurred at: "you will still have to pay your overage charge at the price per credit determined by your original plan".
      d.plan = next;
      d.pendingDowngrade = null;
      cyc.plan = next.id;
      return ok(undefined);
    }
    case 'downgrade': {
      const to = lookup(e.plan, plans);
      if (!to.ok) return to;
      if (to.value.credits >= plan.credits) return fail('not-a-downgrade', `${to.value.id} (${formatCredits(to.value.credits)}) has no fewer credits than ${plan.id}: use upgrade.`);
      d.pendingDowngrade = to.value;
      return ok(undefined);
    }
    case 'pause': {
      if (d.status === 'paused') return fail('paused', `The account is already paused since ${d.pause!.since}.`);
      // "your account will pause with the balance remaining exactly where it is"
      d.status = 'paused';
      d.pause = { since: e.date, daysLeft: d.cycleEndDay - day };
      cyc.end = null;
      return ok(undefined);
    }
    case 'resume': {
      if (d.status !== 'paused') return fail('not-paused', 'Resume without a pause.');
      // "the credit balance and the days remaining on the billing cycle will start exactly where they were the day you paused"
      const since = parseIsoDate(d.pause!.since)!;
      cyc.pausedDays += day - since;
      d.cycleEndDay = day + d.pause!.daysLeft;
      d.anchorDay = d.cycleEndDay;
      d.periodsFromAnchor = 0;
      d.pause = null;
      d.status = 'active';
      cyc.end = isoDate(d.cycleEndDay);
      return ok(undefined);
    }
    default:
      return fail('invalid-event', `Unknown event type ${JSON.stringify((e as { type?: unknown }).type)}.`, 'type');
  }
}

export interface RunOptions {
  /** Plans from config, merged over the catalogue. */
  readonly plans?: Readonly<Record<string, PlanConfig>>;
  /** Process renewals up to this date after the last event. */
  readonly until?: IsoDate;
  /** Continue from this ledger instead of an empty one. */
  readonly from?: Ledger;
}

/** Runs events in date order (same-day events in the order given). Errors name the event: `events.3`. */
export function runLedger(events: readonly LedgerEvent[], options: RunOptions = {}): Result<Ledger> {
  if (!Array.isArray(events)) return fail('invalid-event', 'Events must be a list.');
  let ledger = options.from ?? emptyLedger();
  for (const [i, e] of events.entries()) {
    const r = applyEvent(ledger, e, options.plans ?? {});
    if (!r.ok) return { ok: false, error: { ...r.error, path: r.error.path ? `events.${i}.${r.error.path}` : `events.${i}` } };
    ledger = r.value;
  }
  if (options.until !== undefined) {
    const r = advanceLedger(ledger, options.until);
    if (!r.ok) return { ok: false, error: { ...r.error, path: 'until' } };
    ledger = r.value;
  }
  return ok(ledger);
}
