// A minimal LSP client for tests and the bench: spawns the built server (`node dist/server.js
// --stdio`) and speaks JSON-RPC to it with vscode-jsonrpc, keeping a mirror of each open document
// so edits from code actions can be applied and checked. Waits are on events with deadlines.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  ClientCapabilities,
  CodeAction,
  Diagnostic,
  Hover,
  InitializeResult,
  InlayHint,
  Position,
  PublishDiagnosticsParams,
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';

export const SERVER_JS = join(__dirname, '..', 'server.js');

/** Everything a client of VS Code's kind announces that the server looks at. */
export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    workspaceEdit: { documentChanges: true },
    inlayHint: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
    inlayHint: {},
  },
};

export interface StartOptions {
  /** Workspace folders (paths). */
  readonly folders?: readonly string[];
  readonly capabilities?: ClientCapabilities;
  readonly initializationOptions?: unknown;
  /** Answer to workspace/configuration for a scope (the `smslint` section). */
  readonly settings?: (scopeUri: string | undefined) => unknown;
}

export interface ShownMessage {
  readonly type: number;
  readonly message: string;
}

type Waiter = { readonly pred: () => boolean; readonly resolve: () => void };

export class LspClient {
  readonly published = new Map<string, PublishDiagnosticsParams>();
  /** Every publishDiagnostics, in arrival order. */
  readonly publishLog: PublishDiagnosticsParams[] = [];
  readonly messages: ShownMessage[] = [];
  readonly logs: string[] = [];
  readonly registrations: string[] = [];
  /** Counts of refresh requests from the server, by method. */
  readonly refreshes = new Map<string, number>();
  readonly docs = new Map<string, TextDocument>();
  settings: (scopeUri: string | undefined) => unknown;
  private readonly waiters = new Set<Waiter>();
  initializeResult!: InitializeResult;

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: MessageConnection,
    options: StartOptions,
  ) {
    this.settings = options.settings ?? (() => ({}));
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const proc = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new LspClient(proc, conn, options);
    proc.stderr!.on('data', (d: Buffer) => client.logs.push(d.toString()));
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.published.set(p.uri, p);
      client.publishLog.push(p);
      client.wake();
    });
    conn.onNotification('window/showMessage', (m: ShownMessage) => {
      client.messages.push(m);
      client.wake();
    });
    conn.onNotification('window/logMessage', (m: ShownMessage) => {
      client.logs.push(m.message);
      client.wake();
    });
    conn.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) =>
      p.items.map((i) => (i.section === 'smslint' ? client.settings(i.scopeUri) : null)),
    );
    conn.onRequest('client/registerCapability', (p: { registrations: { method: string }[] }) => {
      client.registrations.push(...p.registrations.map((r) => r.method));
      client.wake();
      return null;
    });
    for (const method of ['workspace/inlayHint/refresh', 'workspace/diagnostic/refresh']) {
      conn.onRequest(method, () => {
        client.refreshes.set(method, (client.refreshes.get(method) ?? 0) + 1);
        client.wake();
        return null;
      });
    }
    conn.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
      client.applyWorkspaceEdit(p.edit);
      return { applied: true };
    });
    conn.listen();
    const folders = (options.folders ?? []).map((f) => ({ uri: uriOf(f), name: f.split('/').pop() ?? f }));
    client.initializeResult = await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0]?.uri ?? null,
      workspaceFolders: folders.length > 0 ? folders : null,
      capabilities: options.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: options.initializationOptions ?? { debounceMs: 20 },
    });
    await conn.sendNotification('initialized', {});
    return client;
  }

  /** Resolves when `pred` holds after some message from the server; rejects at the deadline with `what`. */
  waitFor(pred: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
    if (pred()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const w: Waiter = {
        pred,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(w);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}. Server log:\n${this.logs.join('\n')}`));
      }, timeoutMs);
      this.waiters.add(w);
    });
  }

  private wake(): void {
    for (const w of [...this.waiters]) {
      if (w.pred()) {
        this.waiters.delete(w);
        w.resolve();
      }
    }
  }

  /** The diagnostics published for the document's current version (or, for a closed/config file, the latest). */
  async diagnostics(uri: string, pred: (ds: Diagnostic[]) => boolean = () => true, timeoutMs?: number): Promise<Diagnostic[]> {
    const fresh = () => {
      const p = this.published.get(uri);
      const doc = this.docs.get(uri);
      if (!p || (doc && p.version !== undefined && p.version !== doc.version)) return undefined;
      return pred(p.diagnostics) ? p.diagnostics : undefined;
    };
    const last = () => JSON.stringify(this.published.get(uri) ?? null);
    await this.waitFor(() => fresh() !== undefined, `diagnostics of ${uri} (document version ${this.docs.get(uri)?.version})`, timeoutMs).catch((e: Error) => {
      throw new Error(`${e.message}\nLast published: ${last()}`);
    });
    return fresh()!;
  }

  open(path: string, text: string, languageId = languageOf(path)): string {
    const uri = path.includes(':') ? path : uriOf(path);
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.docs.set(uri, doc);
    void this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  /** Incremental change: `edits` are in the current text's positions. */
  change(uri: string, edits: readonly TextEdit[]): void {
    const doc = this.doc(uri);
    const changes = edits.map((e) => ({ range: e.range, text: e.newText }));
    const next = TextDocument.update(doc, changes, doc.version + 1);
    this.docs.set(uri, next);
    void this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: next.version }, contentChanges: changes });
  }

  close(uri: string): void {
    this.docs.delete(uri);
    void this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  doc(uri: string): TextDocument {
    const d = this.docs.get(uri);
    if (!d) throw new Error(`${uri} is not open`);
    return d;
  }

  /** Position of the n-th occurrence (0-based) of `needle` in the open document, plus `delta` characters. */
  positionOf(uri: string, needle: string, n = 0, delta = 0): Position {
    const text = this.doc(uri).getText();
    let i = -1;
    for (let k = 0; k <= n; k++) {
      i = text.indexOf(needle, i + 1);
      if (i < 0) throw new Error(`"${needle}" #${k} is not in ${uri}`);
    }
    return this.doc(uri).positionAt(i + delta);
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return this.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  }

  inlayHints(uri: string): Promise<InlayHint[] | null> {
    const doc = this.doc(uri);
    return this.conn.sendRequest('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) } });
  }

  pull(uri: string): Promise<{ kind: string; items: Diagnostic[] }> {
    return this.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  }

  figures(uri: string, position: Position): Promise<unknown> {
    return this.conn.sendRequest('smslint/figures', { textDocument: { uri }, position });
  }

  /** Applies a code action's edit the way an editor does: as a didChange of the open document. */
  applyWorkspaceEdit(edit: WorkspaceEdit): void {
    const byUri = new Map<string, TextEdit[]>();
    for (const dc of edit.documentChanges ?? []) {
      if (!('textDocument' in dc)) continue;
      const doc = this.doc(dc.textDocument.uri);
      if (dc.textDocument.version !== null && dc.textDocument.version !== doc.version) throw new Error(`edit for version ${dc.textDocument.version}, document is at ${doc.version}`);
      byUri.set(dc.textDocument.uri, dc.edits as TextEdit[]);
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) byUri.set(uri, edits);
    // didChange edits apply one after another, so send them last-first to keep positions valid.
    for (const [uri, edits] of byUri) {
      const doc = this.doc(uri);
      const sorted = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
      this.change(uri, sorted);
    }
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.proc.exitCode !== null) resolve(this.proc.exitCode);
      else this.proc.once('exit', (code) => resolve(code));
    });
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      this.proc.kill();
    }
    const code = await exited;
    this.conn.dispose();
    return code;
  }
}

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

function languageOf(path: string): string {
  if (/\.sms(\.\w+)?$/.test(path)) return 'sms';
  if (/\.tsx$/.test(path)) return 'typescriptreact';
  if (/\.[cm]?ts$/.test(path)) return 'typescript';
  if (/\.[cm]?jsx?$/.test(path)) return 'javascript';
  if (/\.ya?ml$/.test(path)) return 'yaml';
  if (/\.json$/.test(path)) return 'json';
  return 'plaintext';
}
