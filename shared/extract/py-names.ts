// Python's `\N{NAME}` escapes without the whole Unicode name table (over a megabyte): the
// characters of the GSM-7 alphabet and the usual SMS typography by name, Latin letters and
// digits by their regular names, accented Latin letters by composing the named marks (NFC),
// and CJK ideographs by code point. Any other name is unknown to us (undefined), never guessed.

// Name (or alias Python accepts) -> code point. The guarded test checks each against Python.
const TABLE: readonly (readonly [string, number])[] = [
  ['COMMERCIAL AT', 0x40], ['POUND SIGN', 0xa3], ['DOLLAR SIGN', 0x24], ['YEN SIGN', 0xa5],
  ['GREEK CAPITAL LETTER DELTA', 0x394], ['LOW LINE', 0x5f], ['GREEK CAPITAL LETTER PHI', 0x3a6],
  ['GREEK CAPITAL LETTER GAMMA', 0x393], ['GREEK CAPITAL LETTER LAMDA', 0x39b], ['GREEK CAPITAL LETTER LAMBDA', 0x39b],
  ['GREEK CAPITAL LETTER OMEGA', 0x3a9], ['GREEK CAPITAL LETTER PI', 0x3a0], ['GREEK CAPITAL LETTER PSI', 0x3a8],
  ['GREEK CAPITAL LETTER SIGMA', 0x3a3], ['GREEK CAPITAL LETTER THETA', 0x398], ['GREEK CAPITAL LETTER XI', 0x39e],
  ['LATIN CAPITAL LETTER AE', 0xc6], ['LATIN SMALL LETTER AE', 0xe6], ['LATIN SMALL LETTER SHARP S', 0xdf],
  ['LATIN CAPITAL LETTER O WITH STROKE', 0xd8], ['LATIN SMALL LETTER O WITH STROKE', 0xf8],
  ['SPACE', 0x20], ['SP', 0x20], ['EXCLAMATION MARK', 0x21], ['QUOTATION MARK', 0x22], ['NUMBER SIGN', 0x23],
  ['CURRENCY SIGN', 0xa4], ['PERCENT SIGN', 0x25], ['AMPERSAND', 0x26], ['APOSTROPHE', 0x27],
  ['LEFT PARENTHESIS', 0x28], ['RIGHT PARENTHESIS', 0x29], ['ASTERISK', 0x2a], ['PLUS SIGN', 0x2b],
  ['COMMA', 0x2c], ['HYPHEN-MINUS', 0x2d], ['FULL STOP', 0x2e], ['SOLIDUS', 0x2f], ['COLON', 0x3a],
  ['SEMICOLON', 0x3b], ['LESS-THAN SIGN', 0x3c], ['EQUALS SIGN', 0x3d], ['GREATER-THAN SIGN', 0x3e],
  ['QUESTION MARK', 0x3f], ['INVERTED EXCLAMATION MARK', 0xa1], ['SECTION SIGN', 0xa7],
  ['INVERTED QUESTION MARK', 0xbf], ['CIRCUMFLEX ACCENT', 0x5e], ['LEFT CURLY BRACKET', 0x7b],
  ['RIGHT CURLY BRACKET', 0x7d], ['REVERSE SOLIDUS', 0x5c], ['LEFT SQUARE BRACKET', 0x5b], ['TILDE', 0x7e],
  ['RIGHT SQUARE BRACKET', 0x5d], ['VERTICAL LINE', 0x7c], ['EURO SIGN', 0x20ac],
  ['LINE FEED', 0x0a], ['LF', 0x0a], ['NEW LINE', 0x0a], ['END OF LINE', 0x0a], ['EOL', 0x0a],
  ['CARRIAGE RETURN', 0x0d], ['CR', 0x0d], ['FORM FEED', 0x0c], ['FF', 0x0c],
  ['CHARACTER TABULATION', 0x09], ['HORIZONTAL TABULATION', 0x09], ['TAB', 0x09], ['ESCAPE', 0x1b], ['ESC', 0x1b],
  ['NEXT LINE', 0x85], ['NEL', 0x85],
  ['RIGHT SINGLE QUOTATION MARK', 0x2019], ['LEFT SINGLE QUOTATION MARK', 0x2018],
  ['LEFT DOUBLE QUOTATION MARK', 0x201c], ['RIGHT DOUBLE QUOTATION MARK', 0x201d],
  ['SINGLE LOW-9 QUOTATION MARK', 0x201a], ['DOUBLE LOW-9 QUOTATION MARK', 0x201e],
  ['SINGLE LEFT-POINTING ANGLE QUOTATION MARK', 0x2039], ['SINGLE RIGHT-POINTING ANGLE QUOTATION MARK', 0x203a],
  ['LEFT-POINTING DOUBLE ANGLE QUOTATION MARK', 0xab], ['RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK', 0xbb],
  ['EN DASH', 0x2013], ['EM DASH', 0x2014], ['HYPHEN', 0x2010], ['NON-BREAKING HYPHEN', 0x2011], ['MINUS SIGN', 0x2212],
  ['HORIZONTAL ELLIPSIS', 0x2026], ['BULLET', 0x2022], ['PRIME', 0x2032], ['DOUBLE PRIME', 0x2033],
  ['NO-BREAK SPACE', 0xa0], ['NBSP', 0xa0], ['NARROW NO-BREAK SPACE', 0x202f], ['NNBSP', 0x202f], ['THIN SPACE', 0x2009],
  ['ZERO WIDTH SPACE', 0x200b], ['ZWSP', 0x200b], ['ZERO WIDTH NON-JOINER', 0x200c], ['ZWNJ', 0x200c],
  ['ZERO WIDTH JOINER', 0x200d], ['ZWJ', 0x200d], ['WORD JOINER', 0x2060], ['WJ', 0x2060],
  ['ZERO WIDTH NO-BREAK SPACE', 0xfeff], ['BYTE ORDER MARK', 0xfeff], ['BOM', 0xfeff], ['ZWNBSP', 0xfeff],
  ['SOFT HYPHEN', 0xad], ['SHY', 0xad], ['ACUTE ACCENT', 0xb4], ['GRAVE ACCENT', 0x60],
  ['TRADE MARK SIGN', 0x2122], ['COPYRIGHT SIGN', 0xa9], ['REGISTERED SIGN', 0xae], ['DEGREE SIGN', 0xb0],
  ['VULGAR FRACTION ONE HALF', 0xbd], ['MULTIPLICATION SIGN', 0xd7], ['DIVISION SIGN', 0xf7],
  ['GRINNING FACE', 0x1f600], ['SLIGHTLY SMILING FACE', 0x1f642], ['HEAVY BLACK HEART', 0x2764],
  ['CHECK MARK', 0x2713], ['HEAVY CHECK MARK', 0x2714], ['WHITE HEAVY CHECK MARK', 0x2705],
  ['BLACK TELEPHONE', 0x260e], ['BLACK STAR', 0x2605],
];

