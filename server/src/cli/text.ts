// File bytes ↔ the text the core lints. A BOM is kept aside (an encoding mark, not content, as
// editors treat it) and written back; line endings stay in the text, so they survive untouched.
// UTF-8 is the norm; a UTF-16 file is recognised by its BOM (Windows tools write one) and
// written back as it came, BOM and byte order included.
import { isUtf8 } from 'node:buffer';

/** How a file's text is stored: --fix writes it back the same way. */
export type FileEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

export type Decoded =
  | { readonly ok: true; readonly text: string; readonly encoding: FileEncoding }
  | { readonly ok: false; readonly reason: string };

const SNIFF = 8000;
const BINARY = 'binary file (it contains NUL bytes)';
const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function utf16Encoding(bytes: Uint8Array): 'utf16le' | 'utf16be' | undefined {
  if (bytes.length < 2) return undefined;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf16be';
  return undefined;
}

// fatal: a lone surrogate or an odd byte count is not text we may rewrite.
const utf16le = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });

function decodeUtf16(bytes: Uint8Array, encoding: 'utf16le' | 'utf16be'): Decoded {
  const body = Buffer.from(bytes.buffer, bytes.byteOffset + 2, bytes.byteLength - 2);
  if (body.length % 2 !== 0) return { ok: false, reason: 'not valid UTF-16 text (an odd number of bytes)' };
  // Big-endian is swapped on a copy and read as little-endian (no ICU needed).
  const le = encoding === 'utf16be' ? Buffer.from(body).swap16() : body;
  let text: string;
  try {
    text = utf16le.decode(le);
  } catch {
    return { ok: false, reason: 'not valid UTF-16 text (an unpaired surrogate)' };
  }
  const head = Math.min(text.length, SNIFF);
  for (let i = 0; i < head; i++) if (text.charCodeAt(i) === 0) return { ok: false, reason: BINARY };
  return { ok: true, text, encoding };
}

export function decode(bytes: Uint8Array): Decoded {
  const utf16 = utf16Encoding(bytes);
  if (utf16) return decodeUtf16(bytes, utf16);
  const head = Math.min(bytes.length, SNIFF);
  for (let i = 0; i < head; i++) if (bytes[i] === 0) return { ok: false, reason: BINARY };
  if (!isUtf8(bytes)) return { ok: false, reason: 'not UTF-8 text' };
  const bom = bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { ok: true, text: buf.toString('utf8', bom ? 3 : 0), encoding: bom ? 'utf8-bom' : 'utf8' };
}

export function encode(text: string, encoding: FileEncoding): Uint8Array {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from(UTF8_BOM), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  }
}
