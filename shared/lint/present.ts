// The body summaries both faces show: inlay hint, hover table, cost lines.
import { countSegments } from '../segments';
import type { BodyModel } from './bodyModel';
import type { TemplateFigures } from '../templates';
import { spanText } from './bodyModel';
import type { BodyCost, BodyFigures } from './types';
import { groupThousands, type CampaignCost } from '../pricing';

const span = (a: number, b: number): string => (a === b ? `${a}` : `${a}–${b}`);

/** Where segment 2 starts in a body without placeholders (one verbatim literal), if it has one. */
function secondSegmentAt(m: BodyModel): number | undefined {
  const parts = m.template.parts;
  const only = parts.length === 1 ? parts[0] : undefined;
  if (m.figures.worst.segments < 2 || !only || only.kind !== 'literal' || !only.verbatim) return undefined;
  const at = countSegments(only.text, m.profile?.segmentSizes).segmentStarts[1];
  return at === undefined ? undefined : only.range.start + at;
}

export function bodyFigures(m: BodyModel): BodyFigures {
  return new SummaryFigures(m.figures, secondSegmentAt(m));
}

/**
 * A class, not a literal with `get worstReason()`: a getter closure per object gives each its own
 * hidden class and keeps the body's figures alive through young collections. JSON keeps the reason.
 */
class SummaryFigures implements BodyFigures {
  readonly encoding: BodyFigures['encoding'];
  readonly segments: BodyFigures['segments'];
  readonly characters: BodyFigures['characters'];
  readonly units: BodyFigures['units'];
  declare readonly secondSegmentAt?: number;
  readonly #f: TemplateFigures;

  constructor(f: TemplateFigures, second: number | undefined) {
    this.encoding = { best: f.best.encoding, worst: f.worst.encoding };
    this.segments = f.sample ? { best: f.best.segments, worst: f.worst.segments, sample: f.sample.segments } : { best: f.best.segments, worst: f.worst.segments };
    this.characters = { best: f.best.length, worst: f.worst.length };
    this.units = { best: f.best.units, worst: f.worst.units };
    if (second !== undefined) this.secondSegmentAt = second;
    this.#f = f;
  }

  /** The template layer writes this sentence only when it is read. */
  get worstReason(): string {
    return this.#f.worstReason;
  }

  toJSON(): BodyFigures {
    const { encoding, segments, characters, units, secondSegmentAt, worstReason } = this;
    return { encoding, segments, characters, units, ...(secondSegmentAt !== undefined ? { secondSegmentAt } : {}), worstReason };
  }
}

// Bodies priced alike share one CampaignCost (see priceOf): their cost lines are spelled once.
const costLines = new WeakMap<object, BodyCost>();

export function bodyCost(m: BodyModel): BodyCost | undefined {
  if (m.cost && !m.planImpact) {
    let c = costLines.get(m.cost);
    if (!c) costLines.set(m.cost, (c = pricedCost(m, m.cost)));
    return c;
  }
  if (m.cost) return pricedCost(m, m.cost);
  if (m.costError) return { perRecipient: 'unknown', error: m.costError.message };
  return undefined;
}

function pricedCost(m: BodyModel, c: CampaignCost): BodyCost {
  const cov = c.coverage?.worst;
  return {
    perRecipient: spanText(c, 'perRecipient'),
    campaign: spanText(c, 'total'),
    recipients: m.recipients,
    amounts: { unit: c.unit, perRecipient: { ...c.perRecipient }, campaign: { ...c.total } },
    ...(m.planImpact ? { planImpact: m.planImpact.message } : {}),
    ...(cov ? { balance: `covers ${groupThousands(cov.recipientsCovered)} of ${groupThousands(m.recipients)} recipients` } : {}),
  };
}

function encodingText(f: BodyFigures): string {
  return f.encoding.best === f.encoding.worst ? f.encoding.worst : `${f.encoding.best}–${f.encoding.worst}`;
}

/** "2 seg · UCS-2 · $0.02" (ranges where the template's variables widen them). */
export function inlayHint(f: BodyFigures, cost: BodyCost | undefined): string {
  const parts = [`${span(f.segments.best, f.segments.worst)} seg`, encodingText(f)];
  if (cost && !cost.error) parts.push(cost.perRecipient);
  return parts.join(' · ');
}

/** A short quote of the text from `at`, safe inside a markdown table cell. */
function quoteAt(text: string, at: number): string {
  const words = text.slice(at, at + 16).replace(/\r?\n/g, '⏎').replaceAll('`', "'").replaceAll('|', '\\|');
  return `\`${words}\`${at + 16 < text.length ? '…' : ''}`;
}

export function bodyHover(m: BodyModel, f: BodyFigures, cost: BodyCost | undefined): string {
  const rows = [
    '| | |',
    '|---|---|',
    `| encoding | ${encodingText(f)} |`,
    `| characters | ${span(f.characters.best, f.characters.worst)} |`,
    `| ${f.encoding.best === 'GSM-7' && f.encoding.worst === 'GSM-7' ? 'septets' : f.encoding.best === 'UCS-2' ? 'UTF-16 units' : 'billable units'} | ${span(f.units.best, f.units.worst)} |`,
    `| segments | ${span(f.segments.best, f.segments.worst)}${f.segments.sample !== undefined && f.segments.best !== f.segments.worst ? ` (sample ${f.segments.sample})` : ''} |`,
    ...(f.secondSegmentAt !== undefined ? [`| segment 2 starts at | ${quoteAt(m.body.text, f.secondSegmentAt)} |`] : []),
  ];
  const profile = m.profile?.label ?? 'no profile';
  if (cost?.error) rows.push(`| cost (${profile}) | ${cost.error} |`);
  else if (cost) {
    rows.push(`| per recipient (${profile}) | ${cost.perRecipient} |`);
    if (cost.campaign) {
      const n = cost.recipients ?? 0;
      rows.push(`| ${groupThousands(n)} ${n === 1 ? 'recipient' : 'recipients'} | ${cost.campaign} |`);
    }
    if (cost.planImpact) rows.push(`| plan | ${cost.planImpact} |`);
    if (cost.balance) rows.push(`| balance | ${cost.balance} |`);
  }
  const lines = [`**smslint** · selected by ${m.body.selectedBy}`, '', ...rows];
  if (f.segments.best !== f.segments.worst || f.encoding.best !== f.encoding.worst) lines.push('', `Worst case: ${f.worstReason}.`);
  return lines.join('\n');
}
