// Encoding and segment count, table-driven, agreeing with the reference calculator
// (sms-segments-calculator 1.3.0) on every input; see test/segments-oracle.test.ts.
import { GSM_EXTENSION, SEPTETS_BY_UNIT } from './gsm';
import { isSimpleUnit, nextGraphemeBreak } from './graphemes';
import { DEFAULT_SIZES, type SegmentCount, type SegmentSizes } from './sizes';

/** Per BMP unit: septets in bits 0–1 (0 = not GSM-7); bit 2 set = may join a grapheme cluster. */
const UNIT_FLAGS = new Uint8Array(0x10000);
for (let u = 0; u < 0x10000; u++) UNIT_FLAGS[u] = SEPTETS_BY_UNIT[u]! | (isSimpleUnit(u) ? 0 : 4);

/**
 * Packs atoms (characters or clusters, never split) into segments as the reference does: the
 * first segment holds `single` units until a second one is needed; then it shrinks to `multi`
 * and its tail moves into segment 2. An atom is placed even when it overflows its segment.
 */
class Packer {
  segments = 1;
  private used = 0;
  private capacity: number;
  readonly starts: number[] = [0];
  // Atoms of segment 1, which may still move when segment 2 opens.
  private firstStarts: number[] = [];
  private firstSizes: number[] = [];

  constructor(single: number, private readonly multi: number) {
    this.capacity = single;
  }

  add(start: number, size: number): void {
    if (this.capacity - this.used < size) {
      if (this.segments === 1) {
        let kept = this.firstSizes.length;
        let used = this.used;
        while (used > this.multi && kept > 0) used -= this.firstSizes[--kept]!;
        this.used = this.used - used;
        this.starts.push(kept < this.firstStarts.length ? this.firstStarts[kept]! : start);
        this.capacity = this.multi;
      } else {
        this.used = 0;
        this.starts.push(start);
      }
      this.segments++;
    }
    this.used += size;
    if (this.segments === 1) {
      this.firstStarts.push(start);
      this.firstSizes.push(size);
    }
  }

  /** `n` consecutive 1-unit atoms from `start`; filled in bulk once segment 1 is settled. */
  addRun(start: number, n: number): void {
    for (; n > 0 && this.segments === 1; n--) this.add(start++, 1);
    while (n > 0) {
      let free = this.capacity - this.used;
      if (free < 1) {
        this.used = 0;
        this.starts.push(start);
        this.segments++;
        free = this.capacity;
      }
      const take = free < n ? free : n;
      this.used += take;
      start += take;
      n -= take;
    }
  }
}

const EXTENSION = new RegExp(`[${GSM_EXTENSION.map(([, ch]) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`, 'g');

/** Segment starts for equal-size atoms (1 unit each): plain arithmetic, same result as the packer. */
function uniform(length: number, single: number, multi: number): number[] {
  if (length <= single) return [0];
  // Segment 1 keeps at most `multi` units once segment 2 exists.
  const first = Math.min(single, multi);
  const segments = 1 + Math.ceil((length - first) / multi);
  const starts = new Array<number>(segments);
  starts[0] = 0;
  for (let i = 1; i < segments; i++) starts[i] = first + (i - 1) * multi;
  return starts;
}

export function countSegments(text: string, sizes: SegmentSizes = DEFAULT_SIZES): SegmentCount {
  const len = text.length;
  let septets = 0;
  let i = 0;
  for (; i < len; i++) {
    const f = SEPTETS_BY_UNIT[text.charCodeAt(i)]!;
    if (f === 0) break;
    septets += f;
  }
  if (i === len) return gsm(text, septets, sizes);
  let complex = false;
  for (let j = i; j < len; j++) {
    if (UNIT_FLAGS[text.charCodeAt(j)]! & 4) {
      complex = true;
      break;
    }
  }
  if (!complex) {
    const starts = uniform(len, sizes.ucs2Single, sizes.ucs2Multi);
    return { encoding: 'UCS-2', units: len, segments: starts.length, segmentStarts: starts };
  }
  if (len <= sizes.ucs2Single) return { encoding: 'UCS-2', units: len, segments: 1, segmentStarts: [0] };
  const packer = new Packer(sizes.ucs2Single, sizes.ucs2Multi);
  for (let at = 0; at < len; ) {
    if (!(UNIT_FLAGS[text.charCodeAt(at)]! & 4)) {
      // Units that cannot join a cluster stand alone; the last one before a joinable unit may not.
      let j = at + 1;
      while (j < len && !(UNIT_FLAGS[text.charCodeAt(j)]! & 4)) j++;
      const runEnd = j < len ? j - 1 : j;
      if (runEnd > at) packer.addRun(at, runEnd - at);
      at = runEnd;
      if (at >= len) break;
    }
    const end = nextGraphemeBreak(text, at);
    // The reference splits a CRLF cluster back into CR and LF.
    if (end - at === 2 && text.charCodeAt(at) === 13 && text.charCodeAt(at + 1) === 10) {
      packer.add(at, 1);
      packer.add(at + 1, 1);
    } else packer.add(at, end - at);
    at = end;
  }
  return { encoding: 'UCS-2', units: len, segments: packer.segments, segmentStarts: packer.starts };
}

function gsm(text: string, septets: number, sizes: SegmentSizes): SegmentCount {
  if (septets === text.length || septets <= sizes.gsmSingle) {
    const starts = uniform(septets, sizes.gsmSingle, sizes.gsmMulti);
    return { encoding: 'GSM-7', units: septets, segments: starts.length, segmentStarts: starts };
  }
  // Extension characters are 2-septet atoms: an ESC pair never straddles two segments.
  const packer = new Packer(sizes.gsmSingle, sizes.gsmMulti);
  // The text is known GSM-7 here; the native regex scan finds the (rare) extension characters.
  EXTENSION.lastIndex = 0;
  let at = 0;
  for (let m = EXTENSION.exec(text); m !== null; m = EXTENSION.exec(text)) {
    if (m.index > at) packer.addRun(at, m.index - at);
    packer.add(m.index, 2);
    at = m.index + 1;
  }
  if (at < text.length) packer.addRun(at, text.length - at);
  return { encoding: 'GSM-7', units: septets, segments: packer.segments, segmentStarts: packer.starts };
}
