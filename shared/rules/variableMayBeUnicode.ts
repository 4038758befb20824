import type { BodyRule, BodyFinding } from './context';

export const variableMayBeUnicode: BodyRule = {
  id: 'variable-may-be-unicode',
  defaultSeverity: 'info',
  description: 'A placeholder whose values may hold non-GSM text (charset "unicode") makes the worst case UCS-2.',
  docsPath: 'docs/rules/variable-may-be-unicode.md',
  check({ model: m }) {
    const out: BodyFinding[] = [];
    const best = m.figures.best;
    const worst = m.figures.worst;
    if (best.encoding !== 'GSM-7' || worst.encoding !== 'UCS-2') return [];
    for (const v of m.figures.variables) {
      if (!v.mayBeUnicode) continue;
      for (const r of v.ranges) {
        out.push({
          range: m.toDocument(r),
          message: `${v.name} may carry non-GSM text (charset unicode): worst case is UCS-2, ${worst.segments} segments instead of ${best.segments}.`,
          data: { variable: v.name, best: best.segments, worst: worst.segments },
        });
      }
    }
    return out;
  },
};
