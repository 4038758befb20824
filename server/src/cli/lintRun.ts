// Reads, lints and (with --fix) rewrites each file: the loop that `smslint` and `smslint cost` share.
import { isAbsolute, resolve } from 'node:path';
import type { LintResult } from '../../../shared/lint/types';
import type { Context } from './context';
import { collectFiles } from './files';
import { fixText, unifiedDiff } from './fix';
import { isIoError } from './io';
import { progressBar } from './progress';
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
  const shown = displayPath(io.cwd, path);
  const decoded = decode(bytes);
  if (!decoded.ok) {
    ctx.warn(`${shown}: skipped: ${decoded.reason}.`);
    return { report: fileReport({ cwd: io.cwd, absolutePath: path, text: '', result: undefined, skipped: decoded.reason, quiet: options.quiet }), warnings: 0 };
  }
  const config = ctx.configFor(path);
  const { text, bom } = decoded;
  let result = io.engine.lintDocument({ path, text }, config);
  if (result.skipped !== undefined) ctx.warn(`${shown}: ${result.skipped.replace(/^Skipped:\s*/i, 'skipped: ')}`);
  let fixed = 0;
  let diff: string | undefined;
  let output: Uint8Array | undefined;
  const fixing = options.command === 'lint' && (options.fix || options.fixDryRun);
  if (fixing && result.skipped === undefined) {
    if (unparsed(result)) {
      if (result.findings.some((f) => f.fixes.length > 0)) ctx.warn(`${shown}: not fixed: the template does not parse (see malformed-template).`);
    } else {
      const outcome = fixText(io.engine, path, text, config, result);
      if (!outcome.ok) ctx.fail(`${shown}: ${outcome.message}.`);
      else if (outcome.edits > 0) {
        fixed = outcome.edits;
        result = outcome.result;
        if (options.fixDryRun) diff = unifiedDiff(shown, text, outcome.text);
        else output = encode(outcome.text, bom);
      }
    }
  }
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  const report = fileReport({ cwd: io.cwd, absolutePath: path, text, result, quiet: options.quiet, fixed, ...(diff !== undefined ? { diff } : {}) });
  return { report, warnings, ...(output ? { output } : {}) };
}

export interface LintedRun {
  readonly reports: readonly FileReport[];
  readonly warnings: number;
}

export function lintPaths(ctx: Context): LintedRun {
  const { io, options } = ctx;
  const collected = collectFiles(options.patterns, io, (p) => ctx.resolution(p));
  for (const m of collected.messages) (m.fatal ? ctx.fail : ctx.warn)(m.text);
  const explicit = new Set(options.patterns.map((p) => (isAbsolute(p) ? p : resolve(io.cwd, p))));
  const progress = progressBar(io.stderr, collected.files.length, io.now, { force: options.progress, ci: Boolean(io.env.CI) });
  const reports: FileReport[] = [];
  let warnings = 0;
  for (const path of collected.files) {
    const bytes = io.fs.readFile(path);
    progress.tick();
    if (isIoError(bytes)) {
      // A named file that cannot be read fails the run; one found by a walk is reported and skipped.
      (explicit.has(path) ? ctx.fail : ctx.warn)(`${displayPath(io.cwd, path)}: cannot read the file (${bytes.message}).`);
      continue;
    }
    const linted = lintText(ctx, path, bytes);
    if (linted.output) {
      const err = io.fs.writeFileAtomic(path, linted.output);
      if (err) ctx.fail(`${displayPath(io.cwd, path)}: cannot write the fixes (${err.message}); the file is unchanged.`);
    }
    reports.push(linted.report);
    warnings += linted.warnings;
  }
  progress.done();
  if (collected.files.length === 0 && !ctx.failed() && options.patterns.length === 0) {
    ctx.warn('no SMS files found under this folder: set "files" in the config, or give paths or globs.');
  }
  return { reports, warnings };
}
