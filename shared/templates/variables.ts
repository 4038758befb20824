// Per-variable metadata (from config) and the defaults assumed when it is missing.
import type { Range } from '../types';
import type { ValueChoice } from './figures';
import type { Stats } from './measure';
import type { ValueKind } from './types';

export type VariableCharset = 'gsm' | 'unicode';

/** What the config may say about one variable. Lengths are UTF-16 code units (an emoji is 2). */
export interface VariableMeta {
  minLength?: number;
  maxLength?: number;
  /** A realistic value; the sample case renders it, printed as written. */
  sample?: string;
  /** `unicode`: the value may hold characters outside GSM-7 ("Zoë", an emoji). */
  charset?: VariableCharset;
  /** For collections looped with `{{#each}}` / `{% for %}`. */
  minItems?: number;
  maxItems?: number;
}

/** Project-wide defaults for variables the config does not describe. */
export interface VariableDefaults {
  defaultMinLength?: number;
  defaultMaxLength?: number;
  defaultCharset?: VariableCharset;
  defaultMaxItems?: number;
}

/** The config subtree: defaults plus per-variable metadata keyed by placeholder name. */
export interface TemplateVariablesConfig extends VariableDefaults {
  variables?: Record<string, VariableMeta>;
}

export const VARIABLE_DEFAULTS: Required<VariableDefaults> = {
  defaultMinLength: 0,
  defaultMaxLength: 20,
  defaultCharset: 'gsm',
  defaultMaxItems: 3,
};

export type AssumedField = 'minLength' | 'maxLength' | 'charset';

export interface ResolvedVariable {
  readonly name: string;
  readonly valueKind: ValueKind;
  readonly minLength: number;
  readonly maxLength: number;
  readonly charset: VariableCharset;
  readonly sample?: string;
  /** Fields taken from the defaults because the config does not set them. */
  readonly assumed: readonly AssumedField[];
  /** The worst case fills this variable with non-GSM text. */
  readonly mayBeUnicode: boolean;
  /** The sample holds GSM extension characters (2 septets), so the worst GSM filler does too. */
  readonly extended: boolean;
  /** Where it is printed in the body. */
  readonly ranges: readonly Range[];
  /** Corrections made to contradictory metadata, for the assumptions list. */
  readonly adjustments: readonly string[];
}

/** Longest value measured (UTF-16 units): far past any provider's cap (about 1,600 characters),
 * so the figures stay as bad as they would be, while a maxLength of 1e9 cannot exhaust memory. */
export const MAX_MEASURED_LENGTH = 10_000;

function length(n: unknown): number | undefined {
  return typeof n === 'number' && Number.isFinite(n) ? Math.min(MAX_MEASURED_LENGTH, Math.max(0, Math.floor(n))) : undefined;
}

function hasNonGsm(s: string, septets: (u: number) => number): boolean {
  for (let i = 0; i < s.length; i++) if (septets(s.charCodeAt(i)) === 0) return true;
  return false;
}

function hasExtended(s: string, septets: (u: number) => number): boolean {
  for (let i = 0; i < s.length; i++) if (septets(s.charCodeAt(i)) === 2) return true;
  return false;
}

/** Merges config and defaults for one printed variable, correcting contradictions (and saying so)
 * so that min ≤ sample ≤ max always holds. Never throws on odd config values. */
export function resolveVariable(
  name: string,
  info: { valueKind: ValueKind; ranges: readonly Range[] },
  meta: VariableMeta | undefined,
  defaults: Required<VariableDefaults>,
  septets: (u: number) => number,
): ResolvedVariable {
  const assumed: AssumedField[] = [];
  const adjustments: string[] = [];
  let minLength = length(meta?.minLength);
  let maxLength = length(meta?.maxLength);
  if (minLength === undefined) {
    assumed.push('minLength');
    minLength = length(defaults.defaultMinLength) ?? 0;
  }
  if (maxLength === undefined) {
    assumed.push('maxLength');
    maxLength = Math.max(minLength, length(defaults.defaultMaxLength) ?? minLength);
  }
  let charset: VariableCharset;
  if (meta?.charset === 'gsm' || meta?.charset === 'unicode') charset = meta.charset;
  else if (info.valueKind === 'number') charset = 'gsm'; // digits and separators
  else {
    charset = defaults.defaultCharset === 'unicode' ? 'unicode' : 'gsm';
    assumed.push('charset');
  }
  if (minLength > maxLength) {
    adjustments.push(`minLength ${minLength} is above maxLength ${maxLength}; using ${maxLength} for both`);
    minLength = maxLength;
  }
  const sample = typeof meta?.sample === 'string' ? meta.sample : undefined;
  let extended = false;
  if (sample !== undefined) {
    if (sample.length > maxLength) {
      adjustments.push(`sample is ${sample.length} long, over maxLength ${maxLength}; worst case uses ${sample.length}`);
      maxLength = sample.length;
    }
    if (sample.length < minLength) {
      adjustments.push(`sample is ${sample.length} long, under minLength ${minLength}; best case uses ${sample.length}`);
      minLength = sample.length;
    }
    if (charset === 'gsm' && hasNonGsm(sample, septets)) {
      adjustments.push('sample has characters outside GSM-7; treated as charset unicode');
      charset = 'unicode';
    }
    extended = hasExtended(sample, septets);
  }
  return resolved(name, info.valueKind, minLength, maxLength, charset, sample, assumed, charset === 'unicode' && maxLength > 0, extended, info.ranges, adjustments);
}

