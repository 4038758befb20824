// Inline directives: `smslint-disable-next-line [rule…]`, `smslint-disable-line [rule…]`,
// `smslint-disable [rule…]` … `smslint-enable [rule…]`, `smslint-disable-file [rule…]`.
// No rule list means every rule. Rules may be separated by spaces or commas; ` -- reason` ends
// the list. Malformed directives and unknown rule ids are findings, not silent no-ops.
import type { Range } from '../types';
import { findComments, type CommentStyle } from './comments';
import { closest } from '../config/suggest';
import { lineOf, lineStarts } from '../text/lines';

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable' | 'disable-file';

const KINDS: readonly DirectiveKind[] = ['disable-next-line', 'disable-line', 'disable-file', 'disable', 'enable'];

/** Which rules a directive names: every rule, or a set. */
export type RuleSet = 'all' | ReadonlySet<string>;

export interface Directive {
  readonly kind: DirectiveKind;
  readonly rules: RuleSet;
  /** The whole comment holding the directive. */
  readonly range: Range;
  /** Text after ` -- `, if any. */
  readonly reason?: string;
}

export type DirectiveProblemKind = 'unknown-directive' | 'unknown-rule' | 'malformed' | 'unmatched-enable';

export interface DirectiveProblem {
  readonly kind: DirectiveProblemKind;
  readonly range: Range;
  readonly message: string;
}

interface Toggle {
  readonly offset: number;
  readonly disable: boolean;
  readonly rules: RuleSet;
}

export interface Suppressions {
  /** Rules disabled in the whole file. */
  readonly file: RuleSet | undefined;
  /** 0-based line → rules disabled on that line (from next-line and line directives). */
  readonly lines: ReadonlyMap<number, RuleSet>;
  /** disable/enable toggles in document order; a later one wins for the rules it names. */
  readonly toggles: readonly Toggle[];
  /** Offsets where each line starts, to map a finding's offset to its line. */
  readonly lineStarts: readonly number[];
}

export interface DirectiveOptions {
  /** Rule ids that exist; any other id in a directive is reported. */
  readonly knownRules: readonly string[];
  /** Comment syntaxes of the host language (see `commentStylesForPath`). */
  readonly comments: readonly CommentStyle[];
}

export interface ParsedDirectives {
  readonly directives: readonly Directive[];
  readonly suppressions: Suppressions;
  readonly problems: readonly DirectiveProblem[];
}

export function parseDirectives(text: string, options: DirectiveOptions): ParsedDirectives {
  const starts = lineStarts(text);
  const known = new Set(options.knownRules);
  const directives: Directive[] = [];
  const problems: DirectiveProblem[] = [];
  const lines = new Map<number, RuleSet>();
  const toggles: Toggle[] = [];
  let file: RuleSet | undefined;

  for (const c of findComments(text, options.comments)) {
    const lead = /^\s*/.exec(c.text)![0].length;
    const word = /^smslint-[\w-]*/.exec(c.text.slice(lead))?.[0];
    if (!word) continue;
    const wordStart = c.textStart + lead;
    const kind = KINDS.find((k) => word === `smslint-${k}`);
    if (!kind) {
      // Other smslint-… words (the extraction marker `smslint-template`) are not directives.
      const w = word.slice('smslint-'.length);
      const guess = nearestKind(word);
      const looksLikeOne = w.startsWith('disable') || w.startsWith('enable') || closest(w, KINDS, 2) !== undefined;
      if (looksLikeOne) {
        problems.push({
          kind: 'unknown-directive',
          range: { start: wordStart, end: wordStart + word.length },
          message: `Unknown directive "${word}".${guess ? ` Did you mean "smslint-${guess}"?` : ` Expected one of: ${KINDS.map((k) => `smslint-${k}`).join(', ')}.`}`,
        });
      }
      continue;
    }
    const rest = c.text.slice(lead + word.length);
    const restStart = wordStart + word.length;
    if (rest !== '' && !/^\s/.test(rest)) {
      problems.push({ kind: 'malformed', range: { start: wordStart, end: restStart + (/^\S*/.exec(rest)![0].length) }, message: `Malformed directive: put a space between "${word}" and the rule ids.` });
      continue;
    }
    const parsed = parseRuleList(rest, restStart, known, word, problems);
    if (!parsed) continue;
    const range = { start: c.start, end: c.end };
    const directive: Directive = { kind, rules: parsed.rules, range, ...(parsed.reason !== undefined ? { reason: parsed.reason } : {}) };
    directives.push(directive);
    switch (kind) {
      case 'disable-file':
        file = union(file, parsed.rules);
        break;
      case 'disable-line':
      case 'disable-next-line': {
        const line = lineOf(starts, kind === 'disable-line' ? c.start : c.end) + (kind === 'disable-next-line' ? 1 : 0);
        lines.set(line, union(lines.get(line), parsed.rules));
        break;
      }
      case 'disable':
      case 'enable': {
        if (kind === 'enable' && !isAnyDisabled(toggles, parsed.rules)) {
          problems.push({
            kind: 'unmatched-enable',
            range,
            message: `"${word}" has no matching "smslint-disable" before it${parsed.rules === 'all' ? '' : ` for ${[...parsed.rules].join(', ')}`}.`,
          });
        }
        toggles.push({ offset: c.start, disable: kind === 'disable', rules: parsed.rules });
        break;
      }
    }
  }
  return { directives, suppressions: { file, lines, toggles, lineStarts: starts }, problems };
}

