// Command line → options, or a usage error naming the flag and what to write instead. No I/O.
import { parseArgs } from 'node:util';
import { closest } from '../../../shared/config';

export type Command = 'lint' | 'cost' | 'budget';

export interface CliOptions {
  readonly command: Command;
  readonly patterns: readonly string[];
  readonly format: string | undefined;
  readonly fix: boolean;
  readonly fixDryRun: boolean;
  readonly stdin: boolean;
  readonly stdinFilename: string | undefined;
  readonly config: string | undefined;
  readonly maxWarnings: number | undefined;
  readonly quiet: boolean;
  /** true: --color, false: --no-color, undefined: decide by the terminal. */
  readonly color: boolean | undefined;
  readonly profile: string | undefined;
  readonly country: string | undefined;
  readonly recipients: number | undefined;
  readonly progress: boolean | undefined;
  readonly help: boolean;
  readonly version: boolean;
  readonly listRules: boolean;
}

export type ParsedArgs = { readonly ok: true; readonly options: CliOptions } | { readonly ok: false; readonly error: string };

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  config: { type: 'string', short: 'c' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  progress: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  profile: { type: 'string' },
  country: { type: 'string' },
  recipients: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  'list-rules': { type: 'boolean' },
} as const;

const FORMATS: Record<Command, readonly string[]> = {
  lint: ['stylish', 'json', 'sarif', 'github'],
  cost: ['table', 'json', 'csv'],
  budget: ['table', 'json'],
};

function count(flag: string, raw: string | undefined): number | undefined | string {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(Number(raw))) return `${flag} takes a whole number of at least 0, got "${raw}".`;
  return Number(raw);
}

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const flag = /'(-{1,2}[^'\s]+)'/.exec(msg)?.[1];
    if (flag && /Unknown option/.test(msg)) {
      const guess = closest(flag.replace(/^-+/, ''), Object.keys(OPTIONS));
      return { ok: false, error: `Unknown option ${flag}.${guess ? ` Did you mean --${guess}?` : ''} See smslint --help.` };
    }
    return { ok: false, error: `${msg.replace(/\.?$/, '.')} See smslint --help.` };
  }
  const v = parsed.values;
  let positionals = parsed.positionals;
  let command: Command = 'lint';
  if (positionals[0] === 'cost' || positionals[0] === 'budget') {
    command = positionals[0];
    positionals = positionals.slice(1);
  }
  const format = v.format;
  if (format !== undefined && !FORMATS[command].includes(format)) {
    const what = command === 'lint' ? '' : `smslint ${command} `;
    return { ok: false, error: `Unknown ${what}--format "${format}"; use one of ${FORMATS[command].join(', ')}.` };
  }
  const maxWarnings = count('--max-warnings', v['max-warnings']);
  if (typeof maxWarnings === 'string') return { ok: false, error: maxWarnings };
  const recipients = count('--recipients', v.recipients);
  if (typeof recipients === 'string') return { ok: false, error: recipients };
  if (v.country !== undefined && !/^[A-Za-z]{2}$/.test(v.country)) {
    return { ok: false, error: `--country takes a two-letter ISO 3166-1 code such as US or GB, got "${v.country}".` };
  }
  if (v.stdin && positionals.length > 0) return { ok: false, error: 'Give either --stdin or paths, not both.' };
  if (v['stdin-filename'] !== undefined && !v.stdin) return { ok: false, error: '--stdin-filename only applies with --stdin.' };
  if (v.fix && v['fix-dry-run']) return { ok: false, error: 'Give either --fix or --fix-dry-run, not both.' };
  if (command !== 'lint' && (v.fix || v['fix-dry-run'] || v.stdin)) {
    return { ok: false, error: `--fix, --fix-dry-run and --stdin apply to linting, not to smslint ${command}.` };
  }
  if (command === 'budget' && positionals.length !== 1 && !v.help) {
    return { ok: false, error: 'smslint budget takes one file: a YAML or JSON forecast (plan, start, cycles, campaigns). See smslint --help.' };
  }
  const color = v['no-color'] ? false : v.color ? true : undefined;
  const progress = v['no-progress'] ? false : v.progress ? true : undefined;
  return {
    ok: true,
    options: {
      command,
      patterns: positionals,
      format,
      fix: v.fix ?? false,
      fixDryRun: v['fix-dry-run'] ?? false,
      stdin: v.stdin ?? false,
      stdinFilename: v['stdin-filename'],
      config: v.config,
      maxWarnings,
      quiet: v.quiet ?? false,
      color,
      profile: v.profile,
      country: v.country?.toUpperCase(),
      recipients,
      progress,
      help: v.help ?? false,
      version: v.version ?? false,
      listRules: v['list-rules'] ?? false,
    },
  };
}
