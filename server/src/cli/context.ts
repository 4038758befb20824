// What every command shares: the parsed options, the injected I/O, config per file, stderr lines.
import { isAbsolute, resolve } from 'node:path';
import { createConfigResolver, type ConfigProblem, type ConfigResolution, type ResolvedConfig } from '../../../shared/config';
import type { CliOptions } from './args';
import type { CliIo } from './io';

export interface Context {
  readonly io: CliIo;
  readonly options: CliOptions;
  /** The file's config resolution, cached for the run (its problems are reported once). */
  resolution(path: string): ConfigResolution;
  /** The file's config with the command-line overrides (--profile, --country, --recipients). */
  configFor(path: string): ResolvedConfig;
  /** A line for stderr. */
  warn(text: string): void;
  /** A line for stderr that makes the run exit 2. */
  fail(text: string): void;
  failed(): boolean;
}

export interface ContextSinks {
  /** A file's config problems, the first time its config is resolved. */
  problems(problems: readonly ConfigProblem[]): void;
  warn(text: string): void;
  fail(text: string): void;
  failed(): boolean;
}

export function createContext(io: CliIo, options: CliOptions, sinks: ContextSinks): Context {
  const configPath = options.config === undefined ? undefined : isAbsolute(options.config) ? options.config : resolve(io.cwd, options.config);
  const resolver = createConfigResolver(io.configFs, configPath === undefined ? {} : { configPath });
  const resolutions = new Map<string, ConfigResolution>();
  // One overridden config per resolved one: the core memoizes by config object.
  const overridden = new WeakMap<ResolvedConfig, ResolvedConfig>();
  return {
    io,
    options,
    resolution(path) {
      let r = resolutions.get(path);
      if (!r) {
        r = resolver.resolve(path);
        sinks.problems(r.problems);
        resolutions.set(path, r);
      }
      return r;
    },
    configFor(path) {
      const c = this.resolution(path).config;
      let o = overridden.get(c);
      if (!o) overridden.set(c, (o = withOverrides(c, options)));
      return o;
    },
    warn: sinks.warn,
    fail: sinks.fail,
    failed: sinks.failed,
  };
}

function withOverrides(c: ResolvedConfig, o: CliOptions): ResolvedConfig {
  if (o.profile === undefined && o.country === undefined && o.recipients === undefined) return c;
  return {
    ...c,
    profile: o.profile ?? c.profile,
    campaign: { ...c.campaign, country: o.country ?? c.campaign.country, recipients: o.recipients ?? c.campaign.recipients },
  };
}
