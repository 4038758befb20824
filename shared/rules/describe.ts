// Shared wording for the character rules: what a character is, and what the body costs.
import type { BodyModel } from '../lint/bodyModel';
import { spanText } from '../lint/bodyModel';
import { formatCodePoint, type CharFinding } from '../segments';
import type { TemplateFigures } from '../templates';
import { formatSpan, groupThousands, type CampaignCost } from '../pricing';

export function charLabel(f: CharFinding): string {
  const shown = /^[\p{L}\p{N}\p{P}\p{S}]+$/u.test(f.char) ? `${f.char} ` : '';
  return `${shown}(${formatCodePoint(f.codePoint)} ${f.name})`;
}

export function segmentSpan(f: TemplateFigures): string {
  return f.best.segments === f.worst.segments ? `${f.worst.segments}` : `${f.best.segments}–${f.worst.segments}`;
}

/** "1 segment", "1,653 recipients". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${groupThousands(n)} ${n === 1 ? one : many}`;
}

/** "+$0.01 per recipient, +$16.53 for 1,653 recipients", or '' when nothing changes. */
export function costDelta(now: CampaignCost | undefined, after: CampaignCost | undefined): string {
  if (!now || !after || now.unit !== after.unit) return '';
  const per = (now.perRecipient.worst as number) - (after.perRecipient.worst as number);
  if (per <= 0) return '';
  const total = (now.total.worst as number) - (after.total.worst as number);
  const one = (v: number): string => formatSpan(now.unit, { best: v, worst: v });
  return `+${one(per)} per recipient, +${one(total)} for ${plural(now.recipients, 'recipient')}`;
}

/**
 * The sentence depends only on the body and one flag: a rule asks once per check, through this
 * memo, however many curly quotes the body has. (A WeakMap keyed by every body measured slower:
 * each garbage collection walks its entries.)
 */
export function ucs2Effects(m: BodyModel): (fixedByFixAll: boolean) => string {
  let fixed: string | undefined;
  let kept: string | undefined;
  return (f) => (f ? (fixed ??= describeUcs2Effect(m, true)) : (kept ??= describeUcs2Effect(m, false)));
}

/**
 * What the body's non-GSM literal characters do to it, for the character rules:
 * "forces UCS-2: 1 → 2 segments, +$0.01 per recipient, +$16.53 for 1,653 recipients".
 * "After" is the body once every replacement fix-all would make is made.
 */
function describeUcs2Effect(m: BodyModel, fixedByFixAll: boolean): string {
  const now = m.figures.worst;
  const after = m.fixedFigures.worst;
  if (now.encoding !== 'UCS-2') return `is outside GSM-7 (${plural(now.segments, 'segment')})`;
  if (after.encoding !== 'GSM-7') {
    // Something else (an emoji, an allowed character, a unicode variable) keeps the body UCS-2.
    return fixedByFixAll
      ? `is outside GSM-7; other characters keep the message UCS-2 even once it is replaced (${plural(now.segments, 'segment')} worst case)`
      : `forces UCS-2 (${plural(now.segments, 'segment')} worst case)`;
  }
  if (after.segments >= now.segments) return `forces UCS-2 (70 characters per segment instead of 160; still ${plural(now.segments, 'segment')} here)`;
  const delta = costDelta(m.cost, m.fixedCost);
  return `forces UCS-2: ${after.segments} → ${plural(now.segments, 'segment')}${delta ? `, ${delta}` : ''}`;
}

/** A small markdown table: now versus after the safe replacements. */
export function beforeAfterTable(m: BodyModel): string {
  const rows = [
    '| | now | with GSM replacements |',
    '|---|---|---|',
    `| encoding | ${m.figures.worst.encoding} | ${m.fixedFigures.worst.encoding} |`,
    `| segments | ${segmentSpan(m.figures)} | ${segmentSpan(m.fixedFigures)} |`,
  ];
  if (m.cost && m.fixedCost) {
    rows.push(`| per recipient | ${spanText(m.cost, 'perRecipient')} | ${spanText(m.fixedCost, 'perRecipient')} |`);
    rows.push(`| ${plural(m.recipients, 'recipient')} | ${spanText(m.cost, 'total')} | ${spanText(m.fixedCost, 'total')} |`);
  }
  return rows.join('\n');
}
