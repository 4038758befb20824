// Language server figures (issue #7), measured over stdio against the built server like an editor:
//   node esbuild.mjs --only=server/src/server && node bench/lsp.mjs
// - cold start: spawn → initialize answered, and spawn → first diagnostics of a template
// - keystroke → publishDiagnostics on a 5,000-line TS file with 1,000 SMS literals (debounce set to 0)
// - hover on that file
// - RSS of the server after opening 1,000 files
// The machine's load shows in every figure: note `uptime` with them.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

// SERVER=path benches another build (a copy kept away from concurrent rebuilds of dist/).
const SERVER = process.env.SERVER ?? new URL('../dist/server.js', import.meta.url).pathname;
const KEYSTROKES = Number(process.env.KEYSTROKES ?? 200);
const HOVERS = Number(process.env.HOVERS ?? 500);
const FILES = Number(process.env.FILES ?? 1000);

// Seeded, so every run measures the same text.
let seed = 0x5eed;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

const BODIES = [
  'Hi {name}, your order {id} has shipped.',
  'Your code is {code}. It’s valid for 10 minutes.',
  'Reminder: appointment tomorrow at 9:30 — reply YES to confirm.',
  'Thanks for your purchase! We’ll text you when it’s ready 😀',
  'Sale ends tonight: 20% off everything at example.com/s',
];

function bigTs(literals, lines) {
  const out = ['import { sendSms } from "./sms";', ''];
  const every = Math.floor(lines / literals);
  for (let i = 0; out.length < lines; i++) {
    if (i % every === 0) out.push(`  sendSms(${JSON.stringify(pick(BODIES))});`);
    else out.push(pick(['  const x = compute(a, b);', '  // plain comment', '  if (x > 2) return y;', '  log.info("not an sms " + x);', '']));
  }
  return out.join('\n') + '\n';
}

function pct(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}
const fmt = (xs) => xs.length === 0 ? 'n/a (not logged by this server)' : `p50 ${pct(xs, 50).toFixed(2)} ms, p95 ${pct(xs, 95).toFixed(2)} ms, max ${Math.max(...xs).toFixed(2)} ms (n=${xs.length})`;

async function start(root) {
  const t0 = performance.now();
  // SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/p' profiles the server.
  const nodeArgs = process.env.SERVER_NODE_ARGS ? process.env.SERVER_NODE_ARGS.split(' ') : [];
  const proc = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  // When the server's output arrives: splits a round trip into the server's part and the client's reading.
  const chunks = { first: undefined, bytes: 0 };
  proc.stdout.on('data', (b) => {
    if (chunks.first === undefined && b.includes('"textDocument/publishDiagnostics"')) chunks.first = performance.now();
    if (chunks.first !== undefined) chunks.bytes += b.length;
  });
  const waiters = [];
  const published = new Map();
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    published.set(p.uri, p);
    for (const w of [...waiters]) if (w.pred(p)) waiters.splice(waiters.indexOf(w), 1), w.resolve(performance.now());
  });
  const lintMs = [];
  const publishMs = [];
  const publishCpuMs = [];
  const startup = [];
  conn.onNotification('window/logMessage', (m) => {
    const t = /^smslint: (linted|published) \S+ v\d+ in ([\d.]+) ms(?: \(cpu ([\d.]+) ms\))?$/.exec(m.message);
    if (t) (t[1] === 'linted' ? lintMs : publishMs).push(Number(t[2]));
    if (t?.[3] !== undefined) publishCpuMs.push(Number(t[3]));
    const i = /^smslint: initialize answered at ([\d.]+) ms \(cpu ([\d.]+) ms\)$/.exec(m.message);
    if (i) startup.push({ at: Number(i[1]), cpu: Number(i[2]) });
  });
  conn.onNotification('window/showMessage', () => {});
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).href,
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'bench' }],
    capabilities: {
      workspace: { configuration: true, workspaceFolders: true, workspaceEdit: { documentChanges: true } },
      textDocument: { publishDiagnostics: { versionSupport: true }, hover: {}, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } },
    },
    initializationOptions: { debounceMs: 0, logTimings: true },
  });
  const initMs = performance.now() - t0;
  await conn.sendNotification('initialized', {});
  const until = (pred) => new Promise((resolve) => waiters.push({ pred, resolve }));
  return { proc, conn, t0, initMs, until, published, lintMs, publishMs, publishCpuMs, startup, chunks };
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

async function stop(s) {
  await s.conn.sendRequest('shutdown');
  await s.conn.sendNotification('exit');
  await new Promise((r) => (s.proc.exitCode !== null ? r() : s.proc.once('exit', r)));
  s.conn.dispose();
}

