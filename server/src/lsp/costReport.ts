// `smslint/costReport`: the cost table of every SMS body under a workspace folder (or all of them),
// as Markdown. Files are found as the CLI finds them (server/src/files.ts); open documents count
// with their unsaved text. Rows and totals are the shared report's, the same as `smslint cost`.
import { basename } from 'node:path';
import type { ConfigResolution } from '../../../shared/config';
import { costFileOf, costMarkdown, costRows, type CostFileInput } from '../../../shared/report';
import { decode } from '../cli/text';
import { collectFiles, displayPath, isIoError, isOversized, nodeWalkFs, readFileUpTo } from '../files';
import { analyze, type LintFn } from './analysis';
import { pathOfUri } from './paths';

/** The custom request behind the client's "Show Cost Report" (client/src/commands.ts). */
export const COST_REPORT_REQUEST = 'smslint/costReport';

export interface CostReportDeps {
  /** Workspace folder paths. */
  readonly folders: readonly string[];
  /** A folder's config resolver (its settings applied). */
  resolver(folder: string): Promise<(path: string) => ConfigResolution>;
  readonly lint: LintFn;
  /** The editor's text of an open document, else undefined. */
  liveText(path: string): string | undefined;
  isCancelled(): boolean;
}

/**
 * The folder asked for: a URI string, or a WorkspaceFolder ({ uri, name }) as the VS Code client
 * sends it; none (or null) means every workspace folder.
 */
export function requestedFolders(params: unknown, folders: readonly string[]): string[] | undefined {
  const raw = typeof params === 'object' && params !== null ? (params as { workspaceFolder?: unknown }).workspaceFolder : undefined;
  if (raw === undefined || raw === null) return [...folders];
  const uri = typeof raw === 'string' ? raw : typeof raw === 'object' && typeof (raw as { uri?: unknown }).uri === 'string' ? (raw as { uri: string }).uri : undefined;
  const path = uri === undefined ? undefined : pathOfUri(uri);
  return path === undefined ? undefined : [path];
}

const yieldNow = () => new Promise<void>((r) => setImmediate(r));

/** Markdown, or null when there is no SMS body to report. A bad folder param is an error value. */
export async function costReport(params: unknown, deps: CostReportDeps): Promise<{ markdown: string | null } | { error: string }> {
  const chosen = requestedFolders(params, deps.folders);
  if (!chosen) return { error: 'workspaceFolder must be a file: URI (or { uri }) of a folder' };
  const files: CostFileInput[] = [];
  let lastYield = performance.now();
  for (const folder of chosen) {
    const resolution = await deps.resolver(folder);
    const found = collectFiles([folder], { cwd: folder, fs: nodeWalkFs }, resolution);
    // Paths relative to their folder; with several folders, under the folder's name.
    const shown = (path: string) => (chosen.length > 1 ? `${basename(folder)}/` : '') + displayPath(folder, path);
    for (const path of found.files) {
      if (deps.isCancelled()) return { markdown: null };
      const resolved = resolution(path);
      const text = deps.liveText(path) ?? readText(path, resolved.config.files.maxFileSize);
      if (text === undefined) continue;
      const analysis = analyze({ uri: path, version: 0, path, text, resolution: resolved }, deps.lint);
      if (analysis.result.bodies.length > 0) files.push(costFileOf(shown(path), text, analysis.result));
      // A big workspace must not stall diagnostics: let other messages in every 50 ms.
      if (performance.now() - lastYield > 50) {
        await yieldNow();
        lastYield = performance.now();
      }
    }
  }
  const rows = costRows(files);
  if (rows.length === 0) return { markdown: null };
  const title = chosen.length === 1 ? basename(chosen[0]!) : `${chosen.length} workspace folders`;
  return { markdown: costMarkdown(rows, { title }) };
}

/** The file's text, or undefined when it cannot be read or is not text (the lint run reports those). */
function readText(path: string, maxFileSize: number): string | undefined {
  const bytes = readFileUpTo(path, 3 * maxFileSize + 3);
  if (isIoError(bytes) || isOversized(bytes)) return undefined;
  const d = decode(bytes);
  return d.ok ? d.text : undefined;
}
