// Builds the .vsix: production bundles of the client and the server, and only what a user needs,
// staged in a folder of their own, so the file list holds by construction (no .vscodeignore to
// keep in step with the tree) and the development bundles in dist/ are left alone.
// usage: node scripts/package-vsix.mjs [--out FILE.vsix] [--server BUILT_SERVER.js]
//   --server packages a prebuilt server bundle instead of building server/src/server.ts.
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { LAZY, VENDOR } from './lazy/options.mjs';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = resolve(arg('--out') ?? join(root, `${pkg.name}-${pkg.version}.vsix`));
const prebuiltServer = arg('--server');

const stage = mkdtempSync(join(tmpdir(), 'smslint-vsix-'));
try {
  // Same options as esbuild.mjs --production (which writes to dist/ only); the end-to-end test
  // runs these bundles, so a drift shows there.
  const common = {
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, sourcemap: false,
    legalComments: 'none', mainFields: ['module', 'main'], logLevel: 'warning',
  };
  await esbuild.build({ ...common, entryPoints: [join(root, 'client/src/extension.ts')], outfile: join(stage, 'dist/client.js'), external: ['vscode'] });
  if (prebuiltServer) {
    copyFileSync(resolve(prebuiltServer), join(stage, 'dist/server.js'));
  } else {
    const entry = join(root, 'server/src/server.ts');
    if (!existsSync(entry)) throw new Error(`package-vsix: ${entry} does not exist yet (no language server to ship)`);
    await esbuild.build({ ...common, entryPoints: [entry], outfile: join(stage, 'dist/server.js'), alias: LAZY.alias, external: LAZY.external });
  }
  // The libraries the server loads on first use (yaml, ajv), beside it.
  for (const v of VENDOR) await esbuild.build({ ...common, entryPoints: [v.in], outfile: join(stage, 'dist', `${v.out}.js`) });

  const copy = (from, to = from) => {
    mkdirSync(dirname(join(stage, to)), { recursive: true });
    cpSync(join(root, from), join(stage, to), { recursive: true });
  };
  copy('syntaxes');
  copy('language-configuration.json');
  copy(pkg.icon);
  // The package README is the user's guide in client/, not the repository's README.
  copy('client/README.md', 'README.md');
  copy('client/CHANGELOG.md', 'CHANGELOG.md');
  for (const m of readFileSync(join(root, 'client/README.md'), 'utf8').matchAll(/!\[[^\]]*\]\((?!https?:)([^)\s]+)\)/g)) {
    copy(join('client', m[1]), join(dirname('README.md'), m[1]));
  }
  // The server links each diagnostic to its rule's page (file:// next to dist/).
  if (existsSync(join(root, 'docs/rules'))) copy('docs/rules');
  const hasLicense = existsSync(join(root, 'LICENSE'));
  if (hasLicense) copy('LICENSE');
  else console.warn('package-vsix: WARNING no LICENSE file at the repository root; packaging without one');
  // Schemas the manifest points at (jsonValidation/yamlValidation) ship with it.
  const schemaUrls = [...(pkg.contributes.jsonValidation ?? []), ...(pkg.contributes.yamlValidation ?? [])]
    .map((v) => v.url)
    .filter((u) => u.startsWith('./'));
  for (const url of new Set(schemaUrls)) {
    if (existsSync(join(root, url))) copy(url);
    else console.warn(`package-vsix: WARNING ${url} (named by the manifest) does not exist yet; not packaged`);
  }

  // The manifest without what only the repository and the npm package need (scripts would also run
  // at packaging time; vsce refuses "files" next to an ignore file).
  const { scripts: _s, devDependencies: _d, dependencies: _deps, bin: _b, files: _f, ...manifest } = pkg;
  // Everything staged ships; an ignore file (of nothing) tells vsce so.
  writeFileSync(join(stage, '.vscodeignore'), '# staged by scripts/package-vsix.mjs: every file here ships\n');
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const vsce = join(root, 'node_modules/@vscode/vsce/vsce');
  const flags = ['package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out];
  if (!hasLicense) flags.push('--skip-license');
  mkdirSync(dirname(out), { recursive: true });
  execFileSync(process.execPath, [vsce, ...flags], { cwd: stage, stdio: ['ignore', 'inherit', 'inherit'] });
  console.log(`package-vsix: ${out} (${(statSync(out).size / 1024).toFixed(1)} KB)`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
