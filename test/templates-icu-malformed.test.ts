import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTemplate, type Part, type Template } from '../shared/templates';

/** Parts as text, `<name@start-end>` for a placeholder, `[label]` for a branch group. */
function shape(t: Template): string[] {
  return t.parts.map((p) => (p.kind === 'literal' ? p.text : p.kind === 'variable' ? `<${p.name}@${p.range.start}-${p.range.end}>` : `[${p.label}]`));
}

function findings(t: Template): string[] {
  return t.findings.map((f) => `${f.code}@${f.range.start}-${f.range.end}:${f.message}`);
}

// The ways an ICU argument fails (a stray `{` in text, a name followed by words, quoted braces
// inside a broken placeholder): where each finding lands and what the placeholder is called.
describe('templates: ICU arguments that are not valid', () => {
  it('a stray { in a plural arm unbalances the plural: it is reported where it breaks and read as text', () => {
    const t = parseTemplate('Hi {n, plural, one {need{ reply {eta}} other {# left}} bye', 'icu');
    assert.deepEqual(findings(t), [
      "unclosed-tag@3-4:'{' is never closed",
      "unbalanced-braces@24-25:Expected ',' or '}' after argument 'need'",
      "unbalanced-braces@32-33:Expected ',' or '}' after argument 'reply'",
      'empty-placeholder@45-46:An argument needs a name or number',
    ]);
    assert.deepEqual(shape(t), ['Hi ', '{', 'n, plural, one ', '<need@19-54>', ' bye']);
  });

  it('a broken placeholder runs to its matching }, skipping quoted braces, and is named by its first word', () => {
    const t = parseTemplate("{a b '}' c} d", 'icu');
    assert.deepEqual(findings(t), ["unbalanced-braces@3-4:Expected ',' or '}' after argument 'a'"]);
    assert.deepEqual(shape(t), ['<a@0-11>', ' d']);
    // A no-break or em space is not ICU whitespace (it is part of the name in the message) but
    // does not name the placeholder.
    const spaced = parseTemplate('{\u00a0a\u2003b c}', 'icu');
    assert.deepEqual(findings(spaced), ["unbalanced-braces@6-7:Expected ',' or '}' after argument '\u00a0a\u2003b'"]);
    assert.deepEqual(shape(spaced), ['<a@0-8>']);
  });

  it("a broken placeholder reads '| as the text reads it: quoted text, so a } after it closes nothing", () => {
    // The text after the name reads '| as the start of quoted text (as ICU does); the search for
    // the placeholder's } once read it as plain and ended it inside that quote.
    const t = parseTemplate("{a '|x} y}", 'icu');
    assert.deepEqual(
      t.findings.map((f) => `${f.code}@${f.range.start}`),
      ['unclosed-tag@0', 'unclosed-tag@3'],
    );
    assert.deepEqual(shape(t), ['{', 'a ', '|x} y}']);
  });

  it('many broken placeholders with quoted braces each end at their own }', () => {
    // From the fifth, matching braces are remembered across placeholders: the quotes still count.
    const t = parseTemplate("{x y '{'} ".repeat(10), 'icu');
    assert.deepEqual(
      findings(t),
      Array.from({ length: 10 }, (_, k) => `unbalanced-braces@${10 * k + 3}-${10 * k + 4}:Expected ',' or '}' after argument 'x'`),
    );
    assert.deepEqual(shape(t), Array.from({ length: 10 }, (_, k) => [`<x@${10 * k}-${10 * k + 9}>`, ' ']).flat());
  });

  it('a broken placeholder inside an arm leaves the select whole', () => {
    const t = parseTemplate('{a, select, x {A{b c}} other {B}}', 'icu');
    assert.deepEqual(findings(t), ["unbalanced-braces@19-20:Expected ',' or '}' after argument 'b'"]);
    const group = t.parts[0];
    assert.ok(group.kind === 'branch');
    assert.deepEqual(
      group.branches.map((b) => `${b.label}: ${b.parts.map((p) => (p.kind === 'variable' ? `<${p.name}@${p.range.start}-${p.range.end}>` : p.kind === 'literal' ? p.text : '?')).join('')}`),
      ['x: A<b@16-21>', 'other: B'],
    );
  });
});

describe('templates: ICU parts and findings keep exact offsets in any body (property)', () => {
  const piece = fc.constantFrom(
    '{', '}', "'", "''", '#', ',', ' ', '\n', 'a', 'name', 'é', '😀', '\u00a0', '|', ':',
    '{n}', '{n, number}', '{n, number, integer}', '{n, date}', '{n, foo}', '{n,}', '{}', '{ }',
    '{n, plural, ', '{g, select, ', '{n, selectordinal, ', 'offset:1 ', 'one {', 'other {', '=0 {', 'x {', '}}',
    "'{'", "'}'", "'#'", '{n, plural, one {# item} other {# items}}', '{g, select, a {A} other {B}}',
  );

  /** Each part's range lies after the one before, inside `[start, end]`; verbatim text is the body's. */
  function checkParts(body: string, parts: readonly Part[], start: number, end: number): void {
    let at = start;
    for (const p of parts) {
      assert.ok(p.range.start >= at && p.range.end <= end && p.range.start <= p.range.end, `part range ${p.range.start}-${p.range.end} after ${at}, within ${start}-${end}`);
      if (p.kind === 'literal' && p.verbatim) assert.equal(p.text, body.slice(p.range.start, p.range.end));
      if (p.kind === 'branch') for (const b of p.branches) checkParts(body, b.parts, p.range.start, p.range.end);
      at = p.range.end;
    }
  }

  it('never falls back, sorts findings by start without repeats, and places every part in the body', () => {
    const seed = 20261129;
    try {
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
          const body = pieces.join('');
          const t = parseTemplate(body, 'icu');
          assert.ok(!t.findings.some((f) => f.message.startsWith('Could not parse')), 'parsed without falling back');
          checkParts(body, t.parts, 0, body.length);
          const keys = findings(t);
          assert.equal(new Set(keys).size, keys.length, 'no finding twice');
          for (let k = 0; k < t.findings.length; k++) {
            const r = t.findings[k].range;
            assert.ok(r.start >= 0 && r.end <= body.length && r.start < r.end);
            if (k > 0) assert.ok(t.findings[k - 1].range.start <= r.start, 'findings in body order');
          }
        }),
        { seed, numRuns: 3000 },
      );
    } catch (e) {
      console.error(`ICU offsets property failed with seed ${seed}`);
      throw e;
    }
  });
});
