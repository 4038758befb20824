// smslint's CLI: argv and injected I/O in, an exit code out (0 clean, 1 findings, 2 failure).
// A thin adapter over the core: config resolution, lintDocument and fixAll come from shared/.
import { isAbsolute, join, resolve } from 'node:path';
import { createConfigResolver, type ConfigProblem, type ConfigResolution, type ResolvedConfig } from '../../../shared/config';
import { resolveProfile } from '../../../shared/pricing';
import { version } from '../../../package.json';
import { parseCliArgs, type CliOptions } from './args';
import { runBudget } from './budget';
import { runCost } from './cost';
import type { Context } from './context';
import { github } from './formatters/github';
import { json } from './formatters/json';
import { sarif } from './formatters/sarif';
import { stylish } from './formatters/stylish';
import { HELP } from './help';
import type { CliIo } from './io';
import { lintPaths, lintText } from './lintRun';
import { countFindings, displayPath, type RunReport } from './report';

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
  const configPath = options.config === undefined ? undefined : isAbsolute(options.config) ? options.config : resolve(io.cwd, options.config);
  const resolver = createConfigResolver(io.configFs, configPath === undefined ? {} : { configPath });
  const seenProblems = new Set<string>();
  const resolutions = new Map<string, ConfigResolution>();
  const reportProblems = (problems: readonly ConfigProblem[]) => {
    for (const p of problems) {
      const line = `${displayPath(io.cwd, p.file)}:${p.line}:${p.column}: ${p.keyPath ? `${p.keyPath}: ` : ''}${p.message}`;
      if (seenProblems.has(line)) continue;
      seenProblems.add(line);
      if (p.severity === 'error') {
        failed = true;
        stderrLines.push(`smslint: config error: ${line}`);
      } else stderrLines.push(`smslint: config warning: ${line}`);
    }
  };
  const ctx: Context = {
    io,
    options,
    resolver,
    resolution(path) {
      let r = resolutions.get(path);
      if (!r) {
        r = resolver.resolve(path);
        reportProblems(r.problems);
        resolutions.set(path, r);
      }
      return r;
    },
    configFor(path) {
      return withOverrides(this.resolution(path).config, options);
    },
    warn: (text) => stderrLines.push(`smslint: ${text}`),
    fail: (text) => {
      failed = true;
      stderrLines.push(`smslint: ${text}`);
    },
    failed: () => failed,
  };
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
  else code = lintFiles(ctx);
  flush();
  return failed ? EXIT_FAILURE : code;
}

function withOverrides(c: ResolvedConfig, o: CliOptions): ResolvedConfig {
  if (o.profile === undefined && o.country === undefined && o.recipients === undefined) return c;
  return {
    ...c,
    profile: o.profile ?? c.profile,
    campaign: { ...c.campaign, country: o.country ?? c.campaign.country, recipients: o.recipients ?? c.campaign.recipients },
  };
}

function lintFiles(ctx: Context): number {
  const { io, options } = ctx;
  const { reports, warnings } = lintPaths(ctx);
  const runReport: RunReport = { files: reports, rules: io.engine.rules, version, cwd: io.cwd };
  let out = '';
  if (options.fixDryRun && (options.format ?? 'stylish') === 'stylish') out += reports.map((r) => r.diff ?? '').join('');
  out += render(runReport, options, io);
  io.stdout.write(out);
  return exitCode(ctx, runReport, warnings);
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

function exitCode(ctx: Context, run: RunReport, warnings: number): number {
  const { options } = ctx;
  if (ctx.failed()) return EXIT_FAILURE;
  if (countFindings(run.files).errors > 0) return EXIT_FINDINGS;
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
  return exitCode(ctx, run, linted.warnings);
}
