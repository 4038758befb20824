import { formatAmount, groupThousands } from '../pricing';
import type { BodyRule } from './context';
import { plural } from './describe';

export const insufficientBalance: BodyRule = {
  id: 'insufficient-balance',
  defaultSeverity: 'warning',
  description: 'The configured prepaid balance cannot pay for every recipient: a message whose full cost exceeds the balance is not sent.',
  docsPath: 'docs/rules/insufficient-balance.md',
  check({ model: m }) {
    const cov = m.cost?.coverage?.worst;
    if (!m.cost || !cov || cov.recipientsUnsent <= 0) return [];
    const fmt = (v: number): string => formatAmount(m.cost!.unit === 'usd' ? { unit: 'usd', micros: v as never } : { unit: 'credits', credits: v });
    return [{
      range: m.body.range,
      message: `Balance ${fmt(cov.balance as number)} covers ${groupThousands(cov.recipientsCovered)} of ${groupThousands(m.recipients)} recipients in the worst case (${plural(m.figures.worst.segments, 'segment')} each); ${groupThousands(cov.recipientsUnsent)} would not be sent.`,
      data: { covered: cov.recipientsCovered, unsent: cov.recipientsUnsent },
    }];
  },
};
