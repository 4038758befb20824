// The language server as an editor sees it: the real built server (dist/server.js) spawned over
// stdio, spoken to in JSON-RPC. Every wait is on a message with a deadline, never a sleep.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver-protocol';
import { FULL_CAPABILITIES, LspClient, uriOf } from './helpers/lspClient';

const CURLY = '’';
// The emoji before ’ takes two UTF-16 units: ranges must count them as LSP does.
const GREETING = `Hi 😀 it${CURLY}s {{name}}, see you!\n`;

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'smslint-lsp-'));
  for (const [rel, text] of Object.entries(files)) write(root, rel, text);
  return root;
}

function write(root: string, rel: string, text: string): string {
  const p = join(root, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
  return p;
}

const byRule = (ds: readonly Diagnostic[], rule: string) => ds.filter((d) => d.code === rule);
// Diagnostic messages may be markup in LSP 3.18; ours are plain strings.
const text = (m: string | MarkupContent): string => (typeof m === 'string' ? m : m.value);
const md = (h: { contents: unknown } | null | undefined): string => (h?.contents as MarkupContent | undefined)?.value ?? '';

describe('language server (stdio, real server)', function () {
  this.timeout(20_000);

  describe('one folder', () => {
    let root: string;
    let client: LspClient;
    before(async () => {
      root = workspace({ '.git/HEAD': 'ref: refs/heads/main\n' });
      client = await LspClient.start({ folders: [root] });
    });
    after(async () => {
      const code = await client.shutdown();
      assert.equal(code, 0, 'shutdown then exit ends the server with code 0');
      rmSync(root, { recursive: true, force: true });
    });

    it('announces incremental sync and its features, and registers for settings and config files', async () => {
      const caps = client.initializeResult.capabilities;
      assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
      assert.equal(caps.hoverProvider, true);
      assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.smslint']);
      assert.ok(caps.inlayHintProvider);
      assert.equal(caps.diagnosticProvider, undefined, 'no pull diagnostics for a client that cannot pull');
      await client.waitFor(() => client.registrations.includes('workspace/didChangeWatchedFiles'), 'watcher registration');
      assert.ok(client.registrations.includes('workspace/didChangeConfiguration'));
    });

    it('publishes on open, with exact UTF-16 ranges after an emoji, char and U+code in the message, and a docs link', async () => {
      const uri = client.open(join(root, 'greet.sms'), GREETING);
      const ds = await client.diagnostics(uri, (d) => byRule(d, 'non-gsm-char').length === 2);
      const [emoji, quote] = byRule(ds, 'non-gsm-char');
      assert.deepEqual(emoji!.range, { start: { line: 0, character: 3 }, end: { line: 0, character: 5 } });
      assert.deepEqual(quote!.range, { start: { line: 0, character: 8 }, end: { line: 0, character: 9 } });
      assert.match(text(quote!.message), /^’ \(U\+2019 RIGHT SINGLE QUOTATION MARK\) .*UCS-2.* Replace with "'"\.$/);
      assert.equal(quote!.source, 'smslint');
      assert.equal(quote!.severity, 2);
      assert.match(quote!.codeDescription!.href, /^file:\/\/.*\/docs\/rules\/non-gsm-char\.md$/);
      assert.equal(quote!.code, 'non-gsm-char');
      // The fix rides in data (its edit replaces the diagnostic's own range, so it names none); the emoji has no fix, so no data.
      assert.deepEqual(quote!.data, { fixes: [{ title: "Replace ’ with '", edits: [{ newText: "'" }] }] });
      assert.equal(emoji!.data, undefined);
    });

    it('re-publishes as the user types (incremental changes), never going back to an older version', async () => {
      const uri = client.open(join(root, 'typing.sms'), 'Your code is 1234\n');
      assert.deepEqual(await client.diagnostics(uri), []);
      // Five keystrokes in a row, the third pastes a zero-width space.
      const typed = [' ', 'o', '\u200b', 'k', '!'];
      for (const ch of typed) {
        const end = client.doc(uri).positionAt(client.doc(uri).getText().length - 1);
        client.change(uri, [{ range: { start: end, end }, newText: ch }]);
      }
      const ds = await client.diagnostics(uri, (d) => d.length > 0);
      const zw = byRule(ds, 'invisible-char');
      assert.equal(zw.length, 1);
      assert.match(text(zw[0]!.message), /U\+200B ZERO WIDTH SPACE/);
      assert.deepEqual(zw[0]!.range, { start: { line: 0, character: 19 }, end: { line: 0, character: 20 } });
      const versions = client.publishLog.filter((p) => p.uri === uri).map((p) => p.version!);
      assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'publishes arrive in version order');
      assert.equal(versions.at(-1), client.doc(uri).version);
    });

    it('hovers: an offending character says what it is and its replacement; the body shows its figures', async () => {
      const uri = client.open(join(root, 'hover.sms'), GREETING);
      await client.diagnostics(uri);
      const onQuote = await client.hover(uri, client.positionOf(uri, CURLY));
      assert.match(md(onQuote), /U\+2019 RIGHT SINGLE QUOTATION MARK/);
      assert.match(md(onQuote), /GSM-7 equivalent: `'`/);
      assert.deepEqual(onQuote!.range, { start: { line: 0, character: 8 }, end: { line: 0, character: 9 } });
      const onBody = await client.hover(uri, client.positionOf(uri, 'see'));
      assert.match(md(onBody), /selected by file matches \*\.sms/);
      assert.match(md(onBody), /\| encoding \| UCS-2 \|/);
      assert.match(md(onBody), /\| segments \| 1 \|/);
      assert.deepEqual(onBody!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 29 } }, 'the whole body, less the final newline');
    });

    it('quick fix: the preferred replacement, applied, makes the diagnostic go away', async () => {
      const uri = client.open(join(root, 'fix.sms'), GREETING);
      const ds = await client.diagnostics(uri, (d) => byRule(d, 'non-gsm-char').length === 2);
      const quote = byRule(ds, 'non-gsm-char')[1]!;
      const actions = await client.codeActions(uri, quote.range, [quote]);
      const preferred = actions.filter((a) => a.isPreferred);
      assert.equal(preferred.length, 1);
      assert.equal(preferred[0]!.title, "Replace ’ with '");
      client.applyWorkspaceEdit(preferred[0]!.edit!);
      assert.equal(client.doc(uri).getText(), "Hi 😀 it's {{name}}, see you!\n");
      const after = await client.diagnostics(uri);
      assert.deepEqual(byRule(after, 'non-gsm-char').map((d) => d.range.start.character), [3], 'only the emoji (no GSM equivalent) is left');
    });

    it('fix all of a rule, and source.fixAll.smslint, replace every fixable character in one edit', async () => {
      const text = `It${CURLY}s here.\nWe${CURLY}re late\u200b.\nDon${CURLY}t reply.\n`;
      const uri = client.open(join(root, 'many.sms'), text);
      const ds = await client.diagnostics(uri, (d) => byRule(d, 'non-gsm-char').length === 3);
      const first = byRule(ds, 'non-gsm-char')[0]!;
      const actions = await client.codeActions(uri, first.range, [first]);
      const ofRule = actions.find((a) => a.title === 'Fix all non-gsm-char problems in this file');
      assert.ok(ofRule, `actions: ${actions.map((a) => a.title).join(' | ')}`);
      const source = await client.codeActions(uri, first.range, [], ['source.fixAll']);
      assert.deepEqual(source.map((a) => a.kind), ['source.fixAll.smslint']);
      client.applyWorkspaceEdit(ofRule.edit!);
      assert.equal(client.doc(uri).getText(), "It's here.\nWe're late\u200b.\nDon't reply.\n");
      const mid = await client.diagnostics(uri);
      assert.deepEqual(mid.map((d) => d.code), ['invisible-char'], 'the rule-wide fix leaves other rules alone');
      const all = await client.codeActions(uri, mid[0]!.range, [], ['source.fixAll']);
      client.applyWorkspaceEdit(all[0]!.edit!);
      assert.equal(client.doc(uri).getText(), "It's here.\nWe're late.\nDon't reply.\n");
      assert.deepEqual(await client.diagnostics(uri), []);
    });

    for (const c of [
      { name: 'a TypeScript call', file: 'send.ts', text: `function f() {\n  sendSms("It${CURLY}s done");\n}\n`, comment: `  // smslint-disable-next-line non-gsm-char\n` },
      { name: 'a YAML locale file', file: 'locales/en.yml', text: `en:\n  sms:\n    done: "It${CURLY}s done"\n`, comment: `    # smslint-disable-next-line non-gsm-char\n` },
      { name: 'a Handlebars template', file: 'done.sms.hbs', text: `Hi {{name}},\nit${CURLY}s done.\n`, comment: `{{! smslint-disable-next-line non-gsm-char }}\n` },
      { name: 'a Liquid template', file: 'done.sms.liquid', text: `Hi {{ name }},\nit${CURLY}s done.\n`, comment: `{% # smslint-disable-next-line non-gsm-char -%}\n` },
    ]) {
      it(`disable for this line in ${c.name}: a directive comment the core reads, and the body is unchanged`, async () => {
        const uri = client.open(join(root, c.file), c.text);
        const ds = byRule(await client.diagnostics(uri, (d) => byRule(d, 'non-gsm-char').length === 1), 'non-gsm-char');
        const before = await client.figures(uri, client.positionOf(uri, 'done'));
        const hoverBefore = md(await client.hover(uri, client.positionOf(uri, 'done')));
        const actions = await client.codeActions(uri, ds[0]!.range, ds);
        const disable = actions.find((a) => a.title === 'Disable non-gsm-char for this line');
        assert.ok(disable, `actions: ${actions.map((a) => a.title).join(' | ')}`);
        client.applyWorkspaceEdit(disable.edit!);
        const line = ds[0]!.range.start.line;
        assert.equal(client.doc(uri).getText().split('\n')[line] + '\n', c.comment);
        assert.deepEqual(byRule(await client.diagnostics(uri), 'non-gsm-char'), []);
        // Same figures and characters: the comment is not SMS text.
        assert.deepEqual(await client.figures(uri, client.positionOf(uri, 'done')), before);
        const chars = (h: string) => /\| characters \| ([^|]+) \|/.exec(h)?.[1];
        assert.equal(chars(md(await client.hover(uri, client.positionOf(uri, 'done')))), chars(hoverBefore));
      });
    }

    it('disable in a plain .sms template goes to the front matter, for the file', async () => {
      const uri = client.open(join(root, 'plain.sms'), `It${CURLY}s done.\n`);
      const ds = byRule(await client.diagnostics(uri, (d) => d.length > 0), 'non-gsm-char');
      const actions = await client.codeActions(uri, ds[0]!.range, ds);
      const disable = actions.find((a) => a.title === 'Disable non-gsm-char for this file');
      assert.ok(disable, `actions: ${actions.map((a) => a.title).join(' | ')}`);
      client.applyWorkspaceEdit(disable.edit!);
      assert.equal(client.doc(uri).getText(), `---\n# smslint-disable-file non-gsm-char\n---\nIt${CURLY}s done.\n`);
      assert.deepEqual(byRule(await client.diagnostics(uri), 'non-gsm-char'), []);
      assert.deepEqual(await client.figures(uri, client.positionOf(uri, 'done')), {
        encoding: 'UCS-2',
        segments: { best: 1, worst: 1 },
        costText: '$0.01',
        selectedBy: 'file matches *.sms',
        inlayHint: '1 seg · UCS-2 · $0.01',
      });
    });

    it('inlay hints at the end of each body, and smslint/figures for the body under the cursor', async () => {
      const text = `import x from 'y';\nsendSms("Hello it${CURLY}s me");\nsendSms("Plain text");\n`;
      const uri = client.open(join(root, 'hints.ts'), text);
      await client.diagnostics(uri);
      const hints = (await client.inlayHints(uri))!;
      assert.deepEqual(
        hints.map((h) => [h.position, h.label]),
        [
          [{ line: 1, character: 23 }, '1 seg · UCS-2 · $0.01'],
          [{ line: 2, character: 20 }, '1 seg · GSM-7 · $0.01'],
        ],
      );
      assert.deepEqual(await client.figures(uri, client.positionOf(uri, 'Hello')), {
        encoding: 'UCS-2',
        segments: { best: 1, worst: 1 },
        costText: '$0.01',
        selectedBy: 'argument 0 of sendSms()',
        inlayHint: '1 seg · UCS-2 · $0.01',
      });
      assert.equal(await client.figures(uri, { line: 0, character: 3 }), null, 'no body under the cursor');
      assert.equal(await client.hover(uri, { line: 0, character: 3 }), null);
    });

    it('an untitled sms document is checked as a template', async () => {
      const uri = client.open('untitled:Untitled-1', `It${CURLY}s done.`, 'sms');
      const ds = await client.diagnostics(uri, (d) => d.length > 0);
      assert.deepEqual(ds.map((d) => [d.code, d.range.start.character]), [['non-gsm-char', 2]]);
      assert.equal((await client.inlayHints(uri))![0]!.label, '1 seg · UCS-2 · $0.01');
    });

    it('a file over the size cap is skipped with one notice, and no diagnostics', async () => {
      write(root, 'big/.smslintrc.json', JSON.stringify({ files: { maxFileSize: 1000 } }));
      const uri = client.open(join(root, 'big', 'huge.sms'), `It${CURLY}s `.repeat(400));
      assert.deepEqual(await client.diagnostics(uri), []);
      await client.waitFor(() => client.messages.some((m) => m.message.includes('huge.sms')), 'the skip notice');
      const end = client.doc(uri).positionAt(client.doc(uri).getText().length);
      client.change(uri, [{ range: { start: end, end }, newText: 'more' }]);
      assert.deepEqual(await client.diagnostics(uri), []);
      const notices = client.messages.filter((m) => m.message.includes('huge.sms'));
      assert.equal(notices.length, 1);
      assert.match(text(notices[0]!.message), /smslint did not check huge\.sms: Skipped: the file has 2000 characters, over the limit of 1000 \(maxFileSize\)/);
    });

    it('a crashing request is answered with an error, and the server keeps serving', async () => {
      const uri = client.open(join(root, 'alive.sms'), GREETING);
      await client.diagnostics(uri);
      // A code action request without its context makes the handler throw.
      await assert.rejects(client.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }), /smslint: code actions failed/);
      assert.match(md(await client.hover(uri, client.positionOf(uri, CURLY))), /U\+2019/);
    });
  });

  describe('settings and config files', () => {
    let root: string;
    let client: LspClient;
    let settings: Record<string, unknown> = {};
    beforeEach(async () => {
      root = workspace({ '.git/HEAD': 'x' });
      settings = {};
      client = await LspClient.start({ folders: [root], settings: () => settings });
    });
    afterEach(async () => {
      await client.shutdown();
      rmSync(root, { recursive: true, force: true });
    });

    it('settings apply, and a change re-lints open documents and refreshes inlay hints', async () => {
      settings = { campaign: { recipients: 1000 }, trace: { server: 'off' }, plan: null };
      const uri = client.open(join(root, 'a.sms'), GREETING);
      assert.equal(byRule(await client.diagnostics(uri), 'non-gsm-char').length, 2);
      assert.match(md(await client.hover(uri, client.positionOf(uri, 'see'))), /\| 1,000 recipients \| \$10\.00 \|/);
      settings = { rules: { 'non-gsm-char': 'off' } };
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      const ds = await client.diagnostics(uri, (d) => byRule(d, 'non-gsm-char').length === 0);
      assert.ok(ds.every((d) => d.code !== 'non-gsm-char'));
      await client.waitFor(() => (client.refreshes.get('workspace/inlayHint/refresh') ?? 0) > 0, 'an inlay hint refresh');
    });

    it('an invalid setting is dropped on its own with a notice; the valid ones still apply', async () => {
      settings = { campaign: { recipients: 'many' }, rules: { 'non-gsm-char': 'error' } };
      const uri = client.open(join(root, 'a.sms'), GREETING);
      const ds = await client.diagnostics(uri, (d) => d.length > 0);
      assert.ok(byRule(ds, 'non-gsm-char').every((d) => d.severity === 1));
      await client.waitFor(() => client.messages.some((m) => m.message.includes('campaign.recipients')), 'a settings notice');
    });

    it('a config file written on disk re-lints open documents', async () => {
      const uri = client.open(join(root, 'a.sms'), GREETING);
      assert.ok(byRule(await client.diagnostics(uri), 'non-gsm-char').every((d) => d.severity === 2));
      const cfg = write(root, '.smslintrc.json', JSON.stringify({ rules: { 'non-gsm-char': 'error' } }));
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(cfg), type: 1 }] });
      await client.diagnostics(uri, (d) => byRule(d, 'non-gsm-char').length === 2 && byRule(d, 'non-gsm-char').every((x) => x.severity === 1));
    });

    it('a malformed config shows its problem on the config file at its line, and the document falls back to defaults', async () => {
      const cfg = write(root, '.smslintrc.json', '{\n  "rules": {\n    "non-gsm-char": "loud"\n  }\n}\n');
      const uri = client.open(join(root, 'a.sms'), GREETING);
      const ds = await client.diagnostics(uri, (d) => d.length > 0);
      assert.ok(byRule(ds, 'non-gsm-char').every((d) => d.severity === 2), 'defaults: warning');
      const onConfig = await client.diagnostics(uriOf(cfg), (d) => d.length > 0);
      assert.equal(onConfig.length, 1);
      assert.equal(onConfig[0]!.range.start.line, 2);
      assert.equal(onConfig[0]!.severity, 1);
      assert.match(text(onConfig[0]!.message), /non-gsm-char/);
      assert.match(text(onConfig[0]!.message), /uses its defaults/);
      // Fixed while open in the editor: the live buffer counts before it is saved.
      const cfgUri = client.open(cfg, '{\n  "rules": {\n    "non-gsm-char": "loud"\n  }\n}\n', 'json');
      const at = client.positionOf(cfgUri, '"loud"');
      client.change(cfgUri, [{ range: { start: at, end: { line: at.line, character: at.character + 6 } }, newText: '"error"' }]);
      await client.diagnostics(uriOf(cfg), (d) => d.length === 0);
      await client.diagnostics(uri, (d) => byRule(d, 'non-gsm-char').every((x) => x.severity === 1) && byRule(d, 'non-gsm-char').length === 2);
    });
  });

  it('multi-root: each folder uses its own config', async () => {
    const a = workspace({ '.smslintrc.json': JSON.stringify({ rules: { 'non-gsm-char': 'off' } }) });
    const b = workspace({ '.smslintrc.json': JSON.stringify({ rules: { 'non-gsm-char': 'error' } }) });
    const client = await LspClient.start({ folders: [a, b] });
    try {
      const ua = client.open(join(a, 'x.sms'), GREETING);
      const ub = client.open(join(b, 'x.sms'), GREETING);
      assert.deepEqual(byRule(await client.diagnostics(ua), 'non-gsm-char'), []);
      const db = byRule(await client.diagnostics(ub, (d) => d.length > 0), 'non-gsm-char');
      assert.deepEqual(db.map((d) => d.severity), [1, 1]);
    } finally {
      await client.shutdown();
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });

  it('pull diagnostics for a client that pulls: served on request, not pushed', async () => {
    const root = workspace({ '.git/HEAD': 'x' });
    const capabilities = {
      ...FULL_CAPABILITIES,
      textDocument: { ...FULL_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false } },
      workspace: { ...FULL_CAPABILITIES.workspace, diagnostics: { refreshSupport: true } },
    };
    const client = await LspClient.start({ folders: [root], capabilities });
    try {
      assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, { identifier: 'smslint', interFileDependencies: false, workspaceDiagnostics: false });
      const uri = client.open(join(root, 'x.sms'), GREETING);
      const report = await client.pull(uri);
      assert.equal(report.kind, 'full');
      assert.deepEqual(byRule(report.items, 'non-gsm-char').map((d) => d.range.start.character), [3, 8]);
      // After a config change the server asks the client to pull again (and pushes nothing).
      const cfg = write(root, '.smslintrc.json', JSON.stringify({ rules: { 'non-gsm-char': 'off' } }));
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(cfg), type: 1 }] });
      await client.waitFor(() => (client.refreshes.get('workspace/diagnostic/refresh') ?? 0) > 0, 'a diagnostic refresh');
      assert.deepEqual(byRule((await client.pull(uri)).items, 'non-gsm-char'), []);
      assert.equal(client.publishLog.filter((p) => p.uri === uri).length, 0);
    } finally {
      await client.shutdown();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('code actions as commands for a client without code action literals', async () => {
    const root = workspace({ '.git/HEAD': 'x' });
    const capabilities = { ...FULL_CAPABILITIES, textDocument: { ...FULL_CAPABILITIES.textDocument, codeAction: {} } };
    const client = await LspClient.start({ folders: [root], capabilities });
    try {
      const uri = client.open(join(root, 'x.sms'), `It${CURLY}s done.\n`);
      const ds = await client.diagnostics(uri, (d) => d.length > 0);
      const cmds = (await client.codeActions(uri, ds[0]!.range, ds)) as unknown as { title: string; command: string; arguments: unknown[] }[];
      const replace = cmds.find((c) => c.title === "Replace ’ with '")!;
      await client.conn.sendRequest('workspace/executeCommand', { command: replace.command, arguments: replace.arguments });
      assert.equal(client.doc(uri).getText(), "It's done.\n");
      assert.deepEqual(await client.diagnostics(uri), []);
    } finally {
      await client.shutdown();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

