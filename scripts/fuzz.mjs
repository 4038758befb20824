// The long fuzz: `npm run fuzz` (default 5 minutes; SMSLINT_FUZZ_SECONDS=60 for one, SMSLINT_SEED
// to start from a given seed). Same generators and properties as the CI run in
// test/reliability-core.test.ts, which only gets seconds.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';

const out = 'dist/fuzz/main.js';
await esbuild.build({
  entryPoints: ['test/fuzz/main.ts'],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  mainFields: ['module', 'main'],
  logLevel: 'warning',
});
const args = process.argv.slice(2);
const seconds = args.find((a) => /^\d+$/.test(a));
const r = spawnSync(process.execPath, ['--enable-source-maps', '--stack-size=4000', out], {
  stdio: 'inherit',
  env: { ...process.env, ...(seconds ? { SMSLINT_FUZZ_SECONDS: seconds } : {}) },
});
process.exit(r.status ?? 1);
