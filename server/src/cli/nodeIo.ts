// node:fs and process streams behind CliIo: the only place the CLI touches the real machine.
import * as fs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isMainThread, threadId } from 'node:worker_threads';
import { nodeConfigFs } from '../nodeFs';
import { ioError, nodeWalkFs, readFileUpTo } from '../files';
import type { CliFs, CliIo, Interrupts, IoError, LintEngine } from './io';
import { startReadAhead } from './readAhead';

/**
 * A fix's temp file, named for the target, the process and the thread: whoever stops a thread
 * mid-write (the main thread on SIGINT) can find and remove what it left.
 */
export function tempPath(target: string, thread: number): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${thread}.smslint-tmp`);
}

/** Temp files of this thread not yet renamed into place. */
const pendingTemps = new Set<string>();

function unlinkQuietly(path: string): void {
  try {
    fs.unlinkSync(path);
    pendingTemps.delete(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') pendingTemps.delete(path);
  }
}

/** Removes the temp files a stopped thread may have left for these targets. */
export function removeTemps(paths: readonly string[], thread: number): void {
  for (const p of paths) {
    let target = p;
    try {
      target = fs.realpathSync(p);
    } catch {
      // gone or unreadable: its temp, if any, sits next to the path as given
    }
    unlinkQuietly(tempPath(target, thread));
  }
}

const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;
const interruptSteps = new Set<() => void | Promise<void>>();

function onSignal(signal: keyof typeof SIGNAL_EXIT): void {
  // A second signal while cleaning up ends at once.
  for (const s of Object.keys(SIGNAL_EXIT)) process.removeAllListeners(s);
  process.once(signal, () => process.exit(SIGNAL_EXIT[signal]));
  void (async () => {
    for (const step of [...interruptSteps]) {
      try {
        await step();
      } catch {
        // cleanup is best effort: the exit still comes
      }
    }
    for (const t of [...pendingTemps]) unlinkQuietly(t);
    process.stderr.write(`smslint: interrupted (${signal}); files already fixed stay fixed, the others are unchanged.\n`);
    process.exit(SIGNAL_EXIT[signal]);
  })();
}

const sigint = () => onSignal('SIGINT');
const sigterm = () => onSignal('SIGTERM');

/** Signal handlers stay installed only while a step is registered: otherwise a signal ends the run as usual. */
export const nodeInterrupts: Interrupts = {
  add(step) {
    interruptSteps.add(step);
    if (interruptSteps.size === 1) {
      process.on('SIGINT', sigint);
      process.on('SIGTERM', sigterm);
    }
    return () => {
      if (!interruptSteps.delete(step) || interruptSteps.size > 0) return;
      process.off('SIGINT', sigint);
      process.off('SIGTERM', sigterm);
    };
  },
};

export const nodeCliFs: CliFs = {
  ...nodeWalkFs,
  readFile(path) {
    return readFileUpTo(path, Infinity) as Uint8Array | IoError;
  },
  readFileUpTo,
  readAhead: startReadAhead,
  writeFileAtomic(path, data) {
    let target: string;
    let mode: number;
    try {
      // Through a symlink, replace the file it points to, not the link itself.
      target = fs.realpathSync(path);
      mode = fs.statSync(target).mode & 0o7777;
      // The rename needs only the folder's permission: ask about the file's, as an in-place write would.
      fs.accessSync(target, fs.constants.W_OK);
    } catch (err) {
      return ioError(err);
    }
    const tmp = tempPath(target, threadId);
    pendingTemps.add(tmp);
    try {
      try {
        fs.writeFileSync(tmp, data, { flag: 'wx', mode });
      } catch (err) {
        // A leftover of a killed run that had this pid: ours to replace.
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        fs.unlinkSync(tmp);
        fs.writeFileSync(tmp, data, { flag: 'wx', mode });
      }
      fs.chmodSync(tmp, mode); // the umask may have narrowed it
      fs.renameSync(tmp, target);
      pendingTemps.delete(tmp);
      return undefined;
    } catch (err) {
      unlinkQuietly(tmp);
      return ioError(err);
    }
  },
};

export function nodeIo(engine: LintEngine): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: stream(process.stdout),
    stderr: stream(process.stderr),
    readStdin: () =>
      new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        process.stdin.on('data', (c: Buffer) => chunks.push(c));
        process.stdin.on('end', () => resolve(Buffer.concat(chunks)));
        process.stdin.on('error', reject);
      }),
    fs: nodeCliFs,
    configFs: nodeConfigFs,
    engine,
    now: () => performance.now(),
    // Workers never see signals: the main thread stops them and cleans up after them.
    ...(isMainThread ? { interrupts: nodeInterrupts } : {}),
  };
}

function stream(s: NodeJS.WriteStream) {
  return {
    write: (text: string) => void s.write(text),
    get isTTY() {
      return s.isTTY === true;
    },
    get columns() {
      return s.columns;
    },
  };
}
