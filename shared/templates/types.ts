// The parsed shape of a template body: literal text, placeholders and branch groups, all with
// exact UTF-16 offsets into the body the parser was given.
import type { Range } from '../types';

export type TemplateSyntax =
  | 'mustache'
  | 'handlebars'
  | 'liquid'
  | 'js-template'
  | 'printf'
  | 'dotnet'
  | 'icu'
  | 'ruby-i18n'
  | 'plain';

export const TEMPLATE_SYNTAXES: readonly TemplateSyntax[] = [
  'mustache',
  'handlebars',
  'liquid',
  'js-template',
  'printf',
  'dotnet',
  'icu',
  'ruby-i18n',
  'plain',
];

/** Output text. `verbatim` means `text === body.slice(range.start, range.end)`, so each
 * character's source offset is `range.start + i`; otherwise it is an escape (`%%`, `''`, `{{`)
 * whose whole output maps to the whole range. */
export interface LiteralPart {
  readonly kind: 'literal';
  readonly text: string;
  readonly range: Range;
  readonly verbatim: boolean;
}

/** What a placeholder prints, which decides its default filler (digits are always GSM-7). */
export type ValueKind = 'text' | 'number' | 'partial';

/** A length-changing step between the variable's value and the output. */
export type ValueOp =
  | { readonly op: 'default'; readonly text: string }
  | { readonly op: 'case'; readonly to: 'upper' | 'lower' | 'capitalize' }
  /** Liquid `truncate`: over `max` units, keep `max - ellipsis.length` and append the ellipsis. */
  | { readonly op: 'truncate'; readonly max: number; readonly ellipsis: string }
  /** Liquid `truncatewords`: over `words` words, keep that many and append the ellipsis. */
  | { readonly op: 'truncatewords'; readonly words: number; readonly ellipsis: string }
  /** printf precision `%.5s`: plain cut at `max` units. */
  | { readonly op: 'cut'; readonly max: number }
  /** printf width / .NET alignment: padded with spaces up to `width`. */
  | { readonly op: 'pad'; readonly width: number }
  | { readonly op: 'append'; readonly text: string }
  | { readonly op: 'prepend'; readonly text: string }
  | { readonly op: 'replace'; readonly from: string; readonly to: string; readonly all: boolean }
  | { readonly op: 'strip'; readonly side: 'both' | 'left' | 'right' }
  /** Known not to change the length of our filler values (e.g. `escape` on letters). */
  | { readonly op: 'keep' };

export interface Filter {
  readonly name: string;
  readonly range: Range;
  /** null: not understood. It is measured as if absent and reported as `unknown-filter`. */
  readonly op: ValueOp | null;
}

export interface VariablePart {
  readonly kind: 'variable';
  /** Config key: `first_name`, `user.name`, printf `1`, .NET `0`, partial `>footer`. */
  readonly name: string;
  /** The whole placeholder in the body, delimiters included. */
  readonly range: Range;
  readonly valueKind: ValueKind;
  readonly filters: readonly Filter[];
  /** Format or style as written: printf conversion `d`, .NET `N2`, ICU `number, integer`. */
  readonly format?: string;
  /** Mustache `{{x}}` HTML-escapes: `&` prints as `&amp;`; fillers never contain such characters. */
  readonly htmlEscaped?: boolean;
}

/** How a branch is chosen, so the sample case can pick the arm its sample values would. */
export type BranchTest =
  | { readonly type: 'truthy'; readonly name: string }
  | { readonly type: 'falsy'; readonly name: string }
  | { readonly type: 'equals'; readonly name: string; readonly values: readonly string[] }
  | { readonly type: 'plural'; readonly name: string; readonly selector: string; readonly offset: number; readonly ordinal: boolean }
  | { readonly type: 'otherwise' }
  /** A condition we do not evaluate (`{% if a > 3 %}`); never picked for the sample unless nothing else is. */
  | { readonly type: 'opaque'; readonly expression: string };

export interface Branch {
  /** `vip`, `else`, `one`, `=0`, `when 'gold'`. */
  readonly label: string;
  readonly test: BranchTest;
  readonly parts: readonly Part[];
}

/** One branch group: exactly one branch prints. A bare `if` gets an explicit empty `else`. */
export interface BranchPart {
  readonly kind: 'branch';
  /** `if vip`, `plural count`, `case tier`. */
  readonly label: string;
  readonly range: Range;
  readonly branches: readonly Branch[];
}

/** `{{#each items}}` / `{% for x in items %}`: the body prints once per item, `empty` when none. */
export interface RepeatPart {
  readonly kind: 'repeat';
  /** Collection variable; its `minItems`/`maxItems` bound the count. */
  readonly name: string;
  readonly label: string;
  readonly range: Range;
  readonly body: readonly Part[];
  readonly empty: readonly Part[];
}

export type Part = LiteralPart | VariablePart | BranchPart | RepeatPart;

export type TemplateFindingCode =
  | 'unclosed-tag'
  | 'unclosed-block'
  | 'unmatched-close'
  | 'misplaced-tag'
  | 'unbalanced-braces'
  | 'unknown-argument-type'
  | 'missing-other'
  | 'unknown-filter'
  | 'unsupported-construct'
  | 'empty-placeholder'
  | 'mixed-positional'
  | 'ambiguous-percent';

export interface TemplateFinding {
  readonly code: TemplateFindingCode;
  /** malformed: the template engine would fail or print something else; unsupported: valid, but
   * we cannot measure it exactly; suspicious: valid, but probably not what the author meant. */
  readonly kind: 'malformed' | 'unsupported' | 'suspicious';
  readonly message: string;
  readonly range: Range;
}

export interface Template {
  readonly syntax: TemplateSyntax;
  readonly body: string;
  readonly parts: readonly Part[];
  readonly findings: readonly TemplateFinding[];
}
