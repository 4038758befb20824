// Findings and quick fixes inside host files: the range covers the text as written (a \u2019
// escape is 6 characters), and the fix is spelled so the file stays valid and means the fixed text.
import { strict as assert } from 'node:assert';
import { parse as parseYaml } from 'yaml';
import { applyFix, covered, findingsOf, fixed, lint, only } from './fixtures/lint/harness';

/** The value of a JS string literal (our own test input, so evaluating it is fine). */
const jsString = (literal: string): string => new Function(`return ${literal};`)() as string;

describe('quick fixes in JSON locale files', () => {
  it('maps a \\u2019 escape to its 6 characters and replaces it with a plain apostrophe', () => {
    const text = '{"sms": {"welcome": "Don\\u2019t miss it"}}';
    const f = only(lint('/r/locales/en.json', text), 'non-gsm-char');
    assert.equal(covered(text, f), '\\u2019');
    assert.deepEqual(f.fixes[0]!.edits, [{ range: { start: 24, end: 30 }, text: "'" }]);
    assert.equal(JSON.parse(applyFix(text, f)).sms.welcome, "Don't miss it");
  });

  it('escapes a straight double quote that replaces a curly one', () => {
    const text = '{"sms": {"a": "Say \u201Chi\u201D and \\u201Cbye\\u201D"}}';
    const out = fixed('/r/locales/en.json', text);
    assert.equal(JSON.parse(out).sms.a, 'Say "hi" and "bye"');
  });

  it('says what the fix saves when it flips 2 segments to 1', () => {
    const text = `{"sms": {"promo": "Don\\u2019t miss it: ${'x'.repeat(100)}"}}`;
    const r = lint('/r/locales/en.json', text, { campaign: { recipients: 1653 } });
    assert.match(only(r, 'non-gsm-char').message, /forces UCS-2: 1 → 2 segments, \+\$0\.01 per recipient, \+\$16\.53 for 1,653 recipients\./);
    assert.deepEqual(findingsOf(lint('/r/locales/en.json', fixed('/r/locales/en.json', text)), 'non-gsm-char'), []);
  });
});

describe('quick fixes in JS/TS string literals', () => {
  it("single-quoted: the escape's 6 characters become \\'", () => {
    const text = "sendSms('Don\\u2019t miss it');";
    const f = only(lint('/r/src/a.ts', text), 'non-gsm-char');
    assert.equal(covered(text, f), '\\u2019');
    assert.equal(f.fixes[0]!.edits[0]!.text, "\\'");
    const out = applyFix(text, f);
    assert.equal(out, "sendSms('Don\\'t miss it');");
    assert.equal(jsString(out.slice(8, -2)), "Don't miss it");
  });

  it('double-quoted and template literals', () => {
    const dq = 'sendSms("Say \u201Chi\u201D, it\u2019s here");';
    const outDq = fixed('/r/src/a.ts', dq);
    assert.equal(jsString(outDq.slice(8, -2)), 'Say "hi", it\'s here');
    const tpl = 'sendSms(`It\u2019s ${name}\u2026`);';
    const outTpl = fixed('/r/src/a.ts', tpl, { variables: { name: { maxLength: 10 } } });
    assert.equal(outTpl, 'sendSms(`It\'s ${name}...`);');
  });

  it('an escaped NBSP (\\u00a0) in a call-site object property', () => {
    const text = "client.messages.create({ to, body: 'Code:\\u00a0123' });";
    const f = only(lint('/r/src/a.ts', text), 'invisible-char');
    assert.equal(covered(text, f), '\\u00a0');
    assert.equal(applyFix(text, f), "client.messages.create({ to, body: 'Code: 123' });");
  });
});

describe('quick fixes in YAML locale files', () => {
  const check = (text: string, key: string, want: unknown): void => {
    const out = fixed('/r/locales/en.yaml', text);
    assert.deepEqual(parseYaml(out).sms[key], want, out);
    assert.deepEqual(lint('/r/locales/en.yaml', out).findings.filter((f) => f.data?.['fixAll'] === true), [], out);
  };

  it("single-quoted: the apostrophe doubles ('')", () => {
    const text = "sms:\n  a: 'Don\u2019t ''quote'''\n";
    const f = only(lint('/r/locales/en.yaml', text), 'non-gsm-char');
    assert.equal(f.fixes[0]!.edits[0]!.text, "''");
    check(text, 'a', "Don't 'quote'");
  });

  it('double-quoted: a \\u2019 escape is one finding of 6 characters', () => {
    const text = 'sms:\n  a: "Don\\u2019t \u201Cgo\u201D"\n';
    assert.equal(covered(text, findingsOf(lint('/r/locales/en.yaml', text), 'non-gsm-char')[0]!), '\\u2019');
    check(text, 'a', 'Don\'t "go"');
  });

  it('plain values stay plain when the fix is harmless', () => {
    const text = 'sms:\n  a: It\u2019s here\n';
    assert.equal(fixed('/r/locales/en.yaml', text), "sms:\n  a: It's here\n");
  });

  it('plain values that the fix would turn into YAML syntax are quoted instead', () => {
    check('sms:\n  a: \u2019Tis the season\n', 'a', "'Tis the season");
    check('sms:\n  a: Price:\u00A0$5 \\ "net"\n', 'a', 'Price: $5 \\ "net"');
    check('sms:\n  a: \u201CBig\u201D sale\n', 'a', '"Big" sale');
    check('sms:\n  a:\n    \u2013 next line\n', 'a', '- next line');
    check('sms:\n  a: [\u2019a, b]\n', 'a', ["'a", 'b']);
  });

  it('block scalars are left as they are written', () => {
    check('sms:\n  a: |\n    \u2019Tis: here\n', 'a', "'Tis: here\n");
  });
});
