// The language server under abuse: random edits, broken JSON-RPC, unknown methods, bad settings,
// a file deleted while open, 1,000 documents at once, a kill and a restart. It must answer
// errors where due and keep serving.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { LspClient, SERVER_JS } from './helpers/lspClient';
import { testSeed } from './helpers/random';
import { nastyPiece, nastyText } from './fuzz/generators';

const seed = testSeed();
const scale = Number(process.env.SMSLINT_FUZZ_SCALE ?? 1) || 1;

function frame(body: string | Buffer): Buffer {
  const b = typeof body === 'string' ? Buffer.from(body) : body;
  return Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`), b]);
}

/** Writes raw bytes to a fresh server's stdin, then a valid initialize; resolves with what came back. */
function rawSession(bytes: Buffer, waitMs = 900): Promise<{ out: string; exited: boolean; code: number | null }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    let exited = false;
    let code: number | null = null;
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('exit', (c) => {
      exited = true;
      code = c;
    });
    p.stdin.on('error', () => undefined);
    p.stdin.write(bytes);
    setTimeout(() => p.stdin.write(frame(JSON.stringify({ jsonrpc: '2.0', id: 99, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }))), 200);
    setTimeout(() => {
      p.kill('SIGKILL');
      resolve({ out, exited, code });
    }, waitMs);
  });
}

describe(`reliability: language server (seed ${seed})`, function () {
  this.timeout(120_000);
  let dir: string;
  let client: LspClient;

  before(async function () {
    try {
      require('node:fs').accessSync(SERVER_JS);
    } catch {
      return this.skip(); // the server is not built (npm test builds it first)
    }
    dir = mkdtempSync(join(tmpdir(), 'smslint-lsp-rel-'));
    mkdirSync(join(dir, '.git'));
    client = await LspClient.start({ folders: [dir] });
  });
  after(async () => {
    if (client) await client.shutdown().catch(() => undefined);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** The server still lints and answers hovers. */
  async function stillServing(c: LspClient, name: string): Promise<void> {
    const uri = c.open(join(dir, `${name}.sms`), 'Hi “there”');
    const ds = await c.diagnostics(uri, (d) => d.length > 0, 10_000);
    assert.ok(ds.some((d) => d.code === 'non-gsm-char'), JSON.stringify(ds));
    await c.hover(uri, { line: 0, character: 3 });
    c.close(uri);
  }

  it('random edit sequences on open documents: diagnostics stay inside the text, hovers answer', async () => {
    const edit = fc.record({ at: fc.nat(), len: fc.nat({ max: 6 }), text: fc.oneof(nastyPiece, fc.constant('')) });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('a.sms', 'b.sms.hbs', 'locales/en.json', 'src/c.ts'), nastyText, fc.array(edit, { minLength: 1, maxLength: 25 }), async (name, start, edits) => {
        const path = join(dir, `edit${n++}-${name.replace(/\//g, '_')}`);
        const uri = client.open(name.includes('/') ? join(dir, `${n}`, name) : path, start);
        for (const e of edits) {
          const doc = client.doc(uri);
          const len = doc.getText().length;
          const from = e.at % (len + 1);
          const to = Math.min(len, from + e.len);
          client.change(uri, [{ range: { start: doc.positionAt(from), end: doc.positionAt(to) }, newText: e.text }]);
        }
        const ds = await client.diagnostics(uri, () => true, 10_000);
        const doc = client.doc(uri);
        const lines = doc.getText().split(/\r\n|\r|\n/);
        for (const d of ds) {
          for (const p of [d.range.start, d.range.end]) {
            assert.ok(p.line < lines.length && p.character <= lines[p.line]!.length, `diagnostic ${d.code} at ${JSON.stringify(d.range)} outside the text`);
          }
        }
        await client.hover(uri, doc.positionAt(Math.floor(doc.getText().length / 2)));
        client.close(uri);
      }),
      { seed, numRuns: 8 * scale },
    );
    await stillServing(client, 'after-edits');
  });

  it('an unknown request gets MethodNotFound (-32601), and the server keeps serving', async () => {
    await assert.rejects(client.conn.sendRequest('smslint/noSuchMethod', {}), (e: { code?: number }) => e.code === -32601);
    await client.notify('smslint/noSuchNotification', { x: 1 });
    await stillServing(client, 'after-unknown');
  });

  it('requests with bad params (wrong types, unknown documents) get an answer, not a crash', async () => {
    const bad = [
      client.conn.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///nowhere/x.sms' }, position: { line: 0, character: 0 } }),
      client.conn.sendRequest('textDocument/hover', { textDocument: { uri: 42 }, position: null }),
      client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: 'file:///nowhere/x.sms' }, range: null, context: null }),
      client.conn.sendRequest('textDocument/inlayHint', {}),
      client.conn.sendRequest('smslint/figures', null),
    ];
    await Promise.allSettled(bad);
    await client.notify('textDocument/didChange', { textDocument: { uri: 'file:///nowhere/x.sms', version: 3 }, contentChanges: [{ text: 'x' }] });
    await client.notify('textDocument/didOpen', { textDocument: null });
    await stillServing(client, 'after-bad-params');
  });

  it('bad settings values: the server says so and keeps linting with the rest', async () => {
    client.settings = () => ({ profile: 42, campaign: { recipients: 'lots', country: 7 }, rules: 'all', limits: { maxSegments: -3 }, variables: [1, 2], allowUnicode: { x: 1 } });
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await stillServing(client, 'bad-settings');
    const said = (): boolean => [...client.messages.map((m) => m.message), ...client.logs].some((m) => /smslint\.(profile|campaign|rules|limits)/.test(m));
    await client.waitFor(said, 'a message naming the bad setting');
    client.settings = () => ({});
    await client.notify('workspace/didChangeConfiguration', { settings: null });
  });

  it('a document deleted from disk while open keeps its diagnostics and takes edits', async () => {
    const f = join(dir, 'deleted.sms');
    writeFileSync(f, 'Hi “there”');
    const uri = client.open(f, 'Hi “there”');
    await client.diagnostics(uri, (d) => d.length > 0);
    rmSync(f);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
    client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '… ' }]);
    const ds = await client.diagnostics(uri, (d) => d.length >= 2);
    assert.ok(ds.length >= 2);
    client.close(uri);
  });

  it('1,000 documents opened at once are all linted, and the server still answers', async () => {
    const uris: string[] = [];
    for (let i = 0; i < 1000; i++) uris.push(client.open(join(dir, 'many', `m${i}.sms`), `Message ${i} with a “quote”`));
    await client.waitFor(() => uris.every((u) => (client.published.get(u)?.diagnostics.length ?? 0) > 0), 'diagnostics of 1,000 documents', 60_000);
    const h = await client.hover(uris[999]!, { line: 0, character: 20 });
    assert.ok(h !== undefined);
    for (const u of uris) client.close(u);
  });

  it('killed with SIGKILL, a new server starts and works', async () => {
    const doomed = await LspClient.start({ folders: [dir] });
    doomed.proc.kill('SIGKILL');
    await new Promise((r) => (doomed.proc.exitCode !== null || doomed.proc.signalCode !== null ? r(null) : doomed.proc.once('exit', r)));
    const fresh = await LspClient.start({ folders: [dir] });
    try {
      await stillServing(fresh, 'restarted');
    } finally {
      await fresh.shutdown().catch(() => undefined);
    }
  });

  describe('malformed JSON-RPC on stdin', () => {
    it('a body that is not JSON is dropped; the next message is answered', async () => {
      const { out } = await rawSession(frame('{bad json'));
      assert.match(out, /"id":99,"result":\{"capabilities"/);
    });

    it('bytes with no header at all are skipped; the next message is answered', async () => {
      const { out } = await rawSession(Buffer.from([0, 1, 2, 0xff, 0xfe, 13, 10, 13, 10]));
      assert.match(out, /"id":99,"result":\{"capabilities"/);
    });

    it('an initialize with params of the wrong type gets an error response, and the server keeps serving', async () => {
      const { out } = await rawSession(frame(JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'initialize', params: 5 })));
      assert.match(out, /"id":7,"error":\{"code":-32\d\d\d/);
      assert.match(out, /"id":99,"result":\{"capabilities"/);
    });

    it('a Content-Length that is not a number: the server exits (code 1) so the client restarts it', async () => {
      const { exited, code } = await rawSession(Buffer.from('Content-Length: abc\r\n\r\n{}'));
      assert.ok(exited, 'the server neither answered nor exited');
      assert.equal(code, 1);
    });

    it('a header without Content-Length: the server exits (code 1)', async () => {
      const { exited, code } = await rawSession(Buffer.from('Content-Type: application/json\r\n\r\n{}'));
      assert.ok(exited);
      assert.equal(code, 1);
    });
  });
});
