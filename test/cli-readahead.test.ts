// Long runs read their files on a worker thread ahead of the lint (server/src/cli/readAhead.ts):
// each read must be readFileUpTo's, a worker that fails or dies must leave its files to the main
// thread, and the built bin must print, exit and fix byte for byte as with every read in line.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { readFileUpTo } from '../server/src/files';
import { READER_SOURCE, startReadAhead, type Reader, type ReaderOptions } from '../server/src/cli/readAhead';
import type { CliFs, ReadResult } from '../server/src/cli/io';
import { main } from '../server/src/cli/main';
import { coreEngine } from '../server/src/cli/engine';
import { nodeCliFs } from '../server/src/cli/nodeIo';
import { nodeConfigFs } from '../server/src/nodeFs';
import { createContext } from '../server/src/cli/context';
import { readAheadFor, READ_AHEAD_MIN_FILES } from '../server/src/cli/lintRun';
import { parseCliArgs } from '../server/src/cli/args';
import { runBin } from './helpers/bin';

/** Comparable form of a read: bytes as a Buffer whatever their view, errors and sizes as they are. */
const plain = (r: ReadResult) => (r instanceof Uint8Array ? Buffer.from(r.buffer, r.byteOffset, r.byteLength) : r);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A worker's end, however it ends (events.once would reject on its 'error'). */
const ended = (worker: Worker) => new Promise((r) => worker.once('exit', r));

