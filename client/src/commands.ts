// Command ids, one place for the client and the manifest test (every contributed command must be
// registered by activate(), and every registered one contributed).
import { CONFIG_FILE_NAMES as CORE_CONFIG_FILE_NAMES } from '../../shared/config/fileNames';
export const Commands = {
  restartServer: 'smslint.restartServer',
  showOutput: 'smslint.showOutput',
  openConfig: 'smslint.openConfig',
  setRecipients: 'smslint.setRecipients',
  showCostReport: 'smslint.showCostReport',
  showFigures: 'smslint.showFigures',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

/** Config files the client can create or open (package.json's "smslint" key it cannot create); the first is the one "open config" creates. */
export const CONFIG_FILE_NAMES = CORE_CONFIG_FILE_NAMES.filter((n) => n !== 'package.json');

/** The setting "set recipients" writes (a leaf of the generated `smslint.*` settings). */
export const RECIPIENTS_SETTING = 'campaign.recipients';

/** The server's cost report of a workspace folder: Markdown, or null when there is nothing to report. */
export const COST_REPORT_REQUEST = 'smslint/costReport';
