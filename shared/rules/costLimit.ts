import { amountFromConfig, formatAmount, groupThousands, type ExactAmount } from '../pricing';
import type { BodyRule, BodyFinding } from './context';

function asNumber(a: ExactAmount): number {
  return a.unit === 'usd' ? (a.micros as number) : a.credits;
}

export const costLimit: BodyRule = {
  id: 'cost-limit',
  defaultSeverity: 'error',
  description: 'The worst-case cost per recipient or per campaign is over the configured budget.',
  docsPath: 'docs/rules/cost-limit.md',
  check({ model: m, config }) {
    const cost = m.cost;
    if (!cost) return [];
    const out: BodyFinding[] = [];
    const checks = [
      ['maxCostPerRecipient', config.limits.maxCostPerRecipient, cost.perRecipient.worst as number, 'per recipient'],
      ['maxCampaignCost', config.limits.maxCampaignCost, cost.total.worst as number, `for ${groupThousands(m.recipients)} recipients`],
    ] as const;
    for (const [key, limit, worst, what] of checks) {
      if (limit === undefined) continue;
      const parsed = amountFromConfig(limit as never, `limits.${key}`);
      if (!parsed.ok || parsed.value.unit !== cost.unit) continue;
      if (worst <= asNumber(parsed.value)) continue;
      const worstText = formatAmount(cost.unit === 'usd' ? { unit: 'usd', micros: worst as never } : { unit: 'credits', credits: worst });
      out.push({
        range: m.body.range,
        message: `Worst case costs ${worstText} ${what}, over the budget of ${formatAmount(parsed.value)} (limits.${key}); ${m.figures.worstReason}.`,
        data: { key, worst: worstText, limit: formatAmount(parsed.value) },
      });
    }
    return out;
  },
};
