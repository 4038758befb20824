// Where the JS/TS and Python scanners put their tokens: flat typed arrays (significant tokens
// only), the open-bracket stack and the marker bookkeeping. One concrete class for both
// languages, so every call on it from a scanner's hot loop sees a single shape.

/** Token types both languages number alike; each scanner's own types follow Num. */
export const enum BaseTok {
  Ident = 1,
  Punct = 2,
  Str = 3,
  Num = 4,
}

export interface TokenArrays {
  readonly count: number;
  readonly type: Uint8Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** For ( [ {: the matching closer (for JS template heads and middles: the next piece); -1 if unclosed. */
  readonly pair: Int32Array;
  /** Token indexes that follow a marker comment (the token count when none follows). */
  readonly markers: number[];
  /** Identifiers whose `nameKey` is in the scan's `names` set: possible callees and tags. */
  readonly candidates: number[];
}

/** A cheap key for an identifier: its length and first char. */
export function nameKey(length: number, firstChar: number): number {
  return length * 65536 + firstChar;
}

let reusable: TokenBuffer | undefined;

export class TokenBuffer {
  count = 0;
  type: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  pair: Int32Array;
  /** One byte per token that each language reads its own way (JS: a line break precedes it; Python: string flags). */
  info: Uint8Array;
  /** Info bits for the next token, known before it is (JS: a line break was seen). */
  nextInfo = 0;
  readonly markers: number[] = [];
  readonly candidates: number[] = [];
  pendingMarker = false;
  /** Open brackets (and JS template pieces) as token indexes, with a flag the language gives each. */
  stack: Int32Array = new Int32Array(256);
  stackFlags: Uint8Array = new Uint8Array(256);
  depth = 0;

  constructor(textLength: number) {
    // Reuse the last scan's arrays: a scan's tokens are read before the next scan starts.
    const cap = Math.max(64, textLength >> 2);
    const old = reusable;
    const fits = old !== undefined && old.type.length >= cap && old.type.length <= cap * 8;
    this.type = fits ? old.type : new Uint8Array(cap);
    this.start = fits ? old.start : new Int32Array(cap);
    this.end = fits ? old.end : new Int32Array(cap);
    this.pair = fits ? old.pair : new Int32Array(cap);
    this.info = fits ? old.info : new Uint8Array(cap);
  }

  push(t: number, s: number, e: number, info = 0): number {
    if (this.count === this.type.length) this.grow();
    const k = this.count++;
    this.type[k] = t;
    this.start[k] = s;
    this.end[k] = e;
    this.pair[k] = -1;
    this.info[k] = info | this.nextInfo;
    this.nextInfo = 0;
    if (this.pendingMarker) {
      this.markers.push(k);
      this.pendingMarker = false;
    }
    return k;
  }

  private grow(): void {
    const cap = this.type.length * 2;
    const t = new Uint8Array(cap); t.set(this.type); this.type = t;
    const s = new Int32Array(cap); s.set(this.start); this.start = s;
    const e = new Int32Array(cap); e.set(this.end); this.end = e;
    const p = new Int32Array(cap); p.set(this.pair); this.pair = p;
    const n = new Uint8Array(cap); n.set(this.info); this.info = n;
  }

  open(k: number, flag: number): void {
    if (this.depth === this.stack.length) {
      const s = new Int32Array(this.depth * 2); s.set(this.stack); this.stack = s;
      const f = new Uint8Array(this.depth * 2); f.set(this.stackFlags); this.stackFlags = f;
    }
    this.stack[this.depth] = k;
    this.stackFlags[this.depth] = flag;
    this.depth++;
  }

  /**
   * Pairs the closer `c` ( ) ] or } ) at token k with the nearest open bracket it matches, never past
   * an open entry that is not a bracket (a JS template substitution); returns that bracket's flag,
   * or -1 when nothing matches (the closer is then left unpaired and the stack untouched).
   */
  close(text: string, k: number, c: number): number {
    const want = c === 41 ? 40 : c === 93 ? 91 : 123;
    let d = this.depth - 1;
    while (d >= 0 && this.type[this.stack[d]] === BaseTok.Punct && text.charCodeAt(this.start[this.stack[d]]) !== want) d--;
    if (d < 0 || this.type[this.stack[d]] !== BaseTok.Punct) return -1;
    this.pair[this.stack[d]] = k;
    this.depth = d;
    return this.stackFlags[d];
  }

  /** The scan is over: a marker with no token after it points at the end; the arrays go to the next scan. */
  finish(): void {
    if (this.pendingMarker) this.markers.push(this.count);
    reusable = this;
  }
}
