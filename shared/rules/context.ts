// What a rule sees for one body, and the shape of a rule module.
import type { ResolvedConfig, RuleOptions } from '../config/types';
import type { BodyModel } from '../lint/bodyModel';
import type { Severity } from '../types';
import type { RuleFinding, RuleId } from './registry';

export interface BodyRuleContext {
  readonly model: BodyModel;
  readonly config: ResolvedConfig;
  /** This rule's options from config (`[severity, options]`), or {}. */
  readonly options: RuleOptions;
  /** Replacement text written the way the host literal spells it (escaped quotes…). */
  readonly encode: (text: string) => string;
}

export interface BodyFinding extends RuleFinding {
  /**
   * Markdown for a hover over the finding, written when asked for. A function, not a getter in the
   * literal: a getter closure per object gives every finding its own hidden class, which keeps its
   * body alive through young-generation collections (measured 6× slower on a 10,000-file run).
   */
  readonly hover?: () => string;
}

export interface BodyRule {
  readonly id: RuleId;
  readonly defaultSeverity: Severity | 'off';
  readonly description: string;
  readonly docsPath: string;
  check(ctx: BodyRuleContext): readonly BodyFinding[];
}
