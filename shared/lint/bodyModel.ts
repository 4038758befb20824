// Everything known about one body before the rules look at it: its template, its figures as a
// range, its literal characters, and its price under the active profile.
import type { Body } from '../extract';
import { mapRange } from '../extract';
import type { ResolvedConfig } from '../config';
import {
  amountFromConfig, campaignCost, formatSpan, planImpact, positionFor, resolveProfile,
  type CampaignCost, type ExactAmount, type PlanImpact, type PlanPosition, type PricingProfile, type PlanSpec, type Span,
} from '../pricing';
import type { CharFinding } from '../segments';
import { detectSyntax, isTemplateSyntax, parseTemplate, templateFigures, type FigureOptions, type Template, type TemplateFigures, type TemplateSyntax } from '../templates';
import type { Range } from '../types';
import { literalFindings, replaceInBody } from './literals';

export interface BodyModel {
  readonly body: Body;
  readonly template: Template;
  readonly figures: TemplateFigures;
  /** Figures once every safe replacement in the literal text is made. */
  readonly fixedFigures: TemplateFigures;
  /** Figures with extension characters counted as 1 septet (did they tip the count?); only when
   * they could have: extension characters in a worst case that is GSM-7 and over one segment. */
  readonly withoutExtensionFigures: TemplateFigures | undefined;
  /** Literal-text characters, in body offsets. */
  readonly chars: readonly CharFinding[];
  /** The characters fix-all replaces (never a set that adds segments). */
  readonly fixAllChars: ReadonlySet<CharFinding>;
  readonly profile: PricingProfile | undefined;
  readonly profileError: string | undefined;
  readonly recipients: number;
  readonly media: boolean;
  readonly country: string | undefined;
  readonly maxSegments: number | undefined;
  readonly cost: CampaignCost | undefined;
  readonly fixedCost: CampaignCost | undefined;
  readonly costError: { readonly code: string; readonly message: string } | undefined;
  readonly balance: ExactAmount | undefined;
  readonly planImpact: PlanImpact | undefined;
  readonly toDocument: (r: Range) => Range;
}

