// `smslint budget FILE`: a plan forecast from a YAML/JSON file of a plan and scheduled campaigns,
// run through the pricing core's ledger; per cycle: credits, overage, rollover, expiry, charges.
import { dirname, isAbsolute, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { forecast, formatMoney, groupThousands, parseIsoDate, resolveProfile, type Forecast, type PlanConfig } from '../../../shared/pricing';
import type { Context } from './context';
import { isIoError } from './io';
import { lintText } from './lintRun';
import { displayPath } from './report';
import { decode } from './text';

/** One campaign of the forecast file. */
interface Campaign {
  readonly name: string;
  readonly creditsPerRecipient: number;
  readonly recipients: number;
  /** Sends per active cycle. */
  readonly times: number;
  /** 1-based cycles it runs in; undefined: every cycle. */
  readonly cycles: readonly number[] | undefined;
}

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

/** Credits per recipient of a template's worst case, priced by its config (a credit profile) or textspot. */
function templateCredits(ctx: Context, file: string): Parsed<number> {
  const bytes = ctx.io.fs.readFile(file);
  if (isIoError(bytes)) return { ok: false, error: `cannot read ${displayPath(ctx.io.cwd, file)} (${bytes.message})` };
  const d = decode(bytes);
  if (!d.ok) return { ok: false, error: `${displayPath(ctx.io.cwd, file)}: ${d.reason}` };
  const config = ctx.configFor(file);
  const p = resolveProfile(config.profile, config.profiles);
  const credits = p.ok && p.value.unit === 'credits' ? config : { ...config, profile: 'textspot' };
  const report = lintText({ ...ctx, configFor: () => ({ ...credits, campaign: { ...credits.campaign, recipients: 1 } }) }, file, bytes).report;
  if (report.bodies.length !== 1) return { ok: false, error: `${report.path} has ${report.bodies.length} SMS bodies; a campaign's template must hold exactly one` };
  const cost = report.bodies[0]!.cost;
  const amounts = cost?.error ? undefined : cost?.amounts;
  if (!amounts || amounts.unit !== 'credits') return { ok: false, error: `${report.path}: no credit cost (${cost?.error ?? 'the profile does not price in credits'})` };
  return { ok: true, value: amounts.perRecipient.worst };
}

function parseCampaigns(ctx: Context, list: unknown, base: string): Parsed<Campaign[]> {
  if (!Array.isArray(list)) return { ok: false, error: 'campaigns: a list of { name, template or credits, recipients, cycles? }' };
  const out: Campaign[] = [];
  for (const [i, c] of list.entries()) {
    const at = `campaigns[${i}]`;
    if (!isRecord(c)) return { ok: false, error: `${at}: an object with template or credits, and recipients` };
    const known = new Set(['name', 'template', 'credits', 'recipients', 'cycles', 'times']);
    const unknown = Object.keys(c).find((k) => !known.has(k));
    if (unknown) return { ok: false, error: `${at}.${unknown}: unknown key; expected ${[...known].join(', ')}` };
    let perRecipient: number;
    if (typeof c.template === 'string') {
      const t = templateCredits(ctx, isAbsolute(c.template) ? c.template : resolve(base, c.template));
      if (!t.ok) return { ok: false, error: `${at}.template: ${t.error}` };
      perRecipient = t.value;
    } else if (isCount(c.credits)) perRecipient = c.credits;
    else return { ok: false, error: `${at}: give "template" (a template file) or "credits" (credits per recipient)` };
    const recipients = c.recipients ?? 1;
    if (!isCount(recipients)) return { ok: false, error: `${at}.recipients: a whole number of at least 0` };
    const times = c.times ?? 1;
    if (!isCount(times)) return { ok: false, error: `${at}.times: a whole number of at least 0` };
    const cycles = c.cycles;
    if (cycles !== undefined && !(Array.isArray(cycles) && cycles.every((n) => isCount(n) && n >= 1))) {
      return { ok: false, error: `${at}.cycles: a list of cycle numbers, from 1` };
    }
    const name = typeof c.name === 'string' ? c.name : typeof c.template === 'string' ? c.template : `campaign ${i + 1}`;
    out.push({ name, creditsPerRecipient: perRecipient, recipients, times, cycles });
  }
  return { ok: true, value: out };
}

export function runBudget(ctx: Context): number {
  const { io } = ctx;
  const arg = ctx.options.patterns[0]!;
  const file = isAbsolute(arg) ? arg : resolve(io.cwd, arg);
  const bytes = io.fs.readFile(file);
  if (isIoError(bytes)) {
    ctx.fail(`${arg}: cannot read the forecast file (${bytes.message}).`);
    return 2;
  }
  const text = Buffer.from(bytes).toString('utf8');
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = e.linePos?.[0];
    ctx.fail(`${arg}${pos ? `:${pos.line}:${pos.col}` : ''}: ${e.message.split('\n')[0]}`);
    return 2;
  }
  const data: unknown = doc.toJS();
  const bad = (msg: string) => {
    ctx.fail(`${arg}: ${msg}.`);
    return 2;
  };
  if (!isRecord(data)) return bad('expected plan, start, cycles and campaigns');
  const config = ctx.configFor(file);
  const plan = data.plan ?? (typeof config.plan === 'string' ? config.plan : undefined);
  if (typeof plan !== 'string') return bad('plan: a plan id, e.g. textspot-1000 (or one defined under plans)');
  if (parseIsoDate(data.start) === null) return bad('start: the first billing date, as YYYY-MM-DD');
  const plans: Record<string, PlanConfig> = { ...config.plans, ...(isRecord(data.plans) ? (data.plans as Record<string, PlanConfig>) : {}) };
  const campaigns = parseCampaigns(ctx, data.campaigns ?? [], dirname(file));
  if (!campaigns.ok) return bad(campaigns.error);
  const lastCycle = Math.max(1, ...campaigns.value.flatMap((c) => c.cycles ?? []));
  const cycles = data.cycles ?? lastCycle;
  if (!isCount(cycles) || cycles < 1 || cycles > 1200) return bad('cycles: how many billing cycles to forecast, 1 to 1200');
  const schedule = Array.from({ length: cycles }, (_, i) =>
    campaigns.value.filter((c) => c.cycles === undefined || c.cycles.includes(i + 1)).map((c) => c.creditsPerRecipient * c.recipients * c.times),
  );
  if (schedule.some((s) => s.some((n) => !Number.isSafeInteger(n)))) return bad('a campaign sends more credits than can be counted exactly');
  const f = forecast({ plan, start: data.start as string, schedule, plans });
  if (!f.ok) return bad(`${f.error.path ? `${f.error.path}: ` : ''}${f.error.message.replace(/\.$/, '')}`);
  io.stdout.write(ctx.options.format === 'json' ? budgetJson(f.value) : budgetTable(f.value, plan));
  return 0;
}

