// Turns the chain of config files for a file into one ResolvedConfig: defaults, then each file
// from the outermost to the nearest (its own keys, then its matching overrides). Nearer wins.
import { DEFAULT_CONFIG } from './defaults';
import { createDiscovery, loadConfigFile, type Chain, type ConfigFs, type ConfigLayer } from './discover';
import { globTester } from '../extract/paths';
import { dirname, relativeInside } from './paths';
import type {
  ConfigKeys,
  ConfigProblem,
  ExtractOptions,
  OverrideConfig,
  PlaceholderSyntax,
  ResolvedConfig,
  ResolvedRule,
  SmslintConfig,
} from './types';
import type { RuleId } from '../rules/registry';

export interface ResolveOptions {
  /** Use this config file only, no discovery (the CLI's --config). */
  readonly configPath?: string;
  /** Folders where discovery stops (workspace folders). A folder holding `.git` also stops it. */
  readonly stopAt?: readonly string[];
  /** Settings under every config file, e.g. the editor's smslint.* settings. Globs relative to the config's folder. */
  readonly base?: SmslintConfig;
}

export interface ConfigResolution {
  readonly config: ResolvedConfig;
  /** The nearest config file, if any. */
  readonly source: string | undefined;
  /** Every config file that applied, outermost first. */
  readonly sources: readonly string[];
  /** Errors mean the config files were set aside and `config` is the defaults. */
  readonly problems: readonly ConfigProblem[];
  /** The file matches an `ignore` glob. */
  readonly ignored: boolean;
}

export interface ConfigResolver {
  /** `locale` selects overrides with `locales` (bodies from locale files). */
  resolve(filePath: string, locale?: string): ConfigResolution;
  /** Forget cached files (after a config file changes). */
  clear(): void;
}

export function createConfigResolver(fs: ConfigFs, options: ResolveOptions = {}): ConfigResolver {
  const discovery = createDiscovery(fs, { stopAt: options.stopAt ?? [] });
  let explicit: Chain | undefined;
  // A walk lists a folder's files together: the last folder's chain answers most lookups.
  let last: { readonly dir: string; readonly chain: Chain } | undefined;
  const chainFor = (filePath: string): Chain => {
    if (options.configPath === undefined) {
      const dir = dirname(filePath);
      if (last?.dir !== dir) last = { dir, chain: discovery.chain(dir) };
      return last.chain;
    }
    if (!explicit) {
      const layer = loadConfigFile(fs, options.configPath);
      explicit = layer
        ? { layers: [layer], problems: layer.problems }
        : { layers: [], problems: [] };
    }
    return explicit;
  };
  return {
    resolve(filePath, locale) {
      return resolveFromChain(filePath, chainFor(filePath), options.base, locale);
    },
    clear() {
      discovery.clear();
      last = undefined;
      explicit = undefined;
    },
  };
}

/** One-shot resolution (the CLI's single file, tests). Use a resolver to share the cache. */
export function resolveConfig(filePath: string, fs: ConfigFs, options: ResolveOptions & { locale?: string } = {}): ConfigResolution {
  return createConfigResolver(fs, options).resolve(filePath, options.locale);
}

// Files that share a chain and match the same overrides share one ResolvedConfig object, so
// per-config memos downstream (profiles, prices, glob matchers) hit across files.
interface ChainState {
  readonly applied: readonly { readonly config: SmslintConfig; readonly dir: string | undefined }[];
  readonly baseDir: string | undefined;
  /** No override or placeholder glob: every file of the chain gets the same config. */
  readonly uniform: boolean;
  readonly byPath: Map<string, ResolvedConfig>;
  /** The resolution with `ignored` false, then true, per config (a walk resolves thousands of files). */
  readonly resolutions: Map<ResolvedConfig, readonly [ConfigResolution, ConfigResolution]>;
}
const chainStates = new WeakMap<Chain, Map<SmslintConfig | undefined, ChainState>>();

function chainState(chain: Chain, base: SmslintConfig | undefined): ChainState {
  let byBase = chainStates.get(chain);
  if (!byBase) chainStates.set(chain, (byBase = new Map()));
  let state = byBase.get(base);
  if (!state) {
    const broken = chain.problems.some((p) => p.severity === 'error');
    const layers: readonly ConfigLayer[] = broken ? [] : chain.layers;
    const baseDir = layers[0]?.dir;
    const applied = [
      ...(base ? [{ config: base, dir: baseDir }] : []),
      ...layers.flatMap((l) => (l.config ? [{ config: l.config, dir: l.dir }] : [])),
    ];
    const pathDependent = (c: SmslintConfig) => (c.overrides?.length ?? 0) > 0 || (typeof c.placeholders === 'object' && c.placeholders !== null && !Array.isArray(c.placeholders));
    state = { applied, baseDir, uniform: !applied.some((a) => pathDependent(a.config)), byPath: new Map(), resolutions: new Map() };
    byBase.set(base, state);
  }
  return state;
}

