// A one-line progress bar on stderr for long runs in a terminal; silent in CI logs and pipes.
import type { OutStream } from './io';

export interface Progress {
  tick(): void;
  done(): void;
}

const NONE: Progress = { tick() {}, done() {} };
const MIN_FILES = 200;
const MIN_MS = 500;
const EVERY_MS = 100;

export function progressBar(
  stderr: OutStream,
  total: number,
  now: () => number,
  options: { readonly force: boolean | undefined; readonly ci: boolean },
): Progress {
  if (options.force === false || (options.force === undefined && (!stderr.isTTY || options.ci))) return NONE;
  const started = now();
  let done = 0;
  let last = -Infinity;
  let shown = false;
  const draw = () => {
    const width = Math.max(10, Math.min(40, (stderr.columns ?? 80) - 30));
    const filled = Math.round((done / total) * width);
    stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} files`);
    shown = true;
  };
  return {
    tick() {
      done++;
      const t = now();
      if (t - last < EVERY_MS) return;
      if (!shown && !options.force && total < MIN_FILES && t - started < MIN_MS) return;
      last = t;
      draw();
    },
    done() {
      if (shown) stderr.write('\r\u001b[2K');
    },
  };
}
