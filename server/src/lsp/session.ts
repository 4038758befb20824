// The server's state and handlers: open documents, their settings and configs, the latest lint of
// each, and the LSP requests answered from it. Handlers are thin; everything shown comes from the core.
import { basename } from 'node:path';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  TextDocuments,
  type CancellationToken,
  type CodeAction,
  type Command,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceEdit,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigFs } from '../../../shared/config';
import { analyze, type Analysis, type LintFn } from './analysis';
import { APPLY_EDIT_COMMAND, initOptions, serverCapabilities, sniff, type ClientCaps, type InitOptions } from './capabilities';
import { codeActions } from './codeActions';
import { ConfigDiagnostics } from './configDiagnostics';
import { COST_REPORT_REQUEST, costReport } from './costReport';
import { CONFIG_WATCH_GLOBS, ConfigService, isConfigFile } from './configs';
import { DiagnosticReuse, toDiagnostics } from './diagnostics';
import { pathOfUri, placeOf, uriOfPath } from './paths';
import { NO_SETTINGS, SettingsCache, settingsFrom, type Settings } from './settings';
import { figuresAt, hoverAt, inlayHints } from './views';

/** The custom request behind the VS Code status item (client/src/figures.ts). */
export const FIGURES_REQUEST = 'smslint/figures';

export interface SessionOptions {
  readonly lint: LintFn;
  readonly fs: ConfigFs;
  /** Folder holding docs/rules, for the diagnostics' documentation links. */
  readonly root: string;
}

interface Cached {
  readonly analysis: Analysis;
  /** Config generation the analysis was made under. */
  readonly epoch: number;
  readonly settingsKey: string;
}

