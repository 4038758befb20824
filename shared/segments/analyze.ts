// Which characters decide the encoding and the count, and what the body costs once fixed.
import type { Edit } from '../types';
import { CHAR_INFO, charName } from './charTables';
import { countSegments } from './count';
import { SEPTETS_BY_UNIT } from './gsm';
import { nextGraphemeBreak } from './graphemes';
import { DEFAULT_SIZES, type SegmentCount, type SegmentSizes } from './sizes';

export type CharKind = 'non-gsm' | 'gsm-extended' | 'invisible' | 'decomposed';

export interface CharFinding {
  readonly kind: CharKind;
  /** UTF-16 range in the analyzed text. */
  readonly start: number;
  readonly end: number;
  readonly char: string;
  /** First code point of the range (a lone surrogate reports itself). */
  readonly codePoint: number;
  readonly name: string;
  /** GSM-7 equivalent ('' = remove); absent when there is none. */
  readonly replacement?: string;
  /** The replacement respells a word (Zoë → Zoe): offered one by one, never by fix-all. */
  readonly lossy?: boolean;
}

export interface FixResult {
  readonly text: string;
  readonly edits: readonly Edit[];
  readonly count: SegmentCount;
}

export interface Analysis extends SegmentCount {
  /** UTF-16 length of the text. */
  readonly length: number;
  readonly findings: readonly CharFinding[];
  /** The body after every safe replacement. */
  readonly fixed: FixResult;
}

const COMBINING = /\p{M}/u;

function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

function isCombining(cp: number): boolean {
  return cp >= 0x300 && (cp <= 0x36f || COMBINING.test(String.fromCodePoint(cp)));
}

/** Every character that forces UCS-2, costs 2 septets, hides, or is decomposed. Linear time. */
export function findCharacters(text: string): CharFinding[] {
  const findings: CharFinding[] = [];
  const len = text.length;
  for (let i = 0; i < len; ) {
    const septets = SEPTETS_BY_UNIT[text.charCodeAt(i)]!;
    if (septets === 1) {
      i++;
      continue;
    }
    if (septets === 2) {
      const ch = text[i]!;
      findings.push({ kind: 'gsm-extended', start: i, end: i + 1, char: ch, codePoint: ch.charCodeAt(0), name: charName(ch.charCodeAt(0)) });
      i++;
      continue;
    }
    const cp = codePointAt(text, i);
    const width = cp > 0xffff ? 2 : 1;
    const info = CHAR_INFO.get(cp);
    if (info?.invisible) {
      findings.push({ kind: 'invisible', start: i, end: i + width, char: text.slice(i, i + width), codePoint: cp, name: info.name, ...(info.replacement !== undefined ? { replacement: info.replacement } : {}) });
      i += width;
      continue;
    }
    if (isCombining(cp)) {
      let end = i + width;
      while (end < len && isCombining(codePointAt(text, end))) end += codePointAt(text, end) > 0xffff ? 2 : 1;
      // Zero-width characters between the base and its marks ("a\u200b\u0301") are removed by the
      // fix, which would leave a decomposed letter for a second fix: take them into this finding.
      let hidden = findings.length;
      while (hidden > 0 && findings[hidden - 1]!.kind === 'invisible' && findings[hidden - 1]!.replacement === '' && findings[hidden - 1]!.end === (hidden === findings.length ? i : findings[hidden]!.start)) hidden--;
      const at = hidden < findings.length ? findings[hidden]!.start : i;
      const base = at > 0 && SEPTETS_BY_UNIT[text.charCodeAt(at - 1)] === 1 ? at - 1 : -1;
      const composed = base >= 0 ? (text[base]! + text.slice(i, end)).normalize('NFC') : '';
      if (composed.length === 1 && SEPTETS_BY_UNIT[composed.charCodeAt(0)]! > 0) {
        findings.length = hidden;
        findings.push({ kind: 'decomposed', start: base, end, char: text.slice(base, end), codePoint: cp, name: charName(cp), replacement: composed });
      } else {
        findings.push({ kind: 'non-gsm', start: i, end, char: text.slice(i, end), codePoint: cp, name: charName(cp) });
      }
      i = end;
      continue;
    }
    // A whole cluster (an emoji ZWJ sequence, a flag) is one finding.
    let end = Math.max(nextGraphemeBreak(text, i), i + width);
    while (end > i + width && SEPTETS_BY_UNIT[text.charCodeAt(end - 1)]! > 0) end--;
    const single = end === i + width;
    findings.push({
      kind: 'non-gsm', start: i, end, char: text.slice(i, end), codePoint: cp, name: charName(cp),
      ...(single && info?.replacement !== undefined ? { replacement: info.replacement } : {}),
      ...(single && info?.lossy ? { lossy: true } : {}),
    });
    i = end;
  }
  return findings;
}

/** Applies the replacements of the given findings (sorted, non-overlapping) to the text. */
export function applyReplacements(text: string, findings: readonly CharFinding[], includeLossy = false): { text: string; edits: Edit[] } {
  const parts: string[] = [];
  const edits: Edit[] = [];
  let at = 0;
  for (const f of findings) {
    if (f.replacement === undefined || (f.lossy && !includeLossy) || f.start < at) continue;
    parts.push(text.slice(at, f.start), f.replacement);
    edits.push({ range: { start: f.start, end: f.end }, text: f.replacement });
    at = f.end;
  }
  parts.push(text.slice(at));
  return { text: edits.length ? parts.join('') : text, edits };
}

const lengthens = (f: CharFinding): boolean => f.replacement !== undefined && f.replacement.length > f.end - f.start;

/** The safe replacements, unless they cost more: "™" → "TM" in a body that stays UCS-2 (or
 * seventy "…" → "..." in GSM-7) adds segments; then only the replacements that do not lengthen. */
function cheapestFix(text: string, findings: readonly CharFinding[], count: SegmentCount, sizes: SegmentSizes): FixResult {
  const all = applyReplacements(text, findings);
  if (!all.edits.length) return { ...all, count };
  const allCount = countSegments(all.text, sizes);
  if (allCount.segments <= count.segments) return { ...all, count: allCount };
  const short = applyReplacements(text, findings.filter((f) => !lengthens(f)));
  const shortCount = short.edits.length ? countSegments(short.text, sizes) : count;
  if (shortCount.segments <= count.segments) return { ...short, count: shortCount };
  return { text, edits: [], count };
}

export function analyze(text: string, sizes: SegmentSizes = DEFAULT_SIZES): Analysis {
  const count = countSegments(text, sizes);
  const findings = findCharacters(text);
  return { ...count, length: text.length, findings, fixed: cheapestFix(text, findings, count, sizes) };
}

/** One call: the body with every safe GSM replacement applied, and the edits that did it. */
export function fixText(text: string, sizes: SegmentSizes = DEFAULT_SIZES): FixResult {
  return analyze(text, sizes).fixed;
}
