// What a body costs per recipient and per campaign under a profile, as exact integers, for a
// single figure or a best–worst range of segments (templates give ranges).
import { addMicros, formatCredits, formatMoney, type Micros, type MoneyInput, mulMicros, parseMoney } from './money';
import type { CreditProfile, PricingProfile, UsdProfile } from './profile';
import { fail, ok, type Result } from './result';

export interface Span<T> {
  readonly best: T;
  readonly worst: T;
}

/** An amount in a profile's unit: exact dollars or whole credits. */
export type ExactAmount = { readonly unit: 'usd'; readonly micros: Micros } | { readonly unit: 'credits'; readonly credits: number };

/** A config amount (dollars, or `{ credits }`) made exact. */
export function amountFromConfig(input: MoneyInput | { credits: number }, path?: string): Result<ExactAmount> {
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const c = (input as { credits?: unknown }).credits;
    if (typeof c !== 'number' || !Number.isSafeInteger(c) || c < 0) {
      return fail('invalid-input', 'Credits must be a whole number of at least 0.', path === undefined ? 'credits' : `${path}.credits`);
    }
    return ok({ unit: 'credits', credits: c });
  }
  const m = parseMoney(input, path);
  return m.ok ? ok({ unit: 'usd', micros: m.value }) : m;
}

export interface CampaignInput {
  /** Segments per message: one figure, or the best and worst case of a template. */
  readonly segments: number | Span<number>;
  readonly recipients: number;
  /** The message carries media (an MMS). */
  readonly media?: boolean;
  /** ISO 3166-1 alpha-2 destination; the profile's default when absent. */
  readonly country?: string;
  /** A prepaid balance (or credits left) to check: how many recipients it covers. */
  readonly balance?: ExactAmount;
}

/**
 * With a prepaid balance: each recipient's message is sent only if the balance still covers its
 * full cost (partial credits are never used), so the balance covers floor(balance / cost) recipients.
 */
export interface Coverage<T> {
  readonly balance: T;
  readonly recipientsCovered: number;
  readonly recipientsUnsent: number;
  readonly spent: T;
  readonly balanceLeft: T;
}

interface CostCommon {
  readonly recipients: number;
  readonly segments: Span<number>;
  readonly media: boolean;
}

export interface UsdCampaignCost extends CostCommon {
  readonly unit: 'usd';
  readonly country: string;
  /** Dollars per segment for this destination and message type; null when media is billed per message. */
  readonly perSegment: Micros | null;
  readonly perRecipient: Span<Micros>;
  readonly total: Span<Micros>;
  readonly coverage: Span<Coverage<Micros>> | null;
}

export interface CreditCampaignCost extends CostCommon {
  readonly unit: 'credits';
  /** Credits per segment for this message type (SMS 1, MMS 3 under TextSpot); null when billed per message. */
  readonly perSegment: number | null;
  readonly perRecipient: Span<number>;
  readonly total: Span<number>;
  readonly coverage: Span<Coverage<number>> | null;
}

export type CampaignCost = UsdCampaignCost | CreditCampaignCost;

function count(v: unknown, what: string, path: string): Result<number> {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
    return fail('invalid-input', `${what} must be a whole number of at least 0, got ${JSON.stringify(v)}.`, path);
  }
  return ok(v);
}

function segmentSpan(s: unknown): Result<Span<number>> {
  if (typeof s === 'number') {
    const r = count(s, 'Segments', 'segments');
    return r.ok ? ok({ best: r.value, worst: r.value }) : r;
  }
  if (typeof s !== 'object' || s === null) return fail('invalid-input', 'Segments must be a number or { best, worst }.', 'segments');
  const { best, worst } = s as { best?: unknown; worst?: unknown };
  const b = count(best, 'Best-case segments', 'segments.best');
  if (!b.ok) return b;
  const w = count(worst, 'Worst-case segments', 'segments.worst');
  if (!w.ok) return w;
  if (b.value > w.value) return fail('invalid-input', `Best case (${b.value} segments) exceeds worst case (${w.value}).`, 'segments');
  return ok({ best: b.value, worst: w.value });
}

/** Per-recipient and campaign cost of a message under `profile`. Never throws. */
export function campaignCost(profile: PricingProfile, input: CampaignInput): Result<CampaignCost> {
  if (typeof input !== 'object' || input === null) return fail('invalid-input', 'A campaign needs segments and recipients.');
  const segments = segmentSpan(input.segments);
  if (!segments.ok) return segments;
  const recipients = count(input.recipients, 'Recipients', 'recipients');
  if (!recipients.ok) return recipients;
  const media = input.media === true;
  if (media && profile.mms.kind === 'unsupported') {
    return fail('mms-unsupported', `${profile.label} cannot send MMS: a message with media is not sent under this profile.`, 'media');
  }
  if (input.balance !== undefined && input.balance.unit !== profile.unit) {
    return fail('unit-mismatch', `The balance is in ${input.balance.unit} but ${profile.label} prices in ${profile.unit}.`, 'balance');
  }
  const common = { recipients: recipients.value, segments: segments.value, media };
  return profile.unit === 'usd'
    ? usdCost(profile, input, common)
    : creditCost(profile, input, common);
}

/** Dollars per segment to `country`: the base price, plus the configured surcharge outside the base countries. */
export function usdRatePerSegment(profile: UsdProfile, country: string): Result<Micros> {
  const code = country.toUpperCase();
  if (profile.baseCountries.includes(code)) return ok(profile.perSegment);
  const surcharge = profile.countryRates[code];
  if (surcharge === undefined) {
    return fail(
      'rate-unknown',
      `Rate unknown for ${code}: ${profile.label} charges ${formatMoney(profile.perSegment)} + a country-specific rate per segment; set profiles.${profile.id}.countryRates.${code} in your config.`,
      `countryRates.${code}`,
    );
  }
  return addMicros(profile.perSegment, surcharge, 'The rate');
}

