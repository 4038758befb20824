// Extraction speed: a generated 5,000-line TypeScript file with 1,000 SMS literals, and a Python one
// (call-site arguments, object properties, tagged templates, marker comments, concatenations).
// Target (issue #6): <= 5 ms per extraction after warm-up. Usage: node bench/extract.mjs [--json]
import { loadBundle } from './bundle.mjs';

const { extractBodies, DEFAULT_EXTRACT_OPTIONS } = await loadBundle('shared/extract/index.ts', 'extract');

export function generate(lines = 5000, literals = 1000) {
  const out = ["import { Twilio } from 'twilio';", "import type { User, Order } from './types';", 'const client = new Twilio(process.env.SID!, process.env.TOKEN!);', ''];
  let n = 0;
  let i = 0;
  while (out.length < lines - 10) {
    const k = i++ % 5;
    if (n >= literals) {
      out.push(`const filler${i}: Array<string> = ['a', "b", \`c\${1 + 2}\`].map((s) => s.toUpperCase()) / 2;`);
      continue;
    }
    n++;
    if (k === 0) out.push(`export async function notify${i}(user: User, order: Order<number>): Promise<void> {`, `  // Order ${i}: see https://example.com/a/b?x=1 for details`, `  const total = order.items.reduce((a, b) => a + b.price, 0) / 100;`, `  await sendSms('Hi ' + user.name + ', your order #${i} is on its way \\u2019 ok');`, '}', '');
    if (k === 1) out.push(`export const msg${i} = async (u: { phone: string; name: string }) =>`, `  client.messages.create({ to: u.phone, from: FROM, body: \`Hello \${u.name}, code \${(u as any).code ?? 0} expires in 10 min\` });`, `const re${i} = /ab+c[/]\\d{2,}/gi.test(String(${i}));`, '');
    if (k === 2) out.push(`class Reminder${i}<T extends { id: string }> implements Job {`, `  private readonly label: string = "reminder-${i}";`, `  run(x: T): string { return sms\`Reminder: your appointment \${x.id} is tomorrow at 10:00. Reply STOP to opt out.\`; }`, '}', '');
    if (k === 3) out.push('// smslint-template', `export const TEMPLATE_${i} = "Your verification code is {{code}}. Don't share it: \\"${i}\\"";`, `const ratio${i} = total${i % 7} / 2 / 3; // division, not regex`, '');
    if (k === 4) out.push(`function fmt${i}(s: string): string {`, `  return s.replace(/\\s+/g, ' ').trim(); /* not an sms: 'quote' */`, '}', `sendSms("Flash sale ${i}: 20% off everything \u{1F600} until midnight!");`, '');
  }
  while (out.length < lines) out.push('');
  return out.join('\n');
}

/** A 5,000-line Python file with 1,000 selected literals: keyword and positional arguments,
 * f-strings, implicit concatenation, marker comments, plus docstrings and comments that are not bodies. */
export function generatePython(lines = 5000, literals = 1000) {
  const out = ['from twilio.rest import Client', 'import os', '', 'client = Client(os.environ["SID"], os.environ["TOKEN"])', ''];
  let n = 0;
  let i = 0;
  while (out.length < lines - 10) {
    const k = i++ % 5;
    if (n >= literals) {
      out.push(`filler_${i} = [s.upper() for s in ("a", 'b', f"c{1 + 2}")]  # not an sms: "quote"`);
      continue;
    }
    n++;
    if (k === 0) out.push(`def notify_${i}(user, order):`, `    """Order ${i}: see https://example.com/a/b?x=1 for details."""`, `    total = sum(item.price for item in order.items) / 100`, `    send_sms("Hi " + user.name + ", your order #${i} is on its way \\u2019 ok")`, '');
    if (k === 1) out.push(`async def msg_${i}(u):`, `    await client.messages.create(to=u.phone, from_=FROM, body=f"Hello {u.name}, code {u.code or 0:>6} expires in 10 min")`, `    pattern_${i} = r"ab+c[/]\\d{2,}"`);
    if (k === 2) out.push(`class Reminder${i}(Job):`, `    label: str = "reminder-${i}"`, `    def run(self, x):`, `        return client.messages.create(body=("Reminder: your appointment "`, `                                            f"{x.id} is tomorrow at 10:00. "`, `                                            'Reply STOP to opt out.'), to=x.phone)`, '');
    if (k === 3) out.push('# smslint-template', `TEMPLATE_${i} = "Your verification code is {code}. Don't share it: \\"${i}\\""`, `ratio_${i} = total_${i % 7} / 2 / 3  # division`);
    if (k === 4) out.push(`def fmt_${i}(s: str) -> str:`, `    return " ".join(s.split())  # not an sms: 'quote'`, `send_sms("Flash sale ${i}: 20% off everything \u{1F600} until midnight!")`, '');
  }
  while (out.length < lines) out.push('');
  return out.join('\n');
}

/** Min/median/p95 ms of extracting `text` as `path`, after warm-up; exits when the body count is off. */
function measure(path, text, expected) {
  const first = extractBodies(path, text, DEFAULT_EXTRACT_OPTIONS);
  if (first.bodies.length !== expected || first.problems.length !== 0) {
    console.error(`${path}: expected ${expected} bodies and no problems, got ${first.bodies.length} and ${first.problems.length}`);
    process.exit(1);
  }
  for (let i = 0; i < 50; i++) extractBodies(path, text, DEFAULT_EXTRACT_OPTIONS);
  const runs = 200;
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    extractBodies(path, text, DEFAULT_EXTRACT_OPTIONS);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  // On a shared 2-core machine other work inflates the median; the minimum shows the code's own cost.
  return {
    file: { lines: text.split('\n').length, chars: text.length, bodies: first.bodies.length },
    runs,
    minMs: +times[0].toFixed(3),
    medianMs: +times[runs >> 1].toFixed(3),
    p95Ms: +times[Math.floor(runs * 0.95)].toFixed(3),
    targetMs: 5,
  };
}

const result = measure('src/notify.ts', generate(), 1000);
const python = measure('app/notify.py', generatePython(), 1000);
if (process.argv.includes('--json')) console.log(JSON.stringify({ ...result, python }));
else {
  for (const [name, r] of [['extract (TS)', result], ['extract (Python)', python]]) {
    console.log(`${name}: ${r.file.lines} lines, ${r.file.chars} chars, ${r.file.bodies} bodies -> median ${r.medianMs} ms (min ${r.minMs}, p95 ${r.p95Ms}) per extraction (target <= 5 ms)`);
  }
}
if (result.medianMs > 5 || python.medianMs > 5) console.error('warning: median over the 5 ms target (is the machine busy?)');
if (result.minMs > 5 || python.minMs > 5) process.exitCode = 1;
