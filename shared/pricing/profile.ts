// Pricing profiles: what one message costs under a provider. Config is plain JSON data (the
// config schema embeds `PricingProfileConfig`); `resolveProfile` checks it into a `PricingProfile`
// whose union type only admits consistent states.
import { type Micros, type MoneyInput, parseMoney } from './money';
import { fail, ok, type PricingError, type Result } from './result';
import { DEFAULT_SIZES, type SegmentSizes } from '../segments';

/** Overrides for carriers or sender types with smaller segments (e.g. 150/152/66). */
export interface SegmentSizesConfig {
  /**
   * @minimum 1
   * @asType integer
   */
  gsmSingle?: number;
  /**
   * @minimum 1
   * @asType integer
   */
  gsmMulti?: number;
  /**
   * @minimum 1
   * @asType integer
   */
  ucs2Single?: number;
  /**
   * @minimum 1
   * @asType integer
   */
  ucs2Multi?: number;
}

/**
 * How a message with media is billed.
 * - `"unsupported"`: the provider cannot send it (an error, not a price).
 * - `{ multiplier }`: the per-segment cost times this factor (TextSpot: SMS 1, MMS 3).
 * - `{ perMessage }`: a flat amount per message and recipient, whatever the length
 *   (credits as an integer for a credit profile, dollars for a dollar profile).
 */
export type MmsConfig = 'unsupported' | { multiplier: number } | { perMessage: MoneyInput };

/** How the account pays: a prepaid balance that must cover each message in full, a credit plan, or neither. */
export type BillingKind = 'prepaid' | 'plan' | 'none';

/** A pricing profile as written in config. Built-ins: `quo` (alias `openphone`) and `textspot`. */
export interface PricingProfileConfig {
  /** Profile this one starts from (a built-in or another custom profile); its fields are merged under these. */
  extends?: string;
  /** Name shown in hovers and reports. */
  label?: string;
  /** What a message costs in: US dollars or plan credits. */
  unit?: 'usd' | 'credits';
  /** Dollars per segment before any country surcharge, e.g. "0.01" (unit "usd"). */
  perSegment?: MoneyInput;
  /** ISO 3166-1 alpha-2 countries billed at `perSegment` alone, e.g. ["US", "CA"] (unit "usd"). */
  baseCountries?: string[];
  /** Surcharge per segment added to `perSegment` for other countries, by ISO alpha-2 code (unit "usd"). */
  countryRates?: Record<string, MoneyInput>;
  /** Destination assumed when a template does not name one. */
  defaultCountry?: string;
  /**
   * Credits per segment (unit "credits").
   * @minimum 1
   * @asType integer
   */
  creditsPerSegment?: number;
  /** How media (MMS) is billed. */
  mms?: MmsConfig;
  /** Segment-size overrides. */
  segmentSizes?: SegmentSizesConfig;
  /**
   * Longest body the provider accepts, in characters.
   * @minimum 1
   * @asType integer
   */
  maxCharacters?: number;
  /**
   * Most segments the provider accepts for one message.
   * @minimum 1
   * @asType integer
   */
  maxSegments?: number;
  /** How the account pays: "prepaid" (each message needs its full cost in the balance), "plan" (credits with overage), "none". */
  billing?: BillingKind;
}

export type MmsRule<T> =
  | { readonly kind: 'unsupported' }
  | { readonly kind: 'multiplier'; readonly factor: number }
  | { readonly kind: 'perMessage'; readonly amount: T };

export type Billing = 'prepaid' | 'plan' | 'none';

interface ProfileCommon {
  readonly id: string;
  readonly label: string;
  readonly defaultCountry: string | null;
  readonly segmentSizes: SegmentSizes;
  readonly maxCharacters: number | null;
  readonly maxSegments: number | null;
}

export interface UsdProfile extends ProfileCommon {
  readonly unit: 'usd';
  readonly perSegment: Micros;
  readonly baseCountries: readonly string[];
  readonly countryRates: Readonly<Record<string, Micros>>;
  readonly mms: MmsRule<Micros>;
  readonly billing: Billing;
}

export interface CreditProfile extends ProfileCommon {
  readonly unit: 'credits';
  readonly creditsPerSegment: number;
  readonly mms: MmsRule<number>;
  readonly billing: Billing;
}

export type PricingProfile = UsdProfile | CreditProfile;

