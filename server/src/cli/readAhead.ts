// Read-ahead for long runs: a small worker thread reads the run's files, in file order, while the
// main thread lints the ones already read, so the reads leave the main thread's critical path.
// Each take returns what readFileUpTo would return. The main thread never waits on the worker: a
// file not read yet (the worker is starting, behind, descheduled on a busy machine, or gone) it
// reads itself, as without read-ahead, and the worker skips what was taken before it got there.
import * as fs from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { ioError, readFileUpTo } from '../files';
import type { ReadAhead, ReadAheadOptions, ReadResult } from './io';

export interface ReaderOptions extends ReadAheadOptions {
  /** The worker's script (tests give one that fails); READER_SOURCE by default. */
  readonly source?: string;
}

// The shared counters (Int32 slots of one SharedArrayBuffer).
const CONSUMED = 0; // jobs before this are taken: the worker skips them, and reads at most so far ahead
const WAKE_AT = 1; // a waiting worker wants a notify once CONSUMED reaches this (0: not waiting)
const STOP = 2; // set by the main thread: the worker quits
const SLOTS = 3;

// A record per job: kind, then two numbers (BYTES: offset and length; BIG: size; ERROR: where its
// strings start in `errors`), then the file's dev and ino (--fix).
const BYTES = 0;
const ERROR = 1;
const BIG = 2; // it fills the 64 KB window: its size, for the main thread to weigh against the limit
const ON_MAIN = 3; // skipped (taken already), or anything unexpected: the main thread reads it itself
const FIELDS = 5;

/** What the worker posts, in file order: jobs [start, start + count), their bytes in one buffer. */
interface Batch {
  readonly start: number;
  readonly count: number;
  readonly bytes: ArrayBuffer;
  readonly meta: Float64Array;
  /** Each ERROR job's code, message and thrown value's text. */
  readonly errors: readonly (string | undefined)[];
}

/** The first batch is small so the main thread soon has work; later ones grow to this (16 to 512 measured the same). */
const BATCH_FIRST = 16;
const BATCH_MAX = 128;
/** The worker stays at most this many files, and this many bytes, ahead of the lint. */
const AHEAD_FILES = 2048;
const AHEAD_BYTES = 32 * 1024 * 1024;