function usdCost(profile: UsdProfile, input: CampaignInput, common: CostCommon): Result<UsdCampaignCost> {
  const country = input.country ?? profile.defaultCountry;
  if (country === null || country === undefined) {
    return fail('invalid-input', `${profile.label} prices by destination: name a country (or set defaultCountry).`, 'country');
  }
  if (typeof country !== 'string' || !/^[A-Za-z]{2}$/.test(country)) {
    return fail('invalid-input', `${JSON.stringify(country)} is not an ISO 3166-1 alpha-2 country code.`, 'country');
  }
  if (input.balance?.unit === 'usd' && (!Number.isSafeInteger(input.balance.micros) || input.balance.micros < 0)) {
    return fail('invalid-input', 'A balance must be an exact amount of at least $0.', 'balance');
  }
  const rate = usdRatePerSegment(profile, country);
  if (!rate.ok) return rate;
  let perSegment: Micros | null = rate.value;
  if (common.media && profile.mms.kind === 'multiplier') {
    const m = mulMicros(rate.value, profile.mms.factor, 'The MMS rate');
    if (!m.ok) return m;
    perSegment = m.value;
  } else if (common.media && profile.mms.kind === 'perMessage') {
    perSegment = null;
  }
  const flat = common.media && profile.mms.kind === 'perMessage' ? profile.mms.amount : null;
  const per = (segs: number): Result<Micros> => (perSegment === null ? ok(flat as Micros) : mulMicros(perSegment, segs, 'The per-recipient cost'));
  const best = per(common.segments.best);
  if (!best.ok) return best;
  const worst = per(common.segments.worst);
  if (!worst.ok) return worst;
  const tBest = mulMicros(best.value, common.recipients, 'The campaign total');
  if (!tBest.ok) return tBest;
  const tWorst = mulMicros(worst.value, common.recipients, 'The campaign total');
  if (!tWorst.ok) return tWorst;
  const balance = input.balance?.unit === 'usd' ? input.balance.micros : null;
  const coverage =
    balance === null
      ? null
      : { best: cover(balance, best.value, common.recipients), worst: cover(balance, worst.value, common.recipients) };
  return ok({
    ...common,
    unit: 'usd',
    country: country.toUpperCase(),
    perSegment,
    perRecipient: { best: best.value, worst: worst.value },
    total: { best: tBest.value, worst: tWorst.value },
    coverage: coverage as Span<Coverage<Micros>> | null,
  });
}

function creditCost(profile: CreditProfile, input: CampaignInput, common: CostCommon): Result<CreditCampaignCost> {
  let perSegment: number | null = profile.creditsPerSegment;
  if (common.media && profile.mms.kind === 'multiplier') perSegment = profile.creditsPerSegment * profile.mms.factor;
  else if (common.media && profile.mms.kind === 'perMessage') perSegment = null;
  const flat = common.media && profile.mms.kind === 'perMessage' ? profile.mms.amount : 0;
  const product = (...xs: number[]): Result<number> => {
    const b = xs.reduce((acc, x) => acc * BigInt(x), 1n);
    return b > BigInt(Number.MAX_SAFE_INTEGER) ? fail('too-large', 'The credit total is too large to compute exactly.') : ok(Number(b));
  };
  const per = (segs: number) => (perSegment === null ? ok(flat) : product(perSegment, segs));
  const best = per(common.segments.best);
  if (!best.ok) return best;
  const worst = per(common.segments.worst);
  if (!worst.ok) return worst;
  const tBest = product(best.value, common.recipients);
  if (!tBest.ok) return tBest;
  const tWorst = product(worst.value, common.recipients);
  if (!tWorst.ok) return tWorst;
  const balance = input.balance?.unit === 'credits' ? input.balance.credits : null;
  if (balance !== null && (!Number.isSafeInteger(balance) || balance < 0)) {
    return fail('invalid-input', 'A credit balance must be a whole number of at least 0.', 'balance');
  }
  return ok({
    ...common,
    unit: 'credits',
    perSegment,
    perRecipient: { best: best.value, worst: worst.value },
    total: { best: tBest.value, worst: tWorst.value },
    coverage:
      balance === null
        ? null
        : { best: cover(balance, best.value, common.recipients), worst: cover(balance, worst.value, common.recipients) },
  });
}

/** Integer division through bigint: a float quotient can round up across a whole number. */
function cover<T extends number>(balance: T, cost: T, recipients: number): Coverage<T> {
  const covered = cost === 0 ? recipients : Math.min(recipients, Number(BigInt(balance) / BigInt(cost)));
  const spent = (cost * covered) as T;
  return { balance, recipientsCovered: covered, recipientsUnsent: recipients - covered, spent, balanceLeft: (balance - spent) as T };
}

export function formatAmount(a: ExactAmount): string {
  return a.unit === 'usd' ? formatMoney(a.micros) : formatCredits(a.credits);
}

/** "$0.02" or "$0.02–$0.06"; "2 credits" or "2–6 credits". */
export function formatSpan(unit: 'usd' | 'credits', span: Span<number>): string {
  if (unit === 'usd') {
    const b = formatMoney(span.best as Micros);
    return span.best === span.worst ? b : `${b}–${formatMoney(span.worst as Micros)}`;
  }
  if (span.best === span.worst) return formatCredits(span.best);
  return `${formatCredits(span.best).replace(/ credits?$/, '')}–${formatCredits(span.worst)}`;
}
