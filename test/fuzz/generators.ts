// Generators of hostile input, shared by the CI properties (test/reliability-*.test.ts) and the
// long fuzz (scripts/fuzz.mjs). Each aims at a place where a linter of SMS text can go wrong:
// surrogates, clusters, GSM extension characters on a segment boundary, broken template and
// file syntax.
import fc from 'fast-check';
import { GSM_BASIC, GSM_EXTENSION } from '../../shared/segments/gsm';
import { TEMPLATE_SYNTAXES, type TemplateSyntax } from '../../shared/templates/types';
import { RULE_IDS } from '../../shared/rules/registry';

export const GSM_CHARS: readonly string[] = GSM_BASIC.filter((c) => c !== '\u001b');
export const GSM_EXT_CHARS: readonly string[] = GSM_EXTENSION.map(([, c]) => c);

/** Plain GSM-7 text of basic characters only (1 septet each). */
export const gsmBasicText = (maxLength = 40): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...GSM_CHARS), { maxLength }).map((a) => a.join(''));

/** GSM-7 text that may hold extension characters (2 septets each). */
export const gsmText = (maxLength = 40): fc.Arbitrary<string> =>
  fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...GSM_CHARS) }, { weight: 1, arbitrary: fc.constantFrom(...GSM_EXT_CHARS) }), { maxLength }).map((a) => a.join(''));

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u));
const combining = fc.constantFrom('\u0301', '\u0300', '\u0308', '\u0327', '\u20dd', '\u1ab0', '\ufe20', '\u0345', '\u093f', '\u0e31');
const astral = fc.constantFrom('😀', '𝐀', '𠀀', '🏳️‍🌈', '👍🏽', '🧑‍🤝‍🧑', '𝔘', '\u{1f9ff}', '\u{10ffff}', '\u{e0041}');
const zwj = fc.constantFrom('👨‍👩‍👧‍👦', '👩‍💻', '❤️‍🔥', '\u200d', 'a\u200db', '\u200d\u200d');
const regionalIndicators = fc.constantFrom('🇫🇷', '🇺🇸🇬🇧', '\u{1f1e6}', '🇫🇷\u{1f1e6}', '🏴󠁧󠁢󠁳󠁣󠁴󠁿');
const controls = fc.integer({ min: 0, max: 0x9f }).filter((u) => u < 0x20 || u >= 0x7f).map((u) => String.fromCharCode(u));
const lineBreaks = fc.constantFrom('\r\n', '\r', '\n', '\u2028', '\u2029', '\u0085', '\r\r\n', '\n\r');
const invisibles = fc.constantFrom('\u200b', '\u00a0', '\u00ad', '\ufeff', '\u200c', '\u2060', '\u202f', '\u2009', '\t', '\u180e', '\u034f');
const lookalikes = fc.constantFrom('“', '”', '‘', '’', '–', '—', '…', 'é', 'e\u0301', 'A\u030a', 'Zoë', 'ç', 'ı', 'ſ', '½', '™', '€', '¢', 'ﬁ');
const scripts = fc.constantFrom('你好', 'Привет', 'مرحبا', '\u0600', '\u0600a', 'שלום', 'नमस्ते', '각', '\u1100\u1161\u11a8', 'ภาษาไทย', 'Ελλάδα');
const extension = fc.constantFrom(...GSM_EXT_CHARS);

/** One awkward piece of text. */
export const nastyPiece: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: gsmBasicText(12) },
  { weight: 2, arbitrary: extension },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 2, arbitrary: combining },
  { weight: 2, arbitrary: astral },
  { weight: 1, arbitrary: zwj },
  { weight: 1, arbitrary: regionalIndicators },
  { weight: 1, arbitrary: controls },
  { weight: 2, arbitrary: lineBreaks },
  { weight: 2, arbitrary: invisibles },
  { weight: 2, arbitrary: lookalikes },
  { weight: 1, arbitrary: scripts },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);

