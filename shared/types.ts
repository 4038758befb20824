// Contracts shared by every part of the core. Offsets are UTF-16 code units, as LSP wants them.

export type Encoding = 'GSM-7' | 'UCS-2';

/** Half-open range [start, end) of UTF-16 offsets. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

/** One text edit, in the same offset space as the finding that carries it. */
export interface Edit {
  readonly range: Range;
  readonly text: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly Edit[];
}
