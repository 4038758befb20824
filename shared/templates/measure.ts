// Counting primitives shared by the general figures engine and its fast path: per-unit flags,
// text statistics, what a placeholder prints in each case, and the segment count from statistics
// when that is exact.
import { septetsOf, type SegmentSizes } from '../segments';
import { isSimpleUnit, nextGraphemeBreak } from '../segments/graphemes';
import type { Encoding } from '../types';
import type { VariablePart } from './types';
import { applyFilters, applyOp, escapeHtml } from './values';
import type { Resolution, ResolvedVariable } from './variables';

export interface FigureCount {
  readonly encoding: Encoding;
  /** Septets (GSM-7) or UTF-16 units (UCS-2). */
  readonly units: number;
  readonly segments: number;
  /** UTF-16 length of the rendered text. */
  readonly length: number;
}

/** Per UTF-16 unit: bits 0–1 septets; bit 2 may join a grapheme cluster (as count.ts has it);
 * bit 3 not GSM-7; bit 4 GSM extension table. One OR and one add per unit in `measureInto`. */
export const FLAGS = new Uint8Array(0x10000);
for (let u = 0; u < 0x10000; u++) {
  const sp = septetsOf(u);
  FLAGS[u] = sp | (isSimpleUnit(u) ? 0 : 4) | (sp === 0 ? 8 : 0) | (sp === 2 ? 16 : 0);
}
export const COMPLEX = 4;
export const NON_GSM = 8;
export const EXTENDED = 16;

/** Length, septets, flag bits and units that may join a cluster (COMPLEX) of a text, or of a sum
 * of texts. */
export class Stats {
  constructor(
    public len = 0,
    public septets = 0,
    public flags = 0,
    public complex = 0,
  ) {}

  add(b: Stats, k = 1): void {
    this.len += b.len * k;
    this.septets += b.septets * k;
    this.complex += b.complex * k;
    if (k !== 0) this.flags |= b.flags;
  }

  copy(): Stats {
    return new Stats(this.len, this.septets, this.flags, this.complex);
  }
}

/** Branch picks as [group, arm, group, arm…] in document order. */
export type Picks = readonly number[];

export const NO_PICKS: Picks = [];

/** One branch combination with its best and worst sums. */
export interface Variant {
  picks: Picks;
  best: Stats;
  worst: Stats;
}

/** `a` followed by `b`, under `picks`. */
export function joinVariants(a: Variant, b: Variant, picks: Picks): Variant {
  const best = a.best.copy();
  best.add(b.best);
  const worst = a.worst.copy();
  worst.add(b.worst);
  return { picks, best, worst };
}

// The three cases each figure is computed for; per-case arrays are indexed by them.
export const BEST = 0;
export const WORST = 1;
export const SAMPLE = 2;
export type Scenario = typeof BEST | typeof WORST | typeof SAMPLE;

/** A printed variable as the cases see it: its resolved metadata, and what the sample case prints
 * (its sample, '' when a `default` filter prints instead, undefined when it has no sample). */
export interface VariableValues {
  readonly r: ResolvedVariable;
  readonly sampleText: string | undefined;
  /** Where `r` was placed from: it keeps the sample's statistics across bodies. */
  readonly resolution?: Resolution;
}

/** The character a best or worst value repeats (figures.ts says why these). */
function filler(r: ResolvedVariable, sc: Scenario, extendedInWorst: boolean): number {
  if (sc === BEST) return r.valueKind === 'number' ? 0x31 : 0x61; // 1 a
  return r.mayBeUnicode ? 0xeb : r.valueKind === 'number' ? 0x39 : r.extended || extendedInWorst ? 0x20ac : 0x78; // ë 9 € x
}

/** Filters that change a value's text (unknown ones are measured as absent, `keep` changes nothing). */
export function hasLengthFilter(p: VariablePart): boolean {
  for (const f of p.filters) if (f.op !== null && f.op.op !== 'keep') return true;
  return false;
}

