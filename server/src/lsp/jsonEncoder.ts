// The stdio writer's JSON encoder. A keystroke on a big file republishes ~1,500 diagnostics of which
// almost all are the very objects published last time (DiagnosticReuse), so each diagnostic's JSON
// is kept (diagnostics are never mutated once built) and a publish is a concatenation; every other
// message is JSON.stringify as usual. The bytes are exactly JSON.stringify's (utf-8).
import type { ContentTypeEncoder, Message } from 'vscode-languageserver/node';

const PUBLISH = 'textDocument/publishDiagnostics';
// Stands for the diagnostics array while the rest of the message is stringified; a string no URI
// can hold (JSON escapes the NULs), so it occurs once.
const MARK = '\u0000smslint:diagnostics\u0000';
const MARK_JSON = JSON.stringify(MARK);

// Each diagnostic's JSON with a leading comma; the first one in a list drops it.
const json = new WeakMap<object, Buffer>();

function jsonOf(d: object): Buffer {
  let b = json.get(d);
  if (b === undefined) json.set(d, (b = Buffer.from(`,${JSON.stringify(d)}`, 'utf-8')));
  return b;
}

/** JSON.stringify(msg) as utf-8, built from cached pieces for a publishDiagnostics notification. */
export function encodeMessage(msg: Message): Buffer {
  const params = (msg as { method?: unknown; params?: unknown }).method === PUBLISH ? (msg as { params?: unknown }).params : undefined;
  const diagnostics = typeof params === 'object' && params !== null ? (params as { diagnostics?: unknown }).diagnostics : undefined;
  if (!Array.isArray(diagnostics) || diagnostics.length === 0 || !diagnostics.every((d) => typeof d === 'object' && d !== null && !('toJSON' in d))) {
    return Buffer.from(JSON.stringify(msg), 'utf-8');
  }
  const text = JSON.stringify(msg, function (this: unknown, key: string, value: unknown) {
    return this === params && key === 'diagnostics' ? MARK : value;
  });
  const at = text.indexOf(MARK_JSON);
  const parts: Buffer[] = [Buffer.from(`${text.slice(0, at)}[`, 'utf-8')];
  for (const d of diagnostics as object[]) parts.push(jsonOf(d));
  parts[1] = parts[1]!.subarray(1);
  parts.push(Buffer.from(`]${text.slice(at + MARK_JSON.length)}`, 'utf-8'));
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