describe('read-ahead: each read is readFileUpTo’s', function () {
  this.timeout(20_000);
  let dir: string;
  let cases: { path: string; limit: number }[];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'smslint-readahead-'));
    const file = (name: string, data: string | Buffer) => (writeFileSync(join(dir, name), data), join(dir, name));
    mkdirSync(join(dir, 'folder.sms'));
    symlinkSync(join(dir, 'nowhere.sms'), join(dir, 'dangling.sms'));
    const big = Buffer.alloc(70 * 1024, 'a');
    const window = Buffer.alloc(64 * 1024, 'b');
    cases = [
      { path: file('normal.sms', 'Hi {{name}}, your order has shipped.\n'), limit: 6_000_003 },
      { path: file('empty.sms', ''), limit: 6_000_003 },
      { path: file('bom.sms', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Café\r\n')])), limit: 6_000_003 },
      { path: file('big.sms', big), limit: 6_000_003 }, // 70 KB within its limit
      { path: join(dir, 'big.sms'), limit: 3003 }, // the same file over a small limit
      { path: file('window.sms', window), limit: 64 * 1024 }, // exactly the 64 KB window, at its limit
      { path: join(dir, 'window.sms'), limit: 64 * 1024 - 1 }, // one byte over
      { path: file('small-over.sms', 'x'.repeat(5000)), limit: 3003 }, // under the window: read whatever the limit
      { path: join(dir, 'missing.sms'), limit: 6_000_003 },
      { path: join(dir, 'folder.sms'), limit: 6_000_003 },
      { path: join(dir, 'dangling.sms'), limit: 6_000_003 },
      { path: join(dir, 'normal.sms', 'child.sms'), limit: 6_000_003 }, // ENOTDIR
    ];
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const expected = () => cases.map((c) => plain(readFileUpTo(c.path, c.limit)));

  /** Starts a reader on every case and takes them all once its worker has ended (or after `settle` ms). */
  async function takeAll(options: ReaderOptions, settle?: number) {
    const reads = startReadAhead(
      cases.map((c) => c.path),
      options,
    );
    assert.ok(reads, 'the reader started');
    // The worker reads everything before we take anything: each read comes from it, or after it.
    await (settle === undefined ? ended(reads.worker) : sleep(settle));
    try {
      return { got: cases.map((c, i) => plain(reads.take(i, c.limit))), counts: reads.counts };
    } finally {
      reads.close();
    }
  }

  for (const identify of [false, true]) {
    it(`gives what readFileUpTo gives for every case, read on the worker${identify ? ' (--fix: with identities)' : ''}`, async () => {
      const { got, counts } = await takeAll({ identify });
      assert.deepEqual(got, expected());
      assert.equal(counts.worker, cases.length);
      // The worker only sizes a file of 64 KB or more: the two within their limits are read whole here.
      assert.equal(counts.main, 2);
    });
  }

  it('reads everything on the main thread when the worker cannot start', async () => {
    const { got, counts } = await takeAll({ identify: false, source: 'this is not javascript(' });
    assert.deepEqual(got, expected());
    assert.equal(counts.worker, 0);
  });

  it('reads what a worker left when it died after posting some batches', async () => {
    // The reader, made to exit after its first post (small batches, so there are several).
    const source = `const wd = require('node:worker_threads').workerData; wd.first = 2; wd.most = 2;
const send = wd.port.postMessage.bind(wd.port);
wd.port.postMessage = (...a) => { send(...a); process.exit(3); };
${READER_SOURCE}`;
    const { got, counts } = await takeAll({ identify: false, source });
    assert.deepEqual(got, expected());
    assert.equal(counts.worker, 2);
  });

  it('a worker that starts and posts nothing: the main thread reads every file itself (a wait would hang the test)', async () => {
    const source = `setInterval(() => {}, 1000);`;
    const reads = startReadAhead(
      cases.map((c) => c.path),
      { identify: false, source },
    )!;
    await sleep(100);
    try {
      assert.deepEqual(
        cases.map((c, i) => plain(reads.take(i, c.limit))),
        expected(),
      );
    } finally {
      reads.close();
    }
  });

  it('takes the rest of a post whose first files the main thread read itself meanwhile', async () => {
    // The worker starts its first post at file 0 but only once files 0 and 1 are taken: it skips them.
    const from = 'start = Math.max(start, Atomics.load(st, 0));';
    assert.ok(READER_SOURCE.includes(from));
    const source = `const consumed = new Int32Array(require('node:worker_threads').workerData.shared);
while (Atomics.load(consumed, 0) < 2) Atomics.wait(consumed, 0, Atomics.load(consumed, 0), 10);
${READER_SOURCE.replace(from, '')}`;
    const reads = startReadAhead(
      cases.map((c) => c.path),
      { identify: false, source },
    )!;
    try {
      const got = [plain(reads.take(0, cases[0]!.limit)), plain(reads.take(1, cases[1]!.limit))];
      await ended(reads.worker);
      got.push(...cases.slice(2).map((c, i) => plain(reads.take(i + 2, c.limit))));
      assert.deepEqual(got, expected());
      assert.equal(reads.counts.worker, cases.length - 2);
    } finally {
      reads.close();
    }
  });

  it('reads again a file read ahead through another path once it is rewritten (--fix)', async () => {
    const target = join(dir, 'target.sms');
    const alias = join(dir, 'alias.sms');
    writeFileSync(target, 'before');
    symlinkSync(target, alias);
    const reads = startReadAhead([target, alias], { identify: true })!;
    await ended(reads.worker);
    try {
      assert.equal(Buffer.from(reads.take(0, 1000) as Uint8Array).toString(), 'before');
      reads.willWrite(0);
      writeFileSync(target + '.tmp', 'after');
      // As --fix writes: a new file renamed over the old one.
      renameSync(target + '.tmp', target);
      assert.equal(Buffer.from(reads.take(1, 1000) as Uint8Array).toString(), 'after');
    } finally {
      reads.close();
    }
  });
});

// ---- the whole CLI -------------------------------------------------------------------------------

const BODIES = [
  'Hi {{name}}, your order {{id}} has shipped.',
  'We’ve received your payment — thank you!',
  'Plain GSM text with no problem at all.',
  'Broken {{#if x}} never closed',
  'Café ™ ½ “quoted” and a\u00a0non-breaking space',
  '{{name}}: '.repeat(30),
];