/** Is `ruleId` suppressed for a finding that starts at `offset`? */
export function isSuppressed(s: Suppressions, ruleId: string, offset: number): boolean {
  if (has(s.file, ruleId)) return true;
  if (has(s.lines.get(lineOf(s.lineStarts, offset)), ruleId)) return true;
  let disabled = false;
  for (const t of s.toggles) {
    if (t.offset > offset) break;
    if (has(t.rules, ruleId)) disabled = t.disable;
  }
  return disabled;
}

/** The comment a "disable for this line" quick fix inserts above a line. */
export function disableNextLineComment(style: CommentStyle, ruleId: string): string | undefined {
  const d = `smslint-disable-next-line ${ruleId}`;
  switch (style) {
    case 'slash':
      return `// ${d}`;
    case 'block':
      return `/* ${d} */`;
    case 'hash':
      return `# ${d}`;
    case 'mustache':
      return `{{! ${d} }}`;
    case 'liquid':
      return `{% # ${d} %}`;
    case 'html':
      return `<!-- ${d} -->`;
    case 'front-matter':
      return undefined; // only lines inside front matter could take it, and bodies are below it
  }
}

function parseRuleList(
  rest: string,
  restStart: number,
  known: ReadonlySet<string>,
  word: string,
  problems: DirectiveProblem[],
): { rules: RuleSet; reason?: string } | undefined {
  const dash = /\s--(\s|$)/.exec(rest);
  const list = dash ? rest.slice(0, dash.index) : rest;
  const reason = dash ? rest.slice(dash.index + dash[0].length).trim() : undefined;
  if (list.trim() === '') return { rules: 'all', ...(reason !== undefined ? { reason } : {}) };
  const rules = new Set<string>();
  let ok = true;
  // Items are separated by commas and/or spaces; an empty item between two commas is malformed.
  const re = /[^\s,]+|,(?=\s*(,|$))/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(list))) {
    const start = restStart + m.index;
    const token = m[0];
    if (token === ',') {
      problems.push({ kind: 'malformed', range: { start, end: start + 1 }, message: `Malformed directive "${word}": empty rule id in the list.` });
      ok = false;
      continue;
    }
    if (!/^[a-z][a-z0-9-]*$/.test(token)) {
      problems.push({ kind: 'malformed', range: { start, end: start + token.length }, message: `Malformed directive "${word}": "${token}" is not a rule id (ids look like non-gsm-char).` });
      ok = false;
      continue;
    }
    if (!known.has(token)) {
      const guess = closest(token, [...known], 3);
      problems.push({
        kind: 'unknown-rule',
        range: { start, end: start + token.length },
        message: `Unknown rule "${token}" in "${word}".${guess ? ` Did you mean "${guess}"?` : ''}`,
      });
      continue; // the known ids in the same list still apply
    }
    rules.add(token);
  }
  if (!ok) return undefined;
  // Every id unknown: apply nothing rather than silently disabling every rule.
  if (rules.size === 0) return undefined;
  return { rules, ...(reason !== undefined ? { reason } : {}) };
}

function isAnyDisabled(toggles: readonly Toggle[], rules: RuleSet): boolean {
  // An enable is matched when some earlier disable named all rules or one of the same rules.
  return toggles.some((t) => t.disable && (t.rules === 'all' || rules === 'all' || [...rules].some((r) => has(t.rules, r))));
}

function has(set: RuleSet | undefined, id: string): boolean {
  return set !== undefined && (set === 'all' || set.has(id));
}

function union(a: RuleSet | undefined, b: RuleSet): RuleSet {
  if (a === undefined) return b;
  if (a === 'all' || b === 'all') return 'all';
  return new Set([...a, ...b]);
}

function nearestKind(word: string): DirectiveKind | undefined {
  return closest(word.slice('smslint-'.length), KINDS, 4) as DirectiveKind | undefined;
}
