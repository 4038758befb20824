// Packages the .vsix once per test run (the packaging test and the end-to-end test share it).
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const root = process.cwd();
export const e2eDir = join(root, '.e2e');
/** Screenshots and logs of the test runs (git-ignored). */
export const outputDir = join(e2eDir, 'output');

/**
 * The server bundle to ship instead of building server/src/server.ts, for checking the harness
 * against another build (SMSLINT_E2E_SERVER=path/to/server.js).
 */
export const serverOverride = process.env.SMSLINT_E2E_SERVER;

const cache = globalThis as { smslintVsix?: Promise<string> };

export function packagedVsix(): Promise<string> {
  cache.smslintVsix ??= (async () => {
    mkdirSync(outputDir, { recursive: true });
    const out = join(outputDir, 'smslint-test.vsix');
    const args = ['scripts/package-vsix.mjs', '--out', out, ...(serverOverride ? ['--server', serverOverride] : [])];
    await promisify(execFile)(process.execPath, args, { cwd: root, maxBuffer: 16 << 20 });
    return out;
  })();
  return cache.smslintVsix;
}
