// The data that extraction hands to the template layer and the rules. Plain, JSON-able values.
import type { Range } from '../types';
import type { TemplateSyntax } from '../templates/types';
import type { OffsetMap } from './offset-map';

/** Which template layer should read the body (a hint: the layer may still sniff). */
export type SyntaxId = TemplateSyntax;

/** Per-template options from front matter (template files only); unknown keys are kept as data. */
export interface BodyOptions {
  readonly recipients?: number;
  readonly country?: string;
  readonly media?: boolean | string | readonly string[];
  readonly maxSegments?: number;
  readonly profile?: string;
  readonly variables?: Readonly<Record<string, unknown>>;
  readonly [key: string]: unknown;
}

export interface Body {
  /** The decoded text that would be sent (escapes resolved, interpolations as `${expr}`). */
  readonly text: string;
  /** The span of the file the text comes from (UTF-16, half-open). */
  readonly range: Range;
  /** How the body was selected, for hovers: "argument 0 of sendSms()". */
  readonly selectedBy: string;
  readonly syntax: SyntaxId;
  readonly options: BodyOptions;
  /** Body offsets -> file offsets; read it with mapRange/mapOffset. */
  readonly map: OffsetMap;
}

/** Something extraction could not do; reported, never thrown. */
export interface ExtractProblem {
  readonly message: string;
  readonly range: Range;
  /** 'skipped' means the whole file was not scanned (size, binary, minified). */
  readonly kind: 'front-matter' | 'parse' | 'escape' | 'skipped' | 'unsupported';
}

export interface ExtractResult {
  readonly bodies: Body[];
  readonly problems: ExtractProblem[];
}