/**
 * quo-api-pricing.mdx: "$0.01 per segment" for "Local (US and Canada) SMS"; international is
 * "$0.01 + country-specific rate per segment" (rates from the user's config: we ship none);
 * "MMS is not supported in the current API version"; a message whose full cost exceeds the
 * credit balance is not sent.
 */
export const QUO_PROFILE: PricingProfileConfig = {
  label: 'Quo',
  unit: 'usd',
  perSegment: '0.01',
  baseCountries: ['US', 'CA'],
  countryRates: {},
  defaultCountry: 'US',
  mms: 'unsupported',
  billing: 'prepaid',
};

/**
 * textspot-how-credits-work.txt: "1 credit = 1 sent SMS text … delivered in 1 segment",
 * "3 credits = 1 sent MMS message", "Total Contacts x Total Segments x Message Type (MMS or SMS)".
 */
export const TEXTSPOT_PROFILE: PricingProfileConfig = {
  label: 'TextSpot',
  unit: 'credits',
  creditsPerSegment: 1,
  mms: { multiplier: 3 },
  billing: 'plan',
};

export const BUILTIN_PROFILE_CONFIGS: Readonly<Record<string, PricingProfileConfig>> = {
  quo: QUO_PROFILE,
  textspot: TEXTSPOT_PROFILE,
};

/** Other names a built-in answers to (Quo was OpenPhone). */
export const PROFILE_ALIASES: Readonly<Record<string, string>> = { openphone: 'quo' };

const KNOWN_KEYS = new Set<string>([
  'extends', 'label', 'unit', 'perSegment', 'baseCountries', 'countryRates', 'defaultCountry',
  'creditsPerSegment', 'mms', 'segmentSizes', 'maxCharacters', 'maxSegments', 'billing',
]);
const USD_ONLY = ['perSegment', 'baseCountries', 'countryRates'] as const;
const CREDIT_ONLY = ['creditsPerSegment'] as const;

const COUNTRY_RE = /^[A-Z]{2}$/;

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function canonicalId(id: string): string {
  const lower = id.toLowerCase();
  return PROFILE_ALIASES[lower] ?? lower;
}

/**
 * The profile named `id`: a custom profile from `custom` (which may extend a built-in or another
 * custom profile; a custom entry named like a built-in extends it), or a built-in.
 */
export function resolveProfile(
  id: string,
  custom: Readonly<Record<string, PricingProfileConfig>> = {},
): Result<PricingProfile> {
  if (typeof id !== 'string' || id === '') return fail('unknown-profile', 'A profile name is required.');
  if (!isRecord(custom)) return fail('invalid-profile', 'Custom profiles must be an object keyed by profile name.');
  const merged = mergeChain(id, custom, []);
  if (!merged.ok) return merged;
  return checkProfile(id, merged.value.config, merged.value.pathPrefix);
}

interface Merged {
  readonly config: Record<string, unknown>;
  readonly pathPrefix: string;
}

function mergeChain(id: string, custom: Readonly<Record<string, unknown>>, seen: string[]): Result<Merged> {
  const own = Object.prototype.hasOwnProperty.call(custom, id) ? custom[id] : undefined;
  if (own === undefined) {
    const builtin = BUILTIN_PROFILE_CONFIGS[canonicalId(id)];
    if (!builtin) {
      const names = [...Object.keys(BUILTIN_PROFILE_CONFIGS), ...Object.keys(PROFILE_ALIASES), ...Object.keys(custom)];
      return fail('unknown-profile', `No pricing profile named "${id}" (known: ${names.join(', ')}).`);
    }
    return ok({ config: { ...builtin }, pathPrefix: canonicalId(id) });
  }
  const path = `profiles.${id}`;
  if (!isRecord(own)) return fail('invalid-profile', `Profile "${id}" must be an object.`, path);
  for (const key of Object.keys(own)) {
    if (!KNOWN_KEYS.has(key)) return fail('invalid-profile', `Unknown profile key "${key}" in "${id}".`, `${path}.${key}`);
  }
  if (seen.includes(id)) return fail('invalid-profile', `Profiles extend each other in a loop: ${[...seen, id].join(' → ')}.`, path);
  let baseName: string | undefined;
  if (own.extends !== undefined) {
    if (typeof own.extends !== 'string') return fail('invalid-profile', '"extends" must be a profile name.', `${path}.extends`);
    baseName = own.extends;
  } else if (BUILTIN_PROFILE_CONFIGS[canonicalId(id)]) {
    baseName = canonicalId(id); // `profiles.quo: {countryRates…}` refines the built-in quo
  }
  if (baseName === undefined) return ok({ config: { ...own }, pathPrefix: path });
  if (baseName === id && !BUILTIN_PROFILE_CONFIGS[canonicalId(id)]) {
    return fail('invalid-profile', `Profile "${id}" extends itself.`, path);
  }
  // A custom profile named like the built-in it refines must not find itself again.
  const baseCustom = baseName === id ? withoutKey(custom, id) : custom;
  const base = mergeChain(baseName, baseCustom, [...seen, id]);
  if (!base.ok) return base;
  return ok({ config: mergeConfig(base.value.config, own), pathPrefix: path });
}

