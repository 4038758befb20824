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

// Each diagnostic's JSON with a leading comma; the first one in a list drops it.
const json = new WeakMap<object, Buffer>();

function jsonOf(d: object): Buffer {
  let b = json.get(d);
  if (b === undefined) json.set(d, (b = Buffer.from(`,${asciiJson(JSON.stringify(d))}`, 'latin1')));
  return b;
}

/** The message's JSON as bytes: JSON.stringify's, and for a publishDiagnostics in ASCII from cached pieces. */
export function encodeMessage(msg: Message): Buffer {
  const params = (msg as { method?: unknown; params?: unknown }).method === PUBLISH ? (msg as { params?: unknown }).params : undefined;
  const diagnostics = typeof params === 'object' && params !== null ? (params as { diagnostics?: unknown }).diagnostics : undefined;
  if (!Array.isArray(diagnostics) || diagnostics.length === 0 || !diagnostics.every((d) => typeof d === 'object' && d !== null && !('toJSON' in d))) {
    return Buffer.from(JSON.stringify(msg), 'utf-8');
  }
  const text = asciiJson(
    JSON.stringify(msg, function (this: unknown, key: string, value: unknown) {
      return this === params && key === 'diagnostics' ? MARK : value;
    }),
  );
  const at = text.indexOf(MARK_JSON);
  const parts: Buffer[] = [Buffer.from(`${text.slice(0, at)}[`, 'latin1')];
  for (const d of diagnostics as object[]) parts.push(jsonOf(d));
  parts[1] = parts[1]!.subarray(1);
  parts.push(Buffer.from(`]${text.slice(at + MARK_JSON.length)}`, 'latin1'));
  return Buffer.concat(parts);
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
