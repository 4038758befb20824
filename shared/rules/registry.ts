// Rule ids and findings. The rule modules are shared/rules/<id>.ts (shape in ./context).
import type { Fix, Range, Severity, SeveritySetting } from '../types';
import type { ResolvedConfig } from '../config/types';

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
  | 'invalid-directive'
  | 'malformed-template';

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
  'malformed-template': true,
} as const satisfies Record<RuleId, true>;

export const RULE_IDS: readonly RuleId[] = Object.keys(ids) as RuleId[];

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

/** The severity a rule runs at for a config ("off" when disabled). */
export function ruleSeverity(config: ResolvedConfig, rule: { readonly id: RuleId; readonly defaultSeverity: Severity | 'off' }): SeveritySetting {
  return config.rules[rule.id]?.severity ?? rule.defaultSeverity;
}
