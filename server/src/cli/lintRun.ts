// Reads, lints and (with --fix) rewrites each file: the loop that `smslint` and `smslint cost` share.
import { isAbsolute, resolve } from 'node:path';
import type { LintResult } from '../../../shared/lint/types';
import type { Context } from './context';
import { collectFiles } from '../files';
import { fixText, unifiedDiff } from './fix';
import { isIoError, isOversized, type ReadAhead } from './io';
import { githubFile } from './formatters/github';
import { fileTally, paint, stylishFile, type FileTally } from './formatters/stylish';
import { progressBar, type Progress } from './progress';
import { displayPath, fileReport, type FileReport } from './report';
import { decode, encode } from './text';

export interface Linted {
  readonly report: FileReport;
  /** Warnings before --quiet hides them: --max-warnings counts these. */
  readonly warnings: number;
  /** The fixed file's bytes, when --fix changed it. */
  readonly output?: Uint8Array;
}

/** The parse failures that make --fix leave a file alone. */
const unparsed = (r: LintResult) => r.findings.some((f) => f.ruleId === 'malformed-template' && f.severity === 'error');

export function lintText(ctx: Context, path: string, bytes: Uint8Array): Linted {
  const { io, options } = ctx;
  const shown = () => displayPath(io.cwd, path);
  const decoded = decode(bytes);
  if (!decoded.ok) {
    ctx.warn(`${shown()}: skipped: ${decoded.reason}.`);
    return { report: fileReport({ cwd: io.cwd, absolutePath: path, text: '', result: undefined, skipped: decoded.reason, quiet: options.quiet }), warnings: 0 };
  }
  const config = ctx.configFor(path);
  const { text, encoding } = decoded;
  let result = io.engine.lintDocument({ path, text }, config);
  if (result.skipped !== undefined) ctx.warn(`${shown()}: ${result.skipped.replace(/^Skipped:\s*/i, 'skipped: ')}`);
  let fixed = 0;
  let diff: string | undefined;
  let output: Uint8Array | undefined;
  const fixing = options.command === 'lint' && (options.fix || options.fixDryRun);
  if (fixing && result.skipped === undefined) {
    if (unparsed(result)) {
      if (result.findings.some((f) => f.fixes.length > 0)) ctx.warn(`${shown()}: not fixed: the template does not parse (see malformed-template).`);
    } else {
      const outcome = fixText(io.engine, path, text, config, result);
      if (!outcome.ok) ctx.fail(`${shown()}: ${outcome.message}.`);
      else if (outcome.edits > 0) {
        fixed = outcome.edits;
        result = outcome.result;
        if (options.fixDryRun) diff = unifiedDiff(shown(), text, outcome.text);
        else output = encode(outcome.text, encoding);
      }
    }
  }
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  const report = fileReport({ cwd: io.cwd, absolutePath: path, text, result, quiet: options.quiet, fixed, ...(diff !== undefined ? { diff } : {}) });
  return { report, warnings, ...(output ? { output } : {}) };
}

/** What a run keeps of one file once it is linted: the rest is dropped as soon as it is rendered. */
export type OutputMode = 'stylish' | 'github' | 'report';

export interface FileOutcome {
  /** stderr lines in order; `fail` ones make the run exit 2. */
  readonly messages: readonly { readonly fail: boolean; readonly text: string }[];
  readonly warnings: number;
  /** The file's block (stylish, github); '' for 'report'. */
  readonly block: string;
  readonly diff: string | undefined;
  /** The whole report, kept only in 'report' mode (json, sarif, cost). */
  readonly report: FileReport | undefined;
  /** The summary's share: finding counts, skipped, each body's cost text (none when unread). */
  readonly tally: FileTally | undefined;
}

export interface FileJob {
  readonly path: string;
  /** Named on the command line: a read failure fails the run instead of being skipped. */
  readonly explicit: boolean;
}


/**
 * Runs shorter than this read on the main thread. The reader thread costs ~27 ms of CPU to start
 * and saves the main thread ~10 µs a file: on 2 cores shared with other work it measured a loss
 * at 600 files, within noise at 1,500, and a gain from 3,000 (-22 ms) to 10,000 files (-37 ms).
 */
export const READ_AHEAD_MIN_FILES = 2000;

/** The run's reads, made ahead on another thread when the run is long (see readAhead.ts). */
export function readAheadFor(ctx: Context, jobs: readonly FileJob[]): ReadAhead | undefined {
  const { io } = ctx;
  // SMSLINT_READAHEAD=0 reads every file on the main thread; =1 reads ahead whatever the run's length.
  const forced = io.env.SMSLINT_READAHEAD;
  if (!io.fs.readAhead || jobs.length === 0 || forced === '0' || (forced !== '1' && jobs.length < READ_AHEAD_MIN_FILES)) return undefined;
  return io.fs.readAhead(jobs.map((j) => j.path), { identify: ctx.options.command === 'lint' && ctx.options.fix });
}

/** A job whose read comes from the run's read-ahead, by its index there. */
export interface AheadJob {
  readonly reads: ReadAhead;
  readonly index: number;
}