/** 600 files (read ahead when SMSLINT_READAHEAD=1), some over their limit, binary, big, or reached by two paths. */
function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'smslint-readahead-cli-'));
  for (const d of ['a', 'b', 'small']) mkdirSync(join(root, d));
  writeFileSync(join(root, 'small', '.smslintrc.json'), JSON.stringify({ files: { maxFileSize: 1000 } }));
  for (let i = 0; i < 600; i++) {
    const text = `${BODIES[i % BODIES.length]} #${i}` + (i % 7 === 0 ? '\r\n' : '\n');
    writeFileSync(join(root, i % 2 ? 'a' : 'b', `t${String(i).padStart(3, '0')}.sms`), i % 11 === 0 ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) : text);
  }
  // Over their folder's limit: one sized without being read (64 KB or more), one read and skipped.
  writeFileSync(join(root, 'small', 'huge.sms'), 'x'.repeat(70 * 1024));
  writeFileSync(join(root, 'small', 'long.sms'), 'Hi ’ '.repeat(400));
  writeFileSync(join(root, 'small', 'fine.sms'), 'Hi ’ there');
  // 64 KB or more within the limit: read whole.
  writeFileSync(join(root, 'b', 'big.sms'), 'Thanks ’ {{name}}. '.repeat(4000));
  // A fixable file by a second path, last in file order (read ahead long before the first is fixed),
  // in a folder that does not fix: --fix must lint it as rewritten (GSM-7, cheaper), not as read.
  mkdirSync(join(root, 'z'));
  writeFileSync(join(root, 'z', '.smslintrc.json'), JSON.stringify({ rules: { 'non-gsm-char': 'off' } }));
  symlinkSync(join(root, 'b', 't010.sms'), join(root, 'z', 'alias.sms'));
  writeFileSync(join(root, 'a', 'binary.sms'), Buffer.from([0x48, 0x00, 0x69]));
  return root;
}

function run(args: readonly string[], cwd: string, readAhead: '0' | '1') {
  // SMSLINT_WORKERS=0: the worker pool (4 cores or more) would take these runs from the read-ahead.
  return runBin(args, cwd, { SMSLINT_WORKERS: '0', SMSLINT_READAHEAD: readAhead });
}

/** Every file's bytes under `root`, by relative path (links as the bytes they reach, or as dangling). */
function contents(root: string, rel = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(join(root, rel)).sort()) {
    const p = join(rel, name);
    let st;
    try {
      st = statSync(join(root, p));
    } catch {
      out[p] = '<dangling>';
      continue;
    }
    if (st.isDirectory()) Object.assign(out, contents(root, p));
    else out[p] = readFileSync(join(root, p)).toString('base64');
  }
  return out;
}