function syntaxFor(body: Body, config: ResolvedConfig): TemplateSyntax {
  // The config's values are the template core's syntax names ("js-template", "dotnet"…).
  const chosen = config.placeholders.find((p): p is TemplateSyntax => p !== 'auto' && isTemplateSyntax(p));
  if (chosen) return chosen;
  if (body.syntax !== 'plain') return body.syntax;
  // A plain hint from a call site or locale file may still hold {{name}} or {0}.
  return detectSyntax(body.text);
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

type FigureArgs = readonly [vars: Readonly<Record<string, object>>, options: FigureOptions];
// Every body of a file (and of every file sharing its config) measures with the same variables and
// options: build them once, so nothing is copied per body.
const figureArgsMemo = new WeakMap<ResolvedConfig, Map<PricingProfile | undefined, FigureArgs>>();

function figureArgs(config: ResolvedConfig, profile: PricingProfile | undefined): FigureArgs {
  let byProfile = figureArgsMemo.get(config);
  if (!byProfile) figureArgsMemo.set(config, (byProfile = new Map()));
  let args = byProfile.get(profile);
  if (!args) {
    const options: FigureOptions = {
      ...(profile ? { sizes: profile.segmentSizes } : {}),
      defaultMaxLength: config.variableDefaults.maxLength,
      defaultMinLength: config.variableDefaults.minLength,
      defaultCharset: config.variableDefaults.charset,
    };
    byProfile.set(profile, (args = [config.variables as Readonly<Record<string, object>>, options]));
  }
  return args;
}

const RULE_OF_KIND = { 'non-gsm': 'non-gsm-char', invisible: 'invisible-char', decomposed: 'decomposed-char' } as const;

/** Would fix-all replace this character? "Once fixed" figures must not count what it leaves alone. */
function willFixAll(c: CharFinding, config: ResolvedConfig): boolean {
  if (c.replacement === undefined || c.lossy || c.kind === 'gsm-extended') return false;
  const allowed = config.allowUnicode;
  if (allowed === true && c.kind === 'non-gsm') return false;
  if (Array.isArray(allowed) && allowed.includes(c.char) && c.kind !== 'decomposed') return false;
  return config.rules[RULE_OF_KIND[c.kind]]?.severity !== 'off';
}

// Profiles and prices depend on a handful of numbers: resolve each once per config.
const profileMemo = new WeakMap<object, Map<string, ReturnType<typeof resolveProfile>>>();
const costMemo = new WeakMap<PricingProfile, Map<string, ReturnType<typeof campaignCost>>>();
const balanceMemo = new WeakMap<ResolvedConfig, { value: ExactAmount | undefined }>();
const positionMemo = new WeakMap<ResolvedConfig, { value: PlanPosition | undefined }>();

function profileOf(config: ResolvedConfig, id: string): ReturnType<typeof resolveProfile> {
  let byId = profileMemo.get(config.profiles);
  if (!byId) profileMemo.set(config.profiles, (byId = new Map()));
  let r = byId.get(id);
  if (!r) byId.set(id, (r = resolveProfile(id, config.profiles as never)));
  return r;
}

// Where the config's plan stands (an id of the catalogue or of the config's own "plans", or an inline plan).
function positionOf(config: ResolvedConfig): PlanPosition | undefined {
  let p = positionMemo.get(config);
  if (!p) {
    const r = config.plan === undefined ? undefined : positionFor(config.plan as PlanSpec, config.plans);
    positionMemo.set(config, (p = { value: r?.ok ? r.value : undefined }));
  }
  return p.value;
}

function balanceOf(config: ResolvedConfig): ExactAmount | undefined {
  let b = balanceMemo.get(config);
  if (!b) {
    const parsed = config.campaign.balance === undefined ? undefined : amountFromConfig(config.campaign.balance as never, 'campaign.balance');
    balanceMemo.set(config, (b = { value: parsed?.ok ? parsed.value : undefined }));
  }
  return b.value;
}

function priceOf(profile: PricingProfile, best: number, worst: number, recipients: number, media: boolean, country: string | undefined, balance: ExactAmount | undefined): ReturnType<typeof campaignCost> {
  let memo = costMemo.get(profile);
  if (!memo) costMemo.set(profile, (memo = new Map()));
  const usable = balance && balance.unit === profile.unit ? balance : undefined;
  const key = `${best}|${worst}|${recipients}|${media}|${country ?? ''}|${usable ? (usable.unit === 'usd' ? usable.micros : usable.credits) : ''}`;
  let r = memo.get(key);
  if (!r) {
    if (memo.size > 4096) memo.clear();
    r = campaignCost(profile, { segments: { best, worst }, recipients, media, ...(country ? { country } : {}), ...(usable ? { balance: usable } : {}) });
    memo.set(key, r);
  }
  return r;
}

const NO_CHARS: ReadonlySet<CharFinding> = new Set();

/** The smaller of two optional limits. */
const least = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined ? b : b === undefined ? a : Math.min(a, b));

