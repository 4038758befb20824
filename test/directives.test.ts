import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  commentStylesForPath,
  disableNextLineComment,
  findComments,
  isSuppressed,
  parseDirectives,
  type CommentStyle,
} from '../shared/directives';
import { RULE_IDS } from '../shared/rules/registry';

const knownRules = RULE_IDS;

function parse(text: string, comments: readonly CommentStyle[]) {
  return parseDirectives(text, { knownRules, comments });
}

/** Offset of the n-th (0-based) occurrence of `needle`. */
function at(text: string, needle: string, n = 0): number {
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, `"${needle}" #${k} not in text`);
  }
  return i;
}

describe('directives', () => {
  describe('disable-next-line', () => {
    it('suppresses the named rule on the next line only (TypeScript)', () => {
      const text = [
        'send("Don’t");',
        '// smslint-disable-next-line non-gsm-char',
        'send("Won’t");',
        'send("Can’t");',
      ].join('\n');
      const { suppressions: s, problems } = parse(text, ['slash', 'block']);
      assert.deepEqual(problems, []);
      assert.equal(isSuppressed(s, 'non-gsm-char', at(text, '’', 0)), false);
      assert.equal(isSuppressed(s, 'non-gsm-char', at(text, '’', 1)), true);
      assert.equal(isSuppressed(s, 'invisible-char', at(text, '’', 1)), false, 'other rules still run');
      assert.equal(isSuppressed(s, 'non-gsm-char', at(text, '’', 2)), false);
    });

    it('with no rule list suppresses every rule; commas and a -- reason are accepted', () => {
      const text = '# smslint-disable-next-line\nfr: "l’été"\n# smslint-disable-next-line non-gsm-char, invisible-char -- French copy wants curly quotes\nfr2: "l’été\u00a0"\n';
      const { suppressions: s, problems, directives } = parse(text, ['hash']);
      assert.deepEqual(problems, []);
      assert.equal(isSuppressed(s, 'segment-limit', at(text, '’', 0)), true);
      assert.equal(isSuppressed(s, 'invisible-char', at(text, '\u00a0')), true);
      assert.equal(isSuppressed(s, 'segment-limit', at(text, '’', 1)), false);
      assert.equal(directives[1]!.reason, 'French copy wants curly quotes');
      assert.deepEqual([...(directives[1]!.rules as Set<string>)], ['non-gsm-char', 'invisible-char']);
    });

    it('counts from the end of a multi-line block comment, with CRLF line ends', () => {
      const text = '/*\r\n smslint-disable-next-line is not at the start\r\n */\r\nx\r\n/* smslint-disable-next-line\r\n */\r\ny’\r\nz’';
      const { suppressions: s } = parse(text, ['block']);
      assert.equal(isSuppressed(s, 'non-gsm-char', at(text, 'x')), false);
      assert.equal(isSuppressed(s, 'non-gsm-char', at(text, 'y’') + 1), true);
      assert.equal(isSuppressed(s, 'non-gsm-char', at(text, 'z’') + 1), false);
    });
  });

  it('disable-line suppresses its own line', () => {
    const text = 'a’ {{! smslint-disable-line non-gsm-char }}\nb’';
    const { suppressions: s } = parse(text, ['mustache']);
    assert.equal(isSuppressed(s, 'non-gsm-char', 1), true);
    assert.equal(isSuppressed(s, 'non-gsm-char', at(text, 'b’') + 1), false);
  });

  describe('disable / enable blocks', () => {
    it('suppress from the disable comment to the enable comment', () => {
      const text = '<!-- smslint-disable non-gsm-char -->\n<string>l’été</string>\n<!-- smslint-enable non-gsm-char -->\n<string>l’hiver</string>';
      const { suppressions: s, problems } = parse(text, ['html']);
      assert.deepEqual(problems, []);
      assert.equal(isSuppressed(s, 'non-gsm-char', at(text, '’', 0)), true);
      assert.equal(isSuppressed(s, 'non-gsm-char', at(text, '’', 1)), false);
    });

    it('a disable without enable runs to the end of the file; enable of one rule keeps the rest off', () => {
      const text = 'Z’{% comment %} smslint-disable {% endcomment %}A’\u200b{% # smslint-enable invisible-char %}B’\u200b';
      const { suppressions: s, problems } = parse(text, ['liquid']);
      assert.deepEqual(problems, []);
      assert.equal(isSuppressed(s, 'non-gsm-char', at(text, 'A’') + 1), true);
      assert.equal(isSuppressed(s, 'invisible-char', at(text, '\u200b', 0)), true);
      assert.equal(isSuppressed(s, 'non-gsm-char', at(text, 'B’') + 1), true);
      assert.equal(isSuppressed(s, 'invisible-char', at(text, '\u200b', 1)), false);
      assert.equal(isSuppressed(s, 'non-gsm-char', 1), false, 'before the comment');
    });

    it('an enable with nothing disabled is reported', () => {
      const text = '// smslint-disable cost-limit\n// smslint-enable non-gsm-char\n';
      const { problems } = parse(text, ['slash']);
      assert.equal(problems.length, 1);
      assert.equal(problems[0]!.kind, 'unmatched-enable');
      assert.match(problems[0]!.message, /"smslint-enable" has no matching "smslint-disable" before it for non-gsm-char/);
      assert.equal(problems[0]!.range.start, at(text, '// smslint-enable'));
    });
  });

  it('disable-file suppresses everywhere, wherever it is written', () => {
    const text = 'one’\ntwo’\n{{!-- smslint-disable-file gsm-extended-char --}}\nthree{}';
    const { suppressions: s } = parse(text, ['mustache']);
    assert.equal(isSuppressed(s, 'gsm-extended-char', 0), true);
    assert.equal(isSuppressed(s, 'gsm-extended-char', text.length - 1), true);
    assert.equal(isSuppressed(s, 'non-gsm-char', 0), false);
  });

  it('plain .sms templates take directives only in their front matter', () => {
    const text = '---\nrecipients: 1653\n# smslint-disable-file non-gsm-char\n---\nHi # smslint-disable-file\nDon’t';
    const { suppressions: s, directives } = parse(text, commentStylesForPath('promo/welcome.sms'));
    assert.equal(directives.length, 1, 'a "#" in the body is text the SMS carries');
    assert.equal(isSuppressed(s, 'non-gsm-char', at(text, '’')), true);
    assert.equal(isSuppressed(s, 'segment-limit', at(text, '’')), false);
  });

  describe('findings', () => {
    it('an unknown rule id is reported at the id, with a suggestion; known ids in the list still apply', () => {
      const text = '// smslint-disable-next-line non-gsm, invisible-char\nx';
      const { suppressions: s, problems } = parse(text, ['slash']);
      assert.equal(problems.length, 1);
      const p = problems[0]!;
      assert.equal(p.kind, 'unknown-rule');
      assert.equal(text.slice(p.range.start, p.range.end), 'non-gsm');
      assert.equal(p.message, 'Unknown rule "non-gsm" in "smslint-disable-next-line". Did you mean "non-gsm-char"?');
      assert.equal(isSuppressed(s, 'invisible-char', text.length - 1), true);
      assert.equal(isSuppressed(s, 'non-gsm-char', text.length - 1), false);
    });

    it('a list of only unknown ids disables nothing (not everything)', () => {
      const text = '# smslint-disable totally-made-up\nx';
      const { suppressions: s, problems } = parse(text, ['hash']);
      assert.equal(problems[0]!.kind, 'unknown-rule');
      assert.equal(problems[0]!.message, 'Unknown rule "totally-made-up" in "smslint-disable".');
      assert.equal(isSuppressed(s, 'non-gsm-char', text.length - 1), false);
    });

    it('misspelled directives are reported with the likely one', () => {
      const cases: [string, string][] = [
        ['// smslint-disable-nextline non-gsm-char', 'Unknown directive "smslint-disable-nextline". Did you mean "smslint-disable-next-line"?'],
        ['// smslint-disabel', 'Unknown directive "smslint-disabel". Did you mean "smslint-disable"?'],
        ['// smslint-enabled', 'Unknown directive "smslint-enabled". Did you mean "smslint-enable"?'],
        ['// smslint-disable-everything-please', 'Unknown directive "smslint-disable-everything-please". Expected one of: smslint-disable-next-line, smslint-disable-line, smslint-disable-file, smslint-disable, smslint-enable.'],
      ];
      for (const [text, message] of cases) {
        const { problems, directives } = parse(text, ['slash']);
        assert.deepEqual(directives, [], text);
        assert.equal(problems.length, 1, text);
        assert.equal(problems[0]!.kind, 'unknown-directive');
        assert.equal(problems[0]!.message, message);
        assert.equal(problems[0]!.range.start, 3);
      }
    });

    it('malformed lists are reported and apply nothing', () => {
      const cases: [string, RegExp][] = [
        ['// smslint-disable-next-line non-gsm-char,,cost-limit\nx’', /empty rule id in the list/],
        ['// smslint-disable-next-line NonGsmChar\nx’', /"NonGsmChar" is not a rule id/],
        ['// smslint-disable-next-line:non-gsm-char\nx’', /put a space between "smslint-disable-next-line" and the rule ids/],
      ];
      for (const [text, message] of cases) {
        const { problems, suppressions: s } = parse(text, ['slash']);
        assert.equal(problems.length, 1, text);
        assert.equal(problems[0]!.kind, 'malformed');
        assert.match(problems[0]!.message, message);
        assert.equal(isSuppressed(s, 'non-gsm-char', text.length - 1), false, text);
      }
    });

    it('ignores other smslint- words (the extraction marker) and directives not at the start of a comment', () => {
      const text = '// smslint-template\nconst a = `x`;\n// see smslint-disable in the docs\n/* url: http://x.y/smslint-disable */';
      const r = parse(text, ['slash', 'block']);
      assert.deepEqual(r.problems, []);
      assert.deepEqual(r.directives, []);
    });
  });

  describe('comments', () => {
    it('does not take a "#" inside a word or a "//" inside a block comment as a comment', () => {
      assert.deepEqual(
        findComments('order#12 # real', ['hash']).map((c) => c.text),
        [' real'],
      );
      assert.deepEqual(
        findComments('/* a // b */ // c', ['slash', 'block']).map((c) => c.text),
        [' a // b ', ' c'],
      );
    });

    it('picks comment styles by file name', () => {
      assert.deepEqual(commentStylesForPath('src/send.ts'), ['slash', 'block']);
      assert.deepEqual(commentStylesForPath('C:\\app\\locales\\fr.yml'), ['hash']);
      assert.deepEqual(commentStylesForPath('t/welcome.sms.hbs'), ['front-matter', 'mustache']);
      assert.deepEqual(commentStylesForPath('t/welcome.sms.liquid'), ['front-matter', 'liquid']);
      assert.deepEqual(commentStylesForPath('res/values/strings.xml'), ['html', 'slash', 'block']);
      assert.deepEqual(commentStylesForPath('locales/en.json'), [], 'JSON has no comments: use config');
    });

    it('the quick-fix comment is itself a valid directive in every style', () => {
      for (const style of ['slash', 'block', 'hash', 'mustache', 'liquid', 'html'] as const) {
        const comment = disableNextLineComment(style, 'non-gsm-char')!;
        const text = `${comment}\nDon’t`;
        const { suppressions: s, problems } = parse(text, [style]);
        assert.deepEqual(problems, [], style);
        assert.equal(isSuppressed(s, 'non-gsm-char', at(text, '’')), true, style);
      }
    });
  });

  it('never throws and never suppresses without a directive (property)', () => {
    const seed = 20240605;
    const styles: CommentStyle[] = ['slash', 'block', 'hash', 'mustache', 'liquid', 'html', 'front-matter'];
    const piece = fc.constantFrom('// ', '/* ', ' */', '# ', '{{! ', '}}', '{% comment %}', '{% endcomment %}', '<!-- ', ' -->', '\n', '\r\n', 'smslint-', 'disable', 'enable', '-next-line', '-file', ' non-gsm-char', ',', ' -- ', '---\n', 'x’', '#');
    try {
      fc.assert(
        fc.property(fc.array(piece, { maxLength: 40 }), fc.nat(), (parts, k) => {
          const text = parts.join('');
          const r = parseDirectives(text, { knownRules, comments: styles });
          const offset = text.length ? k % text.length : 0;
          if (r.directives.length === 0) assert.equal(isSuppressed(r.suppressions, 'non-gsm-char', offset), false);
          for (const p of r.problems) assert.ok(p.range.start >= 0 && p.range.end <= text.length && p.range.start < p.range.end);
        }),
        { seed, numRuns: 2000 },
      );
    } catch (e) {
      console.error(`directives property failed with seed ${seed}`);
      throw e;
    }
  });
});
