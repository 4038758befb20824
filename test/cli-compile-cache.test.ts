// The bin's V8 code cache (server/src/compileCache.ts): a start with the cache, without it, or with
// a cache that is damaged, foreign or unwritable prints the same thing and exits the same way.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Module from 'node:module';
import { join, resolve } from 'node:path';

const BIN = resolve('bin/smslint.js');
const FIXTURE = resolve('test/fixtures/cli/basic');

function run(env: Record<string, string>, bin = BIN) {
  const r = spawnSync(process.execPath, [bin, '--no-color'], {
    cwd: FIXTURE,
    encoding: 'utf8',
    env: { ...process.env, CI: '1', NODE_DISABLE_COMPILE_CACHE: '', NODE_COMPILE_CACHE: '', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI compile cache', function () {
  this.timeout(60_000);
  let dir: string;
  let expected: ReturnType<typeof run>;

  before(function () {
    if (!existsSync('dist/cli.js') || !existsSync('dist/compileCache.js')) this.skip();
    dir = mkdtempSync(join(tmpdir(), 'smslint-cc-'));
    expected = run({ NODE_DISABLE_COMPILE_CACHE: '1' });
    assert.ok(expected.stdout.includes('problem'), 'the fixture has findings to print');
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // Node >= 22.8 keeps its own cache (its own files): only "prints the same" can be checked there.
  const ours = function (this: Mocha.Context) {
    if (typeof (Module as { enableCompileCache?: unknown }).enableCompileCache === 'function') this.skip();
  };

  const cacheFiles = (d: string) => (existsSync(d) ? readdirSync(d).filter((f) => f.endsWith('.bin')) : []);

  it('writes nothing when NODE_DISABLE_COMPILE_CACHE is set', () => {
    const d = join(dir, 'disabled');
    assert.deepEqual(run({ NODE_DISABLE_COMPILE_CACHE: '1', NODE_COMPILE_CACHE: d }), expected);
    assert.deepEqual(cacheFiles(d), []);
  });

  it('writes the cache once, then reads it back without rewriting it', function () {
    ours.call(this);
    const d = join(dir, 'fresh');
    assert.deepEqual(run({ NODE_COMPILE_CACHE: d }), expected);
    const [file] = cacheFiles(d);
    assert.ok(file, 'a cache file was written');
    assert.equal(statSync(d).mode & 0o777, 0o700, 'the folder is private');
    const first = readFileSync(join(d, file));
    assert.ok(first.length > 10_000, 'the cache holds the compiled bundle');
    // A rejected cache would be written anew at exit: an accepted one stays byte for byte.
    assert.deepEqual(run({ NODE_COMPILE_CACHE: d }), expected);
    assert.deepEqual(cacheFiles(d), [file]);
    assert.ok(readFileSync(join(d, file)).equals(first));
  });

  it('keeps one cache per install: V8 keeps the path, which stack traces would name', function () {
    ours.call(this);
    const d = join(dir, 'installs');
    const copy = join(dir, 'copy');
    for (const f of ['bin/smslint.js', 'dist/cli.js', 'dist/compileCache.js', 'dist/vendor']) cpSync(f, join(copy, f), { recursive: true });
    assert.deepEqual(run({ NODE_COMPILE_CACHE: d }), expected);
    assert.deepEqual(run({ NODE_COMPILE_CACHE: d }, join(copy, 'bin/smslint.js')), expected);
    const both = cacheFiles(d);
    assert.equal(both.length, 2);
    // An upgrade of the copy replaces its cache and leaves the other install's alone.
    writeFileSync(join(copy, 'dist/cli.js'), readFileSync(join(copy, 'dist/cli.js'), 'utf8') + '\n// next build\n');
    assert.deepEqual(run({ NODE_COMPILE_CACHE: d }, join(copy, 'bin/smslint.js')), expected);
    const after = cacheFiles(d);
    assert.equal(after.length, 2);
    assert.equal(after.filter((f) => both.includes(f)).length, 1);
  });

  it('ignores a damaged cache and writes a good one in its place', function () {
    ours.call(this);
    const d = join(dir, 'damaged');
    run({ NODE_COMPILE_CACHE: d });
    const [file] = cacheFiles(d);
    const path = join(d, file!);
    const bytes = readFileSync(path);
    bytes[bytes.length >> 1] ^= 0xff;
    writeFileSync(path, bytes);
    assert.deepEqual(run({ NODE_COMPILE_CACHE: d }), expected);
    const mended = readFileSync(path);
    assert.ok(!mended.equals(bytes), 'the damaged cache was replaced');
    assert.deepEqual(run({ NODE_COMPILE_CACHE: d }), expected);
    assert.ok(readFileSync(path).equals(mended), 'the new cache is accepted');
  });

  it('neither reads nor writes a cache folder that others may write', function () {
    ours.call(this);
    if (process.platform === 'win32') this.skip();
    const d = join(dir, 'shared');
    mkdirSync(d);
    chmodSync(d, 0o777);
    assert.deepEqual(run({ NODE_COMPILE_CACHE: d }), expected);
    assert.deepEqual(cacheFiles(d), []);
  });

  it('runs as usual when the cache cannot be written', () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, '');
    assert.deepEqual(run({ NODE_COMPILE_CACHE: join(blocker, 'cache') }), expected);
  });
});