/** Reads, lints, fixes and renders one file; its stderr lines come back instead of going out. */
export function lintFile(ctx: Context, job: FileJob, mode: OutputMode, color: boolean, ahead?: AheadJob): FileOutcome {
  const { io } = ctx;
  const messages: { fail: boolean; text: string }[] = [];
  const local: Context = { ...ctx, warn: (text) => messages.push({ fail: false, text }), fail: (text) => messages.push({ fail: true, text }) };
  const maxFileSize = ctx.configFor(job.path).files.maxFileSize;
  // A UTF-16 unit takes at most 3 bytes of UTF-8 (2 of UTF-16): past 3× the limit the file is surely over it.
  const limit = 3 * maxFileSize + 3;
  const bytes = ahead ? ahead.reads.take(ahead.index, limit) : io.fs.readFileUpTo(job.path, limit);
  if (isOversized(bytes)) {
    const reason = `the file is ${bytes.bytes} bytes (at least ${Math.floor(bytes.bytes / 3)} characters), over the limit of ${maxFileSize} (maxFileSize)`;
    local.warn(`${displayPath(io.cwd, job.path)}: skipped: ${reason}.`);
    const r = fileReport({ cwd: io.cwd, absolutePath: job.path, text: '', result: undefined, skipped: reason, quiet: ctx.options.quiet });
    const block = mode === 'stylish' ? stylishFile(r, paint(color)) : mode === 'github' ? githubFile(r) : '';
    return { messages, warnings: 0, block, diff: undefined, report: mode === 'report' ? r : undefined, tally: fileTally(r) };
  }
  if (isIoError(bytes)) {
    // A named file that cannot be read fails the run; one found by a walk is reported and skipped.
    messages.push({ fail: job.explicit, text: `${displayPath(io.cwd, job.path)}: cannot read the file (${bytes.message}).` });
    return { messages, warnings: 0, block: '', diff: undefined, report: undefined, tally: undefined };
  }
  const linted = lintText(local, job.path, bytes);
  if (linted.output) {
    ahead?.reads.willWrite(ahead.index);
    const err = io.fs.writeFileAtomic(job.path, linted.output);
    if (err) local.fail(`${displayPath(io.cwd, job.path)}: cannot write the fixes (${err.message}); the file is unchanged.`);
  }
  const r = linted.report;
  const block = mode === 'stylish' ? stylishFile(r, paint(color)) : mode === 'github' ? githubFile(r) : '';
  return { messages, warnings: linted.warnings, block, diff: r.diff, report: mode === 'report' ? r : undefined, tally: fileTally(r) };
}

export interface Planned {
  readonly jobs: readonly FileJob[];
  readonly progress: Progress;
}

/** The files of the run (their collection messages reported), and its progress bar. */
export function planRun(ctx: Context): Planned {
  const { io, options } = ctx;
  const collected = collectFiles(options.patterns, io, (p) => ctx.resolution(p));
  for (const m of collected.messages) (m.fatal ? ctx.fail : ctx.warn)(m.text);
  const explicit = new Set(options.patterns.map((p) => (isAbsolute(p) ? p : resolve(io.cwd, p))));
  const progress = progressBar(io.stderr, collected.files.length, io.now, { force: options.progress, ci: Boolean(io.env.CI) });
  return { jobs: collected.files.map((path) => ({ path, explicit: explicit.has(path) })), progress };
}

/** Takes each outcome in file order: its stderr lines go to the run, the rest to `use`. */
export function consume(ctx: Context, outcome: FileOutcome): void {
  for (const m of outcome.messages) (m.fail ? ctx.fail : ctx.warn)(m.text);
}

export function finishRun(ctx: Context, planned: Planned): void {
  planned.progress.done();
  if (planned.jobs.length === 0 && !ctx.failed() && ctx.options.patterns.length === 0) {
    ctx.warn('no SMS files found under this folder: set "files" in the config, or give paths or globs.');
  }
}

export interface LintedRun {
  readonly reports: readonly FileReport[];
  readonly warnings: number;
}

/** Each job's outcome, in order, on this thread; a long run's reads come ahead (closed as the loop ends). */
export function* lintJobs(ctx: Context, jobs: readonly FileJob[], mode: OutputMode, color: boolean): Generator<FileOutcome> {
  const reads = readAheadFor(ctx, jobs);
  try {
    for (let index = 0; index < jobs.length; index++) yield lintFile(ctx, jobs[index]!, mode, color, reads && { reads, index });
  } finally {
    reads?.close();
  }
}

/** Every file's report, in process (smslint cost). */
export function lintPaths(ctx: Context): LintedRun {
  const planned = planRun(ctx);
  const reports: FileReport[] = [];
  let warnings = 0;
  for (const outcome of lintJobs(ctx, planned.jobs, 'report', false)) {
    planned.progress.tick();
    consume(ctx, outcome);
    if (outcome.report) reports.push(outcome.report);
    warnings += outcome.warnings;
  }
  finishRun(ctx, planned);
  return { reports, warnings };
}
