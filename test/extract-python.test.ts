import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { extractBodies, DEFAULT_EXTRACT_OPTIONS } from '../shared/extract/index';
import { scanPy, PyTok, StrFlag } from '../shared/extract/py-scanner';
import { decodePyChunk } from '../shared/extract/py-escapes';
import { BodyBuilder } from '../shared/extract/offset-map';
import { charByName } from '../shared/extract/py-names';
import { assertEachCharSpelled, assertNotSelected, assertSelected, assertSources, sourceSlice as slice } from './helpers/extract';

const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures', 'extract');

const extract = (src: string): ReturnType<typeof extractBodies> => extractBodies('app/p.py', src, DEFAULT_EXTRACT_OPTIONS);

describe('extract: Python sources', () => {
  const text = readFileSync(join(FIXTURES, 'notify.py'), 'utf8');
  const result = extractBodies('app/notify.py', text, DEFAULT_EXTRACT_OPTIONS);
  const { bodies } = result;

  it('selects exactly the configured literals, in file order', () => {
    assertSelected(result, [
      ['Café 😀 it’s ready, ${user.name}!', 'argument 0 of send_sms()'],
      ['Hi ${user.name},\nyour code is ${code} 😀 {not a field}', 'keyword body of client.messages.create()'],
      ['Line one\\two Acontinued raw\\n', 'keyword body of client.messages.create()'],
      ['Reminder: 😀 {name}\nat 10:00', 'marker comment # smslint-template'],
      ['Yes ’', 'argument 0 of send_sms()'],
      ['No', 'argument 0 of send_sms()'],
      ['Fallback', 'argument 0 of send_sms()'],
      ['bytes \\x41', 'keyword body of self.client.messages.create()'],
    ]);
  });

  it('never picks unselected strings (constants, docstrings, defaults, comments, other calls and arguments)', () => {
    assertNotSelected(bodies, ['Don’t pick me', 'not an sms', 'default, not a body', 'second argument', '+15550100', 'A docstring']);
  });

  it('maps escapes to the whole escape, astral characters before them on the same line included', () => {
    const b = bodies[0];
    // After the emoji (2 UTF-16 units) and an escape, plain characters still map one to one.
    assertSources(text, b, [['é', '\\u00e9'], ['’', '\\N{RIGHT SINGLE QUOTATION MARK}'], ['😀', '😀'], ['s ready', 's ready'], ['${user.name}', 'user.name']]);
    assert.equal(slice(text, b, 0, b.text.length), 'Caf\\u00e9 😀 it\\N{RIGHT SINGLE QUOTATION MARK}s ready, " + user.name + "!');
    assert.equal(text.slice(b.range.start, b.range.end), slice(text, b, 0, b.text.length));
  });

  it('turns f-string fields into placeholders spanning the field, and {{ }} into braces', () => {
    const b = bodies[1];
    assert.equal(b.syntax, 'js-template');
    assertSources(text, b, [['${code}', '{code:>6}'], ['${user.name}', '{user.name}'], ['\n', '\\n'], ['{not', '{{not'], ['not a field}', 'not a field}}']]);
    const at = b.text.indexOf('😀');
    assert.equal(slice(text, b, at + 1, at + 2), '\\U0001F600');
  });

  it('joins implicit concatenation across lines; raw strings keep their backslashes', () => {
    assertSources(text, bodies[2], [['A', '\\x41'], ['\\two', '\\\\two'], ['Acontinued', "\\x41\"\n                                 'continued"], ['\\n', '\\n']]);
  });

  it('keeps triple-quoted text as written and sniffs its syntax', () => {
    const b = bodies[3];
    assert.equal(b.syntax, 'icu');
    assertSources(text, b, [['😀 {name}\nat', '😀 {name}\nat']]);
  });

  it('matches keyword and positional arguments by configuration', () => {
    const opts = { ...DEFAULT_EXTRACT_OPTIONS, callSites: [{ callee: '*.notify.send', argument: 1, keyword: 'text' }, { callee: 'api.post', keyword: 'json', property: 'body' }] };
    const src = 'a.notify.send(to, "A")\na.notify.send(to, text="B")\nnotify.send(0, "C")\na.notify.send(*args, "D")\napi.post(url, json={"body": "E", "to": "F"})\napi.post({"body": "G"})\n';
    assert.deepEqual(
      extractBodies('x.py', src, opts).bodies.map((b) => [b.text, b.selectedBy]),
      [
        ['A', 'argument 1 of a.notify.send()'],
        ['B', 'keyword text of a.notify.send()'],
        ['E', 'key body of api.post()'],
      ],
    );
  });

  it('follows branches and % / .format templates, and skips conditions', () => {
    const r = extract('send_sms("Hi %s, you won" % name)\nsend_sms("Hi {0}".format(n))\nsend_sms("A" if lang == "en" else "B")\n');
    assert.deepEqual(r.bodies.map((b) => [b.text, b.syntax]), [['Hi %s, you won', 'printf'], ['Hi {0}', 'dotnet'], ['A', 'plain'], ['B', 'plain']]);
  });

  it('a marker selects the next statement’s literal only', () => {
    const r = extract('x = "no"  # smslint-template\ny = 1\nz = "not this"\n# smslint-template\nMSG = (\n  "one "\n  "two"\n)\n');
    assert.deepEqual(r.bodies.map((b) => b.text), ['one two']);
  });

  it('does not treat JS-only call sites as Python and vice versa', () => {
    const js = extractBodies('a.ts', 'client.messages.create({ body: "A" }); client.messages.create(body = "B"); send_sms("C")', DEFAULT_EXTRACT_OPTIONS);
    assert.deepEqual(js.bodies.map((b) => b.text), ['A', 'C']);
  });

  it('measures an unknown \\N{NAME} as a placeholder and says so; known names become the char', () => {
    const r = extract('send_sms("Snow \\N{SNOWMAN} \\N{em dash} \\N{LATIN SMALL LETTER E WITH ACUTE}")');
    assert.equal(r.bodies[0].text, 'Snow ${\\N{SNOWMAN}} — é');
    assert.equal(r.bodies[0].syntax, 'js-template');
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0].kind, 'unsupported');
    assert.match(r.problems[0].message, /SNOWMAN.*placeholder/);
  });

  it('reports malformed escapes and survives unterminated input', () => {
    const r = extract('send_sms("bad \\x4 ok")\nsend_sms(f"Hi {name")\nsend_sms("""never closed');
    assert.equal(r.bodies[0].text, 'bad \\x4 ok');
    assert.deepEqual(r.problems.map((p) => p.kind), ['escape']);
  });

  it('skips minified and oversized sources with one notice', () => {
    const r = extract('send_sms("x")\n' + 'a=1;'.repeat(5000));
    assert.equal(r.bodies.length, 0);
    assert.match(r.problems[0].message, /minified/);
  });

  it('property: any string written as a Python literal decodes back, each char mapping into its spelling', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.nat(), (s, style) => {
        const lit = pyLiteral(s, style);
        const src = `x = 1\nsend_sms(${lit})\n`;
        const r = extract(src);
        assert.equal(r.bodies.length, 1, lit);
        const b = r.bodies[0];
        assert.equal(b.text, s, lit);
        assertEachCharSpelled(src, b, (spelled, ch) => spellingValue(spelled) === ch, true);
      }),
      { seed: 6007, numRuns: 300 },
    );
  });
});

