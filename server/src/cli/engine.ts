// The real lint core behind the LintEngine seam.
import { fixAll, lintDocument } from '../../../shared/lint';
import { BODY_RULES, DOCUMENT_RULES } from '../../../shared/rules';
import type { LintEngine, RuleInfo } from './io';

const rules: RuleInfo[] = [
  ...BODY_RULES.map((r) => ({ id: r.id, description: r.description, defaultSeverity: r.defaultSeverity, docsPath: r.docsPath })),
  ...Object.entries(DOCUMENT_RULES).map(([id, r]) => ({ id, description: r.description, defaultSeverity: r.defaultSeverity, docsPath: r.docsPath })),
];

export const coreEngine: LintEngine = { lintDocument, fixAll, rules };
