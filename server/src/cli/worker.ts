// A pool worker (see pool.ts): the bin's script started as a thread lints chunks of files with its
// own config resolver and sends back their outcomes. Config problems were already reported by the
// main thread, which resolved every file while collecting them.
import { parentPort } from 'node:worker_threads';
import { createContext } from './context';
import type { LintEngine } from './io';
import { lintFile, type FileOutcome } from './lintRun';
import type { FileReport } from './report';
import { nodeIo } from './nodeIo';
import type { WorkerInit, WorkerReply, WorkerTask } from './pool';

export function runWorker(init: WorkerInit, engine: LintEngine): void {
  const port = parentPort;
  if (!port) return;
  const io = { ...nodeIo(engine), cwd: init.cwd };
  const ctx = createContext(io, init.options, {
    problems: () => {},
    // lintFile hands every line back in its outcome; nothing reaches these.
    warn: () => {},
    fail: () => {},
    failed: () => false,
  });
  port.on('message', (task: WorkerTask) => {
    // Cloning copies own data properties only: a report's lazily written parts (figures' worstReason) go as JSON.
    const outcomes = task.jobs.map((job) => plain(lintFile(ctx, job, init.mode, init.color)));
    port.postMessage({ id: task.id, outcomes } satisfies WorkerReply);
  });
}

function plain(o: FileOutcome): FileOutcome {
  return o.report ? { ...o, report: JSON.parse(JSON.stringify(o.report)) as FileReport } : o;
}
