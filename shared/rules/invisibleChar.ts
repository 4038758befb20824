import type { BodyRule, BodyFinding } from './context';
import { beforeAfterTable, charLabel, plural } from './describe';

export const invisibleChar: BodyRule = {
  id: 'invisible-char',
  defaultSeverity: 'warning',
  description: 'An invisible character (zero-width space or joiner, BOM, no-break or other Unicode space, soft hyphen) is usually pasted from a word processor and forces UCS-2.',
  docsPath: 'docs/rules/invisible-char.md',
  check({ model: m, encode }) {
    const out: BodyFinding[] = [];
    for (const c of m.chars) {
      if (c.kind !== 'invisible') continue;
      const range = m.toDocument(c);
      const action = c.replacement === '' ? 'Remove it' : c.replacement === ' ' ? 'Replace it with a plain space' : 'Replace it with a line break';
      out.push({
        range,
        message: `Invisible ${charLabel(c)} forces UCS-2 (${plural(m.figures.worst.segments, 'segment')} worst case, ${m.fixedFigures.worst.segments} once fixed). ${action}.`,
        fixes: [{ title: c.replacement === '' ? `Remove ${c.name}` : `Replace ${c.name} with a plain space`, edits: [{ range, text: encode(c.replacement ?? '') }] }],
        data: { char: c.char, codePoint: c.codePoint, replacement: c.replacement ?? '', fixAll: true },
        hover: [`**${charLabel(c)}**: invisible, and not in the GSM-7 alphabet, so the whole message is sent as UCS-2.`, '', beforeAfterTable(m)].join('\n'),
      });
    }
    return out;
  },
};
