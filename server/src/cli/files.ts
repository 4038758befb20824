// Which files a run lints: named files as given, folders walked for the files their config calls
// SMS bodies (templates, locales, sources), globs expanded. Problems come back as messages.
import { isAbsolute, resolve } from 'node:path';
import tinyglobby = require('tinyglobby');
import type { ConfigResolution } from '../../../shared/config';
import { fileKind } from '../../../shared/extract';
import { isIoError, type CliIo } from './io';
import { displayPath } from './report';

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

export function collectFiles(patterns: readonly string[], io: CliIo, resolution: (path: string) => ConfigResolution): Collected {
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
