// The smslint language server: `node dist/server.js --stdio` for any LSP editor; the VS Code
// client starts it over IPC (`--node-ipc`, which createConnection reads from argv).
import { resolve } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createBodyCache, lintDocument } from '../../shared/lint';
import { nodeConfigFs } from './nodeFs';
import { startSession } from './lsp/session';

const connection = createConnection(ProposedFeatures.all);

// A bug must cost one answer, not the server: log it and keep serving.
process.on('uncaughtException', (e) => connection.console.error(`smslint: uncaught: ${e.stack ?? e.message}`));
process.on('unhandledRejection', (e) => connection.console.error(`smslint: unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));

// dist/server.js sits next to docs/ in the package, so the rule docs are one folder up.
// Keystrokes re-lint only the body that changed: the others come from the cache, shifted into place.
const cache = createBodyCache();
startSession(connection, { lint: (input, config) => lintDocument(input, config, { cache }), fs: nodeConfigFs, root: resolve(__dirname, '..') });
connection.listen();
