// The character rules through lintDocument: what fires, where, what it says, and its fixes.
import { strict as assert } from 'node:assert';
import { applyFix, covered, findingsOf, fixed, lint, only } from './fixtures/lint/harness';

// 15 + 100 = 115 characters: 1 GSM-7 segment, 2 UCS-2 segments (115 > 70, ⌈115/67⌉ = 2).
const flips = 'Don\u2019t miss it: ' + 'x'.repeat(100);

describe('non-gsm-char', () => {
  it('names the character, the segments before/after and what it costs per recipient and per campaign', () => {
    const r = lint('/r/sale.sms', flips, { campaign: { recipients: 1653 } });
    const f = only(r, 'non-gsm-char');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.range, { start: 3, end: 4 });
    assert.equal(
      f.message,
      '\u2019 (U+2019 RIGHT SINGLE QUOTATION MARK) forces UCS-2: 1 → 2 segments, +$0.01 per recipient, +$16.53 for 1,653 recipients. Replace with "\'".',
    );
    assert.deepEqual(f.fixes, [{ title: "Replace \u2019 with '", edits: [{ range: { start: 3, end: 4 }, text: "'" }] }]);
    assert.equal(f.data?.['segments'], 2);
    assert.equal(f.data?.['segmentsAfterFix'], 1);
    assert.equal(f.docsPath, 'docs/rules/non-gsm-char.md');
    assert.match(f.hover ?? '', /\| segments \| 2 \| 1 \|/);
    assert.deepEqual(r.bodies.map((b) => b.inlayHint), ['2 seg · UCS-2 · $0.02']);
  });

  it('prices the delta in credits under textspot (their worked example: 1,653 contacts)', () => {
    const f = only(lint('/r/sale.sms', flips, { profile: 'textspot', campaign: { recipients: 1653 } }), 'non-gsm-char');
    assert.match(f.message, /forces UCS-2: 1 → 2 segments, \+1 credit per recipient, \+1,653 credits for 1,653 recipients\./);
  });

  it('says "1 recipient", and no cost delta when the count does not change', () => {
    assert.match(only(lint('/r/a.sms', flips), 'non-gsm-char').message, /\+\$0\.01 for 1 recipient\./);
    const short = only(lint('/r/a.sms', 'Don\u2019t'), 'non-gsm-char');
    assert.equal(short.message, '\u2019 (U+2019 RIGHT SINGLE QUOTATION MARK) forces UCS-2 (70 characters per segment instead of 160; still 1 segment here). Replace with "\'".');
  });

  it('does not fire on GSM-7 basic letters that provider prose gets wrong (é ñ ß ø Ä Ç à ü £ ¥ § ¿ ¡ Δ Ω)', () => {
    const r = lint('/r/a.sms', 'Café, niño, Straße, Søren, Ärger, Ça, £5 ¥6 §7 ¿si? ¡no! à è ù ì ò ü ΔΦΓΛΩΠΨΣΘΞ');
    assert.deepEqual(r.findings, []);
    assert.equal(r.bodies[0]!.figures.encoding.worst, 'GSM-7');
  });

  it('reports every non-GSM character; an emoji has no fix and is left out of fix-all', () => {
    const text = 'Hi \u{1F600} \u2019';
    const r = lint('/r/a.sms', text);
    const fs = findingsOf(r, 'non-gsm-char');
    assert.deepEqual(fs.map((f) => covered(text, f)), ['\u{1F600}', '\u2019']);
    assert.deepEqual(fs[0]!.range, { start: 3, end: 5 }, 'a surrogate pair is one finding of 2 UTF-16 units');
    assert.deepEqual(fs[0]!.fixes, []);
    assert.equal(fs[0]!.data?.['fixAll'], false);
    assert.match(fs[0]!.message, /^😀 \(U\+1F600 [^)]+\) forces UCS-2 \(1 segment worst case\)\.$/);
    // The quote is replaceable, but the emoji keeps the message UCS-2: say so, do not promise savings.
    assert.match(fs[1]!.message, /other characters keep the message UCS-2 even once it is replaced/);
    assert.equal(fixed('/r/a.sms', text), 'Hi \u{1F600} \'');
  });

  it('offers a respelling (Zoë → Zoe) one by one, never in fix-all', () => {
    const text = 'Hi Zo\u00EB';
    const f = only(lint('/r/a.sms', text), 'non-gsm-char');
    assert.deepEqual(f.range, { start: 5, end: 6 });
    assert.equal(f.message, 'ë (U+00EB LATIN SMALL LETTER E WITH DIAERESIS) forces UCS-2 (1 segment worst case). Replace with "e".');
    assert.equal(f.data?.['lossy'], true);
    assert.equal(f.data?.['fixAll'], false);
    assert.equal(applyFix(text, f), 'Hi Zoe');
    assert.equal(fixed('/r/a.sms', text), text, 'fix-all never respells a name');
  });

  it('takes a severity from config, and "off" turns it off', () => {
    assert.equal(only(lint('/r/a.sms', flips, { rules: { 'non-gsm-char': 'error' } }), 'non-gsm-char').severity, 'error');
    assert.equal(only(lint('/r/a.sms', flips, { rules: { 'non-gsm-char': ['hint', {}] } }), 'non-gsm-char').severity, 'hint');
    assert.deepEqual(findingsOf(lint('/r/a.sms', flips, { rules: { 'non-gsm-char': 'off' } }), 'non-gsm-char'), []);
  });

  it('allowUnicode: true silences it; a list allows only the characters listed', () => {
    assert.deepEqual(lint('/r/a.sms', flips, { allowUnicode: true }).findings, []);
    const text = 'L\u2019offre \u00AB\u00A0super\u00A0\u00BB \u2013 5\u00A0€';
    const r = lint('/r/a.fr.sms', text, { allowUnicode: ['\u2019', '\u00AB', '\u00BB', '\u00A0'] });
    assert.deepEqual(r.findings.map((f) => [f.ruleId, covered(text, f)]), [['non-gsm-char', '\u2013']]);
    // Fixing the dash cannot make the body GSM-7 while the allowed quotes stay: say so.
    assert.match(r.findings[0]!.message, /other characters keep the message UCS-2/);
  });

  it('allowUnicode by override: French copy keeps its apostrophes, English copy is checked', () => {
    const config = { overrides: [{ files: '*.fr.sms', allowUnicode: ['\u2019'] }] };
    assert.deepEqual(lint('/r/promo.fr.sms', 'L\u2019offre', config).findings, []);
    assert.equal(findingsOf(lint('/r/promo.en.sms', 'Don\u2019t', config), 'non-gsm-char').length, 1);
  });
});

