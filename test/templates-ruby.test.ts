import assert from 'node:assert/strict';
import { detectSyntax, parseTemplate, type Part, type VariablePart } from '../shared/templates';
import { findingsOf, lint } from './fixtures/lint/harness';

function shape(parts: readonly Part[]): string {
  return parts.map((p) => (p.kind === 'literal' ? p.text : p.kind === 'variable' ? `<${p.name}>` : '?')).join('');
}

const vars = (parts: readonly Part[]): VariablePart[] => parts.filter((p): p is VariablePart => p.kind === 'variable');

describe('templates: Ruby/Rails i18n', () => {
  it('reads %{name}, %<name>fmt and %% as I18n.interpolate does', () => {
    const t = parseTemplate('Hi %{first_name}, 20% off: %<price>.2f now, %%{not} %<name>-8s %{a|b}', 'ruby-i18n');
    assert.equal(shape(t.parts), 'Hi <first_name>, 20% off: <price> now, %{not} <name> <a>');
    const [first, price, name] = vars(t.parts);
    assert.deepEqual([first.range, t.body.slice(first.range.start, first.range.end)], [{ start: 3, end: 16 }, '%{first_name}']);
    assert.equal(t.body.slice(price.range.start, price.range.end), '%<price>.2f');
    assert.equal(price.valueKind, 'number');
    assert.equal(price.format, 'f');
    assert.deepEqual(name.filters.map((f) => f.op), [{ op: 'pad', width: 8 }]);
    assert.deepEqual(t.findings, []);
  });

  it('flags a placeholder that I18n would send as written', () => {
    const t = parseTemplate('Hi %{} and %{name', 'ruby-i18n');
    assert.deepEqual(
      t.findings.map((f) => [f.code, t.body.slice(f.range.start, f.range.end)]),
      [['empty-placeholder', '%{}'], ['unclosed-tag', '%{']],
    );
    assert.equal(shape(t.parts), 'Hi %{} and %{name');
  });

  it('is detected from the text', () => {
    assert.equal(detectSyntax('Hi %{name}, see you'), 'ruby-i18n');
    assert.equal(detectSyntax('Total %<amount>.2f'), 'ruby-i18n');
    assert.equal(detectSyntax('Hi %s'), 'printf');
    assert.equal(detectSyntax('{{name}} %{x}'), 'mustache');
  });

  it('in a Rails YAML locale file, %{name} is a placeholder: its braces are not GSM extension characters', () => {
    // 155 + 1 (the value) = 156 septets, one segment. Read as text, `%{n}` would be 4 chars + 2
    // extension septets = 161, two segments, and the braces would be reported.
    const yaml = (v: string): string => `en:\n  sms:\n    welcome: "${'x'.repeat(155)}${v}"\n`;
    const config = { variables: { n: { maxLength: 1, minLength: 1 } } };
    const r = lint('/r/config/locales/en.yml', yaml('%{n}'), config);
    assert.deepEqual(r.findings.map((f) => f.ruleId), []);
    // The same length written with real extension characters is reported (the rule is live).
    const tildes = lint('/r/config/locales/en.yml', yaml('~~~'), config);
    assert.deepEqual(findingsOf(tildes, 'gsm-extended-char').map((f) => f.ruleId), ['gsm-extended-char', 'gsm-extended-char', 'gsm-extended-char']);
    // Without declared lengths the placeholders get the length default, on their own ranges.
    const text = 'en:\n  sms:\n    welcome: "Hi %{name}, code %<code>d"\n';
    assert.deepEqual(findingsOf(lint('/r/config/locales/en.yml', text), 'variable-length-unknown').map((f) => text.slice(f.range.start, f.range.end)), ['%{name}', '%<code>d']);
  });
});
