// Forecasts over the ledger (the CLI's `budget`), and the one-line plan impact a hover shows.
import { type IsoDate, isoDate } from './dates';
import { advanceLedger, applyEvent, available, type Charge, type Ledger, runLedger } from './ledger';
import { addMicros, formatCredits, formatMoney, type Micros, mulMicros, ZERO } from './money';
import { type Plan, type PlanConfig, type PlanSpec, resolvePlanSpec } from './plans';
import { fail, ok, type Result } from './result';

/** Credits sent in one cycle: a total, or one figure per campaign. */
export type CycleSends = number | readonly number[];

export interface ForecastInput {
  /** Plan id (catalogue or config `plans`). */
  readonly plan: string;
  /** First billing date. */
  readonly start: IsoDate;
  /** Credits sent in each consecutive cycle, from the first. */
  readonly schedule: readonly CycleSends[];
  readonly plans?: Readonly<Record<string, PlanConfig>>;
}

export interface ForecastCycle {
  readonly index: number;
  readonly plan: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly rolledIn: number;
  readonly granted: number;
  readonly sent: number;
  readonly overage: number;
  readonly expired: number;
  readonly forfeited: number;
  readonly rolledOver: number;
  /** Everything billed for this cycle: its subscription, upgrades, and its overage (billed at its end). */
  readonly charges: readonly Charge[];
  /** Sum of the known charges; `complete` is false when some amount is unknown. */
  readonly charged: Micros;
  readonly complete: boolean;
}

export interface Forecast {
  readonly cycles: readonly ForecastCycle[];
  readonly charged: Micros;
  readonly complete: boolean;
  /** The ledger after the last forecast cycle closed. */
  readonly ledger: Ledger;
}

/** Subscribes to `plan` on `start` and sends the schedule, one cycle after another. */
export function forecast(input: ForecastInput): Result<Forecast> {
  if (typeof input !== 'object' || input === null) return fail('invalid-input', 'A forecast needs a plan, a start date and a schedule.');
  const sub = runLedger([{ type: 'subscribe', date: input.start, plan: input.plan }], { plans: input.plans ?? {} });
  if (!sub.ok) return fail(sub.error.code, sub.error.message, sub.error.path?.replace(/^events\.0\.?/, '') || 'start');
  return forecastFrom(sub.value, input.schedule, input.plans ?? {});
}

/**
 * Continues an active ledger: `schedule[0]` is sent in the current cycle (on the ledger's date),
 * each later entry on the first day of the following cycle; every forecast cycle is then closed.
 */
export function forecastFrom(ledger: Ledger, schedule: readonly CycleSends[], plans: Readonly<Record<string, PlanConfig>> = {}): Result<Forecast> {
  if (ledger.status !== 'active') {
    return fail(ledger.status === 'paused' ? 'paused' : 'not-subscribed', ledger.status === 'paused' ? 'The account is paused: resume it to forecast.' : 'Subscribe to a plan to forecast.');
  }
  if (!Array.isArray(schedule)) return fail('invalid-input', 'The schedule must be a list of credits per cycle.', 'schedule');
  let l = ledger;
  const first = l.cycles[l.cycles.length - 1]!.index;
  const sentPer: number[] = [];
  for (const [i, entry] of schedule.entries()) {
    const sends = typeof entry === 'number' ? [entry] : entry;
    if (!Array.isArray(sends)) return fail('invalid-input', 'Each cycle is a number of credits or a list of them.', `schedule.${i}`);
    if (i > 0) {
      const r = advanceLedger(l, isoDate(l.cycleEndDay));
      if (!r.ok) return r;
      l = r.value;
    }
    let sent = 0;
    for (const [j, credits] of sends.entries()) {
      const r = applyEvent(l, { type: 'send', date: l.date!, credits }, plans);
      if (!r.ok) return fail(r.error.code, r.error.message, `schedule.${i}${typeof entry === 'number' ? '' : `.${j}`}`);
      l = r.value;
      sent += credits;
    }
    sentPer.push(sent);
  }
  const closed = advanceLedger(l, isoDate(l.cycleEndDay));
  if (!closed.ok) return closed;
  l = closed.value;
  const cycles: ForecastCycle[] = [];
  let total = ZERO;
  let complete = true;
  for (const [i, sent] of sentPer.entries()) {
    const c = l.cycles.find((x) => x.index === first + i)!;
    let charged = ZERO;
    let known = true;
    for (const ch of c.charges) {
      if (ch.amount === null) known = false;
      else {
        const s = addMicros(charged, ch.amount, 'The cycle total');
        if (!s.ok) return s;
        charged = s.value;
      }
    }
    const t = addMicros(total, charged, 'The forecast total');
    if (!t.ok) return t;
    total = t.value;
    complete &&= known;
    cycles.push({
      index: c.index, plan: c.plan, start: c.start, end: c.end!, rolledIn: c.rolledIn, granted: c.granted, sent,
      overage: c.overage, expired: c.expired, forfeited: c.forfeited, rolledOver: c.rolledOver,
      charges: c.charges, charged, complete: known,
    });
  }
  return ok({ cycles, charged: total, complete, ledger: l });
}