describe('invisible-char', () => {
  it('finds a no-break space and a zero-width space, with exact ranges, costs and fixes', () => {
    const text = 'Your code:\u00A0' + 'x'.repeat(80) + '\u200B';
    const r = lint('/r/a.sms', text, { campaign: { recipients: 100 } });
    const fs = findingsOf(r, 'invisible-char');
    assert.deepEqual(fs.map((f) => f.range), [{ start: 10, end: 11 }, { start: 91, end: 92 }]);
    assert.equal(fs[0]!.severity, 'warning');
    assert.equal(fs[0]!.message, 'Invisible (U+00A0 NO-BREAK SPACE) forces UCS-2: 1 → 2 segments, +$0.01 per recipient, +$1.00 for 100 recipients. Replace it with a plain space.');
    assert.equal(fs[1]!.message, 'Invisible (U+200B ZERO WIDTH SPACE) forces UCS-2: 1 → 2 segments, +$0.01 per recipient, +$1.00 for 100 recipients. Remove it.');
    assert.deepEqual(fs.map((f) => f.fixes[0]), [
      { title: 'Replace NO-BREAK SPACE with a plain space', edits: [{ range: { start: 10, end: 11 }, text: ' ' }] },
      { title: 'Remove ZERO WIDTH SPACE', edits: [{ range: { start: 91, end: 92 }, text: '' }] },
    ]);
    assert.equal(fixed('/r/a.sms', text), 'Your code: ' + 'x'.repeat(80));
    assert.deepEqual(findingsOf(r, 'non-gsm-char'), [], 'one finding per character, not two');
  });

  it('calls a line separator fix a line break', () => {
    const f = only(lint('/r/a.sms', 'a\u2028b'), 'invisible-char');
    assert.equal(f.fixes[0]!.title, 'Replace LINE SEPARATOR with a line break');
    assert.equal(applyFix('a\u2028b', f), 'a\nb');
  });

  it('a narrow no-break space listed in allowUnicode is intended (French « » spacing)', () => {
    assert.deepEqual(lint('/r/a.sms', 'Prix\u202F: 5', { allowUnicode: ['\u202F'] }).findings, []);
    assert.equal(findingsOf(lint('/r/a.sms', 'Prix\u202F: 5'), 'invisible-char').length, 1);
  });

  it('severity and off', () => {
    assert.equal(only(lint('/r/a.sms', 'a\u200Bb', { rules: { 'invisible-char': 'error' } }), 'invisible-char').severity, 'error');
    assert.deepEqual(lint('/r/a.sms', 'a\u200Bb', { rules: { 'invisible-char': 'off' } }).findings, []);
  });
});

