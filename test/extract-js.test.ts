import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { extractBodies, DEFAULT_EXTRACT_OPTIONS } from '../shared/extract/index';
import { assertEachCharSpelled, assertNotSelected, assertSelected, assertSources, sourceSlice as slice } from './helpers/extract';

const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures', 'extract');

describe('extract: TS/JS sources', () => {
  const path = 'src/notify.ts';
  const text = readFileSync(join(FIXTURES, 'notify.ts'), 'utf8');
  const result = extractBodies(path, text, DEFAULT_EXTRACT_OPTIONS);
  const { bodies } = result;

  it('selects exactly the configured literals, in file order', () => {
    assertSelected(result, [
      ['Café 😀 it’s ready, ${name}!', 'argument 0 of sendSms()'],
      ['Hi ${name},\nyour code is ${code}', 'property body of client.messages.create()'],
      ['Reminder: 😀 ${name} at 10:00', 'tagged template sms``'],
      ['Line one\\two Acontinued', 'marker comment // smslint-template'],
      ['Yes ’', 'property body of this.client.messages.create()'],
      ['No', 'property body of this.client.messages.create()'],
      ['a', 'argument 0 of sendSms()'],
      ['b', 'argument 0 of sendSms()'],
    ]);
  });

  it('never picks unselected strings (plain consts, other calls, declarations, other arguments)', () => {
    assertNotSelected(bodies, ['Don’t pick me', 'not an sms', 'not a string', 'default, not a body', 'second argument', '+15550100']);
  });

  it('maps escapes to the whole escape, astral characters before them on the same line included', () => {
    const b = bodies[0];
    // After the emoji (2 UTF-16 units) and an escape, plain characters still map one to one.
    assertSources(text, b, [['é', '\\u00e9'], ['’', '\\u2019'], ['😀', '😀'], ['s ready', 's ready'], ['${name}', 'name']]);
    assert.equal(slice(text, b, 0, b.text.length), "Caf\\u00e9 😀 it\\u2019s ready, ' + name + '!");
    // An offset inside the astral escape's pair covers the whole escape.
    const t = bodies[2];
    const at = t.text.indexOf('😀');
    assert.equal(slice(text, t, at + 1, at + 2), '\\u{1F600}');
    assert.equal(slice(text, t, at, at + 2), '\\u{1F600}');
  });

  it('keeps template substitutions as `${expr}` placeholders spanning their source', () => {
    const b = bodies[1];
    assert.equal(b.syntax, 'js-template');
    assertSources(text, b, [['${code}', '${code}'], ['\n', '\\n']]);
    assert.equal(text.slice(b.range.start, b.range.end), 'Hi ${name},\\nyour code is ${code}');
  });

  it('decodes legacy escapes and line continuations exactly', () => {
    // The continuation (backslash + newline) produced nothing but lies inside the range.
    assertSources(text, bodies[3], [['\\', '\\\\'], ['A', '\\x41'], ['Acontinued', '\\x41\\\ncontinued']]);
  });

  it('skips minified, binary and oversized sources with one notice', () => {
    const minified = 'sendSms("x");' + 'a=1;'.repeat(5000);
    const r1 = extractBodies('a.js', minified, DEFAULT_EXTRACT_OPTIONS);
    assert.equal(r1.bodies.length, 0);
    assert.equal(r1.problems.length, 1);
    assert.match(r1.problems[0].message, /minified/);
    const r2 = extractBodies('a.ts', 'sendSms("x")\0\0', DEFAULT_EXTRACT_OPTIONS);
    assert.match(r2.problems[0].message, /binary/);
    const r3 = extractBodies('a.ts', 'sendSms("x")', { ...DEFAULT_EXTRACT_OPTIONS, maxFileSize: 5 });
    assert.match(r3.problems[0].message, /over the limit/);
  });

  it('tells regex from division and survives unterminated input', () => {
    const src = 'const a = b / 2; sendSms(x / y + "ok"); const r = /"/; sendSms(`t`)\nif (a) /x/.test("q"); sendSms("z';
    const r = extractBodies('a.ts', src, DEFAULT_EXTRACT_OPTIONS);
    // The last call never closes: nothing is guessed from it.
    assert.deepEqual(r.bodies.map((b) => b.text), ['${x / y}ok', 't']);
  });

  it('honours configured call sites, tags and marker', () => {
    const opts = { ...DEFAULT_EXTRACT_OPTIONS, callSites: [{ callee: '*.notify.send', argument: 1, property: 'text' }], tags: ['msg.sms'], marker: 'sms-body' };
    const src = 'api.notify.send(to, { text: "A" }); notify.send(0, { text: "B" }); msg.sms`C`; sms`D`; /* sms-body */ x = "E"; // smslint-template\ny = "F"';
    const r = extractBodies('a.mjs', src, opts);
    assert.deepEqual(r.bodies.map((b) => b.text), ['A', 'C', 'E']);
  });

  it('property: any string written as a JS literal decodes back, each char mapping into its spelling', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.boolean(), (s, useTemplate) => {
        const lit = useTemplate ? jsTemplateLiteral(s) : JSON.stringify(s);
        const src = `const x = 1;\nsendSms(${lit});\n`;
        const r = extractBodies('p.ts', src, DEFAULT_EXTRACT_OPTIONS);
        assert.equal(r.bodies.length, 1);
        const b = r.bodies[0];
        assert.equal(b.text, s);
        // The spelling must decode (as a JS literal) to the char(s) it covers.
        assertEachCharSpelled(src, b, (spelled, ch) => ((0, eval)(`"${spelled.replace(/^`|`$/g, '')}"`) as string).includes(ch));
      }),
      { seed: 6006, numRuns: 300 },
    );
  });
});

/** `s` as a template literal with escapes for `, \, ${ and some random \u escapes. */
function jsTemplateLiteral(s: string): string {
  let out = '`';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '`' || ch === '\\') out += '\\' + ch;
    else if (ch === '$') out += '\\$';
    else if (cp > 0xffff) out += `\\u{${cp.toString(16)}}`;
    else if (cp < 32 || (cp >= 0xd800 && cp <= 0xdfff) || cp === 0x2028 || cp === 0x2029) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + '`';
}