/** Lengths where a segment fills: GSM 153/160 (and multiples), UCS-2 67/70. */
const BOUNDARIES = [67, 70, 134, 140, 153, 160, 201, 306, 459];

/** Text that lands a nasty piece right on (or next to) a segment boundary. */
export const boundaryText: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...BOUNDARIES), fc.integer({ min: -3, max: 2 }), nastyPiece, fc.array(nastyPiece, { maxLength: 3 }), fc.constantFrom('a', '€', '{', 'é'))
  .map(([n, d, piece, tail, fill]) => fill.repeat(Math.max(0, n + d)) + piece + tail.join(''));

/** A very long line (up to `max` units) of mostly one character, with a few nasty pieces. */
export const longLine = (max = 5000): fc.Arbitrary<string> =>
  fc.tuple(fc.integer({ min: 200, max }), fc.constantFrom('a', 'é', '€', '😀', 'x\u0301'), fc.array(fc.tuple(fc.nat(), nastyPiece), { maxLength: 4 }))
    .map(([n, ch, inserts]) => {
      let s = ch.repeat(Math.ceil(n / ch.length));
      for (const [at, p] of inserts) {
        const i = at % (s.length + 1);
        s = s.slice(0, i) + p + s.slice(i);
      }
      return s;
    });

/** Any text: nasty pieces, boundary cases, long lines. */
export const nastyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.array(nastyPiece, { maxLength: 30 }).map((a) => a.join('')) },
  { weight: 3, arbitrary: boundaryText },
  { weight: 1, arbitrary: longLine() },
);

// ---------------------------------------------------------------------------------------------
// Templates.

const TOKENS: Record<TemplateSyntax, readonly string[]> = {
  mustache: ['{{', '}}', '{{name}}', '{{{raw}}}', '{{#items}}', '{{/items}}', '{{^x}}', '{{/x}}', '{{! c }}', '{{>footer}}', '{{=<% %>=}}', '{', '}', '{{ user.name }}', '{{&x}}'],
  handlebars: ['{{', '}}', '{{#if vip}}', '{{else}}', '{{/if}}', '{{#each items}}', '{{/each}}', '{{#unless x}}', '{{/unless}}', '{{> p}}', '{{name}}', '{{{raw}}}', '{{~x~}}', '{{!-- c --}}', '{{#with u}}', '{{/with}}'],
  liquid: ['{{', '}}', '{%', '%}', '{% if a %}', '{% elsif b %}', '{% else %}', '{% endif %}', '{% for i in items %}', '{% endfor %}', '{{ x | truncate: 20 }}', '{{ x | default: "é" }}', '{{ x | upcase | append: "€" }}', '{% case t %}', "{% when 'gold' %}", '{% endcase %}', '{%- raw -%}', '{% endraw %}', '{% comment %}', '{% endcomment %}', '{{ x | truncate: -5, "…" }}', '{{ x | truncatewords: 99999999999 }}'],
  'js-template': ['${', '}', '`', '${a}', '${a.b}', '${fn(x)}', '${`nested ${y}`}', '\\${', '${ "}" }', '${a ? "x" : "y"}'],
  printf: ['%s', '%d', '%5.2s', '%1$s', '%%', '%', '%-10s', '%.99999999999s', '%@', '%*d', '%2$d', '%0s', '%l'],
  dotnet: ['{0}', '{1}', '{0,-5:N2}', '{{', '}}', '{', '}', '{0,99999999999}', '{x}', '{0:}', '{-1}'],
  icu: ['{count, plural, one {# item} other {# items}}', '{x, select, a {A} other {O}}', "'", "''", '{', '}', '{n}', '{n, number}', '{c, plural, offset:1 =0 {none} one {#} other {{n} #}}', '{c, selectordinal, one {#st} other {#th}}', '{d, date, short}', '#'],
  'ruby-i18n': ['%{name}', '%{', '}', '%<n>d', '%<name>s', '%%', '%', '%{}', '%<x>', '%{a b}'],
  plain: ['{', '}', '%', '$'],
};

