import type { BodyRule, BodyFinding } from './context';
import { plural } from './describe';

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
          message: `${v.name} may carry non-GSM text (charset unicode): the worst case is UCS-2, ${worst.segments === best.segments ? `still ${plural(worst.segments, 'segment')}` : `${best.segments} → ${plural(worst.segments, 'segment')}`}. Set variables.${v.name}.charset to "gsm" if its values are always GSM-7.`,
          data: { variable: v.name, best: best.segments, worst: worst.segments },
        });
      }
    }
    return out;
  },
};
