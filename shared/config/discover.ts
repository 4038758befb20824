// Finds and loads the config files that apply to a directory, through an injected file system so
// the editor (live buffers, virtual workspaces) and the CLI (disk) share this one code path.
// Only data formats are read: a config is never executed, so opening a repository runs no code.
import { CONFIG_FILE_NAMES } from './fileNames';
import { dirname, join } from './paths';
import { parseConfigText, makeProblem, type ConfigFormat } from './parse';
import { validateConfig } from './validate';
import { BUILTIN_PROFILES } from './defaults';
import type { ConfigProblem, SmslintConfig } from './types';

export interface ConfigFs {
  /** The file's text; undefined when it does not exist; an Error when it exists but cannot be read. */
  readFile(path: string): string | undefined | Error;
  exists(path: string): boolean;
}

export { CONFIG_FILE_NAMES };

export interface ConfigLayer {
  readonly file: string;
  readonly dir: string;
  /** undefined when the file has errors (the resolution then falls back to defaults). */
  readonly config: SmslintConfig | undefined;
  readonly problems: readonly ConfigProblem[];
}

function formatOf(name: string): ConfigFormat {
  if (name.endsWith('.yaml') || name.endsWith('.yml')) return 'yaml';
  return name.endsWith('.jsonc') ? 'jsonc' : 'json';
}

/**
 * Loads and validates one config file. `undefined` for a package.json without an "smslint" key
 * (it is not a config). `outerProfiles` are the custom profiles that outer configs define.
 */
export function loadConfigFile(fs: ConfigFs, file: string, outerProfiles: readonly string[] = []): ConfigLayer | undefined {
  const dir = dirname(file);
  const text = fs.readFile(file);
  if (text === undefined || text instanceof Error) {
    const why = text === undefined ? 'the file does not exist' : text.message;
    const p = makeProblem(file, '', 'io', [], `Cannot read the config file: ${why}.`, { start: 0, end: 0 });
    return { file, dir, config: undefined, problems: [p] };
  }
  const name = file.slice(dir.length).replace(/^[\\/]/, '');
  const isPackage = name === 'package.json';
  // package.json is someone else's file: only its "smslint" key is ours.
  if (isPackage && !/"smslint"\s*:/.test(text)) return undefined;
  const parsed = parseConfigText(file, text, formatOf(name), isPackage ? ['smslint'] : []);
  if (parsed.problems.length > 0) return { file, dir, config: undefined, problems: parsed.problems };
  if (isPackage && parsed.value === undefined) return undefined;
  const { config, problems } = validateConfig(parsed);
  if (config) {
    const known = new Set([...BUILTIN_PROFILES, ...outerProfiles, ...Object.keys(config.profiles ?? {})]);
    const checkProfile = (profile: string | undefined, at: readonly (string | number)[]) => {
      if (profile !== undefined && !known.has(profile)) {
        problems.push(
          parsed.problem('schema', at, `${at.join('.').replace(/\.(\d+)\./, '[$1].')}: unknown profile "${profile}"; expected ${[...known].map((k) => `"${k}"`).join(', ')} or a name defined under "profiles".`),
        );
      }
    };
    checkProfile(config.profile, ['profile']);
    config.overrides?.forEach((o, i) => checkProfile(o.profile, ['overrides', i, 'profile']));
  }
  return { file, dir, config: problems.some((p) => p.severity === 'error') ? undefined : config, problems };
}

export interface DiscoveryOptions {
  /** Folders where the search stops (workspace folders). A folder holding `.git` also stops it. */
  readonly stopAt?: readonly string[];
}

export interface Chain {
  /** Outermost first. */
  readonly layers: readonly ConfigLayer[];
  /** Problems of every layer plus warnings about ignored files. */
  readonly problems: readonly ConfigProblem[];
}

/** Walks up from a folder, caching each folder's chain, so a workspace is read once. */
export function createDiscovery(fs: ConfigFs, options: DiscoveryOptions = {}) {
  const norm = (p: string) => p.replaceAll('\\', '/').replace(/\/+$/, '');
  const stops = new Set((options.stopAt ?? []).map(norm));
  const cache = new Map<string, Chain>();

  function own(dir: string, outerProfiles: readonly string[]): { layer?: ConfigLayer; problems: ConfigProblem[] } {
    const problems: ConfigProblem[] = [];
    let layer: ConfigLayer | undefined;
    for (const name of CONFIG_FILE_NAMES) {
      const file = join(dir, name);
      if (!fs.exists(file)) continue;
      if (layer) {
        // package.json without our key is not a competitor.
        if (name === 'package.json' && !loadConfigFile(fs, file)) continue;
        problems.push(
          makeProblem(file, '', 'ambiguous', [], `Ignored: ${layer.file.slice(dir.length + 1)} in the same folder takes precedence.`, { start: 0, end: 0 }, 'warning'),
        );
        continue;
      }
      layer = loadConfigFile(fs, file, outerProfiles);
    }
    return { layer, problems };
  }

  function chain(dir: string): Chain {
    const key = norm(dir) || '/';
    const hit = cache.get(key);
    if (hit) return hit;
    const parent = dirname(dir);
    const atTop = parent === dir || stops.has(key) || fs.exists(join(dir, '.git'));
    // Outer chain first: custom profiles defined above are visible here. A root:true config
    // below makes it unused, which costs one extra walk only when the tree has such configs.
    const outer: Chain = atTop ? { layers: [], problems: [] } : chain(parent);
    const outerProfiles = outer.layers.flatMap((l) => Object.keys(l.config?.profiles ?? {}));
    const { layer, problems } = own(dir, outerProfiles);
    let result: Chain;
    if (!layer) result = { layers: outer.layers, problems: [...outer.problems, ...problems] };
    else if (layer.config?.root === true) result = { layers: [layer], problems: [...layer.problems, ...problems] };
    else result = { layers: [...outer.layers, layer], problems: [...outer.problems, ...layer.problems, ...problems] };
    cache.set(key, result);
    return result;
  }

  return {
    chain,
    clear: () => cache.clear(),
  };
}
