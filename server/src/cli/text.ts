// File bytes ↔ the text the core lints. A UTF-8 BOM is kept aside (an encoding mark, not content,
// as editors treat it) and written back; line endings stay in the text, so they survive untouched.
import { isUtf8 } from 'node:buffer';

export type Decoded =
  | { readonly ok: true; readonly text: string; readonly bom: boolean }
  | { readonly ok: false; readonly reason: string };

const SNIFF = 8000;

export function decode(bytes: Uint8Array): Decoded {
  const head = Math.min(bytes.length, SNIFF);
  for (let i = 0; i < head; i++) if (bytes[i] === 0) return { ok: false, reason: 'binary file (it contains NUL bytes)' };
  if (!isUtf8(bytes)) return { ok: false, reason: 'not UTF-8 text' };
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { ok: true, text: buf.toString('utf8', bom ? 3 : 0), bom };
}

export function encode(text: string, bom: boolean): Uint8Array {
  const body = Buffer.from(text, 'utf8');
  return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}
