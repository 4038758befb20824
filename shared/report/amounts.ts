// Exact cost amounts as a run adds them up: bigint sums per unit, so totals never round or overflow.
import type { BodyCost } from '../lint/types';
import { groupThousands } from '../pricing';

export type AmountUnit = 'usd' | 'credits';

/** A best–worst amount: micro-dollars ('usd') or credits. */
export interface AmountSpan {
  readonly unit: AmountUnit;
  readonly best: bigint;
  readonly worst: bigint;
}

/** What a body costs its campaign (per recipient when no campaign was priced); undefined when unknown. */
export function bodyAmount(cost: BodyCost | undefined): AmountSpan | undefined {
  const a = cost?.amounts;
  if (!a || cost.error) return undefined;
  return { unit: a.unit, best: BigInt(a.campaign.best), worst: BigInt(a.campaign.worst) };
}

/** Sums per unit, in the order the units first appear (a run may mix dollar and credit profiles). */
export function sumAmounts(spans: Iterable<AmountSpan | undefined>): AmountSpan[] {
  const by = new Map<AmountUnit, { best: bigint; worst: bigint }>();
  for (const s of spans) {
    if (!s) continue;
    const t = by.get(s.unit);
    if (t) {
      t.best += s.best;
      t.worst += s.worst;
    } else by.set(s.unit, { best: s.best, worst: s.worst });
  }
  return [...by].map(([unit, t]) => ({ unit, ...t }));
}

// Spelled like the pricing core's formatMoney/formatSpan, but over bigint so totals stay exact at any size.
function money(n: bigint): string {
  const abs = n < 0n ? -n : n;
  const frac = (abs % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '').padEnd(2, '0');
  return `${n < 0n ? '-' : ''}$${groupThousands(abs / 1_000_000n)}.${frac}`;
}

/** "$0.02", "$0.01–$0.02", "1 credit", "2–6 credits". */
export function formatAmountSpan(a: AmountSpan): string {
  if (a.unit === 'usd') return a.best === a.worst ? money(a.best) : `${money(a.best)}–${money(a.worst)}`;
  const unit = a.worst === 1n ? 'credit' : 'credits';
  return a.best === a.worst ? `${groupThousands(a.best)} ${unit}` : `${groupThousands(a.best)}–${groupThousands(a.worst)} ${unit}`;
}
