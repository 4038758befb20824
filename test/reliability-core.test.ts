// Property tests of the core over hostile input, on a budget of seconds. Set SMSLINT_SEED to
// replay a failure, SMSLINT_FUZZ_SCALE to run more cases (`npm run fuzz` runs far more).
import { strict as assert } from 'node:assert';
import { analyze, countSegments, fixText } from '../shared/segments';
import { extractBodies } from '../shared/extract';
import { parseTemplate, templateFigures } from '../shared/templates';
import { DEFAULT_CONFIG } from '../shared/config';
import { fixAll, lintDocument } from '../shared/lint';
import { CORE_PROPERTIES, runProperty } from './fuzz/properties';
import { testSeed } from './helpers/random';

const scale = Number(process.env.SMSLINT_FUZZ_SCALE ?? 1) || 1;
const seed = testSeed();

describe(`reliability: core properties (seed ${seed})`, function () {
  this.timeout(60_000 * scale);
  for (const p of CORE_PROPERTIES) {
    it(p.name, () => {
      const r = runProperty(p, { seed, runs: 300 * scale, timeLimitMs: 1500 * scale });
      assert.ok(!r.failure, r.failure);
    });
  }
});

// Inputs the properties found, kept as plain cases so they never come back.
describe('reliability: core regressions found by fuzzing', () => {
  it('an empty JSON locale file reports its parse error inside the file', () => {
    const r = extractBodies('/r/locales/en.json', '');
    assert.ok(r.problems.length > 0);
    for (const p of r.problems) assert.deepEqual(p.range, { start: 0, end: 0 });
  });

  it('a YAML locale file with deeply nested flow-map keys is read, not stringified to death', () => {
    const r = extractBodies('/r/locales/en.yaml', `en:\n  sms:\n    welcome: ${'{'.repeat(60)}\n`);
    assert.ok(!r.problems.some((p) => p.message.startsWith('Extraction failed')), JSON.stringify(r.problems));
  });

  it('a .NET alignment of 99999999999 is measured (capped), not thrown', () => {
    const figs = templateFigures(parseTemplate('Hi {0,99999999999}', 'dotnet'));
    assert.ok(figs.worst.segments > 100);
  });

  it('a variable maxLength or maxItems of 1e9 is measured (capped), not thrown', () => {
    const text = '---\nvariables:\n  name: { maxLength: 1000000000 }\n  items: { maxItems: 1000000000 }\n---\nHi {{name}} {{#each items}}{{#each items}}x{{/each}}{{/each}}';
    const r = lintDocument({ path: '/r/a.sms', text }, DEFAULT_CONFIG);
    assert.equal(r.bodies.length, 1);
    assert.ok(r.bodies[0]!.figures.segments.worst > 60);
  });

  it('"™" → "TM" is not applied when the body stays UCS-2 and would grow', () => {
    const text = '😀' + '™'.repeat(68);
    assert.equal(countSegments(text).segments, 1);
    const a = analyze(text);
    assert.ok(a.findings.some((f) => f.replacement === 'TM'), 'the fix is still offered one by one');
    assert.equal(a.fixed.count.segments, 1);
    assert.deepEqual(a.fixed.edits, []);
  });

  it('seventy "…" stay as they are: "..." would take two GSM-7 segments instead of one UCS-2', () => {
    const fixed = fixText('…'.repeat(70));
    assert.equal(fixed.count.segments, 1);
    assert.equal(fixed.text, '…'.repeat(70));
  });

  it('a removable zero-width space is still removed when the lengthening fixes are held back', () => {
    const text = '😀\u200b' + '™'.repeat(68);
    const fixed = fixText(text);
    assert.equal(fixed.text, '😀' + '™'.repeat(68));
  });
});

describe('reliability: fix-all regressions found by fuzzing', () => {
  it('fix-all in a .sms file leaves "™" alone when "TM" would add a segment, and still removes a soft hyphen', () => {
    const text = '😀\u00ad' + '™'.repeat(68);
    const r = lintDocument({ path: '/r/a.sms', text }, DEFAULT_CONFIG);
    const fixed = fixAll(text, r);
    assert.equal(fixed.text, '😀' + '™'.repeat(68));
    const again = lintDocument({ path: '/r/a.sms', text: fixed.text }, DEFAULT_CONFIG);
    assert.equal(again.bodies[0]!.figures.segments.worst, 1);
    assert.ok(again.findings.some((f) => f.ruleId === 'non-gsm-char' && f.fixes.length > 0), '"™" keeps its one-by-one fix');
  });
});

describe('reliability: idempotent fixes', () => {
  it('"a", a zero-width space, a combining diaeresis: one fix makes "ä", a second finds nothing', () => {
    const once = fixText('x a\u200b\u0308');
    assert.equal(once.text, 'x ä');
    assert.deepEqual(fixText(once.text).edits, []);
  });
});

// Shapes of hostile templates that once crashed the run or took quadratic time.
describe('reliability: pathological templates', () => {
  const lint = (path: string, text: string) => lintDocument({ path, text }, DEFAULT_CONFIG);

  it('a template nested thousands deep is measured as plain text, with an error that says why', () => {
    const text = '{{#if a}}x'.repeat(3000) + '{{/if}}'.repeat(3000);
    const r = lint('/r/deep.sms.hbs', text);
    const why = r.findings.filter((f) => f.ruleId === 'malformed-template');
    assert.equal(why.length, 1);
    assert.equal(why[0]!.severity, 'error');
    assert.match(why[0]!.message, /measured as plain text: it nests too deeply to measure/);
    assert.deepEqual(why[0]!.range, { start: 0, end: text.length });
    assert.equal(r.bodies.length, 1);
    assert.equal(r.bodies[0]!.syntax, 'plain');
    assert.ok(r.bodies[0]!.figures.segments.worst > 1);
  });

  it('a body with more findings than a call takes arguments is linted', () => {
    const text = '’'.repeat(150_000);
    const r = lint('/r/quotes.sms', text);
    assert.equal(r.findings.filter((f) => f.ruleId === 'non-gsm-char').length, 150_000);
  });

  it('a body with many distinct placeholders lists each once, in order, with every use', () => {
    const names = Array.from({ length: 40 }, (_, i) => `v${i}`);
    const t = parseTemplate(names.map((n) => `{{${n}}} {{${n}}}`).join(' '), 'handlebars');
    const f = templateFigures(t);
    assert.deepEqual(f.variables.map((v) => v.name), names);
    for (const v of f.variables) assert.equal(v.ranges.length, 2, v.name);
  });
});
