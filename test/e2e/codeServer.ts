// code-server (VS Code 1.100's server and web workbench) for the end-to-end test: installed once
// into .e2e/ by the vendored install script, started on a free localhost port with throwaway
// user data, and stopped with its whole process group.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { e2eDir, root } from './vsix';

export const CODE_SERVER_VERSION = '4.100.3';
const installDir = join(e2eDir, 'code-server');
const bin = join(installDir, 'node_modules/.bin/code-server');
const run = promisify(execFile);

export type Install = { ok: true } | { ok: false; offline: boolean; log: string };

/** Installs code-server and Chromium unless already there (about a minute the first time). */
export async function ensureCodeServer(dir = installDir): Promise<Install> {
  if (existsSync(join(dir, `.done-${CODE_SERVER_VERSION}`)) && existsSync(join(dir, 'node_modules/.bin/code-server'))) return { ok: true };
  mkdirSync(dir, { recursive: true });
  try {
    await run('bash', [join(root, 'test/e2e/install-code-server.sh'), dir], {
      env: { ...process.env, CODE_SERVER_VERSION },
      maxBuffer: 64 << 20,
      timeout: 15 * 60_000,
    });
    return { ok: true };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    return { ok: false, offline: !(await registryReachable()), log: `${e.message}\n${e.stdout ?? ''}\n${e.stderr ?? ''}` };
  }
}

/** Whether the npm registry answers: the one thing the install needs from outside. */
async function registryReachable(): Promise<boolean> {
  try {
    await run('npm', ['ping'], { timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

export async function chromiumPath(): Promise<string> {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  try {
    return (await run('bash', ['-c', 'command -v chromium'])).stdout.trim() || '/usr/bin/chromium';
  } catch {
    return '/usr/bin/chromium';
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningCodeServer {
  readonly url: string;
  readonly log: () => string;
  stop(): Promise<void>;
}

/** User settings for a quiet, deterministic workbench. */
const SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'editor.inlayHints.enabled': 'on',
  'editor.hover.delay': 150,
  'files.autoSave': 'off',
};

/** Installs the .vsix into a fresh extensions dir and serves `folder` on 127.0.0.1. */
export async function startCodeServer(vsix: string, scratch: string): Promise<RunningCodeServer> {
  const userData = join(scratch, 'user-data');
  const extensions = join(scratch, 'extensions');
  const config = join(scratch, 'config.yaml');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User/settings.json'), JSON.stringify(SETTINGS, null, 2));
  writeFileSync(config, 'auth: none\n'); // keeps code-server away from ~/.config/code-server
  const common = ['--config', config, '--user-data-dir', userData, '--extensions-dir', extensions];
  await run(process.execPath, [bin, ...common, '--install-extension', vsix, '--force'], { timeout: 120_000 });

  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [bin, ...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
      '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened'],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid, 'SIGTERM');
    const timer = setTimeout(() => child.pid !== undefined && child.exitCode === null && process.kill(-child.pid, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${log}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url} within 60 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, log: () => log, stop };
}

export function scratchDir(): string {
  mkdirSync(e2eDir, { recursive: true });
  return mkdtempSync(join(e2eDir, 'run-'));
}
