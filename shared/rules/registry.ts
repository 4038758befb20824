// The shape every rule module has. Types only (plus the id list the config schema needs):
// the rule modules themselves land after segments, templates and pricing.
import type { Fix, Range, Severity, SeveritySetting } from '../types';
import type { ResolvedConfig, RuleOptions } from '../config/types';

/** Every rule id (PRODUCT.md §5). The config schema lists exactly these under "rules". */
export type RuleId =
  | 'non-gsm-char'
  | 'invisible-char'
  | 'gsm-extended-char'
  | 'decomposed-char'
  | 'segment-limit'
  | 'cost-limit'
  | 'variable-may-be-unicode'
  | 'variable-length-unknown'
  | 'mms-unsupported'
  | 'insufficient-balance'
  | 'invalid-directive';

// Kept in step with RuleId by the `satisfies` check: a missing or extra id fails to compile.
const ids = {
  'non-gsm-char': true,
  'invisible-char': true,
  'gsm-extended-char': true,
  'decomposed-char': true,
  'segment-limit': true,
  'cost-limit': true,
  'variable-may-be-unicode': true,
  'variable-length-unknown': true,
  'mms-unsupported': true,
  'insufficient-balance': true,
  'invalid-directive': true,
} as const satisfies Record<RuleId, true>;

export const RULE_IDS: readonly RuleId[] = Object.keys(ids) as RuleId[];

export function isRuleId(s: string): s is RuleId {
  return Object.prototype.hasOwnProperty.call(ids, s);
}

/**
 * What a rule sees for one body. Loose for now: `analysis`, `figures` and `cost` take the types
 * of shared/segments (analyze), shared/templates and shared/pricing once those land.
 */
export interface RuleContext {
  /** The body as the SMS will carry it (escapes decoded, placeholders in place). */
  readonly body: string;
  /** Maps a body offset back to a range in the original document (through escapes). */
  readonly toDocument: (bodyRange: Range) => Range;
  readonly analysis: unknown;
  readonly figures: unknown;
  readonly cost: unknown;
  readonly config: ResolvedConfig;
  /** This rule's options from config (`[severity, options]`), or {}. */
  readonly options: RuleOptions;
}

/** A finding as a rule reports it; the engine adds the severity from config. */
export interface RuleFinding {
  /** In document offsets. */
  readonly range: Range;
  readonly message: string;
  /** Quick fixes, computed once here so the editor never recomputes. */
  readonly fixes?: readonly Fix[];
  /** The figures behind the message (segments before/after, cost deltas…), for hovers and JSON output. */
  readonly data?: Readonly<Record<string, unknown>>;
}

export interface Rule {
  readonly id: RuleId;
  readonly defaultSeverity: Severity | 'off';
  /** One sentence, for hovers and `smslint --list-rules`. */
  readonly description: string;
  /** Repository-relative path of the rule's doc, e.g. docs/rules/non-gsm-char.md. */
  readonly docsPath: string;
  check(ctx: RuleContext): readonly RuleFinding[];
}

/** A finding once its rule's severity is known. */
export interface Finding extends RuleFinding {
  readonly ruleId: RuleId;
  readonly severity: Severity;
}

/** The severity a rule runs at for a config ("off" when disabled). */
export function ruleSeverity(config: ResolvedConfig, rule: Pick<Rule, 'id' | 'defaultSeverity'>): SeveritySetting {
  return config.rules[rule.id]?.severity ?? rule.defaultSeverity;
}
