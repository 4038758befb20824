// Where a document lives, as the core sees it: a file path for files on disk, and a made-up path
// for untitled buffers whose extension says what the buffer holds (languageId sms → a template).
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface DocumentPlace {
  /** What lintDocument and the config resolver are given. */
  readonly path: string;
  readonly untitled: boolean;
}

// Extensions that make the core read an untitled buffer the way the language says.
const UNTITLED_EXTENSIONS: Readonly<Record<string, string>> = {
  sms: '.sms',
  typescript: '.ts',
  typescriptreact: '.tsx',
  javascript: '.js',
  javascriptreact: '.jsx',
  // Locale files are found by folder or by the *.sms.json name; an untitled one is taken as the latter.
  json: '.sms.json',
  jsonc: '.sms.json',
  yaml: '.sms.yaml',
};

/** undefined for schemes the server does not lint (git:, output:, notebook cells…). */
export function placeOf(uri: string, languageId: string, folders: readonly string[]): DocumentPlace | undefined {
  if (uri.startsWith('file:')) {
    try {
      return { path: fileURLToPath(uri), untitled: false };
    } catch {
      return undefined;
    }
  }
  if (!uri.startsWith('untitled:')) return undefined;
  const ext = UNTITLED_EXTENSIONS[languageId];
  if (!ext) return undefined;
  const name = basename(decodeURIComponent(uri.slice('untitled:'.length))).replace(/[^\w.-]/g, '_') || 'Untitled';
  // Under the first workspace folder, so that folder's config applies to the scratch buffer.
  const dir = folders[0] ?? join('/', 'untitled');
  return { path: join(dir, name.endsWith(ext) ? name : name + ext), untitled: true };
}

export function pathOfUri(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

export function uriOfPath(path: string): string {
  return pathToFileURL(path).href;
}
