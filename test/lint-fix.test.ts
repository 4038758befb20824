// fixAll over random bodies: it converges in one run, leaves nothing fixable, never costs more,
// and writes the same fixed text in every host (JSON, YAML) as in a template file.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { fixAll } from '../shared/lint';
import { fixed, lint } from './fixtures/lint/harness';

// Seeded so a failure reproduces; fast-check prints the seed and counterexample when one fails.
const seed = Number(process.env.FC_SEED ?? 5_2025);
const params = { seed, numRuns: 150 };

// GSM-7 text, the characters the rules fix, ones they cannot (emoji, ë), and extension chars.
const pieces = [
  'a', 'Z', ' ', '.', '7', 'é', 'ñ', '€', '{', '~', '\n', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  '\u2019', '\u2018', '\u201C', '\u201D', '\u2013', '\u2014', '\u2026', '\u00A0', '\u200B', '\u202F', '\uFEFF', '\u00AD',
  'e\u0301', 'A\u0308', '\u{1F600}', '\u00EB', '\u00B4', '\u2122', '\u00BD', '\u00AD',
];
const body = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 60 }).map((p) => `A${p.join('')}`.replace(/\n+$/, '')); // a template file's final newline is not sent

const fixable = (path: string, text: string) => lint(path, text).findings.filter((f) => f.data?.['fixAll'] === true);
const worst = (path: string, text: string): number => lint(path, text).bodies[0]!.figures.segments.worst;

describe('fixAll', () => {
  it('is idempotent, leaves nothing fixable and never adds a segment (.sms)', () => {
    fc.assert(
      fc.property(body, (text) => {
        const once = fixAll(text, lint('/r/a.sms', text)).text;
        assert.deepEqual(fixable('/r/a.sms', once), []);
        assert.equal(fixAll(once, lint('/r/a.sms', once)).text, once);
        assert.ok(worst('/r/a.sms', once) <= worst('/r/a.sms', text));
      }),
      params,
    );
  });

  it('writes the same fixed text into a JSON string, escaped or not, and the file still parses', () => {
    fc.assert(
      fc.property(body, fc.boolean(), (text, escapeAll) => {
        const literal = escapeAll ? JSON.stringify(text).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : JSON.stringify(text);
        const file = `{"sms": {"a": ${literal}}}`;
        const out = fixed('/r/locales/en.json', file);
        assert.equal(JSON.parse(out).sms.a, fixed('/r/a.sms', text));
        assert.deepEqual(fixable('/r/locales/en.json', out), []);
      }),
      params,
    );
  });

  it('writes the same fixed text into YAML scalars (single-quoted, double-quoted, plain) and the file still parses', () => {
    // A single-line body: YAML folds line breaks inside flow scalars.
    const line = body.map((t) => t.replaceAll('\n', ' ').replace(/\s+$/, '') || 'A');
    fc.assert(
      fc.property(line, fc.constantFrom('single', 'double', 'plain'), (text, style) => {
        const want = fixed('/r/a.sms', text);
        const scalar = style === 'single' ? `'${text.replaceAll("'", "''")}'` : style === 'double' ? JSON.stringify(text) : text;
        fc.pre(style !== 'plain' || parseYaml(`a: ${scalar}`)?.a === text);
        const out = fixed('/r/locales/en.yaml', `sms:\n  a: ${scalar}\n  b: ok\n`);
        const parsed = parseYaml(out);
        assert.equal(parsed.sms.a, want, out);
        assert.equal(parsed.sms.b, 'ok');
      }),
      params,
    );
  });
});
