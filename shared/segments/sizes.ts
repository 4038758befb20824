import type { Encoding } from '../types';

/** Segment capacities in billable units (septets for GSM-7, UTF-16 units for UCS-2). */
export interface SegmentSizes {
  readonly gsmSingle: number;
  readonly gsmMulti: number;
  readonly ucs2Single: number;
  readonly ucs2Multi: number;
}

/** 140 octets per segment; a concatenated one spends 6 of them on the header (TS 23.040 §9.2.3.24). */
export const DEFAULT_SIZES: SegmentSizes = { gsmSingle: 160, gsmMulti: 153, ucs2Single: 70, ucs2Multi: 67 };

export interface SegmentCount {
  readonly encoding: Encoding;
  /** Billable units: septets (an extension character is 2) or UTF-16 code units. */
  readonly units: number;
  /** Billed segments; an empty body is 1. */
  readonly segments: number;
  /** UTF-16 offset where each segment starts. */
  readonly segmentStarts: readonly number[];
}