const root = mkdtempSync(join(tmpdir(), 'smslint-bench-lsp-'));
mkdirSync(join(root, '.git'));
try {
  // Cold start, several times: the first spawn also warms the OS file cache.
  const inits = [];
  const firsts = [];
  const inProcess = [];
  const startupCpu = [];
  for (let i = 0; i < 6; i++) {
    const s = await start(root);
    const uri = pathToFileURL(join(root, `cold${i}.sms`)).href;
    const got = s.until((p) => p.uri === uri);
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'sms', version: 1, text: BODIES[1] } });
    const at = await got;
    if (i > 0) inits.push(s.initMs), firsts.push(at - s.t0);
    if (i > 0 && s.startup[0]) inProcess.push(s.startup[0].at), startupCpu.push(s.startup[0].cpu);
    await stop(s);
  }
  console.log(`cold start, spawn → initialize answered: ${fmt(inits)}`);
  console.log(`cold start, spawn → first diagnostics:   ${fmt(firsts)}`);
  console.log(`  in the server, process start → initialize answered: ${fmt(inProcess)}; its CPU: ${fmt(startupCpu)}`);

  // The big file: keystrokes and hovers.
  const s = await start(root);
  const text = bigTs(1000, 5000);
  const path = join(root, 'big.ts');
  writeFileSync(path, text);
  const uri = pathToFileURL(path).href;
  let version = 1;
  let t = performance.now();
  let got = s.until((p) => p.uri === uri && p.version === 1);
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version, text } });
  const open = (await got) - t;
  // The open's own timing line may still be on its way: it is not a keystroke's.
  for (let i = 0; i < 100 && s.publishMs.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
  const diags = s.published.get(uri).diagnostics.length;
  console.log(`big.ts: ${text.split('\n').length - 1} lines, 1000 literals, ${diags} diagnostics; open → diagnostics ${open.toFixed(1)} ms`);

  const lines = text.split('\n');
  const literalLines = lines.map((l, i) => (l.includes('sendSms(') ? i : -1)).filter((i) => i >= 0);
  const keys = [];
  const toFirstByte = [];
  const reading = [];
  const bytes = [];
  s.lintMs.length = 0;
  s.publishMs.length = 0;
  s.publishCpuMs.length = 0;
  for (let k = 0; k < KEYSTROKES; k++) {
    const line = pick(literalLines);
    const character = lines[line].indexOf('"') + 1 + Math.floor(rand() * 10);
    version++;
    const v = version;
    got = s.until((p) => p.uri === uri && p.version === v);
    s.chunks.first = undefined;
    s.chunks.bytes = 0;
    t = performance.now();
    await s.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: v },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: pick(['a', 'é', '’', ' ']) }],
    });
    const at = await got;
    keys.push(at - t);
    if (s.chunks.first !== undefined) toFirstByte.push(s.chunks.first - t), reading.push(at - s.chunks.first), bytes.push(s.chunks.bytes);
  }
  console.log(`keystroke → publishDiagnostics (debounce 0, whole round trip): ${fmt(keys)}`);
  // The first keystrokes also pay for compiling the edit path (a session's first few): shown apart, never instead.
  if (keys.length > 100) console.log(`  the same without the first 50 keystrokes (compiled code): ${fmt(keys.slice(50))}`);
  console.log(`  server-side, change applied → diagnostics written: ${fmt(s.publishMs)}`);
  // CPU time of the server process over the same span: its own cost, whatever else runs on the machine.
  console.log(`  server CPU over that span (all its threads): ${fmt(s.publishCpuMs)}`);
  console.log(`  of which lintDocument: ${fmt(s.lintMs)}`);
  // The client's side: the payload crossing the pipe, decoded and parsed (any LSP client pays this).
  console.log(`  change sent → first byte of the diagnostics at the client: ${fmt(toFirstByte)}`);
  console.log(`  first byte → diagnostics parsed by the client: ${fmt(reading)}; ${(pct(bytes, 50) / 1024).toFixed(0)} KB per publish (p50)`);

  const hovers = [];
  for (let k = 0; k < HOVERS; k++) {
    const line = pick(literalLines);
    t = performance.now();
    await s.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: lines[line].indexOf('"') + 3 } });
    hovers.push(performance.now() - t);
  }
  console.log(`hover (round trip): ${fmt(hovers)}`);
  await stop(s);

  // Memory after opening many files.
  const m = await start(root);
  const before = rssMb(m.proc.pid);
  const all = [];
  for (let i = 0; i < FILES; i++) {
    const ts = i % 4 === 0;
    const p = join(root, 'many', `f${i}.${ts ? 'ts' : 'sms'}`);
    const u = pathToFileURL(p).href;
    const body = ts ? bigTs(20, 100) : `${pick(BODIES)}\n${pick(BODIES)}\n`;
    all.push(m.until((x) => x.uri === u));
    await m.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: ts ? 'typescript' : 'sms', version: 1, text: body } });
  }
  await Promise.all(all);
  console.log(`RSS: ${before.toFixed(0)} MB after initialize, ${rssMb(m.proc.pid).toFixed(0)} MB after opening ${FILES} files (1/4 TS with 20 literals, 3/4 templates)`);
  await stop(m);
} finally {
  rmSync(root, { recursive: true, force: true });
}
