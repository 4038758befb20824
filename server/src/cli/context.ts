// What every command shares: the parsed options, the injected I/O, config per file, stderr lines.
import type { ConfigResolution, ConfigResolver, ResolvedConfig } from '../../../shared/config';
import type { CliOptions } from './args';
import type { CliIo } from './io';

export interface Context {
  readonly io: CliIo;
  readonly options: CliOptions;
  readonly resolver: ConfigResolver;
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