/** Which path-dependent parts of the layers apply to `filePath`: overrides and placeholder globs. */
function pathSignature(filePath: string, layers: readonly { config: SmslintConfig; dir: string | undefined }[], locale: string | undefined): string {
  let sig = locale ?? '';
  const placeholders = (p: SmslintConfig['placeholders'], dir: string | undefined): void => {
    if (p && typeof p === 'object' && !Array.isArray(p)) sig += `:${Object.keys(p).findIndex((g) => matches([g], dir, filePath))}`;
  };
  for (const { config, dir } of layers) {
    sig += '|';
    placeholders(config.placeholders, dir);
    for (const o of config.overrides ?? []) {
      const globs = typeof o.files === 'string' ? [o.files] : o.files;
      const on = matches(globs, dir, filePath) && (o.locales === undefined || localeMatches(o.locales, locale));
      sig += on ? '1' : '0';
      if (on) placeholders(o.placeholders, dir);
    }
  }
  return sig;
}

function resolveFromChain(filePath: string, chain: Chain, base: SmslintConfig | undefined, locale: string | undefined): ConfigResolution {
  const state = chainState(chain, base);
  const { applied, baseDir, byPath } = state;
  const sig = state.uniform ? (locale ?? '') : pathSignature(filePath, applied, locale);
  let config = byPath.get(sig);
  if (!config) {
    const m = new Builder(baseDir, filePath);
    for (const a of applied) m.layer(a.config, a.dir, locale);
    config = m.done();
    byPath.set(sig, config);
  }
  let pair = state.resolutions.get(config);
  if (!pair) {
    const r = { config, source: chain.layers[chain.layers.length - 1]?.file, sources: chain.layers.map((l) => l.file), problems: chain.problems };
    state.resolutions.set(config, (pair = [{ ...r, ignored: false }, { ...r, ignored: true }]));
  }
  return pair[matches(config.ignore, baseDir, filePath) ? 1 : 0];
}

const compiled = new Map<string, (path: string) => boolean>();

/** The test of a glob of the config ("!glob": of what it excludes). */
function matcher(glob: string): (path: string) => boolean {
  let m = compiled.get(glob);
  if (!m) compiled.set(glob, (m = globTester(glob.startsWith('!') ? glob.slice(1) : glob)));
  return m;
}

/** Does `filePath` match `globs` (relative to `dir`)? A later "!glob" excludes what earlier ones matched. */
export function matches(globs: readonly string[], dir: string | undefined, filePath: string): boolean {
  if (globs.length === 0) return false;
  const rel = (dir !== undefined ? relativeInside(dir, filePath) : undefined) ?? withoutRoot(filePath);
  let hit = false;
  for (const g of globs) {
    if (g.startsWith('!')) {
      if (hit && matcher(g)(rel)) hit = false;
    } else if (!hit && matcher(g)(rel)) hit = true;
  }
  return hit;
}

