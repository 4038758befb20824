// What we know about the characters we report: Unicode names and GSM-7 equivalents.
// Names are the Unicode character names; anything not listed is described by its category.

export interface CharInfo {
  readonly name: string;
  /** GSM-7 text that says the same thing; '' means drop it. Absent: no equivalent. */
  readonly replacement?: string;
  /** Invisible: spaces other than U+0020, zero-width and format characters. */
  readonly invisible?: true;
  /** Replacing changes how a word is spelled (Zoë → Zoe), so fix-all leaves it alone. */
  readonly lossy?: true;
}

const spaceLike = (name: string): CharInfo => ({ name, replacement: ' ', invisible: true });
const zeroWidth = (name: string): CharInfo => ({ name, replacement: '', invisible: true });
const punct = (name: string, replacement: string): CharInfo => ({ name, replacement });
const letter = (name: string, replacement: string): CharInfo => ({ name, replacement, lossy: true });

export const CHAR_INFO: ReadonlyMap<number, CharInfo> = new Map<number, CharInfo>([
  [0x00a0, spaceLike('NO-BREAK SPACE')],
  [0x1680, spaceLike('OGHAM SPACE MARK')],
  [0x2000, spaceLike('EN QUAD')],
  [0x2001, spaceLike('EM QUAD')],
  [0x2002, spaceLike('EN SPACE')],
  [0x2003, spaceLike('EM SPACE')],
  [0x2004, spaceLike('THREE-PER-EM SPACE')],
  [0x2005, spaceLike('FOUR-PER-EM SPACE')],
  [0x2006, spaceLike('SIX-PER-EM SPACE')],
  [0x2007, spaceLike('FIGURE SPACE')],
  [0x2008, spaceLike('PUNCTUATION SPACE')],
  [0x2009, spaceLike('THIN SPACE')],
  [0x200a, spaceLike('HAIR SPACE')],
  [0x202f, spaceLike('NARROW NO-BREAK SPACE')],
  [0x205f, spaceLike('MEDIUM MATHEMATICAL SPACE')],
  [0x3000, spaceLike('IDEOGRAPHIC SPACE')],
  [0x2028, { name: 'LINE SEPARATOR', replacement: '\n', invisible: true }],
  [0x2029, { name: 'PARAGRAPH SEPARATOR', replacement: '\n', invisible: true }],
  [0x0009, { name: 'CHARACTER TABULATION', replacement: ' ', invisible: true }],
  [0x00ad, zeroWidth('SOFT HYPHEN')],
  [0x034f, zeroWidth('COMBINING GRAPHEME JOINER')],
  [0x061c, zeroWidth('ARABIC LETTER MARK')],
  [0x180e, zeroWidth('MONGOLIAN VOWEL SEPARATOR')],
  [0x200b, zeroWidth('ZERO WIDTH SPACE')],
  [0x200c, zeroWidth('ZERO WIDTH NON-JOINER')],
  [0x200d, zeroWidth('ZERO WIDTH JOINER')],
  [0x200e, zeroWidth('LEFT-TO-RIGHT MARK')],
  [0x200f, zeroWidth('RIGHT-TO-LEFT MARK')],
  [0x202a, zeroWidth('LEFT-TO-RIGHT EMBEDDING')],
  [0x202b, zeroWidth('RIGHT-TO-LEFT EMBEDDING')],
  [0x202c, zeroWidth('POP DIRECTIONAL FORMATTING')],
  [0x202d, zeroWidth('LEFT-TO-RIGHT OVERRIDE')],
  [0x202e, zeroWidth('RIGHT-TO-LEFT OVERRIDE')],
  [0x2060, zeroWidth('WORD JOINER')],
  [0x2061, zeroWidth('FUNCTION APPLICATION')],
  [0x2062, zeroWidth('INVISIBLE TIMES')],
  [0x2063, zeroWidth('INVISIBLE SEPARATOR')],
  [0x2064, zeroWidth('INVISIBLE PLUS')],
  [0x2066, zeroWidth('LEFT-TO-RIGHT ISOLATE')],
  [0x2067, zeroWidth('RIGHT-TO-LEFT ISOLATE')],
  [0x2068, zeroWidth('FIRST STRONG ISOLATE')],
  [0x2069, zeroWidth('POP DIRECTIONAL ISOLATE')],
  [0xfeff, zeroWidth('ZERO WIDTH NO-BREAK SPACE (BOM)')],
  [0x2018, punct('LEFT SINGLE QUOTATION MARK', "'")],
  [0x2019, punct('RIGHT SINGLE QUOTATION MARK', "'")],
  [0x201a, punct('SINGLE LOW-9 QUOTATION MARK', "'")],
  [0x201b, punct('SINGLE HIGH-REVERSED-9 QUOTATION MARK', "'")],
  [0x2032, punct('PRIME', "'")],
  [0x00b4, punct('ACUTE ACCENT', "'")],
  [0x0060, punct('GRAVE ACCENT', "'")],
  [0x02bc, punct('MODIFIER LETTER APOSTROPHE', "'")],
  [0x201c, punct('LEFT DOUBLE QUOTATION MARK', '"')],
  [0x201d, punct('RIGHT DOUBLE QUOTATION MARK', '"')],
  [0x201e, punct('DOUBLE LOW-9 QUOTATION MARK', '"')],
  [0x201f, punct('DOUBLE HIGH-REVERSED-9 QUOTATION MARK', '"')],
  [0x2033, punct('DOUBLE PRIME', '"')],
  [0x00ab, punct('LEFT-POINTING DOUBLE ANGLE QUOTATION MARK', '"')],
  [0x00bb, punct('RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK', '"')],
  [0x2039, punct('SINGLE LEFT-POINTING ANGLE QUOTATION MARK', "'")],
  [0x203a, punct('SINGLE RIGHT-POINTING ANGLE QUOTATION MARK', "'")],
  [0x2010, punct('HYPHEN', '-')],
  [0x2011, punct('NON-BREAKING HYPHEN', '-')],
  [0x2012, punct('FIGURE DASH', '-')],
  [0x2013, punct('EN DASH', '-')],
  [0x2014, punct('EM DASH', '-')],
  [0x2015, punct('HORIZONTAL BAR', '-')],
  [0x2212, punct('MINUS SIGN', '-')],
  [0x2022, punct('BULLET', '-')],
  [0x00b7, punct('MIDDLE DOT', '.')],
  [0x2026, punct('HORIZONTAL ELLIPSIS', '...')],
  [0x2044, punct('FRACTION SLASH', '/')],
  [0x00d7, punct('MULTIPLICATION SIGN', 'x')],
  [0x00f7, punct('DIVISION SIGN', '/')],
  [0x00bc, punct('VULGAR FRACTION ONE QUARTER', '1/4')],
  [0x00bd, punct('VULGAR FRACTION ONE HALF', '1/2')],
  [0x00be, punct('VULGAR FRACTION THREE QUARTERS', '3/4')],
  [0x2122, punct('TRADE MARK SIGN', 'TM')],
  [0x00a9, punct('COPYRIGHT SIGN', '(c)')],
  [0x00ae, punct('REGISTERED SIGN', '(R)')],
  [0x00b0, punct('DEGREE SIGN', ' deg')],
  [0x3001, punct('IDEOGRAPHIC COMMA', ',')],
  [0x3002, punct('IDEOGRAPHIC FULL STOP', '.')],
  [0xff01, punct('FULLWIDTH EXCLAMATION MARK', '!')],
  [0xff0c, punct('FULLWIDTH COMMA', ',')],
  [0xff1a, punct('FULLWIDTH COLON', ':')],
  [0xff1f, punct('FULLWIDTH QUESTION MARK', '?')],
  [0x00e1, letter('LATIN SMALL LETTER A WITH ACUTE', 'a')],
  [0x00e2, letter('LATIN SMALL LETTER A WITH CIRCUMFLEX', 'a')],
  [0x00e3, letter('LATIN SMALL LETTER A WITH TILDE', 'a')],
  [0x00e7, letter('LATIN SMALL LETTER C WITH CEDILLA', 'Ç')],
  [0x00ea, letter('LATIN SMALL LETTER E WITH CIRCUMFLEX', 'e')],
  [0x00eb, letter('LATIN SMALL LETTER E WITH DIAERESIS', 'e')],
  [0x00ed, letter('LATIN SMALL LETTER I WITH ACUTE', 'i')],
  [0x00ee, letter('LATIN SMALL LETTER I WITH CIRCUMFLEX', 'i')],
  [0x00ef, letter('LATIN SMALL LETTER I WITH DIAERESIS', 'i')],
  [0x00f3, letter('LATIN SMALL LETTER O WITH ACUTE', 'o')],
  [0x00f4, letter('LATIN SMALL LETTER O WITH CIRCUMFLEX', 'o')],
  [0x00f5, letter('LATIN SMALL LETTER O WITH TILDE', 'o')],
  [0x00fa, letter('LATIN SMALL LETTER U WITH ACUTE', 'u')],
  [0x00fb, letter('LATIN SMALL LETTER U WITH CIRCUMFLEX', 'u')],
  [0x00fd, letter('LATIN SMALL LETTER Y WITH ACUTE', 'y')],
  [0x00ff, letter('LATIN SMALL LETTER Y WITH DIAERESIS', 'y')],
  [0x00c1, letter('LATIN CAPITAL LETTER A WITH ACUTE', 'A')],
  [0x00c0, letter('LATIN CAPITAL LETTER A WITH GRAVE', 'A')],
  [0x00c2, letter('LATIN CAPITAL LETTER A WITH CIRCUMFLEX', 'A')],
  [0x00c8, letter('LATIN CAPITAL LETTER E WITH GRAVE', 'E')],
  [0x00ca, letter('LATIN CAPITAL LETTER E WITH CIRCUMFLEX', 'E')],
  [0x00cd, letter('LATIN CAPITAL LETTER I WITH ACUTE', 'I')],
  [0x00d3, letter('LATIN CAPITAL LETTER O WITH ACUTE', 'O')],
  [0x00da, letter('LATIN CAPITAL LETTER U WITH ACUTE', 'U')],
  [0x0153, letter('LATIN SMALL LIGATURE OE', 'oe')],
  [0x0152, letter('LATIN CAPITAL LIGATURE OE', 'OE')],
  [0x0131, letter('LATIN SMALL LETTER DOTLESS I', 'i')],
  [0x015f, letter('LATIN SMALL LETTER S WITH CEDILLA', 's')],
  [0x011f, letter('LATIN SMALL LETTER G WITH BREVE', 'g')],
  [0x0142, letter('LATIN SMALL LETTER L WITH STROKE', 'l')],
  // GSM-7 characters we name in hovers (extension table and the ones provider prose gets wrong).
  [0x000c, { name: 'FORM FEED' }],
  [0x005e, { name: 'CIRCUMFLEX ACCENT' }],
  [0x007b, { name: 'LEFT CURLY BRACKET' }],
  [0x007d, { name: 'RIGHT CURLY BRACKET' }],
  [0x005c, { name: 'REVERSE SOLIDUS' }],
  [0x005b, { name: 'LEFT SQUARE BRACKET' }],
  [0x005d, { name: 'RIGHT SQUARE BRACKET' }],
  [0x007e, { name: 'TILDE' }],
  [0x007c, { name: 'VERTICAL LINE' }],
  [0x20ac, { name: 'EURO SIGN' }],
  [0x0301, { name: 'COMBINING ACUTE ACCENT' }],
  [0x0300, { name: 'COMBINING GRAVE ACCENT' }],
  [0x0308, { name: 'COMBINING DIAERESIS' }],
  [0x0303, { name: 'COMBINING TILDE' }],
  [0x0327, { name: 'COMBINING CEDILLA' }],
  [0x030a, { name: 'COMBINING RING ABOVE' }],
  [0xfe0f, { name: 'VARIATION SELECTOR-16' }],
]);

/** A name for any code point: the Unicode name when we carry it, else its category. */
export function charName(cp: number): string {
  const known = CHAR_INFO.get(cp);
  if (known) return known.name;
  const ch = String.fromCodePoint(cp);
  if (cp >= 0xd800 && cp <= 0xdfff) return 'lone surrogate (invalid UTF-16)';
  if (/\p{Extended_Pictographic}/u.test(ch)) return 'emoji';
  if (/\p{Regional_Indicator}/u.test(ch)) return 'regional indicator (flag emoji)';
  if (/\p{M}/u.test(ch)) return 'combining mark';
  if (/\p{L}/u.test(ch)) return 'letter';
  if (/\p{N}/u.test(ch)) return 'digit or number';
  if (/\p{Zs}/u.test(ch)) return 'space';
  if (/\p{P}/u.test(ch)) return 'punctuation';
  if (/\p{S}/u.test(ch)) return 'symbol';
  if (/\p{Cc}/u.test(ch)) return 'control character';
  if (/\p{Cf}/u.test(ch)) return 'format character';
  return 'character';
}

export function formatCodePoint(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}