describe('read-ahead: the CLI prints the same bytes', function () {
  this.timeout(60_000);
  let root: string;
  before(() => {
    root = tree();
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  for (const args of [[], ['--format', 'json'], ['--fix-dry-run'], ['cost'], ['.', 'a/binary.sms']]) {
    it(`smslint ${args.join(' ') || '(no args)'}: read ahead or not, the same stdout, stderr and exit code`, () => {
      const inLine = run(args, root, '0');
      assert.ok(inLine.stdout.length > 0, 'the run printed something');
      assert.deepEqual(run(args, root, '1'), inLine);
    });
  }

  it('--fix read ahead rewrites the same files the same way', () => {
    const a = tree();
    const b = tree();
    try {
      const before = contents(a);
      const inLine = run(['--fix'], a, '0');
      const ahead = run(['--fix'], b, '1');
      assert.deepEqual({ ...ahead, stdout: ahead.stdout.replaceAll(b, '<root>') }, { ...inLine, stdout: inLine.stdout.replaceAll(a, '<root>') });
      assert.notDeepEqual(contents(a), before, 'the fix changed files');
      assert.deepEqual(contents(b), contents(a));
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });

  it('in process: files gone or unreadable after the walk, walked or named, read ahead or not', async () => {
    mkdirSync(join(root, 'a', 'dir.sms'), { recursive: true });
    // The walk lists files the reads then cannot open (as root, a permission cannot be taken away).
    const gone = [join(root, 'a', 't100x.sms'), join(root, 'a', 'dir.sms'), join(root, 'b', 't400x.sms')];
    const named = join(root, 'b', 't500x.sms');
    const readers: Reader[] = [];
    const fs: CliFs = {
      ...nodeCliFs,
      readAhead: (paths, options) => {
        const r = startReadAhead(paths, options);
        if (r) readers.push(r);
        return r;
      },
      glob: (patterns, options) => {
        const r = nodeCliFs.glob(patterns, options);
        return { ...r, files: [...r.files, ...gone].sort() };
      },
      stat: (path) => (path === named ? { kind: 'file', mode: 0o100644 } : nodeCliFs.stat(path)),
    };
    const inProcess = async (args: readonly string[], readAhead: string) => {
      let stdout = '';
      let stderr = '';
      const code = await main(args, {
        cwd: root,
        env: { SMSLINT_READAHEAD: readAhead },
        stdout: { write: (s) => void (stdout += s), isTTY: false },
        stderr: { write: (s) => void (stderr += s), isTTY: false },
        readStdin: async () => new Uint8Array(),
        fs,
        configFs: nodeConfigFs,
        engine: coreEngine,
        now: () => 0,
      });
      return { code, stdout, stderr };
    };
    const walked = await inProcess(['--format', 'json'], '0');
    assert.match(walked.stderr, /a\/t100x\.sms: cannot read the file \(no such file or directory\)/);
    assert.match(walked.stderr, /a\/dir\.sms: cannot read the file \(is a directory\)/);
    assert.equal(walked.code, 1, 'a walked file that cannot be read is reported and skipped');
    const started = () => readers.map((r) => r.counts);
    assert.deepEqual(started(), []);
    assert.deepEqual(await inProcess(['--format', 'json'], '1'), walked);
    // Who read what depends on how soon the worker starts (the unit tests above pin each case down).
    assert.equal(started().length, 1, 'the run read ahead');
    const explicit = await inProcess(['.', 'b/t500x.sms'], '0');
    assert.match(explicit.stderr, /b\/t500x\.sms: cannot read the file/);
    assert.equal(explicit.code, 2, 'a named file that cannot be read fails the run');
    assert.deepEqual(await inProcess(['.', 'b/t500x.sms'], '1'), explicit);
  });

  it('reads ahead from 2,000 files unless told otherwise', () => {
    const options = (argv: string[]) => {
      const p = parseCliArgs(argv);
      assert.ok(p.ok);
      return p.options;
    };
    const started: number[] = [];
    const fs: CliFs = { ...nodeCliFs, readAhead: (paths) => (started.push(paths.length), undefined) };
    const ctx = (env: Record<string, string>) =>
      createContext({ cwd: root, env, stdout: { write() {}, isTTY: false }, stderr: { write() {}, isTTY: false }, readStdin: async () => new Uint8Array(), fs, configFs: nodeConfigFs, engine: coreEngine, now: () => 0 }, options([]), {
        problems() {},
        warn() {},
        fail() {},
        failed: () => false,
      });
    const jobs = (n: number) => Array.from({ length: n }, (_, i) => ({ path: join(root, `f${i}.sms`), explicit: false }));
    readAheadFor(ctx({}), jobs(READ_AHEAD_MIN_FILES - 1));
    readAheadFor(ctx({}), jobs(READ_AHEAD_MIN_FILES));
    readAheadFor(ctx({ SMSLINT_READAHEAD: '0' }), jobs(READ_AHEAD_MIN_FILES));
    readAheadFor(ctx({ SMSLINT_READAHEAD: '1' }), jobs(3));
    readAheadFor(ctx({ SMSLINT_READAHEAD: '1' }), jobs(0));
    assert.deepEqual(started, [READ_AHEAD_MIN_FILES, 3]);
  });
});
