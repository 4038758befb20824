// One body's share of a document's lint: its model, its rule findings and its report. Depends on
// the body (text, map, options), the config, how the host quotes it and the host text it spans.
import type { ResolvedConfig } from '../config';
import type { Body } from '../extract';
import { DOCUMENT_RULES, BODY_RULES, ruleSeverity } from '../rules';
import type { Fix, Range, Severity, SeveritySetting } from '../types';
import { buildBodyModel } from './bodyModel';
import { encodeForHost, type HostQuoting } from './hostText';
import { bodyCost, bodyFigures, bodyHover, inlayHint } from './present';
import type { BodyCost, BodyFigures, BodyReport, BodySummary, LintFinding } from './types';
import { quotePlainScalarFixes } from './yamlPlain';

export interface BodyOutcome {
  /** Malformed-template findings, then the rules' findings, in the coordinates of the body given. */
  readonly findings: readonly LintFinding[];
  /** The body's report, placed at `range` (hover markdown built on demand). */
  report(range: Range): BodyReport;
}

/**
 * `host` is the text `body.range` indexes into (a YAML plain scalar's fixes may need to quote it).
 * `malformed` is the document's malformed-template severity.
 */
export function lintBody(body: Body, config: ResolvedConfig, quoting: HostQuoting, host: string, malformed: SeveritySetting): BodyOutcome {
  const model = buildBodyModel(body, config);
  const encode = (t: string): string => encodeForHost(t, quoting);
  const findings: LintFinding[] = [];
  if (malformed !== 'off') {
    for (const t of model.template.findings) {
      if (t.kind !== 'malformed') continue;
      findings.push({ ruleId: 'malformed-template', severity: malformed, message: t.message, range: model.toDocument(t.range), fixes: [], docsPath: DOCUMENT_RULES['malformed-template'].docsPath });
    }
  }
  const own: RuleFinding[] = [];
  for (const rule of BODY_RULES) {
    const severity = ruleSeverity(config, rule);
    if (severity === 'off') continue;
    const options = config.rules[rule.id]?.options ?? {};
    for (const f of rule.check({ model, config, options, encode })) {
      own.push(new RuleFinding(rule.id, severity, rule.docsPath, f.message, f.range, f.fixes ?? [], f.data, f.hover));
    }
  }
  // A loop, not push(...): a pathological body has more findings than a call takes arguments.
  for (const f of quoting === 'yaml-plain' ? quotePlainScalarFixes(host, body.range, own, (f, fixes) => f.withFixes(fixes)) : own) findings.push(f);
  const figures = bodyFigures(model);
  const cost = bodyCost(model);
  const syntax = model.template.syntax;
  const profile = model.profile?.id ?? String(body.options.profile ?? config.profile);
  const hint = inlayHint(figures, cost);
  const parts: ReportParts = { selectedBy: body.selectedBy, syntax, profile, figures, cost, inlayHint: hint, hover: () => bodyHover(model, figures, cost) };
  return { findings, report: (range) => new PlacedReport(range, parts) };
}

/**
 * A rule's finding at its severity. A class, not a literal with a getter: a getter closure per
 * object gives each its own hidden class and keeps its body alive through young collections.
 */
class RuleFinding implements LintFinding {
  declare readonly data?: Readonly<Record<string, unknown>>;
  readonly #hover: (() => string) | undefined;

  constructor(
    readonly ruleId: string,
    readonly severity: Severity,
    readonly docsPath: string,
    readonly message: string,
    readonly range: Range,
    readonly fixes: readonly Fix[],
    data: Readonly<Record<string, unknown>> | undefined,
    hover: (() => string) | undefined,
  ) {
    if (data) this.data = data;
    this.#hover = hover;
  }

  /** Hover markdown is written only when someone hovers the finding. */
  get hover(): string | undefined {
    return this.#hover?.();
  }

  withFixes(fixes: readonly Fix[]): RuleFinding {
    return new RuleFinding(this.ruleId, this.severity, this.docsPath, this.message, this.range, fixes, this.data, this.#hover);
  }
}

type ReportParts = BodySummary & { readonly hover: () => string };

// Typing moves every body after the caret, so a report is placed anew for most bodies on every
// keystroke: a class (its hover markdown built only when read) keeps that cheap.
class PlacedReport implements BodyReport {
  readonly range: Range;
  readonly selectedBy: string;
  readonly syntax: string;
  readonly profile: string;
  readonly figures: BodyFigures;
  declare readonly cost?: BodyCost;
  readonly inlayHint: string;
  readonly #hover: () => string;

  constructor(range: Range, parts: ReportParts) {
    this.range = range;
    this.selectedBy = parts.selectedBy;
    this.syntax = parts.syntax;
    this.profile = parts.profile;
    this.figures = parts.figures;
    if (parts.cost) this.cost = parts.cost;
    this.inlayHint = parts.inlayHint;
    this.#hover = parts.hover;
  }

  get hover(): string {
    return this.#hover();
  }
}
