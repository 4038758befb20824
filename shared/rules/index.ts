// Every body rule, in the order their findings are listed.
import type { BodyRule } from './context';
import { costLimit } from './costLimit';
import { decomposedChar } from './decomposedChar';
import { gsmExtendedChar } from './gsmExtendedChar';
import { insufficientBalance } from './insufficientBalance';
import { invisibleChar } from './invisibleChar';
import { mmsUnsupported } from './mmsUnsupported';
import { nonGsmChar } from './nonGsmChar';
import { segmentLimit } from './segmentLimit';
import { variableLengthUnknown } from './variableLengthUnknown';
import { variableMayBeUnicode } from './variableMayBeUnicode';

export const BODY_RULES: readonly BodyRule[] = [
  nonGsmChar, invisibleChar, decomposedChar, gsmExtendedChar, segmentLimit, costLimit,
  variableMayBeUnicode, variableLengthUnknown, mmsUnsupported, insufficientBalance,
];

/** Rules that see the whole document rather than a body. */
export const DOCUMENT_RULES = {
  'invalid-directive': {
    defaultSeverity: 'warning',
    description: 'A smslint directive comment is malformed, names an unknown rule, or enables what was never disabled.',
    docsPath: 'docs/rules/invalid-directive.md',
  },
  'malformed-template': {
    defaultSeverity: 'error',
    description: 'A template placeholder or block is malformed (unclosed tag, unmatched end, bad ICU argument), or the file could not be read as a template.',
    docsPath: 'docs/rules/malformed-template.md',
  },
} as const;

export type { BodyRule, BodyRuleContext, BodyFinding } from './context';
export { RULE_IDS, ruleSeverity, type RuleId } from './registry';
