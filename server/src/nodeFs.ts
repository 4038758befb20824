// The core's injected file system (config discovery), on node:fs. Shared by the LSP server and the CLI.
import { existsSync, readFileSync } from 'node:fs';
import type { ConfigFs } from '../../shared/config';

export const nodeConfigFs: ConfigFs = {
  readFile(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      return e.code === 'ENOENT' || e.code === 'ENOTDIR' ? undefined : e;
    }
  },
  exists: (path) => existsSync(path),
};
