// The core reports cost as exact display strings ("$0.02", "$0.01–$0.02", "1,653 credits",
// "2–6 credits"); formatMoney never rounds, so parsing them back is exact. Used to sort and total.
import { groupThousands, parseMoney } from '../../../shared/pricing';

export interface AmountSpan {
  readonly unit: 'usd' | 'credits';
  readonly best: bigint;
  readonly worst: bigint;
}

function one(s: string, unit: 'usd' | 'credits'): bigint | undefined {
  if (unit === 'credits') {
    const m = /^(\d{1,3}(?:,\d{3})*|\d+)$/.exec(s.trim());
    return m ? BigInt(m[1]!.replaceAll(',', '')) : undefined;
  }
  const r = parseMoney(s.trim());
  return r.ok ? BigInt(r.value) : undefined;
}

export function parseAmountSpan(s: string | undefined): AmountSpan | undefined {
  if (s === undefined) return undefined;
  const t = s.trim();
  const credits = /^(.*?)\s+credits?$/.exec(t);
  const unit = credits ? 'credits' : 'usd';
  const body = credits ? credits[1]! : t;
  const [a, b, ...rest] = body.split(/\s*[–-]\s*(?=[$\d])/);
  if (a === undefined || rest.length > 0) return undefined;
  const best = one(a, unit);
  const worst = b === undefined ? best : one(b, unit);
  if (best === undefined || worst === undefined) return undefined;
  return { unit, best, worst };
}

// Spelled like the core's formatMoney/formatSpan, but over bigint so totals stay exact at any size.
function money(n: bigint): string {
  const abs = n < 0n ? -n : n;
  const frac = (abs % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '').padEnd(2, '0');
  return `${n < 0n ? '-' : ''}$${groupThousands(abs / 1_000_000n)}.${frac}`;
}

export function formatAmountSpan(a: AmountSpan): string {
  if (a.unit === 'usd') return a.best === a.worst ? money(a.best) : `${money(a.best)}–${money(a.worst)}`;
  const unit = a.worst === 1n ? 'credit' : 'credits';
  return a.best === a.worst ? `${groupThousands(a.best)} ${unit}` : `${groupThousands(a.best)}–${groupThousands(a.worst)} ${unit}`;
}

/** Sums per unit (a run may mix dollar and credit profiles). */
export function sumAmounts(spans: readonly (AmountSpan | undefined)[]): AmountSpan[] {
  const by = new Map<'usd' | 'credits', { best: bigint; worst: bigint }>();
  for (const s of spans) {
    if (!s) continue;
    const t = by.get(s.unit) ?? { best: 0n, worst: 0n };
    by.set(s.unit, { best: t.best + s.best, worst: t.worst + s.worst });
  }
  return [...by].map(([unit, t]) => ({ unit, ...t }));
}
