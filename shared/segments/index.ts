export * from './sizes';
export { countSegments } from './count';
export { septetsOf, GSM_BASIC, GSM_EXTENSION } from './gsm';
export { nextGraphemeBreak } from './graphemes';
export { analyze, fixText, findCharacters, applyReplacements } from './analyze';
export type { Analysis, CharFinding, CharKind, FixResult } from './analyze';
export { CHAR_INFO, charName, formatCodePoint } from './charTables';
export type { CharInfo } from './charTables';
