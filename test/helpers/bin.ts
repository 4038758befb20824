// The built `smslint` bin run as a user runs it, for the CLI tests that compare its output.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const BIN = resolve('bin/smslint.js');

export interface BinRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `smslint args` in `cwd` with CI=1, no colour forced either way, and `env` over that. */
export function runBin(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}, stdin = ''): BinRun {
  const e: NodeJS.ProcessEnv = { ...process.env, CI: '1' };
  delete e.NO_COLOR;
  delete e.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input: stdin, encoding: 'utf8', env: { ...e, ...env }, maxBuffer: 1 << 26 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
