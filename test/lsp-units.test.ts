// Server pieces that the protocol tests cannot reach: the per-document error boundary (the core
// does not throw on any input we can write, so a throwing lint is injected) and the settings layer.
import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_CONFIG, type ConfigResolution } from '../shared/config';
import { analyze } from '../server/src/lsp/analysis';
import { toDiagnostics } from '../server/src/lsp/diagnostics';
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
});
