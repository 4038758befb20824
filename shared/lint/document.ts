// Lints one document: find its bodies, model each, run the rules, apply directives.
import type { ResolvedConfig } from '../config';
import { commentStylesForPath, isSuppressed, parseDirectives, type ParsedDirectives } from '../directives';
import { extractBodies, type ExtractOptions } from '../extract';
import { BODY_RULES, DOCUMENT_RULES, RULE_IDS, ruleSeverity, type BodyRule } from '../rules';
import type { Range, Severity, SeveritySetting } from '../types';
import { buildBodyModel } from './bodyModel';
import { encodeForHost, hostQuoting } from './hostText';
import { quotePlainScalarFixes } from './yamlPlain';
import { bodyCost, bodyFigures, bodyHover, inlayHint } from './present';
import type { BodyReport, LintFinding, LintInput, LintResult } from './types';

function extractOptions(config: ResolvedConfig): ExtractOptions {
  return config.files as unknown as ExtractOptions;
}

function severityOf(config: ResolvedConfig, id: keyof typeof DOCUMENT_RULES | BodyRule['id'], fallback: Severity | 'off'): SeveritySetting {
  return ruleSeverity(config, { id, defaultSeverity: fallback });
}

export function lintDocument(input: LintInput, config: ResolvedConfig): LintResult {
  const { path, text } = input;
  const extracted = extractBodies(path, text, extractOptions(config));
  const findings: LintFinding[] = [];
  const bodies: BodyReport[] = [];
  const skipped = extracted.problems.find((p) => p.kind === 'skipped');
  if (skipped) return { path, findings, bodies, skipped: skipped.message };

  const directives: ParsedDirectives = parseDirectives(text, { knownRules: RULE_IDS, comments: commentStylesForPath(path) });
  const push = (f: LintFinding): void => {
    if (!isSuppressed(directives.suppressions, f.ruleId, f.range.start)) findings.push(f);
  };

  const malformed = severityOf(config, 'malformed-template', DOCUMENT_RULES['malformed-template'].defaultSeverity);
  if (malformed !== 'off') {
    for (const p of extracted.problems) {
      push({ ruleId: 'malformed-template', severity: malformed, message: p.message, range: p.range, fixes: [], docsPath: DOCUMENT_RULES['malformed-template'].docsPath });
    }
  }
  const badDirective = severityOf(config, 'invalid-directive', DOCUMENT_RULES['invalid-directive'].defaultSeverity);
  if (badDirective !== 'off') {
    for (const p of directives.problems) {
      findings.push({ ruleId: 'invalid-directive', severity: badDirective, message: p.message, range: p.range, fixes: [], docsPath: DOCUMENT_RULES['invalid-directive'].docsPath });
    }
  }

  for (const body of extracted.bodies) {
    const model = buildBodyModel(body, config);
    const quoting = hostQuoting(path, text, body.range);
    const encode = (t: string): string => encodeForHost(t, quoting);
    if (malformed !== 'off') {
      for (const t of model.template.findings) {
        if (t.kind !== 'malformed') continue;
        push({ ruleId: 'malformed-template', severity: malformed, message: t.message, range: model.toDocument(t.range), fixes: [], docsPath: DOCUMENT_RULES['malformed-template'].docsPath });
      }
    }
    const own: LintFinding[] = [];
    for (const rule of BODY_RULES) {
      const severity = ruleSeverity(config, rule);
      if (severity === 'off') continue;
      const options = config.rules[rule.id]?.options ?? {};
      for (const f of rule.check({ model, config, options, encode })) {
        const finding: LintFinding = {
          ruleId: rule.id, severity, message: f.message, range: f.range, fixes: f.fixes ?? [], docsPath: rule.docsPath,
          ...(f.data ? { data: f.data } : {}),
        };
        // Hover markdown is built only when someone hovers (or serializes) the finding.
        if ('hover' in f) Object.defineProperty(finding, 'hover', { get: () => f.hover, enumerable: true });
        own.push(finding);
      }
    }
    for (const f of quoting === 'yaml-plain' ? quotePlainScalarFixes(text, body.range, own) : own) push(f);
    const figures = bodyFigures(model);
    const cost = bodyCost(model);
    bodies.push({
      range: body.range, selectedBy: body.selectedBy, syntax: model.template.syntax,
      profile: model.profile?.id ?? String(body.options.profile ?? config.profile),
      figures, ...(cost ? { cost } : {}),
      inlayHint: inlayHint(figures, cost),
      get hover() {
        return bodyHover(model, figures, cost);
      },
    });
  }
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
