import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { extractBodies, DEFAULT_EXTRACT_OPTIONS, type Body, type ExtractResult } from '../shared/extract/index';
import { assertEachCharSpelled, sourceOf as source } from './helpers/extract';

const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures', 'extract');
const read = (p: string) => readFileSync(join(FIXTURES, p), 'utf8');

/** The locale file's bodies, also by the key that selected them ("key sms.welcome matches …"). */
function extractByKey(path: string, text: string): ExtractResult & { byKey: Map<string, Body> } {
  const r = extractBodies(path, text, DEFAULT_EXTRACT_OPTIONS);
  return { ...r, byKey: new Map(r.bodies.map((b) => [b.selectedBy.split(' ')[1], b])) };
}

describe('extract: JSON locale files', () => {
  const text = read('locales/en.json');
  const { bodies, problems, byKey } = extractByKey('app/locales/en.json', text);

  it('selects keys by pattern: nested, flat, plural suffixes, ICU', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual([...byKey.keys()], ['sms.welcome', 'sms.reminder_one', 'sms.reminder_other', 'sms.flat_key', 'orders.sms_shipped', 'icu.sms']);
    assert.equal(byKey.get('sms.welcome')!.text, 'Welcome to Café 😀, {{name}}!');
    assert.equal(byKey.get('sms.welcome')!.selectedBy, "key sms.welcome matches pattern 'sms.**'");
    assert.equal(byKey.get('sms.welcome')!.syntax, 'mustache');
    assert.equal(byKey.get('icu.sms')!.syntax, 'icu');
    assert.equal(byKey.get('orders.sms_shipped')!.selectedBy, "key orders.sms_shipped matches pattern '**.sms_*'");
    const all = bodies.map((b) => b.text).join('|');
    assert.ok(!all.includes('Not an SMS'));
  });

  it('maps JSON escapes to the whole escape (six characters for \\u2019-style escapes)', () => {
    const w = byKey.get('sms.welcome')!;
    assert.equal(source(text, w, 'é'), '\\u00e9');
    assert.equal(source(text, w, '😀'), '\\ud83d\\ude00');
    assert.equal(source(text, w, ', {{name}}!'), ', {{name}}!');
    const r = byKey.get('sms.reminder_one')!;
    assert.equal(source(text, r, '"'), '\\"');
    assert.equal(source(text, byKey.get('sms.flat_key')!, '/'), '\\/');
    assert.equal(source(text, byKey.get('sms.reminder_other')!, '\n'), '\\n');
  });

  it('reports broken JSON as a problem and still extracts what parsed', () => {
    const r = extractBodies('locales/x.json', '{ "sms": { "a": "ok", "b": }', DEFAULT_EXTRACT_OPTIONS);
    assert.deepEqual(r.bodies.map((b) => b.text), ['ok']);
    assert.ok(r.problems.length > 0 && r.problems.every((p) => p.kind === 'parse'));
  });

  it('property: JSON.stringify of any string decodes back, each char mapping into its spelling', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), fc.boolean(), (s, asciiOnly) => {
        let lit = JSON.stringify(s);
        if (asciiOnly) lit = lit.replace(/[^\x20-\x7e]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
        const text = `{"sms": {"x": ${lit}}}`;
        const [b] = extractBodies('locales/p.json', text, DEFAULT_EXTRACT_OPTIONS).bodies;
        assert.equal(b.text, s);
        assertEachCharSpelled(text, b, (spelled, ch) => JSON.parse(`"${spelled}"`) === ch);
      }),
      { seed: 6007, numRuns: 300 },
    );
  });
});

describe('extract: YAML locale files', () => {
  const text = read('config/locales/en.yml');
  const { bodies, problems, byKey } = extractByKey('config/locales/en.yml', text);

  it('selects Rails keys under the locale root, and plural leaves', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual([...byKey.keys()], ['en.sms.welcome', 'en.sms.single', 'en.sms.plain', 'en.sms.literal', 'en.sms.folded', 'en.sms.reminder.one', 'en.sms.reminder.other']);
    assert.equal(byKey.get('en.sms.welcome')!.syntax, 'ruby-i18n');
    assert.ok(!bodies.some((b) => b.text.includes('Not an SMS')));
  });

  it('decodes quoting, escapes, folding and block scalars like yaml does, with exact maps', () => {
    const w = byKey.get('en.sms.welcome')!;
    assert.equal(w.text, 'Hi %{name}, it’s A ready 😀');
    assert.equal(source(text, w, '’'), '\\u2019');
    assert.equal(source(text, w, 'A'), '\\x41');
    assert.equal(source(text, w, '😀'), '\\U0001F600');
    const s = byKey.get('en.sms.single')!;
    assert.equal(s.text, "It's here");
    assert.equal(source(text, s, "'"), "''");
    const p = byKey.get('en.sms.plain')!;
    assert.equal(p.text, 'Plain text that folds onto one line');
    assert.equal(source(text, p, 'folds'), 'folds');
    assert.equal(source(text, p, 'that folds'), 'that\n      folds');
    const l = byKey.get('en.sms.literal')!;
    assert.equal(l.text, 'Line one\n  indented two\nLine three\n');
    assert.equal(source(text, l, 'indented two'), 'indented two');
    assert.equal(source(text, l, 'Line three'), 'Line three');
    const f = byKey.get('en.sms.folded')!;
    assert.equal(f.text, 'Folded text joins lines\nbut keeps paragraphs');
    assert.equal(source(text, f, 'but keeps'), 'but keeps');
  });

  it('selects Symfony ICU messages', () => {
    const t = read('translations/messages.en.yaml');
    const r = extractBodies('translations/messages.en.yaml', t, DEFAULT_EXTRACT_OPTIONS);
    assert.deepEqual(r.bodies.map((b) => [b.text, b.syntax]), [['{count, plural, one {# new message} other {# new messages}}', 'icu']]);
  });

  it('reports broken YAML as a problem, not a throw', () => {
    const r = extractBodies('locales/x.yml', 'sms:\n  a: "unclosed\n  b: [', DEFAULT_EXTRACT_OPTIONS);
    assert.ok(r.problems.length > 0);
    assert.equal(r.problems[0].kind, 'parse');
  });

  it('property: strings written by yaml in every scalar style decode back, plain chars mapping to themselves', () => {
    const styles = ['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'] as const;
    let exact = 0;
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.constantFrom(...styles), fc.integer({ min: 10, max: 40 }), (s, style, lineWidth) => {
        const text = stringify({ sms: { x: s } }, { defaultStringType: style, lineWidth, minContentWidth: 5 });
        const r = extractBodies('locales/p.yml', text, DEFAULT_EXTRACT_OPTIONS);
        assert.equal(r.bodies.length, 1, text);
        const b = r.bodies[0];
        assert.equal(b.text, s, text);
        // Exact maps send a letter or digit to the same character in the file.
        if (b.map.bodyStarts.length > 1 || b.map.atomic[0] === 0) {
          exact++;
          assertEachCharSpelled(text, b, (spelled, ch) => !/[A-Za-z0-9]/.test(ch) || spelled === ch);
        }
      }),
      { seed: 6008, numRuns: 400 },
    );
    // The coarse fallback is for rare shapes, not the common case.
    assert.ok(exact > 300, `only ${exact} of 400 mapped exactly`);
  });
});
