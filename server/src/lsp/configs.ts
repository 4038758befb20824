// Config resolution for open documents: one resolver (with its discovery cache) per distinct
// settings layer, stopping at the workspace folders; config files open in the editor are read
// from their live buffers, so a config being edited takes effect before it is saved.
import { createConfigResolver, CONFIG_FILE_NAMES, type ConfigFs, type ConfigResolution, type ConfigResolver } from '../../../shared/config';
import type { Settings } from './settings';

export class ConfigService {
  private readonly resolvers = new Map<string, ConfigResolver>();
  private folders: readonly string[] = [];
  private readonly fs: ConfigFs;

  constructor(disk: ConfigFs, liveText: (path: string) => string | undefined) {
    this.fs = {
      readFile: (path) => liveText(path) ?? disk.readFile(path),
      exists: (path) => liveText(path) !== undefined || disk.exists(path),
    };
  }

  setFolders(folders: readonly string[]): void {
    this.folders = folders;
    this.resolvers.clear();
  }

  resolve(path: string, settings: Settings): ConfigResolution {
    let r = this.resolvers.get(settings.key);
    if (!r) {
      r = createConfigResolver(this.fs, { stopAt: this.folders, ...(settings.base ? { base: settings.base } : {}) });
      this.resolvers.set(settings.key, r);
    }
    return r.resolve(path);
  }

  /** Forget every cached config file (one changed on disk or in the editor). */
  clear(): void {
    this.resolvers.clear();
  }

  /** Text read by the resolver (live buffer or disk), for positioning config problems. */
  read(path: string): string | undefined {
    const t = this.fs.readFile(path);
    return typeof t === 'string' ? t : undefined;
  }
}

const NAMES = new Set<string>(CONFIG_FILE_NAMES);

/** Is this file one that config discovery reads? */
export function isConfigFile(path: string): boolean {
  const name = path.replaceAll('\\', '/').split('/').pop() ?? '';
  return NAMES.has(name);
}

/** Glob patterns for the client's file watcher. */
export const CONFIG_WATCH_GLOBS: readonly string[] = ['**/.smslintrc*', '**/smslint.config.json', '**/package.json'];