describe('decomposed-char', () => {
  it('covers base letter and combining mark; the fix is the precomposed letter', () => {
    const text = 'Cafe\u0301 ' + 'x'.repeat(100);
    const f = only(lint('/r/a.sms', text), 'decomposed-char');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.range, { start: 3, end: 5 });
    assert.equal(
      f.message,
      'Decomposed é: the base letter plus (U+0301 COMBINING ACUTE ACCENT) forces UCS-2: 1 → 2 segments, +$0.01 per recipient, +$0.01 for 1 recipient; the precomposed é is GSM-7. Normalize to NFC.',
    );
    assert.deepEqual(f.fixes[0]!.edits, [{ range: { start: 3, end: 5 }, text: '\u00E9' }]);
    assert.deepEqual(findingsOf(lint('/r/a.sms', text), 'non-gsm-char'), []);
    assert.equal(fixed('/r/a.sms', text), 'Caf\u00E9 ' + 'x'.repeat(100));
  });

  it('does not fire on the precomposed letter, nor on a mark NFC cannot fold into GSM-7', () => {
    assert.deepEqual(lint('/r/a.sms', 'Caf\u00E9').findings, []);
    const r = lint('/r/a.sms', 'q\u0301');
    assert.deepEqual(findingsOf(r, 'decomposed-char'), []);
    assert.equal(findingsOf(r, 'non-gsm-char').length, 1);
  });

  it('off', () => {
    assert.deepEqual(findingsOf(lint('/r/a.sms', 'Cafe\u0301', { rules: { 'decomposed-char': 'off' } }), 'decomposed-char'), []);
  });
});

describe('gsm-extended-char', () => {
  it('reports the extension characters (info) when their second septet adds a segment', () => {
    const text = 'x'.repeat(159) + '\u20AC'; // 159 + 2 = 161 septets: 2 segments; 160 would be 1
    const r = lint('/r/a.sms', text);
    const f = only(r, 'gsm-extended-char');
    assert.equal(f.severity, 'info');
    assert.deepEqual(f.range, { start: 159, end: 160 });
    assert.equal(f.message, '€ (U+20AC EURO SIGN) is a GSM-7 extension character (2 septets); the extension characters here make the message 2 segments instead of 1.');
    assert.deepEqual(f.fixes, []);
    assert.equal(r.bodies[0]!.figures.encoding.worst, 'GSM-7');
  });

  it('stays quiet when the extra septets do not change the count', () => {
    assert.deepEqual(lint('/r/a.sms', 'Price: 5\u20AC [promo] ~ | ^').findings, []);
  });

  it('never counts placeholder braces: {{name}} is replaced before sending', () => {
    const text = 'x'.repeat(150) + '{{name}}';
    assert.deepEqual(lint('/r/a.sms', text, { variables: { name: { maxLength: 5, charset: 'gsm' } } }).findings, []);
  });

  it('severity override', () => {
    const text = 'x'.repeat(159) + '~';
    assert.equal(only(lint('/r/a.sms', text, { rules: { 'gsm-extended-char': 'warning' } }), 'gsm-extended-char').severity, 'warning');
    assert.deepEqual(lint('/r/a.sms', text, { rules: { 'gsm-extended-char': 'off' } }).findings, []);
  });
});
