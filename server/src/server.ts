// The smslint language server: `node dist/server.js --stdio` for any LSP editor; the VS Code
// client starts it over IPC (`--node-ipc`, which createConnection reads from argv).
import { resolve } from 'node:path';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { createBodyCache, lintDocument } from '../../shared/lint';
import { nodeConfigFs } from './nodeFs';
import { contentTypeEncoder } from './lsp/jsonEncoder';
import { startSession } from './lsp/session';

// Reader errors after which the byte stream cannot be re-synchronised: the body's length is unknown.
const LOST_FRAMING = /Content-Length/;

/**
 * Over stdio the reader is ours, so a header the reader cannot frame ends the server (exit 1, and
 * the client restarts it) instead of leaving it alive and deaf to every later message.
 */
function stdioConnection(): Connection {
  const reader = new StreamMessageReader(process.stdin);
  // A keystroke's publish reuses the JSON of the diagnostics it did not change.
  const writer = new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder });
  let shutdown = false;
  reader.onError((e) => {
    if (!LOST_FRAMING.test(e.message)) return; // a body that is not JSON is dropped; the next message is read
    process.stderr.write(`smslint: unreadable message header (${e.message.split('\n')[0]}); exiting so the client restarts the server.\n`);
    process.exit(1);
  });
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  connection.onShutdown(() => {
    shutdown = true;
  });
  // What createConnection does for --stdio itself: end with the client, and keep stdout for the protocol.
  const end = () => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', end);
  process.stdin.on('close', end);
  const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' ');
  console.log = (...a: unknown[]) => connection.console.log(text(a));
  console.info = (...a: unknown[]) => connection.console.info(text(a));
  console.warn = (...a: unknown[]) => connection.console.warn(text(a));
  console.error = (...a: unknown[]) => connection.console.error(text(a));
  return connection;
}

const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);

// A bug must cost one answer, not the server: log it and keep serving.
process.on('uncaughtException', (e) => connection.console.error(`smslint: uncaught: ${e.stack ?? e.message}`));
process.on('unhandledRejection', (e) => connection.console.error(`smslint: unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));

// dist/server.js sits next to docs/ in the package, so the rule docs are one folder up.
// Keystrokes re-lint only the body that changed: the others come from the cache, shifted into place.
const cache = createBodyCache();
startSession(connection, { lint: (input, config) => lintDocument(input, config, { cache }), fs: nodeConfigFs, root: resolve(__dirname, '..') });
connection.listen();