/** The path with "/" separators and no leading root ("/", "C:/"), which the globs match. */
function withoutRoot(filePath: string): string {
  if (filePath.charCodeAt(0) === 47 && !filePath.includes('\\')) return filePath.slice(1);
  return filePath.replaceAll('\\', '/').replace(/^([A-Za-z]:)?\//, '');
}

/** Rewrites a glob relative to `from` so it means the same relative to `to` (an ancestor). */
function rebase(glob: string, from: string | undefined, to: string | undefined): string {
  if (from === undefined || to === undefined) return glob;
  const rel = relativeInside(to, from);
  if (!rel) return glob;
  const neg = glob.startsWith('!');
  const g = (neg ? glob.slice(1) : glob).replace(/^\.?\//, '');
  // A name-only glob matched in any folder below its config; keep that meaning.
  return `${neg ? '!' : ''}${rel}/${g.includes('/') ? '' : '**/'}${g}`;
}

function localeMatches(wanted: readonly string[], locale: string | undefined): boolean {
  if (locale === undefined) return false;
  const l = locale.toLowerCase();
  return wanted.some((w) => {
    const x = w.toLowerCase();
    return l === x || l.startsWith(x + '-') || l.startsWith(x + '_');
  });
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };

class Builder {
  private readonly c: Mutable<ResolvedConfig>;
  constructor(
    private readonly baseDir: string | undefined,
    private readonly filePath: string,
  ) {
    const d = DEFAULT_CONFIG;
    this.c = {
      ...d,
      profiles: { ...d.profiles },
      campaign: { ...d.campaign },
      limits: { ...d.limits },
      variables: { ...d.variables },
      variableDefaults: { ...d.variableDefaults },
      placeholders: [...d.placeholders],
      rules: { ...d.rules },
      plans: { ...d.plans },
      files: { ...d.files },
      ignore: [...d.ignore],
      baseDir: this.baseDir,
    } as Mutable<ResolvedConfig>;
  }

  layer(cfg: SmslintConfig, dir: string | undefined, locale: string | undefined): void {
    Object.assign(this.c.profiles, cfg.profiles ?? {});
    Object.assign(this.c.plans, cfg.plans ?? {});
    this.keys(cfg, dir);
    if (cfg.files) this.files(cfg.files, dir);
    if (cfg.ignore) this.c.ignore.push(...cfg.ignore.map((g) => rebase(g, dir, this.baseDir)));
    for (const o of cfg.overrides ?? []) if (this.applies(o, dir, locale)) this.keys(o, dir);
  }

  done(): ResolvedConfig {
    return this.c as ResolvedConfig;
  }

  private applies(o: OverrideConfig, dir: string | undefined, locale: string | undefined): boolean {
    const globs = typeof o.files === 'string' ? [o.files] : o.files;
    if (!matches(globs, dir, this.filePath)) return false;
    return o.locales === undefined || localeMatches(o.locales, locale);
  }

  private keys(k: Omit<ConfigKeys, 'files' | 'ignore'>, dir: string | undefined): void {
    const c = this.c;
    if (k.profile !== undefined) c.profile = k.profile;
    if (k.campaign) Object.assign(c.campaign, defined(k.campaign));
    if (k.plan !== undefined) c.plan = k.plan;
    if (k.limits) Object.assign(c.limits, defined(k.limits));
    if (k.allowUnicode !== undefined) c.allowUnicode = k.allowUnicode;
    for (const [name, meta] of Object.entries(k.variables ?? {})) c.variables[name] = { ...c.variables[name], ...meta };
    if (k.variableDefaults) Object.assign(c.variableDefaults, defined(k.variableDefaults));
    if (k.placeholders !== undefined) {
      const chosen = pickPlaceholders(k.placeholders, dir, this.filePath);
      if (chosen) c.placeholders = chosen;
    }
    for (const [id, setting] of Object.entries(k.rules ?? {})) {
      if (setting === undefined) continue;
      const r: ResolvedRule = typeof setting === 'string' ? { severity: setting, options: {} } : { severity: setting[0], options: setting[1] };
      c.rules[id as RuleId] = r;
    }
  }

  private files(f: NonNullable<SmslintConfig['files']>, dir: string | undefined): void {
    const files = this.c.files as { -readonly [K in keyof ExtractOptions]: ExtractOptions[K] };
    const re = (gs: readonly string[]) => gs.map((g) => rebase(g, dir, this.baseDir));
    if (f.templateFiles) files.templateFiles = re(f.templateFiles);
    if (f.localeFiles) files.localeFiles = re(f.localeFiles);
    if (f.sourceFiles) files.sourceFiles = re(f.sourceFiles);
    if (f.keyPatterns) files.keyPatterns = f.keyPatterns;
    if (f.callSites) files.callSites = f.callSites;
    if (f.tags) files.tags = f.tags;
    if (f.marker !== undefined) files.marker = f.marker;
    if (f.maxFileSize !== undefined) files.maxFileSize = f.maxFileSize;
    if (f.maxLineLength !== undefined) files.maxLineLength = f.maxLineLength;
  }
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function pickPlaceholders(p: NonNullable<ConfigKeys['placeholders']>, dir: string | undefined, filePath: string): PlaceholderSyntax[] | undefined {
  if (typeof p === 'string') return [p];
  if (Array.isArray(p)) return p;
  for (const [glob, syntax] of Object.entries(p)) {
    if (matches([glob], dir, filePath)) return typeof syntax === 'string' ? [syntax] : syntax;
  }
  return undefined;
}