let byName: Map<string, number> | undefined;

// Marks as Latin letter names spell them after WITH, and the combining character each composes.
const MARKS: Readonly<Record<string, number>> = {
  GRAVE: 0x300, ACUTE: 0x301, CIRCUMFLEX: 0x302, TILDE: 0x303, MACRON: 0x304, BREVE: 0x306,
  'DOT ABOVE': 0x307, DIAERESIS: 0x308, 'HOOK ABOVE': 0x309, 'RING ABOVE': 0x30a, 'DOUBLE ACUTE': 0x30b,
  CARON: 0x30c, HORN: 0x31b, 'DOT BELOW': 0x323, CEDILLA: 0x327, OGONEK: 0x328,
};

const DIGITS = ['ZERO', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE', 'SIX', 'SEVEN', 'EIGHT', 'NINE'];
const LETTER = /^LATIN (CAPITAL|SMALL) LETTER ([A-Z])(?: WITH (.+))?$/;

/** The character `\N{name}` stands for, or undefined when the name is not one we know. */
export function charByName(name: string): string | undefined {
  const key = name.trim().replace(/\s+/g, ' ').toUpperCase();
  byName ??= new Map(TABLE);
  const cp = byName.get(key);
  if (cp !== undefined) return String.fromCodePoint(cp);
  if (key.startsWith('DIGIT ')) {
    const d = DIGITS.indexOf(key.slice(6));
    return d >= 0 ? String(d) : undefined;
  }
  const cjk = /^CJK UNIFIED IDEOGRAPH-([0-9A-F]{4,5})$/.exec(key);
  if (cjk) {
    const v = parseInt(cjk[1], 16);
    // The unified blocks (BMP and planes 2-3), so a made-up code point is not accepted.
    const inBlock = (v >= 0x4e00 && v <= 0x9fff) || (v >= 0x3400 && v <= 0x4dbf) || (v >= 0x20000 && v <= 0x2a6df);
    return inBlock ? String.fromCodePoint(v) : undefined;
  }
  const m = LETTER.exec(key);
  if (!m) return undefined;
  const base = m[1] === 'CAPITAL' ? m[2] : m[2].toLowerCase();
  if (m[3] === undefined) return base;
  let composed = base;
  for (const mark of m[3].split(' AND ')) {
    const c = MARKS[mark];
    if (c === undefined) return undefined;
    composed += String.fromCharCode(c);
  }
  const nfc = composed.normalize('NFC');
  // Only a single precomposed character has such a name; anything else is not one.
  return [...nfc].length === 1 ? nfc : undefined;
}
