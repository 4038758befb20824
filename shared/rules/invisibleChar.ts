import type { BodyRule, BodyFinding } from './context';
import { beforeAfterTable, charLabel, ucs2Effects } from './describe';

function replacementWords(r: string): { action: string; title: (name: string) => string } {
  if (r === '') return { action: 'Remove it', title: (n) => `Remove ${n}` };
  if (r === '\n') return { action: 'Replace it with a line break', title: (n) => `Replace ${n} with a line break` };
  return { action: 'Replace it with a plain space', title: (n) => `Replace ${n} with a plain space` };
}

export const invisibleChar: BodyRule = {
  id: 'invisible-char',
  defaultSeverity: 'warning',
  description: 'An invisible character (zero-width space or joiner, BOM, no-break or other Unicode space, soft hyphen) is usually pasted from a word processor and forces UCS-2.',
  docsPath: 'docs/rules/invisible-char.md',
  check({ model: m, encode, config }) {
    const allowed = config.allowUnicode;
    const out: BodyFinding[] = [];
    const ucs2Effect = ucs2Effects(m);
    for (const c of m.chars) {
      if (c.kind !== 'invisible') continue;
      // A listed character is intended (French copy may want U+202F before "?" on purpose).
      if (Array.isArray(allowed) && allowed.includes(c.char)) continue;
      const range = m.toDocument(c);
      const words = replacementWords(c.replacement ?? '');
      out.push({
        range,
        message: `Invisible ${charLabel(c)} ${ucs2Effect(true)}. ${words.action}.`,
        fixes: [{ title: words.title(c.name), edits: [{ range, text: encode(c.replacement ?? '') }] }],
        data: { char: c.char, codePoint: c.codePoint, replacement: c.replacement ?? '', segments: m.figures.worst.segments, segmentsAfterFix: m.fixedFigures.worst.segments, fixAll: m.fixAllChars.has(c) },
        hover: () => {
          return [`**${charLabel(c)}**: invisible, and not in the GSM-7 alphabet, so the whole message is sent as UCS-2.`, '', beforeAfterTable(m)].join('\n');
        },
      });
    }
    return out;
  },
};
