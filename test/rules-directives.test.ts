// Directive comments in each host language, and the two document rules (invalid-directive,
// malformed-template), through lintDocument.
import { strict as assert } from 'node:assert';
import { covered, findingsOf, lint, only } from './fixtures/lint/harness';

const ids = (r: ReturnType<typeof lint>, text: string): string[][] => r.findings.map((f) => [f.ruleId, covered(text, f)]);

describe('directives', () => {
  it('disable-next-line in TS silences the named rule on the next line only', () => {
    const text = [
      '// smslint-disable-next-line non-gsm-char',
      "sendSms('Don\u2019t');",
      "sendSms('Won\u2019t');",
    ].join('\n');
    assert.deepEqual(ids(lint('/r/src/a.ts', text), text), [['non-gsm-char', '\u2019']]);
    assert.equal(lint('/r/src/a.ts', text).findings[0]!.range.start, text.lastIndexOf('\u2019'));
  });

  it('names only the rules it lists: another rule on that line is still reported', () => {
    const text = "// smslint-disable-next-line non-gsm-char -- brand voice\nsendSms('Don\u2019t\u00A0go');";
    assert.deepEqual(ids(lint('/r/src/a.ts', text), text), [['invisible-char', '\u00A0']]);
  });

  it('disable-line, a disable/enable block, and disable-file', () => {
    const line = "sendSms('Don\u2019t'); // smslint-disable-line\nsendSms('x\u2019');";
    assert.equal(lint('/r/src/a.ts', line).findings.length, 1);
    const block = "/* smslint-disable non-gsm-char */\nsendSms('a\u2019');\nsendSms('b\u2019');\n/* smslint-enable non-gsm-char */\nsendSms('c\u2019');";
    assert.deepEqual(ids(lint('/r/src/a.ts', block), block), [['non-gsm-char', '\u2019']]);
    assert.equal(lint('/r/src/a.ts', block).findings[0]!.range.start, block.lastIndexOf('\u2019'));
    const file = "sendSms('a\u2019');\n// smslint-disable-file non-gsm-char, invisible-char\nsendSms('b\u00A0');";
    assert.deepEqual(lint('/r/src/a.ts', file).findings, []);
  });

  it('YAML: # smslint-disable-next-line', () => {
    const text = 'sms:\n  # smslint-disable-next-line non-gsm-char\n  a: Don\u2019t\n  b: Won\u2019t\n';
    const r = lint('/r/locales/en.yaml', text);
    assert.deepEqual(r.findings.map((f) => f.range.start), [text.lastIndexOf('\u2019')]);
  });

  it('template files: # comments in front matter; {{! }} in .sms.hbs, {% # %} in .sms.liquid', () => {
    const sms = '---\n# smslint-disable-file non-gsm-char\n---\nDon\u2019t';
    assert.deepEqual(lint('/r/a.sms', sms).findings, []);
    const hbs = '{{! smslint-disable-next-line non-gsm-char }}\nDon\u2019t\nWon\u2019t';
    assert.deepEqual(lint('/r/a.sms.hbs', hbs).findings.map((f) => f.range.start), [hbs.lastIndexOf('\u2019')]);
    const liquid = '{% # smslint-disable non-gsm-char %}Don\u2019t';
    assert.deepEqual(lint('/r/a.sms.liquid', liquid).findings, []);
  });

  it('a directive with no rule list silences every rule', () => {
    const text = "// smslint-disable-next-line\nsendSms('Don\u2019t\u00A0go');";
    assert.deepEqual(lint('/r/src/a.ts', text).findings, []);
  });

  it('JSON has no comments: there the rules are set in config', () => {
    const text = '{"sms": {"a": "Don\u2019t"}}';
    assert.equal(lint('/r/locales/en.json', text).findings.length, 1);
    assert.deepEqual(lint('/r/locales/en.json', text, { overrides: [{ files: '**/locales/*.json', rules: { 'non-gsm-char': 'off' } }] }).findings, []);
  });
});

describe('invalid-directive', () => {
  it('reports an unknown rule id at its exact range (warning)', () => {
    const text = "// smslint-disable-next-line non-gsm-chars\nsendSms('ok');";
    const f = only(lint('/r/src/a.ts', text), 'invalid-directive');
    assert.equal(f.severity, 'warning');
    assert.equal(covered(text, f), 'non-gsm-chars');
    assert.match(f.message, /^Unknown rule "non-gsm-chars" in "smslint-disable-next-line"/);
  });

  it('reports a misspelt directive and an enable without a disable', () => {
    const typo = "// smslint-disable-nextline non-gsm-char\nsendSms('ok');";
    const f = only(lint('/r/src/a.ts', typo), 'invalid-directive');
    assert.equal(covered(typo, f), 'smslint-disable-nextline');
    assert.match(f.message, /Did you mean "smslint-disable-next-line"\?/);
    const enable = "// smslint-enable non-gsm-char\nsendSms('ok');";
    assert.equal(only(lint('/r/src/a.ts', enable), 'invalid-directive').message, '"smslint-enable" has no matching "smslint-disable" before it for non-gsm-char.');
  });

  it('an unknown rule does not silence anything else on that line', () => {
    const text = "// smslint-disable-next-line nope\nsendSms('Don\u2019t');";
    assert.deepEqual(lint('/r/src/a.ts', text).findings.map((f) => f.ruleId), ['invalid-directive', 'non-gsm-char']);
  });

  it('severity and off from config; a directive cannot hide its own problems', () => {
    const text = "// smslint-disable nope\n// smslint-disable-file\nsendSms('ok');";
    assert.equal(only(lint('/r/src/a.ts', text, { rules: { 'invalid-directive': 'error' } }), 'invalid-directive').severity, 'error');
    assert.deepEqual(lint('/r/src/a.ts', text, { rules: { 'invalid-directive': 'off' } }).findings, []);
  });
});

describe('malformed-template', () => {
  it('reports an unclosed block at its exact range (error)', () => {
    const text = 'Hello {{#if vip}}friend';
    const f = only(lint('/r/a.sms', text), 'malformed-template');
    assert.equal(f.severity, 'error');
    assert.equal(covered(text, f), '{{#if vip}}');
    assert.equal(f.message, "'{{#if vip}}' is never closed");
  });

  it('maps a malformed placeholder in a JSON locale string back to the file', () => {
    const text = '{"sms": {"a": "Hello {{#if vip}}friend"}}';
    const f = only(lint('/r/locales/en.json', text), 'malformed-template');
    assert.equal(covered(text, f), '{{#if vip}}');
  });

  it('is quiet on a well-formed template; off and directive suppression work', () => {
    assert.deepEqual(findingsOf(lint('/r/a.sms', 'Hello {{#if vip}}friend{{/if}}', { variables: { vip: { maxLength: 1 } } }), 'malformed-template'), []);
    assert.deepEqual(lint('/r/a.sms', 'Hello {{#if vip}}friend', { rules: { 'malformed-template': 'off' } }).findings, []);
    const hbs = '{{! smslint-disable-next-line malformed-template }}\nHello {{#if vip}}friend';
    assert.deepEqual(findingsOf(lint('/r/a.sms.hbs', hbs), 'malformed-template'), []);
  });
});
