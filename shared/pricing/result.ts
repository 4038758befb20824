// Every public pricing function returns a value, never throws: errors are data the linter can show.

export type PricingErrorCode =
  | 'invalid-input'
  | 'invalid-money'
  | 'rate-unknown'
  | 'mms-unsupported'
  | 'unit-mismatch'
  | 'too-large'
  | 'unknown-profile'
  | 'unknown-plan'
  | 'invalid-profile'
  | 'invalid-plan'
  | 'invalid-event'
  | 'not-subscribed'
  | 'already-subscribed'
  | 'paused'
  | 'not-paused'
  | 'not-an-upgrade'
  | 'not-a-downgrade'
  | 'period-mismatch'
  | 'out-of-order';

export interface PricingError {
  readonly code: PricingErrorCode;
  /** One sentence a user can act on. */
  readonly message: string;
  /** Dotted key path into the offending input, when there is one (e.g. `countryRates.GB`). */
  readonly path?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: PricingError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: PricingErrorCode, message: string, path?: string): Result<T> {
  return { ok: false, error: path === undefined ? { code, message } : { code, message, path } };
}
