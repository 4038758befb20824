import type { BodyRule, BodyFinding } from './context';
import { charLabel } from './describe';

export const gsmExtendedChar: BodyRule = {
  id: 'gsm-extended-char',
  defaultSeverity: 'info',
  description: 'A GSM-7 extension character (^ { } \\ [ ] ~ | € and form feed) costs 2 septets (ESC + character); reported when those extra septets add a segment.',
  docsPath: 'docs/rules/gsm-extended-char.md',
  check({ model: m }) {
    const without = m.withoutExtensionFigures;
    if (!without || m.figures.worst.encoding !== 'GSM-7') return [];
    const now = m.figures.worst.segments;
    const plain = without.worst.segments;
    if (plain >= now) return [];
    const out: BodyFinding[] = [];
    for (const c of m.chars) {
      if (c.kind !== 'gsm-extended') continue;
      out.push({
        range: m.toDocument(c),
        message: `${charLabel(c)} is a GSM-7 extension character (2 septets); the extension characters here make the message ${now} segments instead of ${plain}.`,
        data: { char: c.char, segments: now, segmentsWithoutExtension: plain },
        hover: () => {
          return `**${charLabel(c)}** is in the GSM-7 extension table (3GPP TS 23.038 §6.2.1.1): sent as ESC + character, 2 septets. Without the extension characters this message would be ${plain} segment${plain === 1 ? '' : 's'}, not ${now}.`;
        },
      });
    }
    return out;
  },
};
