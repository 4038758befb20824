// The config core's file system (shared/config/discover.ts ConfigFs) on node:fs, for the CLI and the server.
import { existsSync, readFileSync } from 'node:fs';
import type { ConfigFs } from '../../shared/config';

export const nodeFs: ConfigFs = {
  readFile(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch (error) {
      // A missing file is "no config here"; anything else (EACCES, EISDIR) is a problem to report.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      return error instanceof Error ? error : new Error(String(error));
    }
  },
  exists: (path) => existsSync(path),
};