/** Template-shaped text in `syntax`: its own tokens, often unbalanced, mixed with nasty text. */
export const templateText = (syntax: TemplateSyntax): fc.Arbitrary<string> =>
  fc.array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...TOKENS[syntax]) }, { weight: 2, arbitrary: nastyPiece }), { maxLength: 25 }).map((a) => a.join(''));

export const anySyntax: fc.Arbitrary<TemplateSyntax> = fc.constantFrom(...TEMPLATE_SYNTAXES);

/** A syntax and a body in it (or in another syntax: a mismatch is malformed input too). */
export const templateCase: fc.Arbitrary<{ syntax: TemplateSyntax; body: string }> = fc
  .tuple(anySyntax, anySyntax, fc.boolean())
  .chain(([s, other, mismatch]) => templateText(mismatch ? other : s).map((body) => ({ syntax: s, body })));

// ---------------------------------------------------------------------------------------------
// Files: JSON / YAML locale files and JS/TS sources holding SMS bodies, valid or corrupted.

const body: fc.Arbitrary<string> = fc.oneof(nastyText, templateText('mustache'), templateText('icu'), templateText('liquid'));

/** Mutations that break a valid file: truncation, a deleted/duplicated/inserted slice. */
export const corrupt = (text: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(text, fc.constantFrom('none', 'none', 'truncate', 'delete', 'insert', 'duplicate'), fc.nat(), fc.nat({ max: 20 }), nastyPiece).map(([t, how, at, n, piece]) => {
    const i = at % (t.length + 1);
    switch (how) {
      case 'truncate':
        return t.slice(0, i);
      case 'delete':
        return t.slice(0, i) + t.slice(i + n);
      case 'insert':
        return t.slice(0, i) + piece + t.slice(i);
      case 'duplicate':
        return t.slice(0, i) + t.slice(i, i + n) + t.slice(i);
      default:
        return t;
    }
  });

const key = fc.constantFrom('sms', 'welcome', 'reminder_sms', 'otp', 'sms_code', 'one', 'other', 'fr', 'en', '__proto__', 'constructor', '', 'a.b', 'émoji😀');

type Tree = string | { [k: string]: Tree } | Tree[];
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    body,
    fc.dictionary(key, tie('node'), { maxKeys: 4 }),
    fc.array(tie('node'), { maxLength: 3 }),
  ),
})).node;

const localeTree: fc.Arbitrary<Tree> = fc.tuple(fc.constantFrom('en', 'fr'), fc.dictionary(key, tree, { maxKeys: 4 }), body).map(([lang, rest, sms]) => ({ [lang]: { ...rest, sms: { welcome: sms } } }));

export const jsonText: fc.Arbitrary<string> = corrupt(fc.tuple(localeTree, fc.constantFrom(0, 2, '\t')).map(([t, indent]) => JSON.stringify(t, null, indent) + '\n'));

function yamlScalar(s: string, style: number): string {
  if (style === 0) return JSON.stringify(s);
  if (style === 1) return `'${s.replace(/'/g, "''")}'`;
  if (style === 2) return `|\n${s.split('\n').map((l) => '    ' + l).join('\n')}`;
  if (style === 3) return `>-\n${s.split('\n').map((l) => '    ' + l).join('\n')}`;
  return s; // plain: often invalid, which is the point
}

function toYaml(t: Tree, indent: string, style: number): string {
  if (typeof t === 'string') return ' ' + yamlScalar(t, style);
  if (Array.isArray(t)) return t.length ? '\n' + t.map((v) => `${indent}-${toYaml(v, indent + '  ', style)}`).join('\n') : ' []';
  const keys = Object.keys(t);
  return keys.length ? '\n' + keys.map((k) => `${indent}${JSON.stringify(k)}:${toYaml(t[k]!, indent + '  ', style)}`).join('\n') : ' {}';
}

export const yamlText: fc.Arbitrary<string> = corrupt(
  fc.tuple(localeTree, fc.integer({ min: 0, max: 4 }), fc.constantFrom('', '---\n', '%YAML 1.2\n---\n', '# c\n', 'a: &x 1\nb: *x\n')).map(([t, style, head]) => head + toYaml(t, '', style).trimStart() + '\n'),
);