const NAMED: readonly [string, string][] = [['’', 'RIGHT SINGLE QUOTATION MARK'], ['é', 'LATIN SMALL LETTER E WITH ACUTE'], ['€', 'EURO SIGN'], ['Ç', 'latin capital letter c with cedilla']];

/** `s` as a Python literal: quote style, f-string or not, and escapes chosen by `style`. */
function pyLiteral(s: string, style: number): string {
  const quote = ['"', "'", '"""', "'''"][style % 4];
  const f = (style >> 2) % 2 === 1;
  let out = '';
  let n = style;
  for (const ch of s) {
    n = (n * 1103515245 + 12345) >>> 0;
    const cp = ch.codePointAt(0)!;
    const named = NAMED.find(([c]) => c === ch);
    if (named && n % 2) out += `\\N{${named[1]}}`;
    else if (ch === '\\' || ch === quote[0]) out += '\\' + ch;
    else if (f && (ch === '{' || ch === '}')) out += ch + ch;
    else if (ch === '\n') out += n % 3 ? '\\n' : quote.length === 3 ? '\n' : '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp > 0xffff) out += n % 2 ? `\\U${cp.toString(16).padStart(8, '0')}` : ch;
    else if (cp >= 0xd800 && cp <= 0xdfff) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else if (cp < 32 || cp === 0x7f) out += n % 2 ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\${cp.toString(8)}`;
    else if (n % 7 === 0) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  // A closing triple quote must not merge with a quote char at the end.
  // A quote char at the end never touches the closing quote: every quote char is escaped above.
  return (f ? 'f' : (style >> 3) % 2 ? 'U' : '') + quote + out + quote;
}

/** What a spelling stands for, read with regexes (independent of the decoder under test). */
function spellingValue(sp: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^\\N\{(.+)\}$/.exec(sp))) return charByName(m[1]) ?? '?';
  if ((m = /^\\(?:x([0-9a-f]{2})|u([0-9a-f]{4})|U([0-9a-f]{8}))$/i.exec(sp))) return String.fromCodePoint(parseInt(m[1] ?? m[2] ?? m[3], 16));
  if ((m = /^\\([0-7]{1,3})$/.exec(sp))) return String.fromCharCode(parseInt(m[1], 8));
  if (sp === '\\n') return '\n';
  if (sp === '\\r') return '\r';
  if (/^\\.$/s.test(sp)) return sp[1];
  if (sp === '{{' || sp === '}}') return sp[0];
  return sp;
}

// ---------------------------------------------------------------------------------------------
// Against CPython's own tokenizer and literal evaluation, when python3 is on the machine.

function hasPython(): boolean {
  try {
    execFileSync('python3', ['-c', 'import tokenize, ast'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// For each file: the STRING tokens (an f-string, split by 3.12+ into pieces, as one span) as
// [start, end, value] in UTF-16 offsets; value is the evaluated text (bytes as latin-1), null for f-strings.
const PY_ORACLE = String.raw`
import sys, json, io, tokenize, ast
out = []
for path in json.load(sys.stdin):
    try:
        src = open(path, encoding='utf-8').read() if not path.startswith('SRC:') else path[4:]
        lines = src.splitlines(keepends=True)
        starts, pos = [0], 0
        for l in lines:
            pos += len(l.encode('utf-16-le')) // 2
            starts.append(pos)
        def off(rc):
            r, c = rc
            return starts[r - 1] + len(lines[r - 1][:c].encode('utf-16-le')) // 2 if r - 1 < len(lines) else starts[-1]
        toks, fdepth, fstart = [], 0, None
        for t in tokenize.generate_tokens(io.StringIO(src).readline):
            name = tokenize.tok_name[t.type]
            if name == 'FSTRING_START':
                if fdepth == 0: fstart = off(t.start)
                fdepth += 1
            elif name == 'FSTRING_END':
                fdepth -= 1
                if fdepth == 0: toks.append([fstart, off(t.end), None])
            elif name == 'STRING' and fdepth == 0:
                v = None
                prefix = t.string[:min(i for i in (t.string.find('"'), t.string.find("'")) if i >= 0)].lower()
                if 'f' not in prefix and 't' not in prefix:
                    v = ast.literal_eval(t.string)
                    if isinstance(v, bytes): v = v.decode('latin-1')
                toks.append([off(t.start), off(t.end), v])
        out.append(toks)
    except Exception as e:
        out.append(str(e))
print(json.dumps(out))
`;

function scannedStrings(src: string): [number, number, string | null][] {
  const t = scanPy(src, 'smslint-template');
  const out: [number, number, string | null][] = [];
  for (let k = 0; k < t.count; k++) {
    if (t.type[k] !== PyTok.Str) continue;
    const f = t.flags[k];
    let value: string | null = null;
    if (!(f & StrFlag.Format)) {
      const q = f & StrFlag.Triple ? 3 : 1;
      const b = new BodyBuilder(src, 0);
      decodePyChunk(b, src, t.start[k] + (f >> 5) + q, t.end[k] - q, f, { bad: -1, unknownNames: [] });
      value = b.build().text;
    }
    out.push([t.start[k], t.end[k], value]);
  }
  return out;
}

describe('extract: Python tokenizer and decoder agree with CPython', function () {
  this.timeout(60_000);
  const python = hasPython();
  before(function () {
    if (!python) {
      console.warn('\n    !!! SKIPPED: python3 (with tokenize) is not on this machine; the CPython differential checks did not run !!!\n');
      this.skip();
    }
  });

  const tricky = [
    readFileSync(join(FIXTURES, 'notify.py'), 'utf8'),
    'a = rb"\\"" Rb\'x\' BR"y" u"\\N{EM DASH}" f"{x!r:>{w}} {{}} {y=}" F\'\'\'{a["k"]}\n\'\'\' fR"\\{z}" """a\\\r\nb""" \'\\\n\'\nb = [1,\n  "in brackets" "joined"] \\\n  + "cont"  # "comment"\n',
    'x = f"{\'a\' if b else \'c\'}" + f"{d[\'}\']}" + f"{e:{f}.{g}}" + "\\0\\12\\777\\a\\v\\u00e9\\U0001F600\\q"\n',
    'x = "\\N{LATIN SMALL LETTER A WITH RING ABOVE AND ACUTE} \\N{digit seven} \\N{CJK UNIFIED IDEOGRAPH-4E2D}"\n',
  ];

  it('finds the same string tokens with the same values, in tricky code and the standard library', () => {
    const dir = execFileSync('python3', ['-c', 'import os; print(os.path.dirname(os.__file__))'], { encoding: 'utf8' }).trim();
    const files = (execFileSync('python3', ['-c', `import glob; print("\\n".join(sorted(glob.glob(${JSON.stringify(dir)} + "/*.py"))[:60]))`], { encoding: 'utf8' }) as string).trim().split('\n');
    const inputs = [...tricky.map((s) => 'SRC:' + s), ...files];
    const want = JSON.parse(execFileSync('python3', ['-c', PY_ORACLE], { input: JSON.stringify(inputs), encoding: 'utf8', maxBuffer: 1 << 28 })) as ([number, number, string | null][] | string)[];
    const mismatches: string[] = [];
    let compared = 0;
    inputs.forEach((input, i) => {
      const w = want[i];
      if (typeof w === 'string') {
        // A library file this Python cannot read is skipped; the hand-written cases must all be read.
        if (i < tricky.length) mismatches.push(`tricky case ${i}: ${w}`);
        return;
      }
      const src = input.startsWith('SRC:') ? input.slice(4) : readFileSync(input, 'utf8');
      const got = scannedStrings(src);
      compared += w.length;
      const n = Math.max(w.length, got.length);
      for (let k = 0; k < n; k++) {
        const a = JSON.stringify(w[k]);
        const b = JSON.stringify(got[k]);
        if (a !== b) {
          const at = (w[k] ?? got[k])![0];
          mismatches.push(`${input.slice(0, 60)} @${at}: python ${a} vs ours ${b}: ${JSON.stringify(src.slice(Math.max(0, at - 30), at + 50))}`);
          break;
        }
      }
    });
    assert.ok(compared > 5000, `only ${compared} string tokens compared`);
    assert.deepEqual(mismatches, []);
  });

  it('decodes the generated literals of the round-trip property as CPython does', () => {
    const samples = fc.sample(fc.tuple(fc.string({ unit: 'binary', maxLength: 30 }), fc.nat()), { seed: 6008, numRuns: 300 });
    const src = samples.map(([s, style]) => `x = ${pyLiteral(s, style)}\n`).join('');
    const [want] = JSON.parse(execFileSync('python3', ['-c', PY_ORACLE], { input: JSON.stringify(['SRC:' + src]), encoding: 'utf8' })) as [number, number, string | null][][];
    assert.ok(Array.isArray(want), String(want));
    // f-strings are null in the oracle: compare their spans; plain literals by value.
    assert.deepEqual(scannedStrings(src).map(([s, e, v]) => [s, e, v === null ? null : v]), want);
    const pyValues = execFileSync('python3', ['-c', 'import sys, ast, json\nprint(json.dumps([ast.literal_eval(l[4:]) if not l[4:5].lower()=="f" else eval(l[4:], {}) for l in sys.stdin.read().splitlines() if l.startswith("x = ")]))'], { input: src.split('\n').filter((l) => l.startsWith('x = ')).join('\n'), encoding: 'utf8' });
    assert.deepEqual(JSON.parse(pyValues), samples.map(([s]) => s));
  });

  it('names every character of the \\N table as Python does, and composes Latin letters correctly', () => {
    const script = String.raw`
import unicodedata, json, sys
names = json.load(sys.stdin)
print(json.dumps([unicodedata.lookup(n) if True else None for n in names]))
`;
    const latin = JSON.parse(execFileSync('python3', ['-c', 'import unicodedata, json\nprint(json.dumps([unicodedata.name(chr(c), "") for c in list(range(0x20, 0x250)) + list(range(0x1e00, 0x1f00))]))'], { encoding: 'utf8' })) as string[];
    const names = [...latin.filter((n) => n !== ''), 'EM DASH', 'NBSP', 'LF', 'ZWJ', 'GRINNING FACE', 'CJK UNIFIED IDEOGRAPH-4E2D', 'DIGIT NINE'];
    const chars = JSON.parse(execFileSync('python3', ['-c', script], { input: JSON.stringify(names), encoding: 'utf8' })) as string[];
    let known = 0;
    names.forEach((n, i) => {
      const ours = charByName(n);
      if (ours !== undefined) {
        known++;
        assert.equal(ours, chars[i], n);
      }
    });
    assert.ok(known > 500, `only ${known} names known`);
    // Every GSM-7 character can be named.
    const gsm = [...'@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./:;<=>?¡ÄÖÑÜ§¿äöñüà^{}\\[~]|€0123456789AZaz'];
    const gsmNames = JSON.parse(execFileSync('python3', ['-c', 'import unicodedata, json, sys\nprint(json.dumps([unicodedata.name(c) for c in json.load(sys.stdin)]))'], { input: JSON.stringify(gsm), encoding: 'utf8' })) as string[];
    gsmNames.forEach((name, i) => assert.equal(charByName(name), gsm[i], name));
  });
});