/** One field order for every resolved variable (they are also the report's objects). */
function resolved(
  name: string,
  valueKind: ValueKind,
  minLength: number,
  maxLength: number,
  charset: VariableCharset,
  sample: string | undefined,
  assumed: readonly AssumedField[],
  mayBeUnicode: boolean,
  extended: boolean,
  ranges: readonly Range[],
  adjustments: readonly string[],
): ResolvedVariable {
  return { name, valueKind, minLength, maxLength, charset, sample, assumed, mayBeUnicode, extended, ranges, adjustments };
}

/** A resolution and everything it was a function of: the name, how it is printed, the metadata
 * object it read and the defaults. `r` carries the ranges of the body it was first made for. */
export interface Resolution {
  readonly key: string;
  readonly valueKind: ValueKind;
  readonly meta: VariableMeta | undefined;
  /** The last variables object it was found for: the same object again needs no lookup. */
  vars: object;
  readonly defaultMinLength: number;
  readonly defaultMaxLength: number;
  readonly defaultCharset: VariableCharset;
  readonly r: ResolvedVariable;
  /** Either length was assumed. */
  readonly lengthAssumed: boolean;
  /** What the best, worst and sample cases print for it, made when first needed (they hold
   * nothing of a body but the name, which is the same text in every body). */
  readonly choices: (ValueChoice | undefined)[];
  /** Statistics of the sample as printed and HTML-escaped (index 2k and 2k + 1), after the case
   * changes k of measure.ts' caseChain (0: none), made when first needed. */
  readonly sampleStats: (Stats | undefined)[];
}

const remembered = new Map<string, Resolution>();
const REMEMBER_LIMIT = 2_000;

/** resolveVariable for `vars[name]`, remembered per variable name: the editor and the CLI resolve
 * the same few variables for every body. `withRanges` gives the result for another body.
 * Metadata is read as immutable, as the config resolver makes it: a changed variable is a new
 * object (found by identity), and so is a changed set of variables. */
export function resolveFrom(
  name: string,
  info: { valueKind: ValueKind; ranges: readonly Range[] },
  vars: Readonly<Record<string, VariableMeta>>,
  defaults: Required<VariableDefaults>,
  septets: (u: number) => number,
): Resolution {
  const e = recall(name);
  if (
    e !== undefined &&
    e.valueKind === info.valueKind &&
    e.defaultMinLength === defaults.defaultMinLength &&
    e.defaultMaxLength === defaults.defaultMaxLength &&
    e.defaultCharset === defaults.defaultCharset
  ) {
    if (e.vars === vars) return e;
    // The remembered key is the string already used as a property key: looked up without hashing anew.
    const meta = Object.prototype.hasOwnProperty.call(vars, e.key) ? vars[e.key] : undefined;
    if (e.meta === meta) {
      e.vars = vars;
      return e;
    }
  }
  const meta = Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : undefined;
  const r = resolveVariable(name, info, meta, defaults, septets);
  const made: Resolution = {
    key: name,
    valueKind: info.valueKind,
    meta,
    vars,
    defaultMinLength: defaults.defaultMinLength,
    defaultMaxLength: defaults.defaultMaxLength,
    defaultCharset: defaults.defaultCharset,
    r,
    lengthAssumed: r.assumed.includes('minLength') || r.assumed.includes('maxLength'),
    choices: [undefined, undefined, undefined],
    sampleStats: [undefined, undefined],
  };
  if (remembered.size >= REMEMBER_LIMIT) remembered.clear();
  remembered.set(name, made);
  RECENT[slotOf(name)] = made;
  return made;
}

/** Resolutions lately found, by a hash of the name's length and first, middle and last
 * characters: a body's names are fresh strings, which a map lookup must hash in full first,
 * while one compare tells here. */
const RECENT: (Resolution | undefined)[] = new Array<Resolution | undefined>(128).fill(undefined);

/** A slot of a 128-entry table for a name (multiplicative hashing of a few of its characters). */
export function slotOf(name: string): number {
  const n = name.length;
  if (n === 0) return 0;
  const h = Math.imul(n, 0x9e3779b1) ^ Math.imul(name.charCodeAt(0), 0x85ebca6b) ^ Math.imul(name.charCodeAt(n - 1), 0xc2b2ae35) ^ Math.imul(name.charCodeAt(n >> 1), 0x27d4eb2f);
  return h >>> 25;
}

function recall(name: string): Resolution | undefined {
  const slot = slotOf(name);
  const r = RECENT[slot];
  if (r !== undefined && r.key === name) return r;
  const e = remembered.get(name);
  if (e !== undefined) RECENT[slot] = e;
  return e;
}

/** `r` placed at other ranges. */
export function withRanges(r: ResolvedVariable, ranges: readonly Range[]): ResolvedVariable {
  return r.ranges === ranges ? r : resolved(r.name, r.valueKind, r.minLength, r.maxLength, r.charset, r.sample, r.assumed, r.mayBeUnicode, r.extended, ranges, r.adjustments);
}