export function startSession(connection: Connection, options: SessionOptions): void {
  const documents = new TextDocuments(TextDocument);
  const log = connection.console;
  let caps: ClientCaps = sniff({});
  let init: InitOptions = { debounceMs: 150, settings: undefined, logTimings: false };
  let folders: string[] = [];
  let globalSettings: Settings = NO_SETTINGS;
  // Bumped whenever settings or config files change: every cached lint is then stale.
  let epoch = 0;
  const cache = new Map<string, Cached>();
  // The last published diagnostics of the few documents being typed in (least recent first),
  // reused for the findings a keystroke left alone. A big document keeps them from its first
  // publish, so its first keystroke rebuilds only what it changed; the others only once typed in.
  const published = new Map<string, DiagnosticReuse>();
  // Pending publishes by document: a timer while debouncing, an immediate when there is no delay.
  const timers = new Map<string, Pending>();
  const skipNoticeShown = new Set<string>();
  const settingsNoticeShown = new Set<string>();
  // Open documents by the path the core knows them by, so configs being edited are read live.
  const openByPath = new Map<string, string>();

  const settings = new SettingsCache((scopeUri) =>
    caps.configuration ? connection.workspace.getConfiguration({ scopeUri, section: 'smslint' }) : Promise.resolve(undefined),
  );
  const configs = new ConfigService(options.fs, (path) => {
    const uri = openByPath.get(path);
    return uri === undefined ? undefined : documents.get(uri)?.getText();
  });
  // A config file open in the editor gets one list: its own lint plus its config problems.
  const configDiagnostics = new ConfigDiagnostics(
    (file, diagnostics) => {
      const open = openByPath.get(file);
      if (pushMode() && open !== undefined) fireAndLog('publishing diagnostics', publish(open));
      else void connection.sendDiagnostics({ uri: uriOfPath(file), diagnostics });
    },
    (path) => configs.read(path),
  );

  const pushMode = () => !caps.pullDiagnostics;

  // ---- errors: one bad document or handler never takes the server down --------------------

  const describe = (e: unknown) => (e instanceof Error ? (e.stack ?? e.message) : String(e));
  function guard<A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R> | R): (...args: A) => Promise<R> {
    return async (...args) => {
      try {
        return await fn(...args);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        log.error(`smslint: ${name} failed: ${describe(e)}`);
        throw new ResponseError(ErrorCodes.InternalError, `smslint: ${name} failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
  }
  const fireAndLog = (name: string, p: Promise<unknown>) => void p.catch((e) => log.error(`smslint: ${name} failed: ${describe(e)}`));

  // ---- analysis --------------------------------------------------------------------------

  async function settingsFor(doc: TextDocument): Promise<Settings> {
    const s = caps.configuration ? await settings.get(doc.uri) : globalSettings;
    const fresh = s.problems.filter((p) => !settingsNoticeShown.has(p));
    if (fresh.length > 0) {
      fresh.forEach((p) => settingsNoticeShown.add(p));
      void connection.sendNotification('window/showMessage', { type: MessageType.Warning, message: `smslint ignores invalid settings: ${fresh.join('; ')}` });
    }
    return s;
  }

  /** The lint of the document's current version; undefined when it is not ours or it changed meanwhile. */
  async function analysisOf(doc: TextDocument): Promise<Analysis | undefined> {
    const place = placeOf(doc.uri, doc.languageId, folders);
    if (!place) return undefined;
    const hit = cache.get(doc.uri);
    if (hit && hit.analysis.version === doc.version && hit.epoch === epoch) return hit.analysis;
    const atEpoch = epoch;
    const s = await settingsFor(doc);
    const current = documents.get(doc.uri);
    if (!current || current.version !== doc.version) return undefined;
    const again = cache.get(doc.uri);
    if (again && again.analysis.version === doc.version && again.epoch === atEpoch && again.settingsKey === s.key) return again.analysis;
    const resolution = configs.resolve(place.path, s);
    const analysis = analyze({ uri: doc.uri, version: doc.version, path: place.path, text: doc.getText(), resolution }, options.lint);
    if (analysis.failure !== undefined) log.error(`smslint failed on ${doc.uri}: ${analysis.failure}`);
    if (init.logTimings) log.log(`smslint: linted ${doc.uri} v${doc.version} in ${analysis.ms.toFixed(2)} ms`);
    cache.set(doc.uri, { analysis, epoch: atEpoch, settingsKey: s.key });
    configDiagnostics.report(resolution);
    const skipped = analysis.result.skipped;
    if (skipped !== undefined && !skipNoticeShown.has(doc.uri)) {
      skipNoticeShown.add(doc.uri);
      void connection.sendNotification('window/showMessage', { type: MessageType.Info, message: `smslint did not check ${basename(place.path)}: ${skipped}` });
    }
    return analysis;
  }

  async function currentAnalysis(uri: string): Promise<{ doc: TextDocument; analysis: Analysis } | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const analysis = await analysisOf(doc);
    return analysis ? { doc, analysis } : undefined;
  }

  // ---- push diagnostics --------------------------------------------------------------------

  async function publish(uri: string): Promise<void> {
    const doc = documents.get(uri);
    if (!doc) return;
    const t0 = performance.now();
    const cpu0 = init.logTimings ? process.cpuUsage() : undefined;
    const analysis = await analysisOf(doc);
    // A newer version is on its way: its own publish follows, this result is dropped.
    if (!analysis || documents.get(uri)?.version !== analysis.version) return;
    const own = ownDiagnostics(analysis, doc);
    const config = configDiagnostics.of(analysis.path);
    const diagnostics = config.length === 0 ? own : [...own, ...config];
    await connection.sendDiagnostics({ uri, version: analysis.version, diagnostics });
    // Lint, conversion and the write: what the server adds between a change and its diagnostics.
    // The CPU time (all threads) tells the server's own cost apart from waiting on a busy machine.
    if (cpu0) {
      const cpu = process.cpuUsage(cpu0);
      log.log(`smslint: published ${uri} v${analysis.version} in ${(performance.now() - t0).toFixed(2)} ms (cpu ${((cpu.user + cpu.system) / 1000).toFixed(2)} ms)`);
    }
  }

  /** A document's diagnostics, its last ones reused where the edit left them alone: for a publish
   * and for a pull alike (VS Code pulls, so its keystrokes take that path). */
  function ownDiagnostics(analysis: Analysis, doc: TextDocument): Diagnostic[] {
    return toDiagnostics(analysis, doc, options.root, reuseFor(doc.uri, doc.getText().length >= REUSE_FROM_OPEN));
  }

  function reuseFor(uri: string, big: boolean): DiagnosticReuse | undefined {
    const reuse = published.get(uri) ?? (big || typed.has(uri) ? new DiagnosticReuse() : undefined);
    if (reuse === undefined) return undefined;
    published.delete(uri);
    published.set(uri, reuse);
    if (published.size > REUSE_KEPT) published.delete(published.keys().next().value!);
    return reuse;
  }

  function schedule(uri: string, delay: number): void {
    cancel(timers.get(uri));
    const run = () => {
      timers.delete(uri);
      fireAndLog('publishing diagnostics', publish(uri));
    };
    // setTimeout waits at least 1 ms: no debounce means the next turn of the event loop.
    timers.set(uri, delay > 0 ? { timeout: setTimeout(run, delay) } : { immediate: setImmediate(run) });
  }

  // ---- config or settings changed: relint everything -----------------------------------------

  let refreshTimer: NodeJS.Timeout | undefined;
  function configChanged(delay = 0): void {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => fireAndLog('re-checking after a config change', relintAll()), delay);
  }

  async function relintAll(): Promise<void> {
    configs.clear();
    epoch++;
    configDiagnostics.beginPass();
    const docs = documents.all();
    await Promise.all(docs.map((d) => analysisOf(d)));
    configDiagnostics.endPass();
    if (pushMode()) await Promise.all(docs.map((d) => publish(d.uri)));
    else if (caps.diagnosticRefresh) await connection.languages.diagnostics.refresh();
    if (caps.inlayHintRefresh) await connection.languages.inlayHint.refresh();
  }

  // ---- lifecycle -----------------------------------------------------------------------------

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    caps = sniff(params.capabilities);
    init = initOptions(params);
    globalSettings = settingsFrom(init.settings);
    folders = folderPaths(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []));
    configs.setFolders(folders);
    if (init.logTimings) {
      // Since the process started (node's own start-up included), and the CPU that took.
      const cpu = process.cpuUsage();
      log.log(`smslint: initialize answered at ${performance.now().toFixed(2)} ms (cpu ${((cpu.user + cpu.system) / 1000).toFixed(2)} ms)`);
    }
    return { capabilities: serverCapabilities(caps), serverInfo: { name: 'smslint' } };
  });

  connection.onInitialized(() => {
    if (caps.dynamicConfiguration) fireAndLog('registering for settings', connection.client.register(DidChangeConfigurationNotification.type, { section: 'smslint' }));
    if (caps.dynamicWatchedFiles) {
      fireAndLog(
        'registering the config file watcher',
        connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: CONFIG_WATCH_GLOBS.map((globPattern) => ({ globPattern })) }),
      );
    }
    if (caps.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(folderPaths(e.removed));
        folders = [...folders.filter((f) => !removed.has(f)), ...folderPaths(e.added)];
        configs.setFolders(folders);
        configChanged();
      });
    }
  });

  connection.onDidChangeConfiguration((params) => {
    settings.clear();
    const section = (params.settings as { smslint?: unknown } | undefined)?.smslint;
    if (!caps.configuration && section !== undefined) globalSettings = settingsFrom(section);
    configChanged();
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((c) => isConfigFile(pathOfUri(c.uri) ?? ''))) configChanged();
  });

  // ---- documents -----------------------------------------------------------------------------

  documents.onDidOpen((e) => {
    const place = placeOf(e.document.uri, e.document.languageId, folders);
    if (place) openByPath.set(place.path, e.document.uri);
  });

  // Documents whose opening has been seen: later content events are typing; and those typed in.
  const typing = new Set<string>();
  const typed = new Set<string>();
  documents.onDidChangeContent((e) => {
    const { uri } = e.document;
    const opening = !typing.has(uri);
    typing.add(uri);
    if (!opening) typed.add(uri);
    const path = placeOf(uri, e.document.languageId, folders)?.path;
    // A config being edited applies as typed (its buffer is what discovery reads).
    if (!opening && path !== undefined && isConfigFile(path)) configChanged(init.debounceMs);
    if (!pushMode()) return;
    // Opening is linted at once; typing waits for a pause.
    schedule(uri, opening ? 0 : init.debounceMs);
  });

  documents.onDidClose((e) => {
    const { uri } = e.document;
    cancel(timers.get(uri));
    timers.delete(uri);
    cache.delete(uri);
    published.delete(uri);
    typing.delete(uri);
    typed.delete(uri);
    skipNoticeShown.delete(uri);
    settings.forget(uri);
    for (const [p, u] of openByPath) if (u === uri) openByPath.delete(p);
    const path = pathOfUri(uri);
    if (path !== undefined && isConfigFile(path)) configChanged();
    if (pushMode()) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  // ---- requests ------------------------------------------------------------------------------

  connection.languages.diagnostics.on(
    guard('diagnostics', async (params, token: CancellationToken) => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return { kind: 'full' as const, items: [] as Diagnostic[] };
      const analysis = await analysisOf(doc);
      if (token.isCancellationRequested || (!analysis && documents.get(doc.uri)?.version !== doc.version)) {
        throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed', { retriggerRequest: true });
      }
      return { kind: 'full' as const, items: analysis ? ownDiagnostics(analysis, doc) : [] };
    }),
  );

  connection.onHover(
    guard('hover', async (params, token: CancellationToken) => {
      const cur = await currentAnalysis(params.textDocument.uri);
      if (!cur || token.isCancellationRequested) return null;
      return hoverAt(cur.doc, cur.analysis.result, cur.doc.offsetAt(params.position));
    }),
  );

  connection.onCodeAction(
    guard('code actions', async (params): Promise<(CodeAction | Command)[]> => {
      const cur = await currentAnalysis(params.textDocument.uri);
      if (!cur) return [];
      const actions = codeActions(params, cur.doc, cur.analysis, { documentChanges: caps.documentChanges });
      if (caps.codeActionLiterals) return actions;
      return actions.flatMap((a) => (a.edit ? [{ title: a.title, command: APPLY_EDIT_COMMAND, arguments: [a.edit] }] : []));
    }),
  );

  connection.onExecuteCommand(
    guard('command', async (params) => {
      if (params.command !== APPLY_EDIT_COMMAND || !params.arguments?.[0]) return null;
      await connection.workspace.applyEdit(params.arguments[0] as WorkspaceEdit);
      return null;
    }),
  );

  connection.languages.inlayHint.on(
    guard('inlay hints', async (params, token: CancellationToken) => {
      const cur = await currentAnalysis(params.textDocument.uri);
      if (!cur || token.isCancellationRequested) return null;
      return inlayHints(cur.doc, cur.analysis.result, params.range);
    }),
  );

  connection.onRequest(
    FIGURES_REQUEST,
    guard('figures', async (params: { textDocument: { uri: string }; position: { line: number; character: number } }) => {
      const cur = await currentAnalysis(params.textDocument.uri);
      if (!cur) return null;
      return figuresAt(cur.analysis.result, cur.doc.offsetAt(params.position));
    }),
  );

  connection.onRequest(
    COST_REPORT_REQUEST,
    guard('cost report', async (params: unknown, token: CancellationToken) => {
      const r = await costReport(params, {
        folders,
        resolver: async (folder) => {
          const s = caps.configuration ? await settings.get(uriOfPath(folder)) : globalSettings;
          return (path) => configs.resolve(path, s);
        },
        lint: options.lint,
        liveText: (path) => documents.get(openByPath.get(path) ?? '')?.getText(),
        isCancelled: () => token.isCancellationRequested,
      });
      if ('error' in r) throw new ResponseError(ErrorCodes.InvalidParams, r.error);
      return r.markdown;
    }),
  );

  documents.listen(connection);
}

// Documents whose last diagnostics are kept: the few being typed in, or just opened if big.
const REUSE_KEPT = 16;
// From this size on (UTF-16 units) rebuilding every diagnostic on the first keystroke would cost
// milliseconds; a smaller document's few are rebuilt in microseconds, and keeping them costs memory.
const REUSE_FROM_OPEN = 32 * 1024;

type Pending = { readonly timeout: NodeJS.Timeout } | { readonly immediate: NodeJS.Immediate };

function cancel(p: Pending | undefined): void {
  if (p === undefined) return;
  if ('timeout' in p) clearTimeout(p.timeout);
  else clearImmediate(p.immediate);
}

function folderPaths(folders: readonly WorkspaceFolder[]): string[] {
  return folders.flatMap((f) => {
    const p = pathOfUri(f.uri);
    return p === undefined ? [] : [p];
  });
}