export function buildBodyModel(body: Body, config: ResolvedConfig): BodyModel {
  const opts = body.options;
  const profileId = typeof opts.profile === 'string' ? opts.profile : config.profile;
  const resolved = profileOf(config, profileId);
  const profile = resolved.ok ? resolved.value : undefined;
  const profileError = resolved.ok ? undefined : resolved.error.message;

  let template = parseTemplate(body.text, syntaxFor(body, config));
  const frontVars = typeof opts.variables === 'object' && opts.variables !== null ? (opts.variables as Record<string, object>) : undefined;
  const [configVars, figureOptions] = figureArgs(config, profile);
  // A body's own variables (front matter) over the config's, merged once for its up to four measures.
  const vars = frontVars ? { ...configVars, ...frontVars } : configVars;
  const figuresOf = (t: Template): TemplateFigures => templateFigures(t, vars, figureOptions);
  let figures: TemplateFigures;
  try {
    figures = figuresOf(template);
  } catch (e) {
    // Nested thousands deep, the measure's recursion overflows: the body is measured as plain
    // text, as parseTemplate does with a body it cannot parse, and a malformed finding says why.
    template = plainFallback(body.text, e);
    figures = figuresOf(template);
  }
  const chars = literalFindings(template.parts);

  const measureFixed = (set: ReadonlySet<CharFinding>): TemplateFigures =>
    set.size ? figuresOf(parseTemplate(replaceInBody(body.text, chars, (c) => (set.has(c) ? c.replacement : undefined)), template.syntax)) : figures;
  const worse = (f: TemplateFigures): boolean => f.worst.segments > figures.worst.segments || f.best.segments > figures.best.segments;
  // "™" → "TM" in a body that stays UCS-2 adds units: fix-all must never add segments, so then it
  // makes only the replacements that do not lengthen the text, or none.
  let fixAllChars: ReadonlySet<CharFinding> = chars.length === 0 ? NO_CHARS : new Set(chars.filter((c) => willFixAll(c, config)));
  let fixedFigures = measureFixed(fixAllChars);
  if (worse(fixedFigures)) {
    fixAllChars = new Set([...fixAllChars].filter((c) => c.replacement!.length <= c.end - c.start));
    fixedFigures = measureFixed(fixAllChars);
    if (worse(fixedFigures)) {
      fixAllChars = new Set();
      fixedFigures = figures;
    }
  }
  const extended = figures.worst.encoding === 'GSM-7' && figures.worst.segments > 1 && chars.some((c) => c.kind === 'gsm-extended');
  const withoutExtensionFigures = extended
    ? figuresOf(parseTemplate(replaceInBody(body.text, chars, (c) => (c.kind === 'gsm-extended' ? 'a' : undefined)), template.syntax))
    : undefined;

  const recipients = num(opts.recipients) ?? config.campaign.recipients;
  const media = opts.media === undefined ? config.campaign.media : opts.media !== false && opts.media !== '' && !(Array.isArray(opts.media) && opts.media.length === 0);
  const country = typeof opts.country === 'string' ? opts.country : config.campaign.country || undefined;
  const maxSegments = least(least(num(opts.maxSegments), config.limits.maxSegments), profile?.maxSegments ?? undefined);

  const balance = balanceOf(config);

  let cost: CampaignCost | undefined;
  let fixedCost: CampaignCost | undefined;
  let costError: BodyModel['costError'];
  if (profile) {
    const price = (f: TemplateFigures) => priceOf(profile, f.best.segments, f.worst.segments, recipients, media, country, balance);
    const c = price(figures);
    if (c.ok) {
      cost = c.value;
      const fc = fixedFigures === figures ? c : price(fixedFigures);
      if (fc.ok) fixedCost = fc.value;
    } else costError = { code: c.error.code, message: c.error.message };
  } else if (profileError) costError = { code: 'profile', message: profileError };

  let impact: PlanImpact | undefined;
  if (cost?.unit === 'credits' && config.plan !== undefined) {
    const position = positionOf(config);
    if (position) {
      const r = planImpact(position, cost.total.worst);
      if (r.ok) impact = r.value;
    }
  }

  return {
    body, template, figures, fixedFigures, withoutExtensionFigures, chars, fixAllChars, profile, profileError,
    recipients, media, country, maxSegments, cost, fixedCost, costError, balance,
    planImpact: impact,
    toDocument: (r) => mapRange(body.map, r.start, r.end),
  };
}

function plainFallback(text: string, e: unknown): Template {
  const deep = e instanceof RangeError && /call stack/i.test(e.message);
  const why = deep ? 'it nests too deeply to measure' : `smslint could not measure it (${e instanceof Error ? e.message : String(e)})`;
  const message = `This template was measured as plain text: ${why}.`;
  return { ...parseTemplate(text, 'plain'), findings: [{ code: 'unsupported-construct', kind: 'malformed', message, range: { start: 0, end: text.length } }] };
}

/** "$0.02" or "$0.02–$0.04"; "2 credits" or "2–4 credits". */
export function spanText(cost: CampaignCost, which: 'perRecipient' | 'total'): string {
  return formatSpan(cost.unit, cost[which] as Span<number>);
}