function jsString(s: string, quote: string): string {
  if (quote === '`') return '`' + s.replace(/[`\\]/g, (c) => '\\' + c) + '`';
  return JSON.stringify(s).slice(1, -1).replace(/"/g, quote === '"' ? '\\"' : '"').replace(/'/g, quote === "'" ? "\\'" : "'").replace(/^|$/g, quote);
}

const jsSnippet: fc.Arbitrary<string> = fc.tuple(body, fc.constantFrom('"', "'", '`'), fc.integer({ min: 0, max: 9 }), fc.boolean()).map(([b, q, shape, directive]) => {
  const lit = jsString(b, q);
  const pre = directive ? '// smslint-disable-next-line non-gsm-char\n' : '';
  switch (shape) {
    case 0: return `${pre}sendSms(${lit});`;
    case 1: return `${pre}await client.messages.create({ to, body: ${lit} });`;
    case 2: return `${pre}const m = sms${q === '`' ? lit : '`' + b.replace(/[`\\]/g, '') + '`'};`;
    case 3: return `/* smslint-template */ const t = ${lit};`;
    case 4: return `sendSms(\`a \${name} ${b.replace(/[`\\$]/g, '')} \${x ? ${lit} : "y"}\`);`;
    case 5: return `${pre}twilio.messages.create({ body: ${lit} + "x", from });`;
    case 6: return `// smslint-disable\nsendSms(${lit});\n// smslint-enable`;
    case 7: return `const re = /${b.replace(/[/\\\n\r]/g, '')}/g; sendSms(${lit});`;
    case 8: return `<Foo msg={${lit}} />; sendSms(${lit})`;
    default: return `function f() { return sendSms(${lit}) } // ${b.replace(/[\r\n]/g, '')}`;
  }
});

export const jsText: fc.Arbitrary<string> = corrupt(fc.array(jsSnippet, { minLength: 1, maxLength: 5 }).map((a) => a.join('\n') + '\n'));

const huge = fc.constantFrom(1e9, 99999999999, -1, 0.5, Number.MAX_SAFE_INTEGER, '1e9', null);

/** Front matter of a template file: per-template options, valid or not. */
export const frontMatter: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  {
    weight: 2,
    arbitrary: fc
      .tuple(huge, huge, fc.constantFrom('quo', 'textspot', 'nope', '[1, 2]'), fc.constantFrom('US', 'ZZ', '{}'), huge, fc.constantFrom('unicode', 'gsm', 'bogus'))
      .map(([maxLength, maxItems, profile, country, recipients, charset]) =>
        `---\nprofile: ${profile}\ncountry: ${country}\nrecipients: ${recipients}\nmaxSegments: ${maxItems}\nvariables:\n  name: { maxLength: ${maxLength}, charset: ${charset} }\n  items: { maxItems: ${maxItems} }\n---\n{{name}} {{#each items}}x{{/each}} `),
  },
  { weight: 1, arbitrary: fc.constantFrom('---\n', '---\n---\n', '---\n: : :\n---\n', '---\nvariables: 5\n---\n', '---\n\u0000\n---\n', '---\r\nmedia: true\r\n---\r\n') },
);

