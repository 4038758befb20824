import type { BodyRule, BodyFinding } from './context';

export const variableLengthUnknown: BodyRule = {
  id: 'variable-length-unknown',
  defaultSeverity: 'info',
  description: 'A placeholder has no declared maxLength, so the worst case assumes the configured default.',
  docsPath: 'docs/rules/variable-length-unknown.md',
  check({ model: m }) {
    const out: BodyFinding[] = [];
    for (const v of m.figures.variables) {
      if (!v.assumed.includes('maxLength')) continue;
      for (const r of v.ranges) {
        out.push({
          range: m.toDocument(r),
          message: `${v.name} has no declared maxLength; assumed ${v.maxLength} characters (variableDefaults.maxLength). Set variables.${v.name}.maxLength in your smslint config.`,
          data: { variable: v.name, assumedMaxLength: v.maxLength },
        });
      }
    }
    return out;
  },
};