const n = (x: number) => groupThousands(x);

export function budgetTable(f: Forecast, plan: string): string {
  const head = ['cycle', 'period', 'plan', 'rolled in', 'granted', 'sent', 'overage', 'expired', 'forfeited', 'rolled over', 'charged'];
  const rows = f.cycles.map((c) => [
    String(c.index + 1),
    `${c.start} – ${c.end}`,
    c.plan,
    n(c.rolledIn),
    n(c.granted),
    n(c.sent),
    n(c.overage),
    n(c.expired),
    n(c.forfeited),
    n(c.rolledOver),
    `${formatMoney(c.charged)}${c.complete ? '' : ' + unknown'}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i >= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const out = [`Forecast for ${plan}, ${f.cycles.length} ${f.cycles.length === 1 ? 'cycle' : 'cycles'}`, '', line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line), ''];
  out.push('Charges:');
  for (const c of f.cycles) {
    for (const ch of c.charges) out.push(`  cycle ${c.index + 1}  ${ch.date}  ${ch.kind.padEnd(12)}  ${(ch.amount === null ? 'unknown' : formatMoney(ch.amount)).padStart(10)}  ${ch.note}`);
  }
  out.push('', `Total charged: ${formatMoney(f.charged)}${f.complete ? '' : ' (some charges are unknown: set the plan\'s price or overageRate under "plans")'}`);
  return out.join('\n') + '\n';
}

export function budgetJson(f: Forecast): string {
  const money = (m: number | null) => (m === null ? null : { micros: m, text: formatMoney(m as Parameters<typeof formatMoney>[0]) });
  return (
    JSON.stringify(
      {
        cycles: f.cycles.map((c) => ({
          cycle: c.index + 1,
          plan: c.plan,
          start: c.start,
          end: c.end,
          rolledIn: c.rolledIn,
          granted: c.granted,
          sent: c.sent,
          overage: c.overage,
          expired: c.expired,
          forfeited: c.forfeited,
          rolledOver: c.rolledOver,
          charges: c.charges.map((ch) => ({ date: ch.date, kind: ch.kind, plan: ch.plan, credits: ch.credits, amount: money(ch.amount), note: ch.note })),
          charged: money(c.charged),
          complete: c.complete,
        })),
        charged: money(f.charged),
        complete: f.complete,
      },
      null,
      2,
    ) + '\n'
  );
}
