// GSM 7-bit default alphabet, 3GPP TS 23.038 §6.2.1 (basic) and §6.2.1.1 (extension table).

/** The basic table in septet order 0x00–0x7F. 0x1B is the escape to the extension table and is
 * not a character of its own, so no Unicode character maps to it. */
export const GSM_BASIC: readonly string[] = [
  '@', '£', '$', '¥', 'è', 'é', 'ù', 'ì', 'ò', 'Ç', '\n', 'Ø', 'ø', '\r', 'Å', 'å',
  'Δ', '_', 'Φ', 'Γ', 'Λ', 'Ω', 'Π', 'Ψ', 'Σ', 'Θ', 'Ξ', '\u001b', 'Æ', 'æ', 'ß', 'É',
  ' ', '!', '"', '#', '¤', '%', '&', "'", '(', ')', '*', '+', ',', '-', '.', '/',
  '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?',
  '¡', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O',
  'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', 'Ä', 'Ö', 'Ñ', 'Ü', '§',
  '¿', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
  'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', 'ä', 'ö', 'ñ', 'ü', 'à',
];

/** Septet positions of the escape itself; it is a control code, not a character. */
export const GSM_ESCAPE_SEPTET = 0x1b;

/** The extension table: [septet after ESC, character]. Each costs 2 septets. */
export const GSM_EXTENSION: readonly (readonly [number, string])[] = [
  [0x0a, '\f'], [0x14, '^'], [0x28, '{'], [0x29, '}'], [0x2f, '\\'],
  [0x3c, '['], [0x3d, '~'], [0x3e, ']'], [0x40, '|'], [0x65, '€'],
];

/** Septets per UTF-16 code unit: 0 = not GSM-7 (forces UCS-2), 1 = basic, 2 = extension. */
const SEPTETS = new Uint8Array(0x10000);
GSM_BASIC.forEach((ch, septet) => {
  if (septet !== GSM_ESCAPE_SEPTET) SEPTETS[ch.charCodeAt(0)] = 1;
});
for (const [, ch] of GSM_EXTENSION) SEPTETS[ch.charCodeAt(0)] = 2;

export const SEPTETS_BY_UNIT: Readonly<Uint8Array> = SEPTETS;

export function septetsOf(codeUnit: number): 0 | 1 | 2 {
  return (SEPTETS[codeUnit & 0xffff] ?? 0) as 0 | 1 | 2;
}

