// The npm package as `npx smslint` meets it: packed by npm from package.json's "files", unpacked
// where no node_modules is in reach, and run on a fixture folder. Catches a bin that needs a build
// step the package lacks, or a runtime dependency the bundle does not carry.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('npm package', function () {
  this.timeout(120_000);
  let dir: string;
  let unpacked: string;
  let files: string[];

  before(function () {
    if (!existsSync('dist/cli.js')) this.skip();
    dir = mkdtempSync(join(tmpdir(), 'smslint-pack-'));
    // `npm test` has just built dist/; prepack would rebuild it for production, which is not what is tested here.
    const pack = spawnSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { encoding: 'utf8' });
    assert.equal(pack.status, 0, pack.stderr);
    const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
    files = info!.files.map((f) => f.path);
    const untar = spawnSync('tar', ['-xzf', join(dir, info!.filename), '-C', dir], { encoding: 'utf8' });
    assert.equal(untar.status, 0, untar.stderr);
    unpacked = join(dir, 'package');
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ships the bin, its bundle and the docs, and no sources, tests or build leftovers', () => {
    for (const f of ['bin/smslint.js', 'dist/cli.js', 'dist/compileCache.js', 'dist/server.js', 'dist/vendor/yaml.js', 'dist/vendor/ajv.js', 'schema/smslint.schema.json', 'docs/rules/non-gsm-char.md', 'README.md', 'LICENSE']) {
      assert.ok(files.includes(f), `${f} is in the package`);
    }
    const stray = files.filter((f) => /^(shared|server|client|test|bench|scripts|examples)\//.test(f) || f.endsWith('.map') || f.startsWith('dist/test/'));
    assert.deepEqual(stray, []);
  });

  it('needs no dependency installed: everything it runs is bundled', () => {
    const manifest = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    assert.deepEqual(Object.keys(manifest.dependencies ?? {}), []);
  });

  it('the unpacked bin lints a folder as the repo build does, its YAML config read and validated', () => {
    const work = join(dir, 'work');
    cpSync(resolve('test/fixtures/cli/basic/templates'), join(work, 'templates'), { recursive: true });
    // yaml and ajv load on first use from dist/vendor/: a YAML config needs both.
    writeFileSync(join(work, '.smslintrc.yaml'), 'campaign:\n  recipients: 1234\n');
    // No NODE_PATH: the packed bin must find everything it loads inside the package.
    const { NODE_PATH: _, ...env } = process.env;
    const run = (bin: string, cwd = work) => spawnSync(process.execPath, [bin], { cwd, encoding: 'utf8', env: { ...env, NO_COLOR: '1', CI: '1' } });
    const packed = run(join(unpacked, 'bin/smslint.js'));
    const repo = run(resolve('bin/smslint.js'));
    assert.equal(packed.status, 1, packed.stderr);
    assert.match(packed.stdout, /non-gsm-char/);
    // The config took effect: the campaign cost is not the one of a single recipient.
    const bare = join(dir, 'bare');
    cpSync(join(work, 'templates'), join(bare, 'templates'), { recursive: true });
    const single = run(join(unpacked, 'bin/smslint.js'), bare);
    const cost = (out: string) => /campaign cost (\S+)/.exec(out)?.[1];
    assert.ok(cost(packed.stdout) && cost(single.stdout) && cost(packed.stdout) !== cost(single.stdout), `${cost(packed.stdout)} vs ${cost(single.stdout)}`);
    assert.equal(packed.stdout, repo.stdout);
    assert.equal(packed.stderr, repo.stderr);
    assert.equal(packed.status, repo.status);
    // No node_modules was reachable from the unpacked bin: it ran on what the package holds.
    // node's own lookup list (internal, but stable for years): the bin's folders up to the root, then the global folders.
    const lookup = Module as unknown as { _nodeModulePaths(from: string): string[]; globalPaths: string[] };
    const lookedIn = [...lookup._nodeModulePaths(join(unpacked, 'bin')), ...lookup.globalPaths];
    assert.deepEqual(lookedIn.filter((d) => existsSync(d)), []);
  });
});
