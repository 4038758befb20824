// Benches measure one core module at a time: bundle it on its own (no dist/ from other entries).
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');

/** Bundles `entry` (repository-relative) to dist/bench/<name>.cjs and loads it. */
export async function loadBundle(entry, name) {
  const outfile = join(root, 'dist', 'bench', `${name}.cjs`);
  await esbuild.build({
    entryPoints: [join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    // jsonc-parser's "main" is a UMD build whose requires esbuild cannot follow; its ESM build bundles.
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  });
  return createRequire(import.meta.url)(outfile);
}
