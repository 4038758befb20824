// Exact money: integer micro-dollars (1 USD = 1,000,000 micros). Sums and products are checked
// through bigint so a total is either exact or an explicit `too-large` error, never a rounded float.
import { fail, ok, type Result } from './result';

declare const microsBrand: unique symbol;
/** An exact amount of US dollars in integer millionths. Build with `micros()` or `parseMoney()`. */
export type Micros = number & { readonly [microsBrand]: true };

/**
 * Money as written in config: a decimal dollar amount, as a JSON number (0.01) or a string
 * ("0.01", "$1,234.56"). Converted exactly to integer micro-dollars; at most 6 decimal places.
 */
export type MoneyInput = MoneyString | MoneyNumber;

/** @pattern ^\$?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?$ */
export type MoneyString = string;

/** @minimum 0 */
export type MoneyNumber = number;

export const MICROS_PER_DOLLAR = 1_000_000;
const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** Brands an integer count of micros; `null` when it is not a safe integer. */
export function micros(n: number): Micros | null {
  return Number.isSafeInteger(n) ? (n as Micros) : null;
}

export const ZERO: Micros = 0 as Micros;

function fromBig(b: bigint, what: string): Result<Micros> {
  if (b > MAX || b < -MAX) return fail('too-large', `${what} is too large to compute exactly.`);
  return ok(Number(b) as Micros);
}

/** a × k exactly (k an integer count: segments, recipients, credits). */
export function mulMicros(a: Micros, k: number, what = 'The amount'): Result<Micros> {
  if (!Number.isSafeInteger(k)) return fail('invalid-input', `${what}: multiplier ${k} is not an integer.`);
  return fromBig(BigInt(a) * BigInt(k), what);
}

export function addMicros(a: Micros, b: Micros, what = 'The amount'): Result<Micros> {
  return fromBig(BigInt(a) + BigInt(b), what);
}

export function subMicros(a: Micros, b: Micros, what = 'The amount'): Result<Micros> {
  return fromBig(BigInt(a) - BigInt(b), what);
}

const MONEY_RE = /^(-)?\$?((?:\d{1,3}(?:,\d{3})+)|\d+)?(?:\.(\d+))?$/;

/**
 * Parses a decimal dollar amount exactly. Numbers go through their shortest decimal spelling
 * (what JSON wrote), so 0.07 is 70,000 micros, not 0.07000000000000000666…
 */
export function parseMoney(input: unknown, path?: string): Result<Micros> {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return fail('invalid-money', `${String(input)} is not an amount of money.`, path);
    text = String(input);
    if (/e/i.test(text)) {
      const fixed = input.toFixed(6);
      if (Number(fixed) !== input) return fail('invalid-money', `${text} has more than 6 decimal places (a millionth of a dollar is the smallest unit).`, path);
      text = fixed;
    }
  } else if (typeof input === 'string') {
    text = input.trim();
  } else {
    return fail('invalid-money', `Expected an amount of money like "0.01", got ${describe(input)}.`, path);
  }
  const m = MONEY_RE.exec(text);
  if (!m || (m[2] === undefined && m[3] === undefined)) {
    return fail('invalid-money', `"${text}" is not an amount of money; write it like "0.01" or "1,234.56".`, path);
  }
  const whole = (m[2] ?? '0').replaceAll(',', '');
  let frac = m[3] ?? '';
  // Trailing zeros past the sixth place carry no value ("0.010000000" is fine).
  frac = frac.replace(/0+$/, '');
  if (frac.length > 6) {
    return fail('invalid-money', `"${text}" has more than 6 decimal places (a millionth of a dollar is the smallest unit).`, path);
  }
  const value = BigInt(whole) * 1_000_000n + BigInt(frac.padEnd(6, '0') || '0');
  const r = fromBig(m[1] ? -value : value, `"${text}"`);
  return r.ok ? r : fail('invalid-money', r.error.message, path);
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'a list';
  return typeof x === 'object' ? 'an object' : `${typeof x} ${String(x)}`;
}

/** "1,234,567" */
export function groupThousands(n: number | bigint): string {
  if (typeof n === 'number' && !Number.isSafeInteger(n)) return String(n);
  const s = (n < 0 ? -BigInt(n) : BigInt(n)).toString();
  const grouped = s.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${grouped}` : grouped;
}

/**
 * "$0.02", "$1,234.56", and as many places as the amount needs: "$0.0083", "$0.000001".
 * Never rounds, so a displayed total is always the exact total.
 */
export function formatMoney(m: Micros): string {
  const neg = m < 0;
  const abs = Math.abs(m);
  const dollars = Math.floor(abs / MICROS_PER_DOLLAR);
  let frac = String(abs % MICROS_PER_DOLLAR).padStart(6, '0').replace(/0+$/, '');
  frac = frac.padEnd(2, '0');
  return `${neg ? '-' : ''}$${groupThousands(dollars)}.${frac}`;
}

/** "1 credit", "1,653 credits" */
export function formatCredits(n: number): string {
  return `${groupThousands(n)} ${n === 1 ? 'credit' : 'credits'}`;
}
