// Credit plans (TextSpot): a price per period, included credits and an overage rate per credit.
// The catalogue holds only what the provider documents state; the rest is null ("unknown") until
// the user's config supplies it.
import { type Micros, type MoneyInput, parseMoney } from './money';
import { fail, ok, type Result } from './result';

export type PlanPeriod = 'monthly' | 'yearly';

/** A plan as written in config (`plans.<id>`); an entry named like a catalogue plan refines it. */
export interface PlanConfig {
  /** Name shown in reports. */
  label?: string;
  /** Billing period. */
  period?: PlanPeriod;
  /** Credits included each period. */
  credits?: number;
  /** Price per period in dollars; null or absent when unknown. */
  price?: MoneyInput | null;
  /** Dollars per credit used beyond the allowance; null or absent when unknown. */
  overageRate?: MoneyInput | null;
  /** Unused credits carry into the next period and expire at its end (default: monthly plans only). */
  rollover?: boolean;
}

export interface Plan {
  readonly id: string;
  readonly label: string;
  readonly period: PlanPeriod;
  readonly credits: number;
  /** Null when neither the documents nor the config give it: charges that need it are reported as unknown. */
  readonly price: Micros | null;
  readonly overageRate: Micros | null;
  readonly rollover: boolean;
}

/**
 * textspot-overage-rollover-pause.txt: "the $229/month, 7,500 credit plan", "the $29/month 500
 * credit plan", "$0.05 per overage credit" on "the 1,000 credit plan", "$0.04 per overage credit
 * on the 2,000 credit plan". Prices of the 1,000 and 2,000 plans and overage on the 500 and
 * 7,500 plans are not stated: null. The 1,000 and 2,000 plans' period is not stated either;
 * they are catalogued as monthly, which config can change.
 */
export const TEXTSPOT_PLANS: Readonly<Record<string, PlanConfig>> = {
  'textspot-500': { label: 'TextSpot 500 credits/month', period: 'monthly', credits: 500, price: '29', overageRate: null },
  'textspot-1000': { label: 'TextSpot 1,000 credits', period: 'monthly', credits: 1000, price: null, overageRate: '0.05' },
  'textspot-2000': { label: 'TextSpot 2,000 credits', period: 'monthly', credits: 2000, price: null, overageRate: '0.04' },
  'textspot-7500': { label: 'TextSpot 7,500 credits/month', period: 'monthly', credits: 7500, price: '229', overageRate: null },
};

const KEYS = new Set(['label', 'period', 'credits', 'price', 'overageRate', 'rollover']);

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The plan `id` from config `plans` (merged over a catalogue entry of the same id) or the catalogue. */
export function resolvePlan(id: string, custom: Readonly<Record<string, PlanConfig>> = {}): Result<Plan> {
  if (typeof id !== 'string' || id === '') return fail('unknown-plan', 'A plan id is required.');
  if (!isRecord(custom)) return fail('invalid-plan', 'Plans must be an object keyed by plan id.');
  const own: unknown = Object.prototype.hasOwnProperty.call(custom, id) ? custom[id] : undefined;
  const base = TEXTSPOT_PLANS[id];
  if (own === undefined && base === undefined) {
    const known = [...Object.keys(TEXTSPOT_PLANS), ...Object.keys(custom)];
    return fail('unknown-plan', `No plan named "${id}" (known: ${known.join(', ')}).`);
  }
  const path = `plans.${id}`;
  if (own !== undefined && !isRecord(own)) return fail('invalid-plan', `Plan "${id}" must be an object.`, path);
  for (const k of Object.keys(own ?? {})) {
    if (!KEYS.has(k)) return fail('invalid-plan', `Unknown plan key "${k}" in "${id}".`, `${path}.${k}`);
  }
  const c: Record<string, unknown> = { ...base, ...(own ?? {}) };
  if (c.period !== 'monthly' && c.period !== 'yearly') return fail('invalid-plan', `Plan "${id}" needs "period": "monthly" or "yearly".`, `${path}.period`);
  if (typeof c.credits !== 'number' || !Number.isSafeInteger(c.credits) || c.credits < 0) {
    return fail('invalid-plan', `Plan "${id}" needs "credits": a whole number of at least 0.`, `${path}.credits`);
  }
  const price = optionalMoney(c.price, `${path}.price`);
  if (!price.ok) return price;
  const overageRate = optionalMoney(c.overageRate, `${path}.overageRate`);
  if (!overageRate.ok) return overageRate;
  if (c.rollover !== undefined && typeof c.rollover !== 'boolean') return fail('invalid-plan', '"rollover" must be true or false.', `${path}.rollover`);
  return ok({
    id,
    label: typeof c.label === 'string' ? c.label : id,
    period: c.period,
    credits: c.credits,
    price: price.value,
    overageRate: overageRate.value,
    // textspot-overage-rollover-pause.txt: "On monthly plans, you can keep the credits you don't use until the end of the following month."
    rollover: typeof c.rollover === 'boolean' ? c.rollover : c.period === 'monthly',
  });
}

function optionalMoney(v: unknown, path: string): Result<Micros | null> {
  if (v === undefined || v === null) return ok(null);
  const r = parseMoney(v, path);
  if (!r.ok) return fail('invalid-plan', r.error.message, path);
  if (r.value < 0) return fail('invalid-plan', 'A price cannot be negative.', path);
  return r;
}
