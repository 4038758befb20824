// Grapheme clusters exactly as grapheme-splitter 1.0.4 draws them (UAX #29 for Unicode 10, with
// that library's own lookahead quirks), because the reference calculator never splits one
// across segments. Linear time: the library's mid-array scans are replaced by running state.
import { lastAtOrBelow } from '../text/search';
import { GRAPHEME_BREAK_RUNS } from './graphemeBreakData';

export const enum Gb {
  CR = 0, LF = 1, Control = 2, Extend = 3, RI = 4, SpacingMark = 5, L = 6, V = 7, T = 8,
  LV = 9, LVT = 10, Other = 11, Prepend = 12, EBase = 13, EModifier = 14, ZWJ = 15,
  GlueAfterZwj = 16, EBaseGAZ = 17,
}

const BMP = new Uint8Array(0x10000);
const astralStarts: number[] = [];
const astralProps: number[] = [];
for (let i = 0; i < GRAPHEME_BREAK_RUNS.length; i += 2) {
  const from = GRAPHEME_BREAK_RUNS[i]!;
  const prop = GRAPHEME_BREAK_RUNS[i + 1]!;
  const to = i + 2 < GRAPHEME_BREAK_RUNS.length ? GRAPHEME_BREAK_RUNS[i + 2]! : 0x110000;
  if (from < 0x10000) BMP.fill(prop, from, Math.min(to, 0x10000));
  if (to > 0x10000) {
    astralStarts.push(Math.max(from, 0x10000));
    astralProps.push(prop);
  }
}

export function breakProperty(cp: number): Gb {
  if (cp < 0x10000) return BMP[cp] as Gb;
  return astralProps[lastAtOrBelow(astralStarts, cp)] as Gb;
}

/** True when a BMP unit always stands alone as its own cluster (GB999 and the control rules). */
export function isSimpleUnit(unit: number): boolean {
  if (unit >= 0xd800 && unit <= 0xdfff) return false;
  const p = BMP[unit];
  return p === Gb.Other || p === Gb.Control || p === Gb.CR || p === Gb.LF;
}

function isPairAt(text: string, i: number): boolean {
  const a = text.charCodeAt(i);
  if (a < 0xd800 || a > 0xdbff) return false;
  const b = text.charCodeAt(i + 1);
  return b >= 0xdc00 && b <= 0xdfff;
}

// The library's codePointAt: a lone half is its own code point.
function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i < text.length - 1) {
    const d = text.charCodeAt(i + 1);
    return d >= 0xdc00 && d <= 0xdfff ? (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000 : c;
  }
  if (c >= 0xdc00 && c <= 0xdfff && i >= 1) {
    const h = text.charCodeAt(i - 1);
    return h >= 0xd800 && h <= 0xdbff ? (h - 0xd800) * 0x400 + (c - 0xdc00) + 0x10000 : c;
  }
  return c;
}

const isEBase = (p: number): boolean => p === Gb.EBase || p === Gb.EBaseGAZ;
const isControlish = (p: number): boolean => p === Gb.Control || p === Gb.CR || p === Gb.LF;

/** End offset of the cluster that starts at `index` (grapheme-splitter's nextBreak). */
export function nextGraphemeBreak(text: string, index: number): number {
  const len = text.length;
  if (index >= len - 1) return len;
  const start = breakProperty(codePointAt(text, index));
  // Running state that stands in for the library's [start, ...mid, end] array.
  let midLen = 0;
  let allMidExtend = true;
  let anyExtend = start === Gb.Extend;
  let previous: number = start;
  let beforePrevious = -1;
  let midHasRI = false;
  let leadRunOpen = true;
  let leadRunLen = 0;
  let riAfterLeadRun = false;
  for (let i = index + 1; i < len; i++) {
    if (isPairAt(text, i - 1)) continue;
    const next = breakProperty(codePointAt(text, i));
    if (shouldBreak(start, midLen, allMidExtend, anyExtend, previous, beforePrevious, midHasRI, leadRunLen, riAfterLeadRun, next)) return i;
    midLen++;
    if (next !== Gb.Extend) allMidExtend = false;
    else anyExtend = true;
    beforePrevious = previous;
    previous = next;
    if (next === Gb.RI) midHasRI = true;
    if (leadRunOpen && next === Gb.RI) leadRunLen++;
    else {
      leadRunOpen = false;
      if (next === Gb.RI) riAfterLeadRun = true;
    }
  }
  return len;
}

  // The library's shouldBreak(start, mid, end), over the running state of `mid`.
function shouldBreak(
  start: number, midLen: number, allMidExtend: boolean, anyExtend: boolean, previous: number,
  beforePrevious: number, midHasRI: boolean, leadRunLen: number, riAfterLeadRun: boolean, next: number,
): boolean {
    // The library's GB10 lookahead terminator.
    if (next === Gb.EModifier && midLen >= 1 && allMidExtend && start !== Gb.Extend && !isEBase(start)) return true;
    // The library's GB12/13 lookahead terminator.
    if (previous !== Gb.Prepend && previous !== Gb.RI) {
      if (next === Gb.RI ? midLen === 0 : leadRunLen >= 1 && !riAfterLeadRun) return true;
    }
    if (previous === Gb.CR && next === Gb.LF) return false;
    if (isControlish(previous) || isControlish(next)) return true;
    if (previous === Gb.L && (next === Gb.L || next === Gb.V || next === Gb.LV || next === Gb.LVT)) return false;
    if ((previous === Gb.LV || previous === Gb.V) && (next === Gb.V || next === Gb.T)) return false;
    if ((previous === Gb.LVT || previous === Gb.T) && next === Gb.T) return false;
    if (next === Gb.Extend || next === Gb.ZWJ || next === Gb.SpacingMark) return false;
    if (previous === Gb.Prepend) return false;
    // GB10 as the library has it: at most one Extend between the base and the modifier.
    if (next === Gb.EModifier) {
      if (!anyExtend && isEBase(previous)) return false;
      if (previous === Gb.Extend && isEBase(beforePrevious)) return false;
    }
    if (previous === Gb.ZWJ && (next === Gb.GlueAfterZwj || next === Gb.EBaseGAZ)) return false;
    if (midHasRI) return true;
    if (previous === Gb.RI && next === Gb.RI) return false;
    return true;
  }
