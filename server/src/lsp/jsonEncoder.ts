// The stdio writer's JSON encoder. A keystroke on a big file republishes ~1,500 diagnostics of which
// almost all are the very objects published last time (DiagnosticReuse), so each diagnostic's JSON
// is kept (diagnostics are never mutated once built) and a publish is a concatenation; every other
// message is JSON.stringify as usual (utf-8).
// A publish is written in ASCII, every other char as its \u escape: the same JSON value, and the
// client's utf-8 decoding of hundreds of KB per keystroke takes its fast path (~1.4 -> ~0.4 ms).
import type { ContentTypeEncoder, Message } from 'vscode-languageserver/node';

const PUBLISH = 'textDocument/publishDiagnostics';
// Stands for the diagnostics array while the rest of the message is stringified; a string no URI
// can hold (JSON escapes the NULs), so it occurs once.
const MARK = '\u0000smslint:diagnostics\u0000';
const MARK_JSON = JSON.stringify(MARK);

const NON_ASCII = /[\u0080-\uffff]/g;
const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** JSON text with every non-ASCII char as its \u escape (still the same JSON value). */
export function asciiJson(json: string): string {
  return json.replace(NON_ASCII, escape);
}

// Each diagnostic's JSON, in ASCII.
const json = new WeakMap<object, Buffer>();

function jsonOf(d: object): Buffer {
  let b = json.get(d);
  if (b === undefined) json.set(d, (b = Buffer.from(asciiJson(JSON.stringify(d)), 'latin1')));
  return b;
}

/** A document's last publish: where each diagnostic's JSON sits in the bytes written. */
interface Written {
  readonly diagnostics: readonly object[];
  readonly bytes: Buffer;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

// The last publish of the few documents being typed in: the diagnostics a keystroke kept at
// both ends of the list are copied from it as two runs, not one by one. A document's first
// publish is only noted (null): most documents are opened and never typed in; but one with
// hundreds of diagnostics is kept at once, or its first keystroke would go through them one by one.
const written = new Map<string, Written | null>();
const WRITTEN_KEPT = 8;
const KEPT_FROM_FIRST = 256;
const COMMA = Buffer.from(',', 'latin1');

/** The message's JSON as bytes: JSON.stringify's, and for a publishDiagnostics in ASCII from cached pieces. */
export function encodeMessage(msg: Message): Buffer {
  const params = (msg as { method?: unknown; params?: unknown }).method === PUBLISH ? (msg as { params?: unknown }).params : undefined;
  const diagnostics = typeof params === 'object' && params !== null ? (params as { diagnostics?: unknown }).diagnostics : undefined;
  if (!Array.isArray(diagnostics) || diagnostics.length === 0 || !diagnostics.every((d) => typeof d === 'object' && d !== null && !('toJSON' in d))) {
    // An empty publish (a closed or cleaned document) leaves nothing to copy from next time.
    const uri = typeof params === 'object' && params !== null ? (params as { uri?: unknown }).uri : undefined;
    if (typeof uri === 'string') written.delete(uri);
    return Buffer.from(JSON.stringify(msg), 'utf-8');
  }
  const text = asciiJson(
    JSON.stringify(msg, function (this: unknown, key: string, value: unknown) {
      return this === params && key === 'diagnostics' ? MARK : value;
    }),
  );
  const at = text.indexOf(MARK_JSON);
  const uri = (params as { uri?: unknown }).uri;
  const ds = diagnostics as object[];
  const n = ds.length;
  const keep = typeof uri === 'string' && (written.has(uri) || n >= KEPT_FROM_FIRST);
  const last = keep ? (written.get(uri as string) ?? undefined) : undefined;
  const before = last?.diagnostics ?? [];
  const m = before.length;
  let head = 0;
  while (head < n && head < m && ds[head] === before[head]) head++;
  let tail = 0;
  while (tail < n - head && tail < m - head && ds[n - 1 - tail] === before[m - 1 - tail]) tail++;

  // Where each diagnostic lands, for the next publish: once the document is published again (or is big).
  const starts = new Int32Array(keep ? n : 0);
  const ends = new Int32Array(keep ? n : 0);
  const parts: Buffer[] = [Buffer.from(`${text.slice(0, at)}[`, 'latin1')];
  let pos = parts[0]!.length;
  // A run of last time's diagnostics [from, to), commas between them included, to sit at [into, …).
  const copy = (from: number, to: number, into: number): void => {
    const { bytes, starts: s, ends: e } = last!;
    const base = s[from]!;
    parts.push(bytes.subarray(base, e[to - 1]!));
    const by = pos - base;
    for (let i = from, k = into; i < to; i++, k++) {
      starts[k] = s[i]! + by;
      ends[k] = e[i]! + by;
    }
    pos += e[to - 1]! - base;
  };
  if (head > 0) copy(0, head, 0);
  for (let i = head; i < n - tail; i++) {
    if (i > 0) parts.push(COMMA), pos++;
    const b = jsonOf(ds[i]!);
    parts.push(b);
    if (keep) starts[i] = pos;
    pos += b.length;
    if (keep) ends[i] = pos;
  }
  if (tail > 0) {
    if (n - tail > 0) parts.push(COMMA), pos++;
    copy(m - tail, m, n - tail);
  }
  parts.push(Buffer.from(`]${text.slice(at + MARK_JSON.length)}`, 'latin1'));
  const bytes = Buffer.concat(parts);
  if (typeof uri === 'string') {
    written.delete(uri);
    written.set(uri, keep ? { diagnostics: ds, bytes, starts, ends } : null);
    if (written.size > WRITTEN_KEPT) written.delete(written.keys().next().value!);
  }
  return bytes;
}

/** For `new StreamMessageWriter(stream, { charset: 'utf-8', contentTypeEncoder })`. */
export const contentTypeEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode: (msg) => {
    try {
      return Promise.resolve(encodeMessage(msg));
    } catch (e) {
      return Promise.reject(e);
    }
  },
};
