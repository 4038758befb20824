// smslint's CLI: argv and injected I/O in, an exit code out (0 clean, 1 findings, 2 failure).
// A thin adapter over the core: config resolution, lintDocument and fixAll come from shared/.
import { isAbsolute, join, resolve } from 'node:path';
import type { ConfigProblem } from '../../../shared/config';
import { resolveProfile } from '../../../shared/pricing';
import { version } from '../../../package.json';
import { parseCliArgs, type CliOptions } from './args';
import { runBudget } from './budget';
import { runCost } from './cost';
import { createContext, type Context } from './context';
import { github, joinGithub } from './formatters/github';
import { json } from './formatters/json';
import { sarif } from './formatters/sarif';
import { joinStylish, paint, stylish, StylishTotals, stylishSummary } from './formatters/stylish';
import { HELP } from './help';
import type { CliIo } from './io';
import { consume, finishRun, lintJobs, lintText, planRun, type FileOutcome, type OutputMode } from './lintRun';
import { lintInWorkers, workerThreads } from './pool';
import { countFindings, displayPath, type FileReport, type RunReport } from './report';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FAILURE = 2;

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    io.stderr.write(`smslint: ${parsed.error}\n`);
    return EXIT_FAILURE;
  }
  const options = parsed.options;
  if (options.help) {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  if (options.version) {
    io.stdout.write(`${version}\n`);
    return EXIT_OK;
  }
  if (options.listRules) {
    const rules = io.engine.rules;
    const w = Math.max(...rules.map((r) => r.id.length));
    io.stdout.write(rules.map((r) => `${r.id.padEnd(w)}  ${r.defaultSeverity.padEnd(7)}  ${r.description}`).join('\n') + '\n');
    return EXIT_OK;
  }
  try {
    return await run(options, io);
  } catch (err) {
    // A bug must still end in a clear line and the failure code, not a stack on a CI log.
    io.stderr.write(`smslint: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT_FAILURE;
  }
}

async function run(options: CliOptions, io: CliIo): Promise<number> {
  let failed = false;
  const stderrLines: string[] = [];
  const seenProblems = new Set<string>();
  const reportProblems = (problems: readonly ConfigProblem[]) => {
    for (const p of problems) {
      // The core's schema messages already start with their key; the others get it here, once.
      const named = !p.keyPath || p.message.startsWith(`${p.keyPath}: `);
      const line = `${displayPath(io.cwd, p.file)}:${p.line}:${p.column}: ${named ? '' : `${p.keyPath}: `}${p.message}`;
      if (seenProblems.has(line)) continue;
      seenProblems.add(line);
      if (p.severity === 'error') {
        failed = true;
        stderrLines.push(`smslint: config error: ${line}`);
      } else stderrLines.push(`smslint: config warning: ${line}`);
    }
  };
  const ctx = createContext(io, options, {
    problems: reportProblems,
    warn: (text) => stderrLines.push(`smslint: ${text}`),
    fail: (text) => {
      failed = true;
      stderrLines.push(`smslint: ${text}`);
    },
    failed: () => failed,
  });
  const flush = () => {
    if (stderrLines.length) io.stderr.write(stderrLines.join('\n') + '\n');
    stderrLines.length = 0;
  };

  // The config of the working folder (or --config) is checked before anything is read.
  const base = ctx.configFor(join(io.cwd, '.smslint-probe'));
  if (options.profile !== undefined) {
    const p = resolveProfile(options.profile, base.profiles);
    if (!p.ok) ctx.fail(`--profile: ${p.error.message}`);
  }
  if (failed) {
    flush();
    return EXIT_FAILURE;
  }

  let code: number;
  if (options.command === 'cost') code = runCost(ctx);
  else if (options.command === 'budget') code = runBudget(ctx);
  else if (options.stdin) code = await lintStdin(ctx);
  else code = await lintFiles(ctx);
  flush();
  return failed ? EXIT_FAILURE : code;
}

async function lintFiles(ctx: Context): Promise<number> {
  const { io, options } = ctx;
  const format = options.format ?? 'stylish';
  const mode: OutputMode = format === 'stylish' ? 'stylish' : format === 'github' ? 'github' : 'report';
  const color = useColor(options, io.env, io.stdout.isTTY);
  const planned = planRun(ctx);
  // Each file is rendered as soon as it is linted; only its text and its share of the summary stay.
  const blocks: string[] = [];
  const diffs: string[] = [];
  const reports: FileReport[] = [];
  const totals = new StylishTotals();
  let warnings = 0;
  const take = (o: FileOutcome) => {
    planned.progress.tick();
    consume(ctx, o);
    warnings += o.warnings;
    if (o.tally) totals.addTally(o.tally);
    if (o.block !== '') blocks.push(o.block);
    if (o.diff) diffs.push(o.diff);
    if (o.report) reports.push(o.report);
  };
  // While --fix writes, SIGINT and SIGTERM wait for the write in hand (and clean up after workers).
  const release = options.fix ? io.interrupts?.add(() => undefined) : undefined;
  try {
    const threads = workerThreads(io, planned.jobs.length);
    if (threads > 0 && io.workerScript) await lintInWorkers(ctx, planned.jobs, { mode, color, threads, script: io.workerScript }, take);
    else {
      let yielded = io.now();
      for (const outcome of lintJobs(ctx, planned.jobs, mode, color)) {
        take(outcome);
        // A signal is only handled between tasks: give it a turn every 50 ms.
        if (release && io.now() - yielded > 50) {
          await new Promise<void>((r) => setImmediate(r));
          yielded = io.now();
        }
      }
    }
  } finally {
    release?.();
  }
  finishRun(ctx, planned);
  let out = options.fixDryRun && format === 'stylish' ? diffs.join('') : '';
  if (mode === 'stylish') out += joinStylish(blocks, stylishSummary(totals, paint(color)));
  else if (mode === 'github') out += joinGithub(blocks);
  else out += render({ files: reports, rules: io.engine.rules, version, cwd: io.cwd }, options, io);
  io.stdout.write(out);
  return exitCode(ctx, totals.errors, warnings);
}

function render(run: RunReport, options: CliOptions, io: CliIo): string {
  switch (options.format ?? 'stylish') {
    case 'json':
      return json(run);
    case 'sarif':
      return sarif(run);
    case 'github':
      return github(run);
    default:
      return stylish(run, { color: useColor(options, io.env, io.stdout.isTTY) });
  }
}

export function useColor(options: CliOptions, env: CliIo['env'], tty: boolean): boolean {
  if (options.color !== undefined) return options.color;
  return tty && !env.NO_COLOR && env.TERM !== 'dumb';
}

function exitCode(ctx: Context, errors: number, warnings: number): number {
  const { options } = ctx;
  if (ctx.failed()) return EXIT_FAILURE;
  if (errors > 0) return EXIT_FINDINGS;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    ctx.warn(`too many warnings: ${warnings}, over --max-warnings ${options.maxWarnings}.`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}

async function lintStdin(ctx: Context): Promise<number> {
  const { io, options } = ctx;
  const name = options.stdinFilename ?? '<stdin>.sms';
  const path = isAbsolute(name) ? name : resolve(io.cwd, name);
  const bytes = await io.readStdin();
  if (ctx.resolution(path).ignored) {
    ctx.warn(`${name}: ignored by the config's "ignore" list; not checked.`);
    if (options.fix) io.stdout.write(Buffer.from(bytes).toString('utf8'));
    return EXIT_OK;
  }
  const linted = lintText(ctx, path, bytes);
  const report = options.stdinFilename === undefined ? { ...linted.report, path: '<stdin>' } : linted.report;
  const run: RunReport = { files: [report], rules: io.engine.rules, version, cwd: io.cwd };
  if (options.fix) {
    // The fixed text is the output; the remaining findings go to stderr.
    io.stdout.write(linted.output ? Buffer.from(linted.output).toString('utf8') : Buffer.from(bytes).toString('utf8'));
    const remaining = stylish(run, { color: useColor(options, io.env, io.stderr.isTTY) });
    if (report.findings.length > 0) io.stderr.write(remaining);
  } else {
    let out = options.fixDryRun && (options.format ?? 'stylish') === 'stylish' ? (report.diff ?? '') : '';
    out += render(run, options, io);
    io.stdout.write(out);
  }
  return exitCode(ctx, countFindings(run.files).errors, linted.warnings);
}