/** The printed text of a placeholder in case `sc`, or undefined when it has no value there. */
export function printedText(p: VariablePart, v: VariableValues, sc: Scenario, extendedInWorst: boolean): string | undefined {
  const r = v.r;
  const value = sc === SAMPLE ? v.sampleText : String.fromCharCode(filler(r, sc, extendedInWorst)).repeat(sc === BEST ? r.minLength : r.maxLength);
  if (value === undefined) return undefined;
  const t = applyFilters(value, p.filters);
  return p.htmlEscaped ? escapeHtml(t) : t;
}

/** Adds what `p` prints in case `sc`. Fillers are runs of one character, so unfiltered ones
 * are counted without building them (they hold nothing that HTML escaping changes). */
export function variableInto(p: VariablePart, v: VariableValues, sc: Scenario, extendedInWorst: boolean, into: Stats): void {
  if (hasLengthFilter(p)) {
    if (sc !== SAMPLE) return filteredFillerInto(p, v.r, sc, extendedInWorst, into);
    return filteredSampleInto(p, v, into);
  }
  if (sc === SAMPLE) return sampleInto(p, v, 0, into);
  const r = v.r;
  const n = sc === BEST ? r.minLength : r.maxLength;
  if (n === 0) return;
  const f = FLAGS[filler(r, sc, extendedInWorst)]!;
  into.len += n;
  into.septets += (f & 3) * n;
  into.flags |= f & ~3;
}

/** variableInto for the best, worst and sample cases at once (one filter check, one read of the
 * metadata: the shallow path sums every placeholder in all three). */
export function variableInto3(p: VariablePart, v: VariableValues, extendedInWorst: boolean, best: Stats, worst: Stats, sample: Stats): void {
  if (hasLengthFilter(p)) {
    filteredFillerInto(p, v.r, BEST, extendedInWorst, best);
    filteredFillerInto(p, v.r, WORST, extendedInWorst, worst);
    filteredSampleInto(p, v, sample);
    return;
  }
  const r = v.r;
  let n = r.minLength;
  if (n !== 0) {
    const f = FLAGS[filler(r, BEST, extendedInWorst)]!;
    best.len += n;
    best.septets += (f & 3) * n;
    best.flags |= f & ~3;
  }
  n = r.maxLength;
  if (n !== 0) {
    const f = FLAGS[filler(r, WORST, extendedInWorst)]!;
    worst.len += n;
    worst.septets += (f & 3) * n;
    worst.flags |= f & ~3;
  }
  sampleInto(p, v, 0, sample);
}

/** Adds the sample as printed through filters that only change its case (`key`: caseChain),
 * or unfiltered (key 0). The configured sample is measured once per resolution and chain, as
 * printed and as HTML-escaped. */
function sampleInto(p: VariablePart, v: VariableValues, key: number, into: Stats): void {
  const sample = v.sampleText;
  if (sample === undefined) return;
  const res = v.resolution;
  const escaped = p.htmlEscaped === true;
  if (res !== undefined && sample === res.r.sample) {
    const k = 2 * key + (escaped ? 1 : 0);
    let st = res.sampleStats[k];
    if (st === undefined) {
      const t = key === 0 ? sample : applyFilters(sample, p.filters);
      measureInto(escaped ? escapeHtml(t) : t, (st = res.sampleStats[k] = new Stats()));
    }
    into.add(st);
  } else measureInto(escaped ? escapeHtml(sample) : sample, into);
}

/** Adds what a filtered placeholder prints in the sample case. */
function filteredSampleInto(p: VariablePart, v: VariableValues, into: Stats): void {
  const sample = v.sampleText;
  if (sample === undefined) return;
  // A non-empty sample goes through `default` unchanged and stays non-empty through case changes.
  const key = sample === '' ? -1 : caseChain(p);
  if (key >= 0) return sampleInto(p, v, key, into);
  const t = printedText(p, v, SAMPLE, false);
  if (t !== undefined) measureInto(t, into);
}

/** The case changes of a filter chain that does nothing else to a non-empty value, 2 bits each
 * (0: none), or -1 when it does something else or has over 3 of them. */
function caseChain(p: VariablePart): number {
  let key = 0;
  for (const f of p.filters) {
    const op = f.op;
    if (op === null || op.op === 'keep' || op.op === 'default') continue;
    if (op.op !== 'case' || key >= 16) return -1;
    key = key * 4 + (op.to === 'upper' ? 1 : op.to === 'lower' ? 2 : 3);
  }
  return key;
}

