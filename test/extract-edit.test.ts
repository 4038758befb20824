// An editor's extraction (extractBodies with a cache) re-reads only the literal an edit changed;
// whatever the edit, the result must be exactly a full extraction of the new text.
import { strict as assert } from 'node:assert';
import { createExtractCache, DEFAULT_EXTRACT_OPTIONS, extractBodies, type ExtractOptions } from '../shared/extract/index';
import { editBetween } from '../shared/extract/js-edit';
import { rng, testSeed } from './helpers/random';

const path = '/w/src/notify.ts';

/** Opens a document and types nothing yet: a cache keeps what it needs from the second read on. */
function open(cache: ReturnType<typeof createExtractCache>, text: string, options: ExtractOptions = DEFAULT_EXTRACT_OPTIONS): void {
  extractBodies(path, text, options, cache);
  extractBodies(path, text, options, cache);
}

/** Types `typed` over text[from, to), extracting through `cache`; asserts it equals a full extraction. */
function edit(cache: ReturnType<typeof createExtractCache>, text: string, from: number, to: number, typed: string, options: ExtractOptions = DEFAULT_EXTRACT_OPTIONS): string {
  const next = text.slice(0, from) + typed + text.slice(to);
  assert.deepStrictEqual(extractBodies(path, next, options, cache), extractBodies(path, next, options), `after typing ${JSON.stringify(typed)} over [${from}, ${to}) of:\n${text}`);
  return next;
}

