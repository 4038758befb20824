// Lints one document: find its bodies, model each, run the rules, apply directives.
import type { ResolvedConfig } from '../config';
import { commentStylesForPath, isSuppressed, parseDirectives, type ParsedDirectives } from '../directives';
import { extractBodies, type ExtractOptions } from '../extract';
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

// Every directive starts with this word: a text without it has none to parse.
const DIRECTIVE_MARK = 'smslint-';

export function lintDocument(input: LintInput, config: ResolvedConfig, options: LintOptions = {}): LintResult {
  const { path, text } = input;
  const extracted = extractBodies(path, text, extractOptions(config), options.cache ? extractCacheOf(options.cache) : undefined);
  const findings: LintFinding[] = [];
  const bodies: BodyReport[] = [];
  const skipped = extracted.problems.find((p) => p.kind === 'skipped');
  if (skipped) return { path, findings, bodies, skipped: skipped.message };

  const directives: ParsedDirectives | undefined = text.includes(DIRECTIVE_MARK)
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
  findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { path, findings, bodies };
}

const inside = (r: Range, offset: number): boolean => offset >= r.start && (offset < r.end || (offset === r.end && r.start === r.end));

export function bodyAt(result: LintResult, offset: number): BodyReport | undefined {
  return result.bodies.find((b) => offset >= b.range.start && offset <= b.range.end);
}

export function findingsAt(result: LintResult, offset: number): LintFinding[] {
  return result.findings.filter((f) => inside(f.range, offset));
}