/** Adds what `p` prints for a best or worst filler, as printedText + measureInto would: the
 * filler stays a run of one character through `keep`, a `default` it does not need and case
 * changes to one character, and is counted without being built; any other filter gets the text. */
function filteredFillerInto(p: VariablePart, r: ResolvedVariable, sc: Scenario, extendedInWorst: boolean, into: Stats): void {
  let c = filler(r, sc, extendedInWorst);
  const n = sc === BEST ? r.minLength : r.maxLength;
  let text: string | undefined;
  for (const f of p.filters) {
    const op = f.op;
    if (op === null) continue;
    if (text === undefined) {
      if (op.op === 'keep' || (op.op === 'default' && n > 0)) continue;
      if (op.op === 'default') {
        text = op.text;
        continue;
      }
      if (op.op === 'case' && op.to !== 'capitalize') {
        const m = caseOf(c, op.to);
        if (m >= 0) {
          c = m;
          continue;
        }
      }
      text = String.fromCharCode(c).repeat(n);
    }
    text = applyOp(text, op);
  }
  if (text !== undefined) {
    measureInto(p.htmlEscaped ? escapeHtml(text) : text, into);
    return;
  }
  if (n === 0) return;
  if (p.htmlEscaped && HTML_SPECIAL.test(String.fromCharCode(c))) {
    measureInto(escapeHtml(String.fromCharCode(c).repeat(n)), into);
    return;
  }
  const f = FLAGS[c]!;
  into.len += n;
  into.septets += (f & 3) * n;
  into.flags |= f & ~3;
  into.complex += ((f >> 2) & 1) * n;
}

