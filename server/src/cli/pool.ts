// Long runs lint in worker threads as well as on the main one. Files go out in chunks and their
// outcomes are taken strictly in file order, so stdout and stderr are byte-for-byte those of an
// in-process run. A worker that fails hands its chunk back to the main thread.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CliOptions } from './args';
import type { Context } from './context';
import type { CliIo } from './io';
import { lintFile, type FileJob, type FileOutcome, type OutputMode } from './lintRun';
import { removeTemps } from './nodeIo';

/** Runs shorter than this stay in process: starting a worker costs more than it saves. */
export const PARALLEL_MIN_FILES = 1500;
/** At most this many files per message; smaller runs get smaller chunks, so every thread gets some. */
const MAX_CHUNK = 250;

/** What a worker is started with (its workerData). */
export interface WorkerInit {
  readonly smslintWorker: true;
  readonly options: CliOptions;
  readonly cwd: string;
  readonly mode: OutputMode;
  readonly color: boolean;
}

export interface WorkerTask {
  readonly id: number;
  readonly jobs: readonly FileJob[];
}

export interface WorkerReply {
  readonly id: number;
  readonly outcomes: readonly FileOutcome[];
}

/** Worker threads for a run of `files` (0: lint in process). SMSLINT_WORKERS=n overrides. */
export function workerThreads(io: CliIo, files: number): number {
  if (!io.workerScript || files === 0) return 0;
  const forced = io.env.SMSLINT_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), 16);
  if (files < PARALLEL_MIN_FILES) return 0;
  // The main thread lints too, and V8's GC and compiler threads keep a second core busy: on 2
  // cores a worker measured ~15% slower than none (two lint threads each ran at about half speed).
  const cores = availableParallelism();
  return cores < 4 ? 0 : Math.min(cores - 2, 6);
}

export interface PoolOptions {
  readonly mode: OutputMode;
  readonly color: boolean;
  readonly threads: number;
  readonly script: string;
}

export async function lintInWorkers(ctx: Context, jobs: readonly FileJob[], pool: PoolOptions, take: (o: FileOutcome) => void): Promise<void> {
  const size = Math.max(1, Math.min(MAX_CHUNK, Math.ceil(jobs.length / ((pool.threads + 1) * 4))));
  const chunks: FileJob[][] = [];
  for (let i = 0; i < jobs.length; i += size) chunks.push(jobs.slice(i, i + size));
  const done: (readonly FileOutcome[] | undefined)[] = new Array(chunks.length);
  const pending: number[] = chunks.map((_, i) => i);
  let emitted = 0;
  const emit = () => {
    while (emitted < chunks.length && done[emitted]) {
      for (const o of done[emitted]!) take(o);
      done[emitted] = undefined;
      emitted++;
    }
  };
  let wake: (() => void) | undefined;
  const nudge = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };

  const init: WorkerInit = { smslintWorker: true, options: ctx.options, cwd: ctx.io.cwd, mode: pool.mode, color: pool.color };
  const workers: { worker: Worker; busy: number | undefined }[] = [];
  for (let i = 0; i < pool.threads; i++) {
    let worker: Worker;
    try {
      worker = new Worker(pool.script, { workerData: init, stdout: false, stderr: false });
    } catch {
      break;
    }
    const slot: { worker: Worker; busy: number | undefined } = { worker, busy: undefined };
    workers.push(slot);
    worker.on('message', (reply: WorkerReply) => {
      done[reply.id] = reply.outcomes;
      slot.busy = undefined;
      nudge();
    });
    const lost = () => {
      // Its chunk goes back to the queue; the main thread will lint it.
      if (slot.busy !== undefined && !done[slot.busy]) pending.unshift(slot.busy);
      slot.busy = undefined;
      const at = workers.indexOf(slot);
      if (at >= 0) workers.splice(at, 1);
      nudge();
    };
    worker.on('error', lost);
    worker.on('exit', lost);
  }
  const dispatch = () => {
    for (const slot of workers) {
      if (slot.busy !== undefined || pending.length === 0) continue;
      // Workers take from the back so the main thread, working from the front, emits early.
      const id = pending.pop()!;
      slot.busy = id;
      slot.worker.postMessage({ id, jobs: chunks[id] } satisfies WorkerTask);
    }
  };
  // Stopped mid-write, a worker may leave a temp file beside a file of its chunk: remove them.
  const release = !ctx.options.fix ? undefined : ctx.io.interrupts?.add(async () => {
    const stopping = workers.splice(0).map(async (slot) => {
      const id = slot.worker.threadId;
      const busy = slot.busy;
      slot.worker.removeAllListeners();
      await slot.worker.terminate();
      if (busy !== undefined) removeTemps(chunks[busy]!.map((j) => j.path), id);
    });
    await Promise.all(stopping);
  });
  try {
    while (emitted < chunks.length) {
      dispatch();
      const id = pending.shift();
      if (id !== undefined) {
        done[id] = chunks[id]!.map((job) => lintFile(ctx, job, pool.mode, pool.color));
        emit();
        // Let the workers' replies in before the next chunk.
        await new Promise<void>((r) => setImmediate(r));
      } else {
        emit();
        if (emitted < chunks.length) await new Promise<void>((r) => (wake = r));
      }
    }
  } finally {
    release?.();
    for (const slot of workers.splice(0)) {
      slot.worker.removeAllListeners();
      void slot.worker.terminate();
    }
  }
}
