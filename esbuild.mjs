// One build for every entry point: the extension client, the server, the CLI, the core
// library (for benches) and the tests. `node esbuild.mjs --only=<substr>` builds only the
// entries whose source path contains <substr> (handy while one area is in progress).
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LAZY, VENDOR } from './scripts/lazy/options.mjs';

const production = process.argv.includes('--production');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);

function walk(dir, pred, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, pred, out);
    else if (pred(p)) out.push(p);
  }
  return out;
}

const apps = [
  { in: 'client/src/extension.ts', out: 'client', external: ['vscode'] },
  { in: 'server/src/server.ts', out: 'server', lazy: true },
  { in: 'server/src/cli.ts', out: 'cli', lazy: true },
  { in: 'server/src/compileCache.ts', out: 'compileCache' },
  { in: 'shared/index.ts', out: 'shared' },
].filter((e) => existsSync(e.in));

// Tests load their oracles and tools from node_modules at run time instead of bundling them.
const tests = walk('test', (p) => p.endsWith('.test.ts')).map((p) => ({
  in: p,
  out: p.replace(/\.ts$/, ''),
  packages: 'external',
}));

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  legalComments: 'none',
  // jsonc-parser's UMD main hides its requires from the bundler; its ESM build does not.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
};

const picked = [...apps, ...tests].filter((e) => !only || e.in.includes(only));
// A bundle that loads yaml and ajv lazily is built with the vendor files it loads them from.
const selected = picked.some((e) => e.lazy) ? [...picked, ...VENDOR] : picked;
await Promise.all(
  selected.map((e) =>
    esbuild.build({
      ...common,
      entryPoints: { [e.out]: e.in },
      outdir: 'dist',
      external: [...(e.external ?? []), ...(e.lazy ? LAZY.external : [])],
      ...(e.lazy ? { alias: LAZY.alias } : {}),
      ...(e.packages ? { packages: e.packages } : {}),
    }),
  ),
);