describe('extract: re-reading a JS/TS file after an edit', () => {
  it('typing inside a literal rebuilds that body and moves the later ones, as a full extraction would', () => {
    const cache = createExtractCache();
    let text = 'sendSms("Hi");\nlog("x");\nsendSms(`Bye ${name}`);\nsms`Tag`;\n';
    open(cache, text);
    text = edit(cache, text, 11, 11, ' it’s meé');
    const r = extractBodies(path, text, DEFAULT_EXTRACT_OPTIONS, cache); // unchanged: kept as is
    assert.deepEqual(r.bodies.map((b) => b.text), ['Hi it’s meé', 'Bye ${name}', 'Tag']);
    assert.equal(text.slice(r.bodies[1]!.range.start, r.bodies[1]!.range.end), 'Bye ${name}');
    text = edit(cache, text, text.indexOf('Bye') + 1, text.indexOf('Bye') + 3, '');
    text = edit(cache, text, text.indexOf('Tag') + 3, text.indexOf('Tag') + 3, '!');
    assert.deepEqual(cache.stats, { full: 2, edits: 4 });
  });

  it('edits that change the tokens are read in full: quotes, backslashes, line breaks, `${`, property keys', () => {
    const cache = createExtractCache();
    let text = "sendSms('It\\'s');\nclient.messages.create({ 'body': \"Hi\" });\nsendSms(`a $b {c}`);\n";
    open(cache, text);
    text = edit(cache, text, 12, 12, 'x'); // right after a backslash: `\x`, and the quote now closes
    text = edit(cache, text, 12, 13, '');
    text = edit(cache, text, 11, 11, "'"); // closes the string early
    text = edit(cache, text, 11, 12, '');
    text = edit(cache, text, 11, 11, '\\'); // escapes the next char
    text = edit(cache, text, 11, 12, '');
    text = edit(cache, text, 11, 11, '\n'); // ends the string
    text = edit(cache, text, 11, 12, '');
    const key = text.indexOf("'body'") + 2;
    text = edit(cache, text, key, key, 'x'); // the key no longer names the property
    text = edit(cache, text, key, key + 1, '');
    const dollar = text.indexOf('$b') + 1;
    text = edit(cache, text, dollar, dollar + 1, '{'); // `${` opens a substitution
    text = edit(cache, text, dollar, dollar + 1, 'b');
    const brace = text.indexOf('{c}');
    text = edit(cache, text, brace - 1, brace - 1, '$');
    assert.ok(cache.stats.full >= 10, `${JSON.stringify(cache.stats)}`);
  });

  it('the file checks still hold: a line typed past maxLineLength, a NUL pulled into the head', () => {
    const options: ExtractOptions = { ...DEFAULT_EXTRACT_OPTIONS, maxLineLength: 40 };
    const cache = createExtractCache();
    let text = 'sendSms("0123456789");\nsendSms("a");\n';
    open(cache, text, options);
    text = edit(cache, text, 10, 10, 'x'.repeat(10), options);
    assert.equal(extractBodies(path, text, options, cache).bodies.length, 2);
    text = edit(cache, text, 10, 10, 'x'.repeat(10), options);
    assert.match(extractBodies(path, text, options, cache).problems[0]!.message, /maxLineLength/);
    // 8,192 chars are sniffed for NUL: deleting inside a literal pulls one in.
    const head = `sendSms("${'y'.repeat(8190)}");\n// \u0000\n`;
    const c2 = createExtractCache();
    open(c2, head);
    const after = edit(c2, head, 20, 40, '');
    assert.match(extractBodies(path, after, DEFAULT_EXTRACT_OPTIONS).problems[0]!.message, /binary/);
  });

  it('editBetween finds the one replacement between two texts', () => {
    const long = 'a'.repeat(1000);
    assert.deepEqual(editBetween(`${long}x${long}`, `${long}yz${long}`), { at: 1000, beforeEnd: 1001, afterEnd: 1002 });
    assert.deepEqual(editBetween('same', 'same'), { at: 4, beforeEnd: 4, afterEnd: 4 });
    assert.deepEqual(editBetween('abc', ''), { at: 0, beforeEnd: 3, afterEnd: 0 });
    const e = editBetween(`${long}aa${long}`, `${long}a${long}`);
    assert.equal(e.beforeEnd - e.at, 1);
    assert.equal(e.afterEnd, e.at);
    // Against the char-by-char definition, on texts long enough for the slice runs to matter.
    const seed = testSeed();
    const r = rng(seed);
    for (let k = 0; k < 300; k++) {
      const text = Array.from({ length: r.int(3000) }, () => r.pick(['a', 'b', '\n', 'é'])).join('');
      const at = r.int(text.length + 1);
      const next = text.slice(0, at) + 'ab'.slice(0, r.int(3)) + text.slice(at + r.int(5));
      let p = 0;
      while (p < Math.min(text.length, next.length) && text[p] === next[p]) p++;
      let q = 0;
      while (q < Math.min(text.length, next.length) - p && text[text.length - 1 - q] === next[next.length - 1 - q]) q++;
      assert.deepEqual(editBetween(text, next), { at: p, beforeEnd: text.length - q, afterEnd: next.length - q }, `seed ${seed}`);
    }
  });

  it('equals a full extraction after every one of many random edits (mostly inside literals)', () => {
    const seed = testSeed();
    const r = rng(seed);
    const bits = ['Hi ', 'it’s', '😀', 'é', ' — ', '"', "'", '`', '\\', '\\n', '\\u00e9', '\\x4', '${', '$', '{', '}', '\n', '\r\n', ': ', '+', '\u0000', '/', '*', 'x'];
    const word = (n: number) => Array.from({ length: r.int(n) }, () => r.pick(bits.slice(0, 12))).join('');
    const statement = (): string =>
      r.pick([
        () => `sendSms("${word(4)}");`,
        () => `sendSms('${word(4)}' + name + "${word(3)}");`,
        () => `sendSms(ok ? \`${word(3)}\${n}${word(3)}\` : "${word(2)}");`,
        () => `client.messages.create({ to, body: "${word(4)}", 'body': '${word(2)}' });`,
        () => `sms\`${word(4)}\`;`,
        () => `// smslint-template\nconst t = "${word(3)}";`,
        () => `log("${word(3)}", /re"g/g, a / b);`,
        () => `const s = "unclosed ${word(2)}`,
        () => `function sendSms(text = "${word(2)}") {}`,
        () => `sendSms("a\\u00e9\\x41 ${word(2)}", "second");`,
        () => `sendSms(\`${word(2)}\${inner ? \`${word(2)}\${n}\` : "${word(2)}"}${word(2)}\`);`,
        () => `x = a / "${word(2)}" / b; y = /"${word(1)}'/.test(s);`,
        () => '',
      ])();
    // Sometimes a BOM, and sometimes a literal left open at the end of the file.
    const document = () =>
      (r.next() < 0.1 ? '\ufeff' : '') + Array.from({ length: 8 + r.int(8) }, statement).join(r.next() < 0.8 ? '\n' : '\r\n') + (r.next() < 0.2 ? `\nsendSms("${word(3)}` : '');
    // A position inside a quoted run (a guess: the scanner decides what really is a literal).
    const insideLiteral = (text: string): number => {
      const runs = [...text.matchAll(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\$]|\\.)*`/g)];
      if (runs.length === 0) return r.int(text.length + 1);
      const m = r.pick(runs);
      return m.index + 1 + r.int(m[0].length - 1);
    };
    let reread = 0;
    let total = 0;
    try {
      for (let d = 0; d < 12; d++) {
        const cache = createExtractCache(2);
        let text = document();
        open(cache, text);
        for (let k = 0; k < 80; k++) {
          const at = r.next() < 0.9 ? insideLiteral(text) : r.int(text.length + 1);
          const kind = r.next();
          const typed = kind < 0.6 ? (r.next() < 0.8 ? r.pick(bits.slice(0, 5)) : r.pick(bits)) : kind < 0.8 ? '' : r.pick(bits);
          const removed = kind < 0.6 ? 0 : 1 + r.int(2);
          text = edit(cache, text, at, Math.min(text.length, at + removed), typed);
          total++;
        }
        reread += cache.stats.edits;
      }
    } catch (e) {
      throw new Error(`seed ${seed} (SMSLINT_SEED=${seed} replays it): ${(e as Error).message}`);
    }
    // Most edits took the short path: the property is about it, not about full extractions.
    assert.ok(reread > total / 6, `only ${reread} of ${total} edits were re-read (seed ${seed})`);
  });

  it('a document opened and not yet edited, other documents and other options are read in full; a cache keeps only its last documents', () => {
    const cache = createExtractCache(1);
    const a = 'sendSms("a");\n';
    extractBodies('/w/a.ts', a, DEFAULT_EXTRACT_OPTIONS, cache);
    extractBodies('/w/a.ts', a, DEFAULT_EXTRACT_OPTIONS, cache);
    extractBodies('/w/b.ts', a, DEFAULT_EXTRACT_OPTIONS, cache);
    extractBodies('/w/a.ts', 'sendSms("ab");\n', DEFAULT_EXTRACT_OPTIONS, cache);
    assert.deepEqual(cache.stats, { full: 4, edits: 0 });
    // b.ts pushed a.ts out: read anew, and kept from its second read on.
    extractBodies('/w/a.ts', 'sendSms("abc");\n', DEFAULT_EXTRACT_OPTIONS, cache);
    extractBodies('/w/a.ts', 'sendSms("abcd");\n', DEFAULT_EXTRACT_OPTIONS, cache);
    assert.deepEqual(cache.stats, { full: 5, edits: 1 });
    const other: ExtractOptions = { ...DEFAULT_EXTRACT_OPTIONS, callSites: [{ callee: 'notify', argument: 0 }] };
    assert.deepEqual(extractBodies('/w/a.ts', 'sendSms("abcde");\n', other, cache).bodies, []);
    assert.deepEqual(cache.stats, { full: 6, edits: 1 });
  });

  it('a big document is kept from its first read: its first keystroke re-reads one literal, as a full extraction would', () => {
    const cache = createExtractCache();
    const lines: string[] = [];
    for (let i = 0; lines.join('\n').length < 40_000; i++) lines.push(i % 5 === 0 ? `sendSms("Hi ${i}, it’s ready");` : `const x${i} = f(a, b); // plain`);
    let text = lines.join('\n') + '\n';
    extractBodies(path, text, DEFAULT_EXTRACT_OPTIONS, cache);
    const at = text.lastIndexOf('Hi ') + 2;
    text = edit(cache, text, at, at, 'é');
    text = edit(cache, text, 10, 10, '\n'); // a line break ends the string: read in full
    assert.deepEqual(cache.stats, { full: 2, edits: 1 });
    // A small one opened is still read in full on its first edit.
    extractBodies('/w/small.ts', 'sendSms("a");\n', DEFAULT_EXTRACT_OPTIONS, cache);
    extractBodies('/w/small.ts', 'sendSms("ab");\n', DEFAULT_EXTRACT_OPTIONS, cache);
    assert.deepEqual(cache.stats, { full: 4, edits: 1 });
  });
});
