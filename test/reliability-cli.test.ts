// The CLI's bad-input catalogue: one case each, run through the built bin (dist/cli.js) with the
// exit code and the message a user sees. Big and binary files are made in a temp folder.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve(__dirname, '../../bin/smslint.js');
const NOBODY = 65534;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function smslint(cwd: string, args: readonly string[], extra: SpawnSyncOptions = {}): Run {
  const r = spawnSync(process.execPath, [BIN, '--no-color', '--no-progress', ...args], { cwd, encoding: 'utf8', timeout: 60_000, ...extra });
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Root ignores permission bits: run as nobody instead, when this machine lets us. */
function asUnprivileged(): SpawnSyncOptions | undefined {
  if (!isRoot) return {};
  const probe = spawnSync(process.execPath, ['-e', 'process.exit(process.getuid() === 65534 ? 0 : 1)'], { uid: NOBODY, gid: NOBODY });
  return probe.status === 0 ? { uid: NOBODY, gid: NOBODY } : undefined;
}

describe('reliability: CLI bad-input catalogue', function () {
  this.timeout(60_000);
  let dir: string;

  before(function () {
    try {
      readFileSync(resolve(__dirname, '../cli.js'));
    } catch {
      this.skip(); // the CLI is not built (npm test builds it first)
    }
    dir = mkdtempSync(join(tmpdir(), 'smslint-bad-input-'));
    chmodSync(dir, 0o777); // so an unprivileged run can write its fixes here
    mkdirSync(join(dir, '.git')); // config discovery stops here
    writeFileSync(join(dir, 'ok.sms'), 'Hello there');
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('a missing path: exit 2, "no such file or directory"', () => {
    const r = smslint(dir, ['missing.sms']);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /missing\.sms: no such file or directory/);
  });

  it('an unreadable file: exit 2, "cannot read the file (permission denied)"', function () {
    const as = asUnprivileged();
    if (!as) return this.skip(); // root, and no unprivileged user to run as: permissions cannot be checked
    const f = join(dir, 'unreadable.sms');
    writeFileSync(f, 'x');
    chmodSync(f, 0o000);
    const r = smslint(dir, ['unreadable.sms'], as);
    chmodSync(f, 0o644);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /unreadable\.sms: cannot read the file \(permission denied\)/);
  });

  it('a folder given as the config file: exit 2, EISDIR at config:1:1', () => {
    mkdirSync(join(dir, 'conf.json'), { recursive: true });
    const r = smslint(dir, ['-c', 'conf.json', 'ok.sms']);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /config error: conf\.json:1:1: Cannot read the config file: EISDIR/);
  });

  it('a folder named like a template is walked as a folder, not read as a file', () => {
    mkdirSync(join(dir, 'folder.sms', 'inner'), { recursive: true });
    writeFileSync(join(dir, 'folder.sms', 'inner', 'a.sms'), 'Hi “you”');
    const r = smslint(dir, ['folder.sms']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /non-gsm-char/);
  });

  it('a binary file: skipped with a notice, exit 0', () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) & 0xff;
    writeFileSync(join(dir, 'binary.sms'), bytes);
    const r = smslint(dir, ['binary.sms']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /binary\.sms: skipped: binary file/);
  });

  it('a 100 MB file: skipped as too large (maxFileSize) within seconds, exit 0', () => {
    const f = join(dir, 'huge.sms');
    const fd = openSync(f, 'w');
    const chunk = Buffer.from('Your code is 123456. '.repeat(50_000)); // ~1 MB
    for (let i = 0; i < 100; i++) writeSync(fd, chunk);
    closeSync(fd);
    const t0 = Date.now();
    const r = smslint(dir, ['huge.sms']);
    rmSync(f);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /huge\.sms: skipped: the file is 105000000 bytes \(at least 35000000 characters\), over the limit of 2000000 \(maxFileSize\)/);
    assert.ok(Date.now() - t0 < 20_000, `took ${Date.now() - t0} ms`);
  });

  it('invalid UTF-8: skipped as "not UTF-8 text", exit 0', () => {
    writeFileSync(join(dir, 'latin1.sms'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xfe, 0x21]));
    const r = smslint(dir, ['latin1.sms']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /latin1\.sms: skipped: not UTF-8 text/);
  });

  it('a UTF-16 LE file with a BOM is linted, and --fix writes it back as UTF-16 LE with its BOM', () => {
    const f = join(dir, 'utf16.sms');
    writeFileSync(f, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hi “you”\r\n', 'utf16le')]));
    const r = smslint(dir, ['utf16.sms']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '');
    assert.match(r.stdout, /1:4 +warning .*non-gsm-char/);
    const fixed = smslint(dir, ['--fix', 'utf16.sms']);
    assert.equal(fixed.code, 0, fixed.stderr);
    assert.deepEqual(readFileSync(f), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hi "you"\r\n', 'utf16le')]));
  });

  it('a UTF-16 BE file with a BOM: linted, and fixed back to UTF-16 BE', () => {
    const f = join(dir, 'utf16be.sms');
    const be = (s: string) => Buffer.from(s, 'utf16le').swap16();
    writeFileSync(f, Buffer.concat([Buffer.from([0xfe, 0xff]), be('Hi “you” 😀')]));
    const r = smslint(dir, ['--fix', 'utf16be.sms']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readFileSync(f), Buffer.concat([Buffer.from([0xfe, 0xff]), be('Hi "you" 😀')]));
  });

  it('a UTF-16 BOM before bytes that are not UTF-16 (odd length): skipped, named as UTF-16', () => {
    writeFileSync(join(dir, 'utf16odd.sms'), Buffer.from([0xff, 0xfe, 0x48, 0x00, 0x69]));
    const r = smslint(dir, ['utf16odd.sms']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /utf16odd\.sms: skipped: not valid UTF-16 text/);
  });

  const configCases: readonly [string, string, RegExp][] = [
    ['JSON syntax error', '{"profile": ', /config error: bad\.json:1:13: Invalid JSON: expected a value/],
    ['wrong type', '{"campaign": {"recipients": "many"}}', /config error: bad\.json:1:29: campaign\.recipients: .*expected a whole number, got "many"/],
    ['unknown key', '{"bogus": 1}', /config error: bad\.json:1:2: bogus: Unknown key "bogus" at the top level/],
    ['unknown profile', '{"profile": "nope"}', /config error: bad\.json:1:13: profile: .*unknown profile "nope"/],
    ['negative recipients', '{"campaign": {"recipients": -5}}', /config error: bad\.json:1:29: campaign\.recipients: .*expected a number >= 0, got -5/],
  ];
  for (const [what, text, message] of configCases) {
    it(`a malformed config (${what}): exit 2 with file:line:column`, () => {
      writeFileSync(join(dir, 'bad.json'), text);
      const r = smslint(dir, ['-c', 'bad.json', 'ok.sms']);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, message);
    });
  }

  it('a config error names its key once', () => {
    writeFileSync(join(dir, 'bad.json'), '{"campaign": {"recipients": -5}}');
    const r = smslint(dir, ['-c', 'bad.json', 'ok.sms']);
    assert.equal(r.stderr, 'smslint: config error: bad.json:1:29: campaign.recipients: expected a number >= 0, got -5.\n');
  });

  it('a country without a rate: lint still passes (exit 0) and says the body has no cost; cost says why', () => {
    writeFileSync(join(dir, 'zz.json'), '{"campaign": {"country": "ZZ"}}');
    const lint = smslint(dir, ['-c', 'zz.json', 'ok.sms']);
    assert.equal(lint.code, 0, lint.stderr);
    assert.match(lint.stdout, /1 without a cost \(see smslint cost\)/);
    const cost = smslint(dir, ['cost', '-c', 'zz.json', 'ok.sms']);
    assert.equal(cost.code, 0, cost.stderr);
    assert.match(cost.stdout, /Rate unknown for ZZ/);
  });

  it('conflicting flags: exit 2 with the conflict named', () => {
    const both = smslint(dir, ['--fix', '--fix-dry-run', 'ok.sms']);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /Give either --fix or --fix-dry-run, not both/);
    const stdin = smslint(dir, ['--stdin', 'ok.sms'], { input: '' });
    assert.equal(stdin.code, 2);
    assert.match(stdin.stderr, /Give either --stdin or paths, not both/);
    const format = smslint(dir, ['--format', 'nope', 'ok.sms']);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /Unknown --format "nope"/);
  });

  it('--fix on a read-only file: exit 2, the file left as it was', function () {
    const as = asUnprivileged();
    if (!as) return this.skip(); // root without an unprivileged user: read-only cannot be enforced
    const f = join(dir, 'readonly.sms');
    writeFileSync(f, 'Hi\u2019 there');
    chmodSync(f, 0o444);
    const r = smslint(dir, ['--fix', 'readonly.sms'], as);
    const after = readFileSync(f, 'utf8');
    chmodSync(f, 0o644);
    assert.equal(after, 'Hi\u2019 there', 'a read-only file was rewritten');
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /readonly\.sms: cannot write the fixes \(permission denied\); the file is unchanged\./);
  });

  /** Runs --fix over 1,500 files and interrupts it once the first fixes are on disk. */
  async function interruptedFix(name: string): Promise<{ names: string[]; texts: Map<string, string>; before: string; fixed: string }> {
    const sub = join(dir, name);
    mkdirSync(join(sub, '.git'), { recursive: true });
    const before = 'Hi\u2019 there, your code is 1234\u2026 ' + 'x'.repeat(200);
    const fixed = "Hi' there, your code is 1234... " + 'x'.repeat(200);
    for (let i = 0; i < 1500; i++) writeFileSync(join(sub, `m${i}.sms`), before);
    const child = spawn(process.execPath, [BIN, '--no-color', '--no-progress', '--fix', '.'], { cwd: sub, stdio: 'ignore' });
    const t0 = Date.now();
    while (Date.now() - t0 < 3000 && readFileSync(join(sub, 'm0.sms'), 'utf8') === before && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGINT');
    await new Promise((r) => child.once('exit', r));
    const names = readdirSync(sub).filter((n) => n !== '.git');
    return { names, texts: new Map(names.map((n) => [n, readFileSync(join(sub, n), 'utf8')])), before, fixed };
  }

  it('SIGINT in the middle of --fix: every file is whole, old or new, never half-written', async () => {
    const { names, texts, before, fixed } = await interruptedFix('many');
    const sms = names.filter((n) => /^m\d+\.sms$/.test(n));
    assert.equal(sms.length, 1500);
    let done = 0;
    for (const n of sms) {
      const t = texts.get(n)!;
      assert.ok(t === before || t === fixed, `${n} is half-written: ${JSON.stringify(t.slice(0, 80))}`);
      if (t === fixed) done++;
    }
    assert.ok(done > 0, 'no file was fixed before the interrupt');
    assert.ok(done < sms.length, 'the run finished before the interrupt: nothing was interrupted');
  });

  it('SIGINT in the middle of --fix leaves no temp file', async () => {
    let left: string[] = [];
    // The window is one write wide: a few tries make the race likely.
    for (let i = 0; i < 5 && left.length === 0; i++) left = (await interruptedFix(`many-${i}`)).names.filter((n) => n.endsWith('.smslint-tmp'));
    assert.deepEqual(left, [], 'temp files left behind');
  });
  it('a reader that closes the pipe early (smslint | head): no EPIPE crash, the run\'s exit code', async () => {
    const sub = join(dir, 'epipe');
    mkdirSync(sub);
    mkdirSync(join(sub, '.git'));
    // Enough output to outgrow the pipe's buffer, and an error so the exit code is 1.
    for (let i = 0; i < 300; i++) writeFileSync(join(sub, `t${i}.sms`), `Hi {{name}}, your code is {{code}} — see you ’soon’ ${i}`);
    writeFileSync(join(sub, 'broken.sms.hbs'), '{{#if a}}never closed');
    const child = spawn(process.execPath, [BIN, '--no-color', '--no-progress'], { cwd: sub, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += String(d)));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    assert.doesNotMatch(stderr, /EPIPE|Unhandled/);
    assert.equal(code, 1);
  });
});
