import type { BodyRule, BodyFinding } from './context';
import { beforeAfterTable, charLabel, ucs2Effects } from './describe';

export const nonGsmChar: BodyRule = {
  id: 'non-gsm-char',
  defaultSeverity: 'warning',
  description: 'A character outside the GSM-7 alphabet turns the whole message into UCS-2 (70 characters per segment instead of 160).',
  docsPath: 'docs/rules/non-gsm-char.md',
  check({ model: m, encode, config }) {
    const allowed = config.allowUnicode;
    if (allowed === true) return [];
    const out: BodyFinding[] = [];
    const ucs2Effect = ucs2Effects(m);
    const now = m.figures.worst;
    const after = m.fixedFigures.worst;
    for (const c of m.chars) {
      if (c.kind !== 'non-gsm') continue;
      if (Array.isArray(allowed) && allowed.includes(c.char)) continue;
      const fixAll = m.fixAllChars.has(c);
      const effect = ucs2Effect(fixAll);
      const fix = c.replacement !== undefined ? ` Replace with ${c.replacement === '' ? 'nothing' : `"${c.replacement}"`}.` : '';
      const range = m.toDocument(c);
      out.push({
        range,
        message: `${charLabel(c)} ${effect}.${fix}`,
        ...(c.replacement !== undefined
          ? { fixes: [{ title: `Replace ${c.char} with ${c.replacement === '' ? 'nothing' : c.replacement}`, edits: [{ range, text: encode(c.replacement) }] }] }
          : {}),
        data: { char: c.char, codePoint: c.codePoint, replacement: c.replacement, lossy: c.lossy === true, segments: now.segments, segmentsAfterFix: after.segments, fixAll },
        hover: () => {
          return [
            `**${charLabel(c)}** is not in the GSM-7 alphabet (3GPP TS 23.038 §6.2.1), so the whole message is sent as UCS-2: 70 units per segment, 67 when split.`,
            '',
            beforeAfterTable(m),
            ...(c.replacement !== undefined ? ['', `GSM-7 equivalent: \`${c.replacement === '' ? '(remove)' : c.replacement}\`${c.lossy ? ' (changes the spelling)' : ''}`] : []),
        ].join('\n');
        },
      });
    }
    return out;
  },
};