/** Where an account stands for a hover: its plan and the credits it can still use without overage. */
export interface PlanPosition {
  readonly plan: Plan;
  readonly available: number;
}

export function positionOf(ledger: Ledger): Result<PlanPosition> {
  if (ledger.plan === null) return fail('not-subscribed', 'No plan yet.');
  return ok({ plan: ledger.plan, available: available(ledger) });
}

/** A position from config alone: the plan's allowance plus rollover, less what the cycle used so far. */
export function positionFor(spec: PlanSpec, plans: Readonly<Record<string, PlanConfig>> = {}): Result<PlanPosition> {
  const r = resolvePlanSpec(spec, plans);
  if (!r.ok) return r;
  const { plan, used, rollover } = r.value;
  return ok({ plan, available: Math.max(0, plan.credits + rollover - used) });
}

export type PlanImpact =
  | { readonly kind: 'within'; readonly credits: number; readonly available: number; readonly left: number; readonly message: string }
  | {
      readonly kind: 'overage';
      readonly credits: number;
      readonly fromPlan: number;
      readonly overageCredits: number;
      readonly rate: Micros | null;
      /** Null when the plan's overage rate is unknown. */
      readonly charge: Micros | null;
      readonly message: string;
    };

/** "within your plan (1,347 of 2,000 credits left)" or "347 overage credits at $0.05 = $17.35". */
export function planImpact(position: PlanPosition, credits: number): Result<PlanImpact> {
  if (!Number.isSafeInteger(credits) || credits < 0) return fail('invalid-input', `Credits must be a whole number of at least 0, got ${JSON.stringify(credits)}.`, 'credits');
  const avail = position.available;
  if (credits <= avail) {
    const left = avail - credits;
    return ok({ kind: 'within', credits, available: avail, left, message: `within your plan (${groupedCredits(left, avail)} left)` });
  }
  const over = credits - avail;
  const rate = position.plan.overageRate;
  const amount = rate === null ? null : mulMicros(rate, over, 'The overage charge');
  if (amount !== null && !amount.ok) return amount;
  const charge = amount === null ? null : amount.value;
  const prefix = avail > 0 ? `${formatCredits(avail)} from your plan, ` : '';
  const overText = `${formatCredits(over).replace(/credits?$/, over === 1 ? 'overage credit' : 'overage credits')}`;
  const message =
    rate === null
      ? `${prefix}${overText} at ${position.plan.id}'s overage rate (unknown: set plans.${position.plan.id}.overageRate)`
      : `${prefix}${overText} at ${formatMoney(rate)} = ${formatMoney(charge!)}`;
  return ok({ kind: 'overage', credits, fromPlan: avail, overageCredits: over, rate, charge, message });
}

function groupedCredits(left: number, of: number): string {
  return `${formatCredits(left).replace(/ credits?$/, '')} of ${formatCredits(of)}`;
}
