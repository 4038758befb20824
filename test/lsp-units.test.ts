// Server pieces that the protocol tests cannot reach: the per-document error boundary (the core
// does not throw on any input we can write, so a throwing lint is injected) and the settings layer.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_CONFIG, type ConfigResolution } from '../shared/config';
import { createBodyCache, lintDocument, type LintResult } from '../shared/lint';
import { extractCacheOf } from '../shared/lint/bodyCache';
import { analyze, type Analysis } from '../server/src/lsp/analysis';
import { codeActions } from '../server/src/lsp/codeActions';
import { DiagnosticReuse, toDiagnostics, type DiagnosticData } from '../server/src/lsp/diagnostics';
import { asciiJson, encodeMessage } from '../server/src/lsp/jsonEncoder';
import { rng, testSeed } from './helpers/random';
import { settingsFrom } from '../server/src/lsp/settings';
import { placeOf } from '../server/src/lsp/paths';

const resolution: ConfigResolution = { config: DEFAULT_CONFIG, source: undefined, sources: [], problems: [], ignored: false };

describe('language server units', () => {
  it('a lint that throws on one document becomes one diagnostic saying so, not a dead server', () => {
    const doc = TextDocument.create('file:///w/a.sms', 'sms', 3, 'Hello');
    const a = analyze({ uri: doc.uri, version: 3, path: '/w/a.sms', text: doc.getText(), resolution }, () => {
      throw new RangeError('offset 99 out of range');
    });
    assert.match(a.failure!, /RangeError: offset 99 out of range/);
    assert.deepEqual(a.result, { path: '/w/a.sms', findings: [], bodies: [] });
    const ds = toDiagnostics(a, doc, '/ext');
    assert.equal(ds.length, 1);
    assert.equal(ds[0]!.source, 'smslint');
    assert.match(ds[0]!.message as string, /^smslint failed on this file \(RangeError: offset 99 out of range\); other files are still checked/);
  });

  it('an ignored file is not linted at all', () => {
    let calls = 0;
    const a = analyze({ uri: 'file:///w/x.sms', version: 1, path: '/w/x.sms', text: 'It’s', resolution: { ...resolution, ignored: true } }, (input) => {
      calls++;
      return { path: input.path, findings: [], bodies: [] };
    });
    assert.equal(calls, 0);
    assert.deepEqual(a.result.findings, []);
  });

  it('settings: nulls (unset) and editor-only keys are dropped; a bad key is dropped alone with its reason', () => {
    const ok = settingsFrom({ profile: 'quo', plan: null, limits: { maxSegments: null }, trace: { server: 'verbose' } });
    assert.deepEqual(ok.base, { profile: 'quo', limits: {} });
    assert.deepEqual(ok.problems, []);
    const bad = settingsFrom({ campaign: { recipients: -5, country: 'FR' }, rules: { 'non-gsm-char': 'error' } });
    assert.deepEqual(bad.base, { campaign: { country: 'FR' }, rules: { 'non-gsm-char': 'error' } });
    assert.equal(bad.problems.length, 1);
    assert.match(bad.problems[0]!, /campaign\.recipients/);
    assert.equal(settingsFrom(undefined).base, undefined);
  });

  it('untitled buffers get a path that says what they hold, under the first workspace folder', () => {
    assert.deepEqual(placeOf('untitled:Untitled-1', 'sms', ['/w']), { path: '/w/Untitled-1.sms', untitled: true });
    assert.deepEqual(placeOf('untitled:Untitled-2', 'typescript', []), { path: '/untitled/Untitled-2.ts', untitled: true });
    assert.equal(placeOf('untitled:Untitled-3', 'markdown', ['/w']), undefined);
    assert.equal(placeOf('git:/w/a.sms', 'sms', ['/w']), undefined);
    assert.deepEqual(placeOf('file:///w/a%20b.sms', 'sms', ['/w']), { path: '/w/a b.sms', untitled: false });
  });

  it('a keystroke rebuilds only the diagnostics it moved or changed; the list equals a fresh one', () => {
    const cache = createBodyCache();
    const reuse = new DiagnosticReuse();
    const lintOf = (doc: TextDocument): Analysis => {
      const result = lintDocument({ path: '/w/a.ts', text: doc.getText() }, DEFAULT_CONFIG, { cache });
      return { uri: doc.uri, version: doc.version, path: '/w/a.ts', result, resolution, ms: 0 };
    };
    const lines = ['sendSms("It’s ready — ok");', 'sendSms("Sale — now");', 'sendSms("We’ll text you");'];
    let doc = TextDocument.create('file:///w/a.ts', 'typescript', 1, lines.join('\n') + '\n');
    const first = toDiagnostics(lintOf(doc), doc, '/ext', reuse);
    assert.equal(first.length, 4);
    // Typing in the second literal: line 1 is rebuilt, lines 0 and 2 are last time's objects.
    doc = TextDocument.update(doc, [{ range: { start: { line: 1, character: 9 }, end: { line: 1, character: 9 } }, text: '’' }], 2);
    const second = toDiagnostics(lintOf(doc), doc, '/ext', reuse);
    assert.deepEqual(second, toDiagnostics(lintOf(doc), doc, '/ext'));
    assert.equal(second.length, 5);
    assert.equal(second[0], first[0]);
    assert.equal(second[1], first[1]);
    assert.equal(second[4], first[3]);
    assert.deepEqual(second.slice(2, 4).map((d) => d.range.start), [{ line: 1, character: 9 }, { line: 1, character: 15 }]);
    // A new line above moves every diagnostic: none is reused, all are where they now are.
    doc = TextDocument.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }], 3);
    const third = toDiagnostics(lintOf(doc), doc, '/ext', reuse);
    assert.deepEqual(third, toDiagnostics(lintOf(doc), doc, '/ext'));
    assert.ok(third.every((d, i) => d !== second[i] && d.range.start.line === second[i]!.range.start.line + 1));
  });

  it('the stdio encoder writes JSON.stringify exactly, a publish in ASCII (\\u escapes), cached diagnostics or not', () => {
    const seed = Number(process.env.FC_SEED ?? 7_2025);
    const text = fc.string({ unit: 'binary', maxLength: 12 });
    const diagnostic = fc.record({
      range: fc.record({ start: fc.record({ line: fc.nat(), character: fc.nat() }), end: fc.record({ line: fc.nat(), character: fc.nat() }) }),
      severity: fc.integer({ min: 1, max: 4 }),
      source: fc.constant('smslint'),
      code: text,
      message: text,
      data: fc.record({ ruleId: text }),
    });
    fc.assert(
      fc.property(fc.array(diagnostic, { maxLength: 6 }), text, fc.option(fc.nat()), (ds, uri, version) => {
        const msg = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, ...(version === null ? {} : { version }), diagnostics: ds } };
        // A publish with diagnostics goes out in ASCII; the same JSON value either way.
        const encode = (m: typeof msg) => Buffer.from(m.params.diagnostics.length > 0 ? asciiJson(JSON.stringify(m)) : JSON.stringify(m), 'utf-8');
        const bytes = encodeMessage(msg);
        assert.deepEqual(bytes, encode(msg));
        assert.equal(JSON.stringify(JSON.parse(bytes.toString('utf-8'))), JSON.stringify(msg));
        if (ds.length > 0) assert.ok(bytes.every((b) => b < 0x80));
        // Again with the diagnostics' JSON cached, in another order.
        const again = { ...msg, params: { ...msg.params, diagnostics: [...ds].reverse() } };
        assert.deepEqual(encodeMessage(again), encode(again));
      }),
      { seed, numRuns: 200 },
    );
    // Keystrokes: each publish of a document keeps some of the last one's diagnostics (the very
    // objects) at both ends and replaces or adds others in between.
    fc.assert(
      fc.property(fc.array(diagnostic, { minLength: 1, maxLength: 8 }), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.array(diagnostic, { maxLength: 3 })), { maxLength: 6 }), (first, edits) => {
        let ds: object[] = first;
        const uri = 'file:///w/typed.ts';
        for (const [at, removed, added] of [[0, 0, []] as const, ...edits]) {
          const from = at % (ds.length + 1);
          ds = [...ds.slice(0, from), ...added, ...ds.slice(from + (removed % 3))];
          const msg = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, diagnostics: ds } };
          assert.deepEqual(encodeMessage(msg), Buffer.from(ds.length > 0 ? asciiJson(JSON.stringify(msg)) : JSON.stringify(msg), 'utf-8'));
        }
      }),
      { seed, numRuns: 200 },
    );
    // A big document (kept from its first publish) encodes exactly through its edits. This checks the
    // bytes, not that they were copied: bench/lsp.mjs shows the speed.
    const big = (i: number, m: string) => ({ range: { start: { line: i, character: 1 }, end: { line: i, character: 2 } }, severity: 2, source: 'smslint', code: 'non-gsm-char', message: m });
    let list: object[] = Array.from({ length: 300 }, (_, i) => big(i, `’ at ${i}`));
    for (const change of [(xs: object[]) => xs, (xs: object[]) => [...xs.slice(0, 150), big(150, 'é — new'), ...xs.slice(151)], (xs: object[]) => [...xs.slice(0, 7), ...xs.slice(8)]]) {
      list = change(list);
      const msg = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///w/big.ts', version: 1, diagnostics: list } };
      assert.deepEqual(encodeMessage(msg), Buffer.from(asciiJson(JSON.stringify(msg)), 'utf-8'));
    }
    const other = { jsonrpc: '2.0', id: 3, result: { contents: 'It’s 😀' } };
    assert.deepEqual(encodeMessage(other), Buffer.from(JSON.stringify(other), 'utf-8'));
  });

  it("the editor's cached lint equals a fresh lint, keystroke after keystroke (random edits)", () => {
    const seed = testSeed();
    const r = rng(seed);
    const bits = ['Hi {name}', ' ', 'it’s', ' — ', '😀', '\u2019', '\\', '"', "'", '`', '\n', 'ok', '{{x}}', '%s', '\u200b', 'é', ': '];
    const word = () => Array.from({ length: r.int(5) }, () => r.pick(bits)).join('');
    const docs: Record<string, () => string> = {
      '/w/a.ts': () => Array.from({ length: 12 }, () => r.pick([`sendSms("${word()}");`, `sendSms('${word()}');`, `sms.text = \`${word()}\`;`, `log("${word()}");`, '// smslint-disable-next-line non-gsm-char', ''])).join('\n'),
      '/w/locales/en.yaml': () => `en:\n${Array.from({ length: 8 }, (_, i) => `  k${i}: ${r.pick(['', '"', "'"])}${word()}`).join('\n')}\n`,
      '/w/b.sms': () => `${word()} ${word()}\n${word()}`,
    };
    const cache = createBodyCache(8);
    // Everything a reader of the result gets (a cached finding computes its fixes and hover on demand).
    const seen = (r: LintResult) => ({
      ...r,
      findings: r.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, range: f.range, fixes: f.fixes, docsPath: f.docsPath, data: f.data, hover: f.hover })),
      bodies: r.bodies.map((b) => ({ ...b, hover: b.hover })),
    });
    try {
      for (const [path, make] of Object.entries(docs)) {
        let text = make();
        for (let k = 0; k < 60; k++) {
          const cached = lintDocument({ path, text }, DEFAULT_CONFIG, { cache });
          assert.deepStrictEqual(seen(cached), seen(lintDocument({ path, text }, DEFAULT_CONFIG)), `${path} after ${k} edits:\n${text}`);
          const at = r.int(text.length + 1);
          const kind = r.next();
          // Typing, deleting, and typing over a selected character (the one edit that keeps lengths).
          const typed = kind < 0.5 ? r.pick(bits) + text.slice(at) : kind < 0.75 ? text.slice(at + 1 + r.int(3)) : r.pick(['a', '’', '"', '\\', '{', '}', 'é', '\n']) + text.slice(at + 1);
          text = text.slice(0, at) + typed;
        }
      }
    } catch (e) {
      throw new Error(`seed ${seed} (SMSLINT_SEED=${seed} replays it): ${(e as Error).message}`);
    }
  });

  it('typing in the literals of a TS file: the re-read lint and the reused diagnostics equal fresh ones (random edits)', () => {
    const seed = testSeed();
    const r = rng(seed);
    const bits = ['Hi {name}', ' ', 'it’s', ' — ', '😀', 'é', '\u2019', '{{x}}', '%s', '\u200b', 'a', 'ok ', '"', '\\', '\n', '\r\n', '${', '`'];
    const word = () => Array.from({ length: r.int(4) }, () => r.pick(bits.slice(0, 12))).join('');
    const line = () =>
      r.pick([
        () => `  sendSms("${word()}");`,
        () => `  sendSms('${word()}' + name);`,
        () => `  sendSms(\`${word()}\${code}${word()}\`);`,
        () => `  client.messages.create({ body: "${word()}" });`,
        () => '  // smslint-disable-next-line non-gsm-char',
        () => '  const x = compute(a, b);',
      ])();
    const cache = createBodyCache(64);
    const reuse = new DiagnosticReuse();
    const seen = (x: LintResult) => ({
      ...x,
      findings: x.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, range: f.range, fixes: f.fixes, docsPath: f.docsPath, data: f.data, hover: f.hover })),
      bodies: x.bodies.map((b) => ({ ...b, hover: b.hover })),
    });
    let doc = TextDocument.create('file:///w/a.ts', 'typescript', 1, Array.from({ length: 30 }, line).join(r.next() < 0.7 ? '\n' : '\r\n') + '\n');
    try {
      for (let k = 0; k < 150; k++) {
        const text = doc.getText();
        const cached = lintDocument({ path: '/w/a.ts', text }, DEFAULT_CONFIG, { cache });
        const fresh = lintDocument({ path: '/w/a.ts', text }, DEFAULT_CONFIG);
        assert.deepStrictEqual(seen(cached), seen(fresh), `after ${k} edits:\n${text}`);
        const analysis = (result: LintResult): Analysis => ({ uri: doc.uri, version: doc.version, path: '/w/a.ts', result, resolution, ms: 0 });
        assert.deepStrictEqual(toDiagnostics(analysis(cached), doc, '/ext', reuse), toDiagnostics(analysis(fresh), doc, '/ext'), `diagnostics after ${k} edits:\n${text}`);
        // Mostly inside a quoted run (typing in a body), sometimes anywhere.
        const runs = [...text.matchAll(/"[^"\n]*"|'[^'\n]*'|`[^`]*`/g)];
        const m = runs.length > 0 && r.next() < 0.9 ? r.pick(runs) : undefined;
        const at = m ? m.index + 1 + r.int(m[0].length - 1) : r.int(text.length + 1);
        const removed = r.next() < 0.7 ? 0 : 1 + r.int(2);
        const typed = removed > 0 && r.next() < 0.5 ? '' : r.next() < 0.7 ? r.pick(bits.slice(0, 12)) : r.pick(bits);
        const start = doc.positionAt(at);
        const end = doc.positionAt(Math.min(text.length, at + removed));
        doc = TextDocument.update(doc, [{ range: { start, end }, text: typed }], doc.version + 1);
      }
    } catch (e) {
      throw new Error(`seed ${seed} (SMSLINT_SEED=${seed} replays it): ${(e as Error).message}`);
    }
    // The property is about the re-read path: most keystrokes took it.
    const { edits } = extractCacheOf(cache).stats;
    assert.ok(edits > 40, `only ${edits} of 150 lints re-read the file (seed ${seed})`);
  });

  it('a directive typed piece by piece through the cache suppresses as in a fresh lint, and so does deleting it', () => {
    const cache = createBodyCache();
    const body = '\nsendSms("It’s ready");\n';
    const steps = ['// smslint', '// smslint-', '// smslint-disable-next-line', '// smslint-disable-next-line non-gsm-char', '// smslint-disable-next-line', '// smslin', ''];
    const ids = (r: LintResult) => r.findings.map((f) => f.ruleId);
    lintDocument({ path: '/w/d.ts', text: `// x${body}` }, DEFAULT_CONFIG, { cache });
    for (const head of steps) {
      const text = `${head}${body}`;
      const cached = lintDocument({ path: '/w/d.ts', text }, DEFAULT_CONFIG, { cache });
      assert.deepEqual(ids(cached), ids(lintDocument({ path: '/w/d.ts', text }, DEFAULT_CONFIG)), head);
    }
    // The extraction marker is no directive; edited into one, it suppresses.
    for (const head of ['// smslint-template', '// smslint-templat', '// smslint-', '// smslint-disable-next-line non-gsm-char', '// smslint-template']) {
      const text = `${head}${body}`;
      assert.deepEqual(ids(lintDocument({ path: '/w/d.ts', text }, DEFAULT_CONFIG, { cache })), ids(lintDocument({ path: '/w/d.ts', text }, DEFAULT_CONFIG)), head);
    }
    // Joined by a deletion: 'smslint' + '-' only meet once the text between them is gone.
    const apart = `// smslintXX-disable-next-line non-gsm-char${body}`;
    lintDocument({ path: '/w/d.ts', text: apart }, DEFAULT_CONFIG, { cache });
    const joined = apart.replace('XX', '');
    assert.deepEqual(ids(lintDocument({ path: '/w/d.ts', text: joined }, DEFAULT_CONFIG, { cache })), ids(lintDocument({ path: '/w/d.ts', text: joined }, DEFAULT_CONFIG)));
    assert.deepEqual(ids(lintDocument({ path: '/w/d.ts', text: joined }, DEFAULT_CONFIG)), []);
  });

  it('a reused diagnostic keeps quick fixes that edit past its range (a YAML scalar\'s closing quote) where they now are', () => {
    const reuse = new DiagnosticReuse();
    const diagnosticsOf = (doc: TextDocument, withReuse: boolean) => {
      const result = lintDocument({ path: '/w/locales/en.yml', text: doc.getText() }, DEFAULT_CONFIG);
      const analysis: Analysis = { uri: doc.uri, version: doc.version, path: '/w/locales/en.yml', result, resolution, ms: 0 };
      return toDiagnostics(analysis, doc, '/ext', withReuse ? reuse : undefined);
    };
    const v1 = TextDocument.create('file:///w/locales/en.yml', 'yaml', 1, 'en:\n  sms:\n    greeting: ’Hi there\n');
    const first = diagnosticsOf(v1, true);
    assert.ok(first.some((d) => (d.data as DiagnosticData | undefined)?.fixes.some((f) => f.edits.some((e) => e.range))), 'a fix quotes the scalar');
    // Typed after the finding, before the scalar's end: the closing quote moves, the finding does not.
    const v2 = TextDocument.update(v1, [{ range: { start: { line: 2, character: 23 }, end: { line: 2, character: 23 } }, text: ' you' }], 2);
    assert.deepStrictEqual(diagnosticsOf(v2, true), diagnosticsOf(v2, false));
  });

  it('quick fixes come from the diagnostic\'s data, and none for a diagnostic whose finding is gone', () => {
    const lintOf = (doc: TextDocument): Analysis => {
      const result = lintDocument({ path: '/w/a.ts', text: doc.getText() }, DEFAULT_CONFIG);
      return { uri: doc.uri, version: doc.version, path: '/w/a.ts', result, resolution, ms: 0 };
    };
    const v1 = TextDocument.create('file:///w/a.ts', 'typescript', 1, 'sendSms("It’s ok");\n');
    const [quote] = toDiagnostics(lintOf(v1), v1, '/ext');
    assert.equal(quote!.code, 'non-gsm-char');
    assert.deepEqual(quote!.data, { fixes: [{ title: "Replace ’ with '", edits: [{ newText: "'" }] }] }, 'data carries the fix; its edit replaces the diagnostic\'s range');
    const ask = (doc: TextDocument) => codeActions({ textDocument: { uri: doc.uri }, range: quote!.range, context: { diagnostics: [quote!] } }, doc, lintOf(doc), { documentChanges: true });
    const replace = ask(v1).find((a) => a.isPreferred);
    assert.equal(replace?.title, "Replace ’ with '");
    assert.deepEqual(replace?.edit, { documentChanges: [{ textDocument: { uri: v1.uri, version: 1 }, edits: [{ range: quote!.range, newText: "'" }] }] });
    // Typed over since: the same diagnostic offers no replacement (its own new list follows), still a disable comment.
    const v2 = TextDocument.update(v1, [{ range: quote!.range, text: 'i' }], 2);
    const stale = ask(v2);
    assert.equal(stale.filter((a) => a.isPreferred).length, 0);
    assert.ok(stale.some((a) => a.title.startsWith('Disable non-gsm-char')), stale.map((a) => a.title).join(', '));
  });
});
