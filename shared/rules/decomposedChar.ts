import type { BodyRule, BodyFinding } from './context';
import { beforeAfterTable, charLabel, ucs2Effects } from './describe';

export const decomposedChar: BodyRule = {
  id: 'decomposed-char',
  defaultSeverity: 'warning',
  description: 'A letter written as base + combining mark (e + U+0301) forces UCS-2 where its precomposed form (é) is GSM-7; NFC normalisation fixes it.',
  docsPath: 'docs/rules/decomposed-char.md',
  check({ model: m, encode }) {
    const out: BodyFinding[] = [];
    const ucs2Effect = ucs2Effects(m);
    for (const c of m.chars) {
      if (c.kind !== 'decomposed' || c.replacement === undefined) continue;
      const range = m.toDocument(c);
      out.push({
        range,
        message: `Decomposed ${c.replacement}: the base letter plus ${charLabel(c)} ${ucs2Effect(true)}; the precomposed ${c.replacement} is GSM-7. Normalize to NFC.`,
        fixes: [{ title: `Replace with precomposed ${c.replacement} (NFC)`, edits: [{ range, text: encode(c.replacement) }] }],
        data: { char: c.char, codePoint: c.codePoint, replacement: c.replacement, segments: m.figures.worst.segments, segmentsAfterFix: m.fixedFigures.worst.segments, fixAll: m.fixAllChars.has(c) },
        hover: () => {
          return [`**Decomposed ${c.replacement}**: ${charLabel(c)} after its base letter. NFC folds it into ${c.replacement}, which is in the GSM-7 alphabet.`, '', beforeAfterTable(m)].join('\n');
        },
      });
    }
    return out;
  },
};
