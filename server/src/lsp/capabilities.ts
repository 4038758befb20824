// What the client can do, read once from `initialize`, and what the server offers in return.
import { CodeActionKind, TextDocumentSyncKind, type ClientCapabilities, type InitializeParams, type ServerCapabilities } from 'vscode-languageserver';
import { FIX_ALL_KIND } from './codeActions';

export interface ClientCaps {
  readonly configuration: boolean;
  readonly workspaceFolders: boolean;
  readonly pullDiagnostics: boolean;
  readonly inlayHints: boolean;
  readonly inlayHintRefresh: boolean;
  readonly diagnosticRefresh: boolean;
  readonly codeActionLiterals: boolean;
  readonly documentChanges: boolean;
  readonly dynamicConfiguration: boolean;
  readonly dynamicWatchedFiles: boolean;
}

export function sniff(c: ClientCapabilities): ClientCaps {
  return {
    configuration: c.workspace?.configuration === true,
    workspaceFolders: c.workspace?.workspaceFolders === true,
    pullDiagnostics: c.textDocument?.diagnostic !== undefined,
    inlayHints: c.textDocument?.inlayHint !== undefined,
    inlayHintRefresh: c.workspace?.inlayHint?.refreshSupport === true,
    diagnosticRefresh: c.workspace?.diagnostics?.refreshSupport === true,
    codeActionLiterals: c.textDocument?.codeAction?.codeActionLiteralSupport !== undefined,
    documentChanges: c.workspace?.workspaceEdit?.documentChanges === true,
    dynamicConfiguration: c.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    dynamicWatchedFiles: c.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
  };
}

/** Command that applies a WorkspaceEdit, for clients that take code actions only as commands. */
export const APPLY_EDIT_COMMAND = 'smslint.server.applyEdit';

/** Editor options from `initializationOptions`. */
export interface InitOptions {
  /** Delay between the last keystroke and the lint (ms). */
  readonly debounceMs: number;
  /** Settings for clients without workspace/configuration (the `smslint` section's content). */
  readonly settings: unknown;
  /** Log each lint's duration (`smslint: linted <uri> v<version> in <ms> ms`), for bench/lsp.mjs. */
  readonly logTimings: boolean;
}

export function initOptions(params: InitializeParams): InitOptions {
  const o = (params.initializationOptions ?? {}) as Record<string, unknown>;
  const d = o.debounceMs;
  return { debounceMs: typeof d === 'number' && d >= 0 && d <= 5000 ? d : 150, settings: o.settings, logTimings: o.logTimings === true };
}

export function serverCapabilities(caps: ClientCaps): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    hoverProvider: true,
    codeActionProvider: caps.codeActionLiterals ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] } : true,
    inlayHintProvider: true,
    ...(caps.pullDiagnostics ? { diagnosticProvider: { identifier: 'smslint', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    ...(caps.codeActionLiterals ? {} : { executeCommandProvider: { commands: [APPLY_EDIT_COMMAND] } }),
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}
