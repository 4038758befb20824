// Which kind of file a path is, by the configured globs. Globs without a slash match the
// file name anywhere (`*.sms`), globs with one match the whole path (`**/locales/**/*.json`).
import picomatch from 'picomatch';

export type FileKind = 'template' | 'locale-json' | 'locale-yaml' | 'source-js' | 'source-python' | 'none';

export interface KindGlobs {
  readonly templateFiles: readonly string[];
  readonly localeFiles: readonly string[];
  readonly sourceFiles: readonly string[];
}

type Matcher = (path: string) => boolean;

/**
 * One glob's test of a "/"-separated path. A glob without "/" matches the file name in any folder
 * ("*.fr.sms"), as in .gitignore (picomatch's own `basename` option mishandles globs with "/").
 * picomatch's compiled expression is tested directly: its matcher function builds a result object
 * per call, and a walk tests every file it meets. As picomatch does, a path equal to the glob matches.
 */
export function globTester(glob: string): Matcher {
  const re = picomatch.makeRe(glob, { dot: true });
  if (glob.includes('/')) return (p) => p === glob || re.test(p);
  return (p) => {
    const base = p.slice(p.lastIndexOf('/') + 1);
    return base === glob || re.test(base);
  };
}

function matcher(globs: readonly string[]): Matcher {
  const tests = globs.map(globTester);
  return (p) => {
    for (const t of tests) if (t(p)) return true;
    return false;
  };
}

/** Forward slashes, no URI scheme, drive letter or leading slash: what the globs expect. */
export function normalizePath(path: string): string {
  let p = path;
  if (p.startsWith('file://')) {
    try {
      p = decodeURIComponent(p.slice(7));
    } catch {
      p = p.slice(7);
    }
  }
  // A POSIX path (no backslash, no drive colon) only loses its leading slashes: no regex per file.
  if (!p.includes('\\') && !p.includes(':')) {
    let i = 0;
    while (p.charCodeAt(i) === 47) i++;
    return i === 0 ? p : p.slice(i);
  }
  return p.replace(/\\/g, '/').replace(/^\/?[A-Za-z]:\//, '/').replace(/^\/+/, '');
}

// Compiled classifiers by glob lists, so callers may rebuild their options objects freely.
const cache = new Map<string, (path: string) => FileKind>();

// The same options object usually comes back (one resolved config per folder): skip the key.
const byObject = new WeakMap<KindGlobs, (path: string) => FileKind>();

// The CLI asks twice per file (collecting, then extracting): remember answers per options object.
const answers = new WeakMap<KindGlobs, Map<string, FileKind>>();

export function fileKind(path: string, globs: KindGlobs): FileKind {
  let known = answers.get(globs);
  if (!known) answers.set(globs, (known = new Map()));
  let kind = known.get(path);
  if (kind === undefined) {
    if (known.size >= 50_000) known.clear();
    known.set(path, (kind = classifyPath(path, globs)));
  }
  return kind;
}

function classifyPath(path: string, globs: KindGlobs): FileKind {
  const known = byObject.get(globs);
  if (known) return known(normalizePath(path));
  const key = JSON.stringify([globs.templateFiles, globs.localeFiles, globs.sourceFiles]);
  let classify = cache.get(key);
  if (!classify) {
    if (cache.size > 32) cache.clear();
    const template = matcher(globs.templateFiles);
    const locale = matcher(globs.localeFiles);
    const source = matcher(globs.sourceFiles);
    classify = (p) => {
      if (template(p)) return 'template';
      if (locale(p)) return /\.ya?ml$/i.test(p) ? 'locale-yaml' : /\.json5?c?$/i.test(p) ? 'locale-json' : 'none';
      if (source(p)) return /\.pyw?$/i.test(p) ? 'source-python' : 'source-js';
      return 'none';
    };
    cache.set(key, classify);
  }
  byObject.set(globs, classify);
  return classify(normalizePath(path));
}

const single = new Map<string, Matcher>();

function globMatcher(glob: string): Matcher {
  let m = single.get(glob);
  if (!m) {
    if (single.size > 256) single.clear();
    m = matcher([glob]);
    single.set(glob, m);
  }
  return m;
}

/** The first glob that selects `path`, for "file matches *.sms". */
export function matchingGlob(path: string, globs: readonly string[]): string | undefined {
  const p = normalizePath(path);
  return globs.find((g) => globMatcher(g)(p));
}
