// Command ids, one place for the client and the manifest test (every contributed command must be
// registered by activate(), and every registered one contributed).
export const Commands = {
  restartServer: 'smslint.restartServer',
  showOutput: 'smslint.showOutput',
  openConfig: 'smslint.openConfig',
  setRecipients: 'smslint.setRecipients',
  showCostReport: 'smslint.showCostReport',
  showFigures: 'smslint.showFigures',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

/**
 * Config file names in the core's precedence order (shared/config/discover.ts, less package.json,
 * whose "smslint" key the client cannot create); the first is the one "open config" creates.
 * Copied rather than imported, to keep the core's parsers out of the client bundle; a test pins them.
 */
export const CONFIG_FILE_NAMES = [
  '.smslintrc.json',
  '.smslintrc.jsonc',
  '.smslintrc.yaml',
  '.smslintrc.yml',
  'smslint.config.json',
] as const;

/** The setting "set recipients" writes (a leaf of the generated `smslint.*` settings). */
export const RECIPIENTS_SETTING = 'campaign.recipients';

/** The server's cost report of a workspace folder: Markdown, or null when there is nothing to report. */
export const COST_REPORT_REQUEST = 'smslint/costReport';
