// Lints one document: find its bodies, model each, run the rules, apply directives.
import type { ResolvedConfig } from '../config';
import { commentStylesForPath, isSuppressed, parseDirectives, type ParsedDirectives } from '../directives';
import { editBetween, extractBodies, type ExtractOptions } from '../extract';
import { DOCUMENT_RULES, RULE_IDS, ruleSeverity } from '../rules';
import type { Range, Severity, SeveritySetting } from '../types';
import { beginCachedLint, extractCacheOf, type BodyCache } from './bodyCache';
import { lintBody } from './bodyLint';
import { hostQuoting } from './hostText';
import type { BodyReport, LintFinding, LintInput, LintResult } from './types';

export interface LintOptions {
  /** Reuse per-body work across lints (an editor's keystrokes): see createBodyCache. */
  readonly cache?: BodyCache;
}

function extractOptions(config: ResolvedConfig): ExtractOptions {
  return config.files as unknown as ExtractOptions;
}

function severityOf(config: ResolvedConfig, id: keyof typeof DOCUMENT_RULES, fallback: Severity | 'off'): SeveritySetting {
  return ruleSeverity(config, { id, defaultSeverity: fallback });
}

// Every directive starts with "smslint-": a text without one has none to parse. The extraction
// marker `smslint-template` is never a directive (nor an unknown one), so a source file marked
// with it is not parsed for directives on every keystroke.
const DIRECTIVE_MARK = /smslint-(?!template)/;
// Deleting from "smslint-template" can make a mark that starts this far before the edit.
const MARK_REACH = 'smslint-template'.length;

// Whether each recently linted document (through a cache) held the mark: an edit far from any
// can only add one around itself, so a keystroke need not search the whole text again.
const marks = new WeakMap<BodyCache, Map<string, { readonly text: string; readonly has: boolean }>>();
const MARKS_KEPT = 16;

function hasDirectiveMark(path: string, text: string, cache: BodyCache | undefined): boolean {
  if (cache === undefined) return DIRECTIVE_MARK.test(text);
  let byPath = marks.get(cache);
  if (byPath === undefined) marks.set(cache, (byPath = new Map()));
  const last = byPath.get(path);
  let has: boolean;
  if (last !== undefined && !last.has) {
    const { at, afterEnd } = editBetween(last.text, text);
    has = DIRECTIVE_MARK.test(text.slice(Math.max(0, at - MARK_REACH), afterEnd + MARK_REACH));
  } else has = DIRECTIVE_MARK.test(text);
  byPath.delete(path);
  byPath.set(path, { text, has });
  if (byPath.size > MARKS_KEPT) byPath.delete(byPath.keys().next().value!);
  return has;
}

const byPosition = (a: LintFinding, b: LintFinding): number => a.range.start - b.range.start || a.range.end - b.range.end;

function sortedByPosition(findings: readonly LintFinding[]): boolean {
  for (let i = 1; i < findings.length; i++) if (byPosition(findings[i - 1]!, findings[i]!) > 0) return false;
  return true;
}

export function lintDocument(input: LintInput, config: ResolvedConfig, options: LintOptions = {}): LintResult {
  const { path, text } = input;
  const extracted = extractBodies(path, text, extractOptions(config), options.cache ? extractCacheOf(options.cache) : undefined);
  const findings: LintFinding[] = [];
  const bodies: BodyReport[] = [];
  const skipped = extracted.problems.find((p) => p.kind === 'skipped');
  if (skipped) return { path, findings, bodies, skipped: skipped.message };

  const directives: ParsedDirectives | undefined = hasDirectiveMark(path, text, options.cache)
    ? parseDirectives(text, { knownRules: RULE_IDS, comments: commentStylesForPath(path) })
    : undefined;
  const push = (f: LintFinding): void => {
    if (!directives || !isSuppressed(directives.suppressions, f.ruleId, f.range.start)) findings.push(f);
  };

  const malformed = severityOf(config, 'malformed-template', DOCUMENT_RULES['malformed-template'].defaultSeverity);
  if (malformed !== 'off') {
    for (const p of extracted.problems) {
      push({ ruleId: 'malformed-template', severity: malformed, message: p.message, range: p.range, fixes: [], docsPath: DOCUMENT_RULES['malformed-template'].docsPath });
    }
  }
  const badDirective = severityOf(config, 'invalid-directive', DOCUMENT_RULES['invalid-directive'].defaultSeverity);
  if (badDirective !== 'off' && directives) {
    for (const p of directives.problems) {
      findings.push({ ruleId: 'invalid-directive', severity: badDirective, message: p.message, range: p.range, fixes: [], docsPath: DOCUMENT_RULES['invalid-directive'].docsPath });
    }
  }

  const cached = options.cache ? beginCachedLint(options.cache, path, extracted.bodies.length) : undefined;
  for (const body of extracted.bodies) {
    const quoting = hostQuoting(path, text, body.range);
    if (cached) {
      const linted = cached.lint(body, config, quoting, text, malformed);
      for (const f of linted.findings) push(f);
      bodies.push(linted.report);
    } else {
      const outcome = lintBody(body, config, quoting, text, malformed);
      for (const f of outcome.findings) push(f);
      bodies.push(outcome.report(body.range));
    }
  }
  cached?.end();
  // Bodies come in order, so their findings mostly do too.
  if (!sortedByPosition(findings)) findings.sort(byPosition);
  return { path, findings, bodies };
}

const inside = (r: Range, offset: number): boolean => offset >= r.start && (offset < r.end || (offset === r.end && r.start === r.end));

export function bodyAt(result: LintResult, offset: number): BodyReport | undefined {
  return result.bodies.find((b) => offset >= b.range.start && offset <= b.range.end);
}

export function findingsAt(result: LintResult, offset: number): LintFinding[] {
  return result.findings.filter((f) => inside(f.range, offset));
}
