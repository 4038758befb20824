// `npm run package`'s .vsix: only what a user needs, minified, and small.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { listZip, readZipEntry, type ZipEntry } from './zip';
import { packagedVsix, root } from './vsix';

const MAX_VSIX_BYTES = 500 * 1024;

describe('packaged .vsix', function () {
  this.timeout(120_000);
  let vsix: string;
  let entries: ZipEntry[];
  let size: number;

  before(async () => {
    vsix = await packagedVsix();
    entries = listZip(vsix);
    size = readFileSync(vsix).length;
  });

  it(`is at most ${MAX_VSIX_BYTES / 1024} KB`, () => {
    assert.ok(size <= MAX_VSIX_BYTES, `the .vsix is ${(size / 1024).toFixed(1)} KB`);
  });

  it('holds exactly the bundles, manifest, README, CHANGELOG, LICENSE, icon, schema, grammar and rule pages', () => {
    const readmeImages = [...readFileSync(join(root, 'client/README.md'), 'utf8').matchAll(/!\[[^\]]*\]\((?!https?:)([^)\s]+)\)/g)]
      .map((m) => `extension/${m[1]}`);
    const expected = [
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/package.json',
      'extension/readme.md',
      'extension/changelog.md',
      'extension/dist/client.js',
      'extension/dist/server.js',
      'extension/dist/vendor/ajv.js',
      'extension/dist/vendor/yaml.js',
      'extension/language-configuration.json',
      'extension/syntaxes/sms.tmLanguage.json',
      'extension/schema/smslint.schema.json',
      'extension/client/media/icon.png',
      ...readmeImages,
      // Rule pages, which the server's diagnostics link to.
      ...(existsSync(join(root, 'docs/rules')) ? readdirSync(join(root, 'docs/rules')).map((f) => `extension/docs/rules/${f}`) : []),
      ...(existsSync(join(root, 'LICENSE')) ? ['extension/LICENSE.txt'] : []),
    ];
    assert.deepEqual(entries.map((e) => e.name).sort(), expected.sort());
  });

  it('ships minified bundles without source maps or sources', () => {
    const client = entries.find((e) => e.name === 'extension/dist/client.js');
    assert.ok(client);
    // The development bundle of the client (vscode-languageclient inside) is ~950 KB.
    assert.ok(client.size < 600 * 1024, `client.js is ${client.size} bytes: not minified?`);
    assert.ok(!entries.some((e) => /\.(map|ts)$/.test(e.name) || e.name.includes('node_modules')));
  });

  it("ships the repository's manifest less its scripts, dependencies and CLI bin", () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const shipped = JSON.parse(readZipEntry(vsix, 'extension/package.json').toString('utf8'));
    for (const key of ['scripts', 'devDependencies', 'dependencies', 'bin']) assert.ok(!(key in shipped), key);
    assert.deepEqual(shipped.contributes, pkg.contributes);
    assert.equal(shipped.main, './dist/client.js');
    assert.equal(shipped.version, pkg.version);
  });
});