function withoutKey(r: Readonly<Record<string, unknown>>, key: string): Record<string, unknown> {
  const copy = { ...r };
  delete copy[key];
  return copy;
}

function mergeConfig(base: Record<string, unknown>, own: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  // Switching unit drops the base's fields for the other unit instead of reporting them as conflicts.
  if (own.unit !== undefined && own.unit !== base.unit) {
    for (const k of [...USD_ONLY, ...CREDIT_ONLY, 'mms']) delete out[k];
  }
  for (const [k, v] of Object.entries(own)) {
    if (k === 'extends') continue;
    if ((k === 'countryRates' || k === 'segmentSizes') && isRecord(v) && isRecord(out[k])) {
      out[k] = { ...(out[k] as Record<string, unknown>), ...v };
    } else {
      out[k] = v;
    }
  }
  return out;
}

function positiveInt(v: unknown, path: string, what: string, allowZero = false): Result<number> {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0 || (!allowZero && v === 0)) {
    return fail('invalid-profile', `${what} must be a ${allowZero ? 'non-negative' : 'positive'} whole number, got ${JSON.stringify(v)}.`, path);
  }
  return ok(v);
}

function nonNegativeMoney(v: unknown, path: string): Result<Micros> {
  const r = parseMoney(v, path);
  if (!r.ok) return fail('invalid-profile', r.error.message, path);
  if (r.value < 0) return fail('invalid-profile', `An amount here cannot be negative (${JSON.stringify(v)}).`, path);
  return r;
}

function country(v: unknown, path: string): Result<string> {
  if (typeof v !== 'string' || !COUNTRY_RE.test(v.toUpperCase())) {
    return fail('invalid-profile', `${JSON.stringify(v)} is not an ISO 3166-1 alpha-2 country code like "US".`, path);
  }
  return ok(v.toUpperCase());
}

