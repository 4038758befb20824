// Issue #8's speed target: `smslint` over 10,000 generated template files, against the floor of a
// node script that only walks the folder and reads the same files. Target: <= 2x floor, < 1.5 s.
// Usage: node esbuild.mjs --only=server/src/cli && node bench/cli.mjs [files=10000] [runs=5]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const N = Number(process.argv[2] ?? 10_000);
const RUNS = Number(process.argv[3] ?? 5);
const bin = resolve('bin/smslint.js');

// A seeded generator, so every run lints the same corpus.
let seed = 0x5eed;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const openers = ['Hi {{name}},', 'Hello {{first_name}}!', 'Dear customer,', '{{name}}:', 'Hey there,'];
const middles = [
  'your order {{order_id}} has shipped and arrives {{date}}.',
  'your appointment is confirmed for {{time}} on {{date}}.',
  'your verification code is {{code}}. It expires in 10 minutes.',
  'we’ve received your payment of {{amount}}. Thank you!',
  'your table for {{party}} is ready — see you soon.',
  'reminder: {{event}} starts tomorrow at {{time}}.',
];
const closers = ['Reply STOP to opt out.', 'Questions? Call us.', 'Thanks, the team.', '', 'Track it in the app.'];

const dir = mkdtempSync(join(tmpdir(), 'smslint-bench-'));
try {
  for (let i = 0; i < N; i++) {
    const sub = join(dir, 'templates', `group${i % 50}`);
    if (i < 50) mkdirSync(sub, { recursive: true });
    // Each file differs (a reference number), so nothing can be answered from a cache of equal texts.
    writeFileSync(join(sub, `t${i}.sms`), `${pick(openers)} ${pick(middles)} Ref ${i}. ${pick(closers)}\n`);
  }
  const floor = join(dir, 'floor.cjs');
  writeFileSync(
    floor,
    `const fs = require('fs'), path = require('path');
let bytes = 0, files = 0;
(function walk(d) {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.sms')) { bytes += fs.readFileSync(p, 'utf8').length; files++; }
  }
})(path.join(__dirname, 'templates'));
process.stdout.write(files + ' files, ' + bytes + ' chars\\n');
`,
  );
  const time = (args, cwd = dir) => {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, CI: '1' } });
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    return { ms, out: r.stdout };
  };
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  time([floor]);
  time([bin]); // warm the page cache
  const floorMs = [];
  const cliMs = [];
  let summary = '';
  for (let r = 0; r < RUNS; r++) {
    floorMs.push(time([floor]).ms);
    const c = time([bin]);
    cliMs.push(c.ms);
    summary = c.out.trim().split('\n').slice(-3).join(' | ');
  }
  // Where the time goes: node itself, smslint's fixed start (bundle, config) on an empty folder,
  // and what is left per file.
  const empty = join(dir, 'empty');
  mkdirSync(empty);
  const nodeMs = [];
  const emptyMs = [];
  for (let r = 0; r < RUNS; r++) {
    nodeMs.push(time(['-e', '0']).ms);
    emptyMs.push(time([bin], empty).ms);
  }
  const f = median(floorMs);
  const c = median(cliMs);
  console.log(`files: ${N} (node ${process.version}, ${RUNS} runs, medians)`);
  console.log(`floor (walk + read):  ${f.toFixed(0)} ms`);
  console.log(`smslint:              ${c.toFixed(0)} ms   [${summary}]`);
  const start = median(emptyMs);
  console.log(`fixed costs:          node ${median(nodeMs).toFixed(0)} ms, smslint on an empty folder ${start.toFixed(0)} ms; per file ${(((c - start) / N) * 1000).toFixed(1)} µs (floor ${(((f - median(nodeMs)) / N) * 1000).toFixed(1)} µs)`);
  console.log(`ratio: ${(c / f).toFixed(2)}x (target <= 2x), absolute target < 1500 ms: ${c < 1500 && c / f <= 2 ? 'met' : 'NOT met'}`);
} finally {
  if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true }); else console.log(dir);
}
