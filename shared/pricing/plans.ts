// Credit plans (TextSpot): a price per period, included credits and an overage rate per credit.
// The catalogue holds only what the provider documents state; the rest is null ("unknown") until
// the user's config supplies it.
import { type Micros, type MoneyInput, parseMoney } from './money';
import { fail, ok, type Result } from './result';

export type PlanPeriod = 'monthly' | 'yearly';

/** A plan as written in config (`plans.<id>`, or inline); an entry named like a catalogue plan refines it. */
export interface PlanConfig {
  /** Written inline: the catalogue or config plan this definition refines, e.g. "textspot-1000". */
  id?: string;
  /** Name shown in reports. */
  label?: string;
  /** Billing period. */
  period?: PlanPeriod;
  /**
   * Credits included each period.
   * @minimum 0
   * @asType integer
   */
  credits?: number;
  /** Price per period in dollars; null or absent when unknown. */
  price?: MoneyInput | null;
  /** Dollars per credit used beyond the allowance; null or absent when unknown. */
  overageRate?: MoneyInput | null;
  /** Unused credits carry into the next period and expire at its end (default: monthly plans only). */
  rollsOver?: boolean;
}

/** Where the current cycle stands, as written in config next to an inline plan. */
export interface PlanUsage {
  /**
   * Credits already used in the current cycle.
   * @minimum 0
   * @asType integer
   */
  used?: number;
  /**
   * Credits rolled over from the previous cycle and still unused.
   * @minimum 0
   * @asType integer
   */
  rollover?: number;
}

/** A plan id, or an inline definition with its usage so far. */
export type PlanSpec = string | (PlanConfig & PlanUsage);

export interface Plan {
  readonly id: string;
  readonly label: string;
  readonly period: PlanPeriod;
  readonly credits: number;
  /** Null when neither the documents nor the config give it: charges that need it are reported as unknown. */
  readonly price: Micros | null;
  readonly overageRate: Micros | null;
  readonly rollsOver: boolean;
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

const KEYS = new Set(['id', 'label', 'period', 'credits', 'price', 'overageRate', 'rollsOver']);
const USAGE_KEYS = new Set(['used', 'rollover']);

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The plan `id` from config `plans` (merged over a catalogue entry of the same id) or the catalogue. */
export function resolvePlan(id: string, custom: Readonly<Record<string, PlanConfig>> = {}): Result<Plan> {
  if (typeof id !== 'string' || id === '') return fail('unknown-plan', 'A plan id is required.');
  if (!isRecord(custom)) return fail('invalid-plan', 'Plans must be an object keyed by plan id.');
  const layers = planLayers(id, custom);
  if (!layers.ok) return layers;
  return buildPlan(id, layers.value, `plans.${id}`);
}

function planLayers(id: string, custom: Readonly<Record<string, unknown>>): Result<Record<string, unknown>[]> {
  const own: unknown = Object.prototype.hasOwnProperty.call(custom, id) ? custom[id] : undefined;
  const base = Object.prototype.hasOwnProperty.call(TEXTSPOT_PLANS, id) ? TEXTSPOT_PLANS[id] : undefined;
  if (own === undefined && base === undefined) {
    const known = [...Object.keys(TEXTSPOT_PLANS), ...Object.keys(custom)];
    return fail('unknown-plan', `No plan named "${id}" (known: ${known.join(', ')}).`);
  }
  if (own !== undefined && !isRecord(own)) return fail('invalid-plan', `Plan "${id}" must be an object.`, `plans.${id}`);
  const layers: Record<string, unknown>[] = [];
  if (base) layers.push({ ...base });
  if (own) layers.push(own);
  return ok(layers);
}

export interface ResolvedPlanSpec {
  readonly plan: Plan;
  readonly used: number;
  readonly rollover: number;
}

/** A plan id, or an inline plan (refining `id` when given) with its usage so far. */
export function resolvePlanSpec(spec: PlanSpec, custom: Readonly<Record<string, PlanConfig>> = {}): Result<ResolvedPlanSpec> {
  if (typeof spec === 'string') {
    const p = resolvePlan(spec, custom);
    return p.ok ? ok({ plan: p.value, used: 0, rollover: 0 }) : p;
  }
  if (!isRecord(spec)) return fail('invalid-plan', 'A plan is an id or an object.', 'plan');
  if (!isRecord(custom)) return fail('invalid-plan', 'Plans must be an object keyed by plan id.');
  const def: Record<string, unknown> = {};
  const usage: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(spec)) {
    if (USAGE_KEYS.has(k)) usage[k] = v;
    else if (KEYS.has(k)) def[k] = v;
    else return fail('invalid-plan', `Unknown plan key "${k}".`, `plan.${k}`);
  }
  const counts: Record<string, number> = {};
  for (const k of USAGE_KEYS) {
    const v = usage[k] ?? 0;
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) return fail('invalid-plan', `"${k}" must be a whole number of at least 0.`, `plan.${k}`);
    counts[k] = v;
  }
  let layers: Record<string, unknown>[] = [];
  let id = 'custom';
  if (def.id !== undefined) {
    if (typeof def.id !== 'string') return fail('invalid-plan', '"id" must be a plan id.', 'plan.id');
    id = def.id;
    const base = planLayers(id, custom);
    if (!base.ok) return base;
    layers = base.value;
  }
  const p = buildPlan(id, [...layers, def], 'plan');
  return p.ok ? ok({ plan: p.value, used: counts.used!, rollover: counts.rollover! }) : p;
}

function buildPlan(id: string, layers: readonly Record<string, unknown>[], path: string): Result<Plan> {
  for (const layer of layers) {
    for (const k of Object.keys(layer)) {
      if (!KEYS.has(k)) return fail('invalid-plan', `Unknown plan key "${k}" in "${id}".`, `${path}.${k}`);
    }
  }
  const c: Record<string, unknown> = Object.assign({}, ...layers);
  if (c.period !== 'monthly' && c.period !== 'yearly') return fail('invalid-plan', `Plan "${id}" needs "period": "monthly" or "yearly".`, `${path}.period`);
  if (typeof c.credits !== 'number' || !Number.isSafeInteger(c.credits) || c.credits < 0) {
    return fail('invalid-plan', `Plan "${id}" needs "credits": a whole number of at least 0.`, `${path}.credits`);
  }
  const price = optionalMoney(c.price, `${path}.price`);
  if (!price.ok) return price;
  const overageRate = optionalMoney(c.overageRate, `${path}.overageRate`);
  if (!overageRate.ok) return overageRate;
  if (c.rollsOver !== undefined && typeof c.rollsOver !== 'boolean') return fail('invalid-plan', '"rollsOver" must be true or false.', `${path}.rollsOver`);
  return ok({
    id,
    label: typeof c.label === 'string' ? c.label : id,
    period: c.period,
    credits: c.credits,
    price: price.value,
    overageRate: overageRate.value,
    // textspot-overage-rollover-pause.txt: "On monthly plans, you can keep the credits you don't use until the end of the following month."
    rollsOver: typeof c.rollsOver === 'boolean' ? c.rollsOver : c.period === 'monthly',
  });
}

function optionalMoney(v: unknown, path: string): Result<Micros | null> {
  if (v === undefined || v === null) return ok(null);
  const r = parseMoney(v, path);
  if (!r.ok) return fail('invalid-plan', r.error.message, path);
  if (r.value < 0) return fail('invalid-plan', 'A price cannot be negative.', path);
  return r;
}
