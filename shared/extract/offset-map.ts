// Maps body offsets back to file offsets. Segments are either copies (one body unit per file
// unit) or atomic units (an escape or a placeholder: any body offset inside maps to all of it).
import { lastAtOrBelow } from '../text/search';
import type { Range } from '../types';

export interface OffsetMap {
  /** Body offset where each segment starts; ascending. */
  readonly bodyStarts: readonly number[];
  readonly fileStarts: readonly number[];
  readonly fileEnds: readonly number[];
  /** 1 = atomic (escape, placeholder, folded line break), 0 = char-for-char copy. */
  readonly atomic: readonly number[];
  readonly bodyLength: number;
  /** Where an empty body (or the end of one) sits in the file. */
  readonly anchor: number;
}

/** The file range that produced the body unit at `at`. */
function unitRange(map: OffsetMap, at: number): Range {
  // The segment holding `at` (0 <= at < bodyLength).
  const i = lastAtOrBelow(map.bodyStarts, at);
  if (map.atomic[i]) return { start: map.fileStarts[i], end: map.fileEnds[i] };
  const start = map.fileStarts[i] + (at - map.bodyStarts[i]);
  return { start, end: start + 1 };
}

/** File range for body range [bodyStart, bodyEnd); an offset inside an escape covers all of it. O(log n). */
export function mapRange(map: OffsetMap, bodyStart: number, bodyEnd: number): Range {
  const len = map.bodyLength;
  const s = Math.max(0, Math.min(bodyStart, len));
  const e = Math.max(s, Math.min(bodyEnd, len));
  if (s === e) {
    const at = mapOffset(map, s);
    return { start: at, end: at };
  }
  return { start: unitRange(map, s).start, end: unitRange(map, e - 1).end };
}

/** File offset of the position before body offset `at` (at === bodyLength gives the end). */
export function mapOffset(map: OffsetMap, at: number): number {
  if (map.bodyLength === 0) return map.anchor;
  if (at >= map.bodyLength) return map.fileEnds[map.fileEnds.length - 1];
  return unitRange(map, Math.max(0, at)).start;
}

/** Builds a body's text and its map in one pass; copies from the file merge when contiguous. */
export class BodyBuilder {
  private readonly parts: string[] = [];
  private readonly bodyStarts: number[] = [];
  private readonly fileStarts: number[] = [];
  private readonly fileEnds: number[] = [];
  private readonly atomic: number[] = [];
  private length = 0;

  constructor(
    private readonly file: string,
    private readonly anchor: number,
  ) {}

  get bodyLength(): number {
    return this.length;
  }

  /** Copy file[start, end) into the body unchanged. */
  copy(start: number, end: number): void {
    if (end <= start) return;
    this.parts.push(this.file.slice(start, end));
    const last = this.atomic.length - 1;
    if (last >= 0 && this.atomic[last] === 0 && this.fileEnds[last] === start) {
      this.fileEnds[last] = end;
    } else {
      this.push(start, end, 0);
    }
    this.length += end - start;
  }

  /** Append `text`, produced by file[start, end) as one indivisible unit (an escape, a placeholder). */
  unit(text: string, start: number, end: number): void {
    if (text.length === 0) return;
    this.parts.push(text);
    this.push(start, end, 1);
    this.length += text.length;
  }

  private push(start: number, end: number, atomic: number): void {
    this.bodyStarts.push(this.length);
    this.fileStarts.push(start);
    this.fileEnds.push(end);
    this.atomic.push(atomic);
  }

  build(): { text: string; map: OffsetMap } {
    return {
      text: this.parts.join(''),
      map: {
        bodyStarts: this.bodyStarts,
        fileStarts: this.fileStarts,
        fileEnds: this.fileEnds,
        atomic: this.atomic,
        bodyLength: this.length,
        anchor: this.anchor,
      },
    };
  }
}

/** The body's own span in the file. */
export function bodySpan(map: OffsetMap): Range {
  return mapRange(map, 0, map.bodyLength);
}