function checkProfile(id: string, c: Record<string, unknown>, p: string): Result<PricingProfile> {
  const err = (e: PricingError): Result<PricingProfile> => ({ ok: false, error: e });
  if (c.unit !== 'usd' && c.unit !== 'credits') {
    return fail('invalid-profile', `Profile "${id}" needs "unit": "usd" or "credits" (or "extends" a built-in).`, `${p}.unit`);
  }
  const wrong = c.unit === 'usd' ? CREDIT_ONLY : USD_ONLY;
  for (const k of wrong) {
    if (c[k] !== undefined) return fail('invalid-profile', `"${k}" does not apply to a profile priced in ${c.unit}.`, `${p}.${k}`);
  }
  if (c.label !== undefined && typeof c.label !== 'string') return fail('invalid-profile', '"label" must be text.', `${p}.label`);

  let defaultCountry: string | null = null;
  if (c.defaultCountry !== undefined) {
    const r = country(c.defaultCountry, `${p}.defaultCountry`);
    if (!r.ok) return err(r.error);
    defaultCountry = r.value;
  }

  const sizes: Record<string, number> = { ...DEFAULT_SIZES };
  if (c.segmentSizes !== undefined) {
    if (!isRecord(c.segmentSizes)) return fail('invalid-profile', '"segmentSizes" must be an object.', `${p}.segmentSizes`);
    for (const [k, v] of Object.entries(c.segmentSizes)) {
      if (!(k in DEFAULT_SIZES)) return fail('invalid-profile', `Unknown segment size "${k}" (use gsmSingle, gsmMulti, ucs2Single, ucs2Multi).`, `${p}.segmentSizes.${k}`);
      const r = positiveInt(v, `${p}.segmentSizes.${k}`, `segmentSizes.${k}`);
      if (!r.ok) return err(r.error);
      sizes[k] = r.value;
    }
  }
  // No ordering check between sizes: carriers publish odd combinations (150 single, 152 per part).
  const segmentSizes = sizes as unknown as SegmentSizes;

  let maxCharacters: number | null = null;
  if (c.maxCharacters !== undefined) {
    const r = positiveInt(c.maxCharacters, `${p}.maxCharacters`, 'maxCharacters');
    if (!r.ok) return err(r.error);
    maxCharacters = r.value;
  }
  let maxSegments: number | null = null;
  if (c.maxSegments !== undefined) {
    const r = positiveInt(c.maxSegments, `${p}.maxSegments`, 'maxSegments');
    if (!r.ok) return err(r.error);
    maxSegments = r.value;
  }

  const billingKind = c.billing ?? 'none';
  if (billingKind !== 'prepaid' && billingKind !== 'plan' && billingKind !== 'none') {
    return fail('invalid-profile', '"billing" must be "prepaid", "plan" or "none".', `${p}.billing`);
  }
  const common = {
    id,
    label: typeof c.label === 'string' ? c.label : id,
    defaultCountry,
    segmentSizes,
    maxCharacters,
    maxSegments,
  };
  const mmsPath = `${p}.mms`;

  if (c.unit === 'usd') {
    if (c.perSegment === undefined) return fail('invalid-profile', `Profile "${id}" needs "perSegment" (dollars per segment).`, `${p}.perSegment`);
    const perSegment = nonNegativeMoney(c.perSegment, `${p}.perSegment`);
    if (!perSegment.ok) return err(perSegment.error);
    const baseCountries: string[] = [];
    if (c.baseCountries !== undefined) {
      if (!Array.isArray(c.baseCountries)) return fail('invalid-profile', '"baseCountries" must be a list of country codes.', `${p}.baseCountries`);
      for (const [i, v] of c.baseCountries.entries()) {
        const r = country(v, `${p}.baseCountries.${i}`);
        if (!r.ok) return err(r.error);
        baseCountries.push(r.value);
      }
    }
    const countryRates: Record<string, Micros> = {};
    if (c.countryRates !== undefined) {
      if (!isRecord(c.countryRates)) return fail('invalid-profile', '"countryRates" must map country codes to amounts.', `${p}.countryRates`);
      for (const [k, v] of Object.entries(c.countryRates)) {
        const code = country(k, `${p}.countryRates.${k}`);
        if (!code.ok) return err(code.error);
        const r = nonNegativeMoney(v, `${p}.countryRates.${k}`);
        if (!r.ok) return err(r.error);
        countryRates[code.value] = r.value;
      }
    }
    const mms = mmsRule<Micros>(c.mms, mmsPath, (v, path) => nonNegativeMoney(v, path));
    if (!mms.ok) return err(mms.error);
    return ok({ ...common, unit: 'usd', perSegment: perSegment.value, baseCountries, countryRates, mms: mms.value, billing: billingKind });
  }

  if (c.creditsPerSegment === undefined) return fail('invalid-profile', `Profile "${id}" needs "creditsPerSegment".`, `${p}.creditsPerSegment`);
  const cps = positiveInt(c.creditsPerSegment, `${p}.creditsPerSegment`, 'creditsPerSegment');
  if (!cps.ok) return err(cps.error);
  const mms = mmsRule<number>(c.mms, mmsPath, (v, path) => positiveInt(v, path, 'mms.perMessage (credits)'));
  if (!mms.ok) return err(mms.error);
  return ok({ ...common, unit: 'credits', creditsPerSegment: cps.value, mms: mms.value, billing: billingKind });
}

function mmsRule<T>(v: unknown, path: string, amount: (v: unknown, path: string) => Result<T>): Result<MmsRule<T>> {
  if (v === undefined || v === 'unsupported') return ok({ kind: 'unsupported' });
  if (isRecord(v) && Object.keys(v).length === 1) {
    if ('multiplier' in v) {
      const f = positiveInt(v.multiplier, `${path}.multiplier`, 'mms.multiplier');
      return f.ok ? ok({ kind: 'multiplier', factor: f.value }) : f;
    }
    if ('perMessage' in v) {
      const a = amount(v.perMessage, `${path}.perMessage`);
      return a.ok ? ok({ kind: 'perMessage', amount: a.value }) : a;
    }
  }
  return fail('invalid-profile', '"mms" must be "unsupported", { "multiplier": n } or { "perMessage": amount }.', path);
}