// The worker: plain JS that loads nothing but node:fs (not the CLI bundle). Its read of one
// file is readFileUpTo's (server/src/files.ts) up to the limit's check: one pread into a 64 KB
// window; a file that fills it is sized by fstat, and the main thread, which knows its limit,
// calls it oversized or reads it whole (a template that size is rare).
export const READER_SOURCE = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const { shared, port, identify, first, most, aheadFiles, aheadBytes } = workerData;
const paths = workerData.paths.split('\\0');
const st = new Int32Array(shared);
const WINDOW = 64 * 1024;
const scratch = Buffer.allocUnsafe(1024 * 1024);
const inFlight = []; // [end, bytes] per post not yet consumed
let bytesAhead = 0;
function post(start, count, used, meta, errors) {
  const bytes = new Uint8Array(used);
  bytes.set(scratch.subarray(0, used));
  inFlight.push([start + count, used]);
  bytesAhead += used;
  port.postMessage({ start, count, bytes: bytes.buffer, meta, errors }, [bytes.buffer, meta.buffer]);
}
function roomAhead(next) {
  for (;;) {
    const consumed = Atomics.load(st, ${CONSUMED});
    while (inFlight.length > 0 && inFlight[0][0] <= consumed) bytesAhead -= inFlight.shift()[1];
    if (Atomics.load(st, ${STOP}) === 1) return false;
    if (next - consumed < aheadFiles && bytesAhead < aheadBytes) return true;
    // Wait until the lint has taken half the files ahead, or the oldest post's.
    const at = bytesAhead >= aheadBytes ? inFlight[0][0] : Math.max(consumed + 1, next - (aheadFiles >> 1));
    Atomics.store(st, ${WAKE_AT}, at);
    Atomics.wait(st, ${CONSUMED}, consumed, 50);
    Atomics.store(st, ${WAKE_AT}, 0);
  }
}
function run() {
  const n = paths.length;
  let size = first;
  let start = 0;
  for (;;) {
    start = Math.max(start, Atomics.load(st, ${CONSUMED}));
    if (start >= n || !roomAhead(start)) return;
    const end = Math.min(n, start + size);
    size = Math.min(most, size * 2);
    let from = start;
    let used = 0;
    let meta = new Float64Array((end - from) * ${FIELDS});
    let errors = [];
    for (let i = start; i < end; i++) {
      if (used > scratch.length - WINDOW) {
        post(from, i - from, used, meta, errors);
        from = i;
        used = 0;
        meta = new Float64Array((end - from) * ${FIELDS});
        errors = [];
      }
      const m = (i - from) * ${FIELDS};
      if (i < Atomics.load(st, ${CONSUMED})) {
        meta[m] = ${ON_MAIN};
        continue;
      }
      let fd;
      try {
        fd = fs.openSync(paths[i], 'r');
      } catch (err) {
        meta[m] = ${ERROR};
        meta[m + 1] = errors.length;
        errors.push(err?.code, err?.message, String(err));
        continue;
      }
      try {
        const got = fs.readSync(fd, scratch, used, WINDOW, 0);
        if (got < WINDOW) {
          meta[m] = ${BYTES};
          meta[m + 1] = used;
          meta[m + 2] = got;
          used += got;
        } else {
          meta[m] = ${BIG};
          meta[m + 1] = fs.fstatSync(fd).size;
        }
      } catch (err) {
        meta[m] = ${ERROR};
        meta[m + 1] = errors.length;
        errors.push(err?.code, err?.message, String(err));
      }
      let accounted = true;
      if (identify) {
        try {
          const s = fs.fstatSync(fd);
          meta[m + 3] = s.dev;
          meta[m + 4] = s.ino;
        } catch {
          accounted = false;
        }
      }
      try {
        fs.closeSync(fd);
      } catch {
        accounted = false;
      }
      if (!accounted) meta[m] = ${ON_MAIN};
    }
    post(from, end - from, used, meta, errors);
    start = end;
  }
}
try {
  run();
} finally {
  port.close();
}
`;

/**
 * Starts the worker for `paths`; undefined if it cannot be started (read on the main thread then).
 * It costs the main thread ~2 ms; the worker's own start (~27 ms of CPU) runs on its thread.
 */
export function startReadAhead(paths: readonly string[], options: ReaderOptions): Reader | undefined {
  const shared = new SharedArrayBuffer(SLOTS * 4);
  const st = new Int32Array(shared);
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    const workerData = {
      // One string clones faster than an array of them; no path holds a NUL.
      paths: paths.join('\0'),
      shared,
      port: port2,
      identify: options.identify,
      first: BATCH_FIRST,
      most: BATCH_MAX,
      aheadFiles: AHEAD_FILES,
      aheadBytes: AHEAD_BYTES,
    };
    worker = new Worker(options.source ?? READER_SOURCE, { eval: true, workerData, transferList: [port2], stdout: false, stderr: false });
  } catch {
    port1.close();
    return undefined;
  }
  // Not a reason to keep the process alive; a worker that fails to start or dies leaves its jobs to us.
  worker.unref();
  // A worker that fails (to start, or later) only leaves its files to the main thread.
  worker.on('error', () => {});
  return new Reader(paths, st, port1, worker, options);
}

export class Reader implements ReadAhead {
  /** The worker's posts not yet taken, in file order, from `head` on. */
  private readonly posts: Batch[] = [];
  private head = 0;
  /** Identities (dev:ino) of files rewritten during the run. */
  private readonly rewritten = new Set<string>();
  /** Takes answered from the worker's posts, and reads made here: for tests and profiling. */
  readonly counts = { worker: 0, main: 0 };

  constructor(
    private readonly paths: readonly string[],
    private readonly st: Int32Array,
    private readonly port: MessagePort,
    /** Public for tests, which wait for it to end. */
    readonly worker: Worker,
    private readonly options: ReaderOptions,
  ) {}

  take(index: number, maxBytes: number): ReadResult {
    const st = this.st;
    Atomics.store(st, CONSUMED, index + 1);
    const wake = st[WAKE_AT]!;
    if (wake !== 0 && index + 1 >= wake) Atomics.notify(st, CONSUMED);
    let post = this.postHolding(index);
    if (post === undefined) {
      for (let m = receiveMessageOnPort(this.port); m !== undefined; m = receiveMessageOnPort(this.port)) this.posts.push(m.message as Batch);
      post = this.postHolding(index);
    }
    return post === undefined ? this.readHere(index, maxBytes) : this.fromPost(post, index, maxBytes);
  }

  willWrite(index: number): void {
    if (!this.options.identify) return;
    try {
      const s = fs.statSync(this.paths[index]!);
      this.rewritten.add(`${s.dev}:${s.ino}`);
    } catch {
      // Gone or unreadable: the write will fail and report it; nothing read ahead shares it.
    }
  }

  close(): void {
    Atomics.store(this.st, STOP, 1);
    Atomics.notify(this.st, CONSUMED);
    this.port.close();
    this.posts.length = this.head = 0;
    void this.worker.terminate();
  }

  /** The post that holds job `index`, dropping those before it; undefined if it has not come. */
  private postHolding(index: number): Batch | undefined {
    const posts = this.posts;
    while (this.head < posts.length && posts[this.head]!.start + posts[this.head]!.count <= index) posts[this.head++] = undefined!;
    if (this.head === posts.length) {
      posts.length = this.head = 0;
      return undefined;
    }
    const b = posts[this.head]!;
    return b.start <= index ? b : undefined;
  }

  private fromPost(b: Batch, index: number, maxBytes: number): ReadResult {
    const m = (index - b.start) * FIELDS;
    const meta = b.meta;
    const kind = meta[m];
    // Read before a file it reaches (a symlink) was rewritten: read again, as it would have been.
    const stale = this.rewritten.size > 0 && this.rewritten.has(`${meta[m + 3]}:${meta[m + 4]}`);
    if (stale || kind === ON_MAIN) return this.readHere(index, maxBytes);
    this.counts.worker++;
    if (kind === BYTES) return new Uint8Array(b.bytes, meta[m + 1], meta[m + 2]);
    if (kind === ERROR) {
      const at = meta[m + 1]!;
      // Worded as readFileUpTo words it (ioError), from what the worker caught.
      return ioError({ code: b.errors[at], message: b.errors[at + 1] ?? b.errors[at + 2] });
    }
    // BIG: over its limit by its size alone; else (a template of 64 KB or more) read whole, here.
    return meta[m + 1]! > maxBytes ? { oversized: true, bytes: meta[m + 1]! } : this.readHere(index, maxBytes);
  }

  private readHere(index: number, maxBytes: number): ReadResult {
    this.counts.main++;
    return readFileUpTo(this.paths[index]!, maxBytes);
  }
}
