// Which files a run lints, and node's fs behind it: named files as given, folders walked for the
// files their config calls SMS bodies (templates, locales, sources), globs expanded. Shared by the
// CLI and the language server's cost report. Problems come back as messages, never as throws.
import * as fs from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
// require, not import: the ESM build of fdir reads import.meta.url, which a CJS bundle lacks.
import tinyglobby = require('tinyglobby');
import type { ConfigResolution } from '../../shared/config';
import { fileKind } from '../../shared/extract';

export interface FileInfo {
  readonly kind: 'file' | 'directory' | 'other';
  readonly mode: number;
}

/** An error with node's code (ENOENT, EACCES, EISDIR…) and a message fit for a user. */
export interface IoError {
  readonly code: string;
  readonly message: string;
}

/** A file left unread because its size alone puts it over a limit. */
export interface Oversized {
  readonly oversized: true;
  readonly bytes: number;
}

export interface GlobResult {
  readonly files: readonly string[];
  readonly unreadable: readonly { readonly path: string; readonly message: string }[];
}

/** What walking folders needs of a file system. */
export interface WalkFs {
  stat(path: string): FileInfo | IoError;
  /** Absolute paths of the files under `cwd` matching `patterns` (tinyglobby semantics), and the folders it could not read. */
  glob(patterns: readonly string[], options: { readonly cwd: string; readonly ignore: readonly string[] }): GlobResult;
}

export function isIoError(x: unknown): x is IoError {
  // Bytes first: `in` on a Buffer walks its whole prototype chain, once per file read.
  return typeof x === 'object' && x !== null && !(x instanceof Uint8Array) && 'code' in x && 'message' in x;
}

export function isOversized(x: unknown): x is Oversized {
  return typeof x === 'object' && x !== null && !(x instanceof Uint8Array) && 'oversized' in x;
}

// A run shows every path against one working folder: its normalized form is kept.
let lastCwd: { readonly raw: string; readonly norm: string } | undefined;

export function displayPath(cwd: string, abs: string): string {
  if (lastCwd?.raw !== cwd) lastCwd = { raw: cwd, norm: cwd.replaceAll('\\', '/').replace(/\/+$/, '') };
  const c = lastCwd.norm;
  const a = abs.includes('\\') ? abs.replaceAll('\\', '/') : abs;
  return a.startsWith(c + '/') ? a.slice(c.length + 1) : a;
}

// ---- node's fs ---------------------------------------------------------------------------------

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

export function ioError(err: unknown): IoError {
  const e = err as NodeJS.ErrnoException;
  const code = e?.code ?? 'EIO';
  return { code, message: REASONS[code] ?? e?.message ?? String(err) };
}

const scratch = Buffer.allocUnsafe(64 * 1024);

// Templates are small: one read into a scratch buffer saves readFileSync's fstat.
export function readFileUpTo(path: string, maxBytes: number): Uint8Array | IoError | Oversized {
  let fd: number;
  try {
    fd = fs.openSync(path, 'r');
  } catch (err) {
    return ioError(err);
  }
  try {
    const n = fs.readSync(fd, scratch, 0, scratch.length, 0);
    if (n < scratch.length) return Buffer.from(scratch.subarray(0, n));
    // A big one is sized before the rest is read: a 100 MB file over the limit costs one fstat.
    const bytes = fs.fstatSync(fd).size;
    if (bytes > maxBytes) return { oversized: true, bytes };
    return fs.readFileSync(fd);
  } catch (err) {
    return ioError(err);
  } finally {
    fs.closeSync(fd);
  }
}

export const nodeWalkFs: WalkFs = {
  stat(path) {
    try {
      const s = fs.statSync(path);
      return { kind: s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other', mode: s.mode };
    } catch (err) {
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

// ---- collection --------------------------------------------------------------------------------

/** Never walked into: dependencies, VCS data and build output (named files and globs still reach them). */
export const WALK_IGNORE: readonly string[] = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/build/**', '**/out/**', '**/coverage/**'];

export interface Collected {
  readonly files: readonly string[];
  /** Lines for stderr; `fatal` ones make the run exit 2 (a named file or folder that cannot be read). */
  readonly messages: readonly { readonly fatal: boolean; readonly text: string }[];
}

/** Does the file's config select it as a template, locale or source file? */
export function isSmsFile(resolve: (path: string) => ConfigResolution, path: string): boolean {
  const r = resolve(path);
  return !r.ignored && fileKind(path, r.config.files) !== 'none';
}

/** Where paths are relative to and how folders are read: the CLI's io, or the server's folder and node's fs. */
export interface WalkEnv {
  readonly cwd: string;
  readonly fs: WalkFs;
}

export function collectFiles(patterns: readonly string[], io: WalkEnv, resolution: (path: string) => ConfigResolution): Collected {
  const files = new Set<string>();
  const messages: { fatal: boolean; text: string }[] = [];
  const note = (fatal: boolean, text: string) => messages.push({ fatal, text });
  const walk = (globs: readonly string[], cwd: string, ignore: readonly string[]) => {
    const r = io.fs.glob(globs, { cwd, ignore });
    for (const u of r.unreadable) note(false, `${displayPath(io.cwd, u.path)}: cannot read the folder (${u.message}); its files were not checked.`);
    return r.files;
  };
  const list = patterns.length > 0 ? patterns : ['.'];
  for (const p of list) {
    const abs = isAbsolute(p) ? p : resolve(io.cwd, p);
    const st = io.fs.stat(abs);
    if (!isIoError(st) && st.kind === 'directory') {
      for (const f of walk(['**/*'], abs, WALK_IGNORE)) if (isSmsFile(resolution, f)) files.add(f);
    } else if (!isIoError(st) && st.kind === 'file') {
      if (resolution(abs).ignored) note(false, `${p}: ignored by the config's "ignore" list; not checked.`);
      else files.add(abs);
    } else if (!isIoError(st)) {
      note(true, `${p}: not a file or folder.`);
    } else if (st.code === 'ENOENT' && tinyglobby.isDynamicPattern(p)) {
      const found = walk([p], io.cwd, ['**/node_modules/**', '**/.git/**']).filter((f) => !resolution(f).ignored);
      if (found.length === 0) note(false, `No files match "${p}". Check the pattern (quote it so the shell does not expand it) or run smslint with no arguments to lint every SMS file.`);
      for (const f of found) files.add(f);
    } else {
      note(true, `${p}: ${st.message}.`);
    }
  }
  return { files: [...files].sort(), messages };
}