const HTML_SPECIAL = /[&<>"'`=]/;

/** The one character `c` becomes in upper or lower case, or -1 where that is not one character
 * or may depend on its neighbours (Greek final sigma and beyond). */
function caseOf(c: number, to: 'upper' | 'lower'): number {
  if (c >= 0x370 && c !== 0x20ac) return -1;
  const i = c === 0x20ac ? 0x370 : c;
  const table = to === 'upper' ? UPPER : LOWER;
  let m = table[i]!;
  if (m === UNKNOWN) {
    const s = String.fromCharCode(c);
    const t = to === 'upper' ? s.toUpperCase() : s.toLowerCase();
    m = table[i] = t.length === 1 ? t.charCodeAt(0) : -1;
  }
  return m;
}

/** caseOf's answers so far, by character (0x370: €); a toUpperCase per filtered placeholder
 * was a runtime call and a string each. */
const UNKNOWN = -2;
const UPPER = new Int32Array(0x371).fill(UNKNOWN);
const LOWER = new Int32Array(0x371).fill(UNKNOWN);

/** Anything but basic-table ASCII (1 septet, never joins a cluster). A regex scans ~3x faster
 * than a charCodeAt loop, and most literal text is all basic; `test` from lastIndex 0 finds the
 * first one for ~30% less than `search` (no lastIndex save and restore) on short texts. */
const NEXT_NOT_BASIC = /[^\n\r -Z_a-z]/g;
/** 1 for the characters NEXT_NOT_BASIC does not match. */
const IS_BASIC_ASCII = new Uint8Array(0x10000);
for (const c of [0x0a, 0x0d, 0x5f]) IS_BASIC_ASCII[c] = 1;
for (let c = 0x20; c <= 0x5a; c++) IS_BASIC_ASCII[c] = 1;
for (let c = 0x61; c <= 0x7a; c++) IS_BASIC_ASCII[c] = 1;

export function measureInto(text: string, into: Stats): void {
  NEXT_NOT_BASIC.lastIndex = 0;
  if (!NEXT_NOT_BASIC.test(text)) {
    into.len += text.length;
    into.septets += text.length;
    return;
  }
  const first = NEXT_NOT_BASIC.lastIndex - 1;
  const len = text.length;
  let septets = first;
  let or = 0;
  let complex = 0;
  let i = first;
  while (i < len) {
    const f = FLAGS[text.charCodeAt(i)]!;
    septets += f & 3;
    complex += (f >> 2) & 1;
    or |= f;
    i++;
    // A basic ASCII run after a lone special character (a curly quote in English text) is
    // skipped by regex; runs of special characters (Cyrillic, CJK) stay in this loop.
    if (i < len && IS_BASIC_ASCII[text.charCodeAt(i)] === 1) {
      NEXT_NOT_BASIC.lastIndex = i;
      const j = NEXT_NOT_BASIC.test(text) ? NEXT_NOT_BASIC.lastIndex - 1 : len;
      septets += j - i;
      i = j;
    }
  }
  into.len += text.length;
  into.septets += septets;
  into.flags |= or & ~3;
  into.complex += complex;
}

/** Segments of `n` 1-unit atoms, as count.ts computes them. */
function uniform(n: number, single: number, multi: number): number {
  return n <= single ? 1 : 1 + Math.ceil((n - Math.min(single, multi)) / multi);
}

/** The count from statistics alone, or null when the text must be rendered and counted. */
export function quickCount(s: Stats, sizes: SegmentSizes): FigureCount | null {
  return countFrom(s.len, s.septets, s.flags, s.complex, sizes);
}

/** quickCount without the packing bounds: only texts of 1-unit atoms, or that fit one segment. */
export function uniformCount(s: Stats, sizes: SegmentSizes): FigureCount | null {
  return countFrom(s.len, s.septets, s.flags, s.complex, sizes, false);
}

/** quickCount on the fields of a Stats. */
export function countFrom(len: number, septets: number, flags: number, complex: number, sizes: SegmentSizes, bounds = true): FigureCount | null {
  if (!(flags & NON_GSM)) {
    if (!(flags & EXTENDED) || septets <= sizes.gsmSingle) {
      return { encoding: 'GSM-7', units: septets, segments: uniform(septets, sizes.gsmSingle, sizes.gsmMulti), length: len };
    }
    if (!bounds) return null;
    // Each extension character is one 2-septet atom: septets - len of them, 1 septet over size each.
    const n = packed(septets, septets - len, sizes.gsmSingle, sizes.gsmMulti);
    return n < 0 ? null : { encoding: 'GSM-7', units: septets, segments: n, length: len };
  }
  if (!(flags & COMPLEX) || len <= sizes.ucs2Single) {
    // Clusters only matter where a segment must be cut; a text that fits one never is.
    return { encoding: 'UCS-2', units: len, segments: uniform(len, sizes.ucs2Single, sizes.ucs2Multi), length: len };
  }
  if (!bounds) return null;
  // A cluster of s units holds at least s - 1 joining units (CRLF is split), so `complex` bounds
  // what all atoms together are over 1 unit.
  const n = packed(len, complex, sizes.ucs2Single, sizes.ucs2Multi);
  return n < 0 ? null : { encoding: 'UCS-2', units: len, segments: n, length: len };
}

/** Segments of `n` units (over `single`) when the sizes alone decide them, else -1. The atoms
 * are over 1 unit by `over` in total. count.ts keeps the longest prefix within `multi` in
 * segment 1 and the rest in segment 2, so when that rest fits (single + 2·over + 1 ≤ 2·multi)
 * it packs greedily into `multi`-unit segments: at least ceil(n / multi) of them, and each full
 * segment is short by at most what the atom that did not fit is over 1, so with n + over ≤
 * k·multi there are no more than k = ceil(n / multi). */
function packed(n: number, over: number, single: number, multi: number): number {
  if (single < multi || over + 1 > multi || single + 2 * over + 1 > 2 * multi) return -1;
  const k = Math.ceil(n / multi);
  return n + over <= k * multi ? k : -1;
}

/** countSegments' figures for a rendered text, packed with a few scalars instead of arrays of
 * atoms and segment starts (the figures need neither). test/templates-fast.test.ts checks it
 * against countSegments. */
export function renderedCount(text: string, sizes: SegmentSizes): FigureCount {
  const len = text.length;
  let septets = 0;
  let i = 0;
  for (; i < len; i++) {
    const f = FLAGS[text.charCodeAt(i)]! & 3;
    if (f === 0) break;
    septets += f;
  }
  if (i === len) {
    if (septets === len || septets <= sizes.gsmSingle) {
      return { encoding: 'GSM-7', units: septets, segments: uniform(septets, sizes.gsmSingle, sizes.gsmMulti), length: len };
    }
    // Extension characters are 2-septet atoms: an ESC pair never straddles two segments.
    const p = packer.reset(sizes.gsmSingle, sizes.gsmMulti);
    for (let j = 0; j < len; ) {
      if ((FLAGS[text.charCodeAt(j)]! & 3) === 2) {
        p.add(2);
        j++;
      } else {
        let k = j + 1;
        while (k < len && (FLAGS[text.charCodeAt(k)]! & 3) === 1) k++;
        p.run(k - j);
        j = k;
      }
    }
    return { encoding: 'GSM-7', units: septets, segments: p.segments, length: len };
  }
  let complex = false;
  for (let j = i; j < len; j++) {
    if (FLAGS[text.charCodeAt(j)]! & COMPLEX) {
      complex = true;
      break;
    }
  }
  if (!complex || len <= sizes.ucs2Single) {
    return { encoding: 'UCS-2', units: len, segments: uniform(len, sizes.ucs2Single, sizes.ucs2Multi), length: len };
  }
  const p = packer.reset(sizes.ucs2Single, sizes.ucs2Multi);
  for (let at = 0; at < len; ) {
    if (!(FLAGS[text.charCodeAt(at)]! & COMPLEX)) {
      // Units that cannot join a cluster stand alone; the last one before a joinable unit may not.
      let j = at + 1;
      while (j < len && !(FLAGS[text.charCodeAt(j)]! & COMPLEX)) j++;
      const runEnd = j < len ? j - 1 : j;
      if (runEnd > at) p.run(runEnd - at);
      at = runEnd;
      if (at >= len) break;
    }
    const end = nextGraphemeBreak(text, at);
    // The reference splits a CRLF cluster back into CR and LF.
    if (end - at === 2 && text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10) {
      p.add(1);
      p.add(1);
    } else p.add(end - at);
    at = end;
  }
  return { encoding: 'UCS-2', units: len, segments: p.segments, length: len };
}

/** count.ts's Packer reduced to what the count needs. Segment 1 holds `single` units until a
 * second segment is needed; then it keeps its longest prefix of atoms within `multi` (`atMulti`)
 * and the rest moves into segment 2. An atom is placed even when it overflows its segment. */
class Packer {
  segments = 1;
  private used = 0;
  private atMulti = 0;
  private single = 0;
  private multi = 0;

  reset(single: number, multi: number): this {
    this.segments = 1;
    this.used = 0;
    this.atMulti = 0;
    this.single = single;
    this.multi = multi;
    return this;
  }

  add(size: number): void {
    if (this.segments === 1) {
      if (this.single - this.used < size) {
        this.used = this.used - this.atMulti + size;
        this.segments = 2;
        return;
      }
      this.used += size;
      if (this.used <= this.multi) this.atMulti = this.used;
      return;
    }
    if (this.multi - this.used < size) {
      this.used = 0;
      this.segments++;
    }
    this.used += size;
  }

  /** `n` 1-unit atoms. */
  run(n: number): void {
    while (n > 0 && this.segments === 1) {
      const room = this.single - this.used;
      if (room < 1) {
        this.add(1);
        n--;
        continue;
      }
      const take = room < n ? room : n;
      // Prefix sums step by one, so the longest one within `multi` is `multi` once passed.
      if (this.used + take <= this.multi) this.atMulti = this.used + take;
      else if (this.used < this.multi) this.atMulti = this.multi;
      this.used += take;
      n -= take;
    }
    while (n > 0) {
      let free = this.multi - this.used;
      if (free < 1) {
        this.used = 0;
        this.segments++;
        free = this.multi;
      }
      const take = free < n ? free : n;
      this.used += take;
      n -= take;
    }
  }
}

/** One at a time: counting never re-enters itself. */
const packer = new Packer();

/** Orders counts by what a sender pays: segments, then UCS-2 over GSM-7, then units. */
export function compare(a: FigureCount, b: FigureCount): number {
  return a.segments - b.segments || (a.encoding === b.encoding ? 0 : a.encoding === 'UCS-2' ? 1 : -1) || a.units - b.units;
}
