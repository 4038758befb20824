// The sms TextMate grammar, run by the engine VS Code itself uses (vscode-textmate + oniguruma):
// placeholders, Liquid tags and ICU arguments get placeholder scopes; plain prose gets none.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const root = process.cwd();

async function loadGrammar(): Promise<textmate.IGrammar> {
  const req = createRequire(join(root, 'package.json'));
  const wasm = readFileSync(req.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) => {
      // Front matter embeds VS Code's YAML grammar; an empty stand-in keeps the embedding honest.
      if (scopeName === 'source.yaml') return textmate.parseRawGrammar('{"scopeName":"source.yaml","patterns":[]}', 'yaml.json');
      if (scopeName !== 'text.sms') return null;
      const path = join(root, 'syntaxes/sms.tmLanguage.json');
      return textmate.parseRawGrammar(readFileSync(path, 'utf8'), path);
    },
  });
  const grammar = await registry.loadGrammar('text.sms');
  assert.ok(grammar, 'grammar text.sms loads');
  return grammar;
}

interface Token {
  text: string;
  scopes: string[];
}

function tokenize(grammar: textmate.IGrammar, text: string): Token[] {
  let state = textmate.INITIAL;
  const out: Token[] = [];
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) out.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    state = r.ruleStack;
  }
  return out;
}

/** The text of every token whose innermost scope starts with `prefix`, in order. */
function withScope(tokens: Token[], prefix: string): string[] {
  return tokens.filter((t) => t.scopes.some((s) => s.startsWith(prefix))).map((t) => t.text);
}

describe('sms TextMate grammar', () => {
  let grammar: textmate.IGrammar;
  before(async () => {
    grammar = await loadGrammar();
  });

  const placeholderCases: [string, string, string[]][] = [
    ['mustache', 'Hi {{name}}, your code is {{ code }}.', ['name', 'code']],
    ['triple mustache', 'Hi {{{ first_name }}}!', ['first_name']],
    ['liquid filter', "Hi {{ name | default: 'friend' }}", ['name']],
    ['js template', 'Order ${order.id} ships ${date}', ['order.id', 'date']],
    ['indexed', 'Code {0} expires in {1} min', ['0', '1']],
    ['icu simple', 'Hello {name}, you owe {amount, number}', ['name', 'amount']],
    ['icu plural', 'You have {count, plural, one {# item} other {# items}}', ['count']],
  ];
  for (const [label, text, names] of placeholderCases) {
    it(`scopes the variables of ${label} placeholders`, () => {
      assert.deepEqual(withScope(tokenize(grammar, text), 'variable.other.placeholder'), names);
    });
  }

  it('scopes printf conversions, and %% as an escape', () => {
    const tokens = tokenize(grammar, 'Hi %s, %1$s owes %.2f (100%%)');
    assert.deepEqual(withScope(tokens, 'constant.other.placeholder.printf'), ['%s', '%1$s', '%.2f']);
    assert.deepEqual(withScope(tokens, 'constant.character.escape.printf'), ['%%']);
  });

  it('marks Liquid tags and their keywords', () => {
    const tokens = tokenize(grammar, "{% if vip %}Hi VIP{% else %}Hi{% endif %}");
    assert.deepEqual(withScope(tokens, 'keyword.control.liquid'), ['if', 'else', 'endif']);
    assert.deepEqual(withScope(tokens, 'meta.tag.liquid').join(''), '{% if vip %}{% else %}{% endif %}');
  });

  it('marks Handlebars blocks as control, not output', () => {
    const tokens = tokenize(grammar, '{{#if vip}}Hi {{name}}{{/if}}');
    assert.deepEqual(withScope(tokens, 'keyword.control.block'), ['if', 'if']);
    assert.deepEqual(withScope(tokens, 'meta.placeholder.mustache.sms').join(''), '{{name}}');
  });

  it('gives ICU branch text its own scope and # the number scope', () => {
    const tokens = tokenize(grammar, '{n, plural, =0 {none} other {# left}}');
    assert.deepEqual(withScope(tokens, 'entity.name.selector.icu'), ['=0', 'other']);
    assert.deepEqual(withScope(tokens, 'variable.language.icu.number'), ['#']);
  });

  it('leaves prose, percentages, curly quotes and lone braces unscoped', () => {
    const tokens = tokenize(grammar, 'Don’t miss out: 50% off, 100% sure {today only! 3} of 5');
    assert.deepEqual(
      tokens.filter((t) => t.scopes.length > 1).map((t) => t.text),
      [],
      'no placeholder scope in prose',
    );
  });

  it('recognises front matter only at the top of the file', () => {
    const tokens = tokenize(grammar, '---\nrecipients: 1653\n---\nHi {{name}}\n---\nnot front matter');
    const fm = withScope(tokens, 'meta.embedded.block.front-matter');
    assert.deepEqual(fm, ['---', 'recipients: 1653', '---']);
    assert.deepEqual(withScope(tokens, 'comment.block'), []);
  });

  it('scopes Handlebars comments as comments (they send nothing)', () => {
    const tokens = tokenize(grammar, 'Hi{{!-- internal note --}} there');
    assert.deepEqual(withScope(tokens, 'comment.block.mustache').join(''), '{{!-- internal note --}}');
  });
});