/** A path and a text of its kind (sometimes of another kind, sometimes arbitrary). */
export const fileCase: fc.Arbitrary<{ path: string; text: string }> = fc.oneof(
  fc.tuple(fc.constantFrom('/r/a.sms', '/r/b.sms.hbs', '/r/c.sms.liquid', '/r/d.sms.mustache', '/r/e.sms.txt'), fc.tuple(frontMatter, fc.oneof(nastyText, templateCase.map((c) => c.body))).map(([f, b]) => f + b)),
  fc.tuple(fc.constantFrom('/r/locales/en.json', '/r/i18n/fr.json', '/r/x.sms.json'), jsonText),
  fc.tuple(fc.constantFrom('/r/locales/en.yaml', '/r/lang/fr.yml', '/r/x.sms.yaml'), yamlText),
  fc.tuple(fc.constantFrom('/r/src/a.ts', '/r/src/b.tsx', '/r/c.js', '/r/d.mjs', '/r/e.cjs', '/r/f.jsx'), jsText),
  fc.tuple(fc.constantFrom('', '/', 'a.sms', 'C:\\r\\a.sms', 'file:///r/a.sms', '/r/😀.sms', '/r/.sms', '/r/locales/', '/r/locales/en.json/x.ts', '/r/a.SMS', '/r/README.md'), fc.oneof(nastyText, jsonText, jsText)),
).map(([path, text]) => ({ path, text }));

// ---------------------------------------------------------------------------------------------
// Configs: plausible and implausible values for every key, as a config file would hold them.

const junk: fc.Arbitrary<unknown> = fc.oneof(fc.constantFrom(null, true, -1, 0, 1e308, Number.NaN, '', 'x', [], {}, '$1,234.56', '-5', '1e9'), fc.string({ maxLength: 5 }), fc.integer());
const severity = fc.constantFrom('error', 'warning', 'info', 'hint', 'off');

export const configObject: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    profile: fc.oneof(fc.constantFrom('quo', 'textspot', 'openphone', 'custom', 'nope'), junk),
    profiles: fc.oneof(fc.constant({ custom: { encoding: 'segments', rates: { US: '0.01' } } }), fc.constant({ custom: { rates: {} } }), junk),
    campaign: fc.oneof(
      fc.record({ recipients: fc.oneof(fc.integer({ min: -3, max: 2_000_000_000 }), junk), country: fc.oneof(fc.constantFrom('US', 'CA', 'FR', 'ZZ', 'us'), junk), balance: fc.oneof(fc.constantFrom('10.00', '$0.005', { credits: 5 }, 0), junk), media: fc.oneof(fc.boolean(), junk) }, { requiredKeys: [] }),
      junk,
    ),
    variableDefaults: fc.oneof(fc.record({ maxLength: fc.oneof(fc.nat(300), huge), minLength: fc.oneof(fc.nat(5), huge), maxItems: fc.oneof(fc.nat(5), huge), charset: fc.constantFrom('gsm', 'unicode', 'x') }, { requiredKeys: [] }), junk),
    limits: fc.oneof(fc.record({ maxSegments: fc.oneof(fc.integer({ min: -1, max: 10 }), junk), maxCostPerRecipient: fc.oneof(fc.constantFrom('0.01', { credits: 1 }), junk), maxCampaignCost: junk }, { requiredKeys: [] }), junk),
    allowUnicode: fc.oneof(fc.boolean(), fc.array(fc.oneof(nastyPiece, junk), { maxLength: 3 }), junk),
    variables: fc.oneof(fc.dictionary(fc.constantFrom('name', 'x', 'items', 'count', '__proto__'), fc.record({ maxLength: fc.oneof(fc.integer({ min: -5, max: 500 }), huge, junk), minLength: fc.oneof(fc.nat(50), junk), maxItems: fc.oneof(fc.nat(5), huge), charset: fc.oneof(fc.constantFrom('gsm', 'unicode', 'digits', 'extended'), junk), sample: fc.oneof(nastyPiece, junk) }, { requiredKeys: [] }), { maxKeys: 3 }), junk),
    placeholders: fc.oneof(fc.array(fc.constantFrom('auto', 'mustache', 'handlebars', 'liquid', 'icu', 'printf', 'dotnet', 'js-template', 'plain', 'bogus'), { maxLength: 3 }), junk),
    rules: fc.oneof(fc.dictionary(fc.constantFrom(...RULE_IDS, 'no-such-rule'), fc.oneof(severity, fc.tuple(severity, fc.oneof(fc.constant({}), fc.constant({ max: 1 }), junk)), junk), { maxKeys: 4 }), junk),
    unknownKey: junk,
  },
  { requiredKeys: [] },
);
