// node:fs and process streams behind CliIo: the only place the CLI touches the real machine.
import * as fs from 'node:fs';
import { basename, dirname, join } from 'node:path';
// require, not import: the ESM build of fdir reads import.meta.url, which a CJS bundle lacks.
import tinyglobby = require('tinyglobby');
import { nodeConfigFs } from '../nodeFs';
import type { CliFs, CliIo, IoError, LintEngine } from './io';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'a parent is not a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
};

function ioError(err: unknown): IoError {
  const e = err as NodeJS.ErrnoException;
  const code = e?.code ?? 'EIO';
  return { code, message: REASONS[code] ?? e?.message ?? String(err) };
}

const scratch = Buffer.allocUnsafe(64 * 1024);

export const nodeCliFs: CliFs = {
  stat(path) {
    try {
      const s = fs.statSync(path);
      return { kind: s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other', mode: s.mode };
    } catch (err) {
      return ioError(err);
    }
  },
  readFile(path) {
    // Templates are small: one read into a scratch buffer saves readFileSync's fstat.
    let fd: number;
    try {
      fd = fs.openSync(path, 'r');
    } catch (err) {
      return ioError(err);
    }
    try {
      const n = fs.readSync(fd, scratch, 0, scratch.length, 0);
      if (n < scratch.length) return Buffer.from(scratch.subarray(0, n));
      return fs.readFileSync(fd);
    } catch (err) {
      return ioError(err);
    } finally {
      fs.closeSync(fd);
    }
  },
  writeFileAtomic(path, data) {
    let target: string;
    let mode: number;
    try {
      // Through a symlink, replace the file it points to, not the link itself.
      target = fs.realpathSync(path);
      mode = fs.statSync(target).mode & 0o7777;
    } catch (err) {
      return ioError(err);
    }
    const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.smslint-tmp`);
    try {
      fs.writeFileSync(tmp, data, { flag: 'wx', mode });
      fs.chmodSync(tmp, mode); // the umask may have narrowed it
      fs.renameSync(tmp, target);
      return undefined;
    } catch (err) {
      try {
        fs.unlinkSync(tmp);
      } catch {
        // never created
      }
      return ioError(err);
    }
  },
  glob(patterns, { cwd, ignore }) {
    const unreadable: { path: string; message: string }[] = [];
    // fdir skips folders it cannot read in silence; note them so the user hears about it.
    const readdirSync = ((dir: fs.PathLike, opts?: unknown) => {
      try {
        return fs.readdirSync(dir, opts as { withFileTypes: true });
      } catch (err) {
        unreadable.push({ path: String(dir).replace(/\/$/, ''), message: ioError(err).message });
        throw err;
      }
    }) as typeof fs.readdirSync;
    const files = tinyglobby.globSync([...patterns], {
      cwd,
      ignore: [...ignore],
      absolute: true,
      dot: true,
      expandDirectories: false,
      fs: { readdirSync },
    });
    files.sort();
    return { files, unreadable };
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
