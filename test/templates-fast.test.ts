// The fast paths against the general ones: identical figures (every field a caller can read) on
// random templates in every syntax, with random metadata and options.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { countSegments } from '../shared/segments';
import { fastOptionsOf, generalFigures } from '../shared/templates/figures';
import { fastFigures } from '../shared/templates/fastFigures';
import { shallowFigures } from '../shared/templates/shallowFigures';
import { BEST, COMPLEX, EXTENDED, FLAGS, measureInto, NON_GSM, printedText, quickCount, renderedCount, SAMPLE, Stats, variableInto, WORST, type Scenario } from '../shared/templates/measure';
import { resolveFrom, resolveVariable, VARIABLE_DEFAULTS } from '../shared/templates/variables';
import { septetsOf } from '../shared/segments';
import { parseTemplate, templateFigures, type FigureOptions, type TemplateFigures, type TemplateSyntax, type VariableMeta } from '../shared/templates';

const seed = Number(process.env.FC_SEED ?? 4_2025);
const params = { seed, numRuns: 400 };

/** Every field of the figures, getters included, as plain JSON. */
function snapshot(f: TemplateFigures): string {
  const { best, worst, sample, variants, variantCount, variables, assumptions, widening, worstReason } = f;
  return JSON.stringify({
    best, worst, sample, variants, variantCount, widening, worstReason,
    variables: variables.map(({ name, minLength, maxLength, charset, sample: s, assumed, mayBeUnicode, ranges }) => ({ name, minLength, maxLength, charset, s, assumed, mayBeUnicode, ranges })),
    assumptions: assumptions.map((a) => ({ code: a.code, message: a.message, variable: a.variable, range: a.range })),
  });
}

// Literal text that exercises every counting route: extension characters, UCS-2, clusters,
// CRLF, runs long enough to cross segment edges.
const LIT = ['a', 'Hi ', ' ', '€', 'é', 'ë', '’', '😀', '\r\n', '\n', 'e\u0301', '\u200d', '👍🏽', 'x'.repeat(40), 'hello world ', '&', '"', '#', 'y'.repeat(150), 'ж'.repeat(70), '{', '}', "'", '%'];
const lit = fc.array(fc.constantFrom(...LIT), { maxLength: 4 }).map((a) => a.join(''));
const NAMES = ['a', 'b', 'n', 'x.y', '0', '1', 'vip'];
const LIQUID_FILTERS = ['', " | default: 'zz'", ' | upcase', ' | truncate: 5', " | append: 'é'", ' | size', ' | bogus', ' | strip'];

const PLACEHOLDER: Record<TemplateSyntax, (name: string, k: number) => string> = {
  mustache: (n, k) => [`{{${n}}}`, `{{{${n}}}}`, `{{&${n}}}`, '{{! c }}'][k % 4]!,
  handlebars: (n, k) => [`{{${n}}}`, `{{{${n}}}}`, `{{~${n}~}}`, '{{>p}}'][k % 4]!,
  liquid: (n, k) => `{{ ${n}${LIQUID_FILTERS[k % LIQUID_FILTERS.length]} }}`,
  'js-template': (n) => `\${${n}}`,
  printf: (_, k) => ['%s', '%d', '%1$s', '%-10s', '%.5s', '%%'][k % 6]!,
  dotnet: (_, k) => [`{${k % 3}}`, `{${k % 3},8}`, `{${k % 3}:N2}`, '{{'][k % 4]!,
  icu: (n, k) => [`{${n}}`, `{${n}, number}`, "'{'", "''"][k % 4]!,
  'ruby-i18n': (n, k) => [`%{${n}}`, `%<${n}>s`, `%<${n}>d`, '%%'][k % 4]!,
  plain: () => '',
};

/** Wraps `inner` in a branch group of `syntax` (or nothing where the syntax has none). */
function branch(syntax: TemplateSyntax, k: number, a: string, b: string): string {
  switch (syntax) {
    case 'mustache':
      return `{{#vip}}${a}{{/vip}}{{^n}}${b}{{/n}}`;
    case 'handlebars':
      return k % 3 === 0 ? `{{#each a}}${a}{{/each}}` : `{{#if vip}}${a}{{else}}${b}{{/if}}`;
    case 'liquid':
      return [`{% if vip %}${a}{% else %}${b}{% endif %}`, `{% case n %}{% when 'gold' %}${a}{% when 1 %}${b}{% endcase %}`, `{% for i in a %}${a}{% endfor %}`][k % 3]!;
    case 'icu':
      return k % 2 ? `{n, plural, =0 {${a}} one {# ${b}} other {${a}${b}}}` : `{vip, select, true {${a}} other {${b}}}`;
    default:
      return a + b;
  }
}

function template(syntax: TemplateSyntax): fc.Arbitrary<string> {
  const piece = fc.tuple(lit, fc.constantFrom(...NAMES), fc.nat({ max: 30 }));
  const flat = fc.array(piece, { maxLength: 5 }).map((ps) => ps.map(([l, n, k]) => l + PLACEHOLDER[syntax](n, k)).join(''));
  // An arm may hold a group of its own: templates then leave the top-level-groups path.
  const arm = fc.tuple(flat, flat, fc.nat({ max: 30 }), fc.nat({ max: 3 })).map(([a, b, k, nest]) => (nest === 0 ? a + branch(syntax, k, b, a) : a));
  return fc.tuple(flat, arm, arm, fc.array(fc.nat({ max: 30 }), { maxLength: 3 }), lit).map(([x, a, b, ks, tail]) => {
    let s = x;
    for (const k of ks) s += branch(syntax, k, a, b) + (k % 2 ? x : '');
    return s + tail;
  });
}

const SAMPLES = ['Zoë', 'Bo', '', 'A12345', 'true', 'false', '2', '1', '0', 'gold', '€€', 'x'.repeat(50), '😀', 'ж'.repeat(30)];
const meta: fc.Arbitrary<VariableMeta> = fc.record(
  {
    minLength: fc.nat({ max: 10 }),
    maxLength: fc.nat({ max: 80 }),
    charset: fc.constantFrom<'gsm' | 'unicode'>('gsm', 'unicode'),
    sample: fc.constantFrom(...SAMPLES),
    maxItems: fc.nat({ max: 4 }),
  },
  { requiredKeys: [] },
);
const varsArb = fc.dictionary(fc.constantFrom(...NAMES, '2'), meta, { maxKeys: 6 });
const optsArb: fc.Arbitrary<FigureOptions> = fc.record(
  {
    defaultCharset: fc.constantFrom<'gsm' | 'unicode'>('gsm', 'unicode'),
    defaultMaxLength: fc.nat({ max: 40 }),
    defaultMinLength: fc.nat({ max: 5 }),
    maxVariants: fc.integer({ min: 1, max: 6 }),
    sizes: fc.constantFrom({ gsmSingle: 160, gsmMulti: 153, ucs2Single: 70, ucs2Multi: 67 }, { gsmSingle: 150, gsmMulti: 145, ucs2Single: 66, ucs2Multi: 62 }),
    extendedInWorst: fc.boolean(),
    locale: fc.constantFrom('en', 'fr', 'ar'),
  },
  { requiredKeys: [] },
);

const SYNTAXES: TemplateSyntax[] = ['mustache', 'handlebars', 'liquid', 'js-template', 'printf', 'dotnet', 'icu', 'plain'];

describe('templates: fast path = general path', () => {
  // Which path answered: were a fast path to give up on everything, the figures would still agree.
  const answered = { shallow: 0, nested: 0 };
  const note = (t: ReturnType<typeof parseTemplate>, vars: Readonly<Record<string, VariableMeta>>, opts: FigureOptions) => {
    const o = fastOptionsOf(opts);
    if (shallowFigures(t.parts, vars, o)) answered.shallow++;
    else if (fastFigures(t.parts, vars, o)) answered.nested++;
  };
  for (const syntax of SYNTAXES) {
    it(`${syntax}: identical figures on random templates, metadata and options`, () => {
      fc.assert(
        fc.property(template(syntax), varsArb, optsArb, (body, vars, opts) => {
          const t = parseTemplate(body, syntax);
          note(t, vars, opts);
          assert.equal(snapshot(templateFigures(t, vars, opts)), snapshot(generalFigures(t, vars, opts)), body);
        }),
        params,
      );
    });
  }

  it('many distinct names (past the scan, names are indexed): identical figures', () => {
    const many = fc.array(fc.tuple(lit, fc.nat({ max: 39 })), { minLength: 16, maxLength: 60 }).map((ps) => ps.map(([l, k]) => `${l}{{v${k}}}`).join(''));
    fc.assert(
      fc.property(many, fc.boolean(), varsArb, optsArb, (body, grouped, vars, opts) => {
        const t = parseTemplate(grouped ? `{{#if vip}}${body}{{else}}b{{/if}}${body}` : body, 'handlebars');
        note(t, vars, opts);
        assert.equal(snapshot(templateFigures(t, vars, opts)), snapshot(generalFigures(t, vars, opts)), body);
      }),
      { seed, numRuns: 100 },
    );
  });

  it('what the figures list when first read (variants, values, arms, assumptions) is the same read after other bodies', () => {
    // The fast paths reuse scratch between calls and list these lazily: a late read must not see a later body's data.
    const syntaxes = fc.constantFrom(...SYNTAXES);
    const body = syntaxes.chain((syntax) => template(syntax).map((b) => [syntax, b] as const));
    fc.assert(
      fc.property(fc.array(body, { minLength: 2, maxLength: 6 }), varsArb, optsArb, (bodies, vars, opts) => {
        // Each body read at once, then all measured again and read only after the last one.
        const now = bodies.map(([syntax, b]) => snapshot(templateFigures(parseTemplate(b, syntax), vars, opts)));
        const late = bodies.map(([syntax, b]) => templateFigures(parseTemplate(b, syntax), vars, opts));
        bodies.forEach(([, b], i) => assert.equal(snapshot(late[i]!), now[i], b));
      }),
      { seed, numRuns: 150 },
    );
  });

  it('the comparisons above went through both fast paths, many times', () => {
    assert.ok(answered.shallow > 500, `top-level-groups path answered ${answered.shallow}`);
    assert.ok(answered.nested > 20, `nested-groups path answered ${answered.nested}`);
  });
});

describe('templates: what a placeholder prints, counted without building it', () => {
  it('variableInto = measureInto(printedText) for filter chains, HTML escaping, metadata and every case', () => {
    const FILTERS = ['', " | default: 'zz'", " | default: '&é'", ' | upcase', ' | downcase', ' | capitalize', ' | truncate: 5', " | append: 'é'", " | prepend: '<'", ' | strip', ' | escape', ' | size', ' | bogus', " | replace: 'x', 'yy'", ' | truncatewords: 1'];
    const chain = fc.array(fc.constantFrom(...FILTERS), { maxLength: 3 }).map((fs) => fs.join(''));
    fc.assert(
      fc.property(chain, fc.boolean(), meta, fc.boolean(), fc.constantFrom<'gsm' | 'unicode'>('gsm', 'unicode'), (filters, escaped, m, ext, defaultCharset) => {
        // Liquid gives the filters; Handlebars-style escaping is set on the same part.
        const parsed = parseTemplate(`{{ x${filters} }}`, 'liquid').parts[0];
        if (parsed?.kind !== 'variable') return;
        const p = { ...parsed, htmlEscaped: escaped ? (true as const) : undefined };
        const r = resolveVariable('x', { valueKind: p.valueKind, ranges: [] }, m, { ...VARIABLE_DEFAULTS, defaultCharset }, septetsOf);
        const v = { r, sampleText: r.sample };
        for (const sc of [BEST, WORST, SAMPLE] as Scenario[]) {
          const a = new Stats();
          variableInto(p, v, sc, ext, a);
          const b = new Stats();
          const t = printedText(p, v, sc, ext);
          if (t !== undefined) measureInto(t, b);
          assert.deepEqual(a, b, `${filters} case ${sc}`);
        }
      }),
      params,
    );
  });
});

describe('templates: a sample measured once per resolution', () => {
  it('through any chain of case changes and defaults, one chain after another = measureInto(printedText)', () => {
    // Case changes that change lengths ('ß' -> 'SS', 'İ' -> 'i̇', 'ﬁ' -> 'FI'): a chain's stats must
    // never be served for another chain.
    const FILTERS = ['', " | default: 'zz'", ' | upcase', ' | downcase', ' | capitalize', ' | escape', ' | strip', " | append: 'é'"];
    const chain = fc.array(fc.constantFrom(...FILTERS), { maxLength: 4 }).map((fs) => fs.join(''));
    const samples = fc.constantFrom('ß', 'İstanbul', 'ﬁx', 'Zoë', 'a&b', 'Bo', '', 'STRASSE straße');
    fc.assert(
      fc.property(samples, fc.array(fc.tuple(chain, fc.boolean()), { minLength: 1, maxLength: 8 }), (sample, uses) => {
        const vars = { x: { sample } };
        for (const [filters, escaped] of uses) {
          const parsed = parseTemplate(`{{ x${filters} }}`, 'liquid').parts[0];
          if (parsed?.kind !== 'variable') return;
          const p = { ...parsed, htmlEscaped: escaped ? (true as const) : undefined };
          const resolution = resolveFrom('x', { valueKind: p.valueKind, ranges: [] }, vars, VARIABLE_DEFAULTS, septetsOf);
          const v = { r: resolution.r, sampleText: resolution.r.sample, resolution };
          const a = new Stats();
          variableInto(p, v, SAMPLE, false, a);
          const b = new Stats();
          measureInto(printedText(p, v, SAMPLE, false)!, b);
          assert.deepEqual(a, b, `${JSON.stringify(sample)}${filters}${escaped ? ' escaped' : ''}`);
        }
      }),
      params,
    );
  });
});

describe('templates: counting a rendered text', () => {
  it('measureInto = the per-unit sum of septets, flags and joining units, whatever the mix of runs', () => {
    const unit = fc.constantFrom('a', 'Hello world. ', '’', 'é', '€', '{', '😀', 'ж', 'жжж', '\u0301', '\r\n', '~', '[', 'x'.repeat(30), ' ');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), (units) => {
        const text = units.join('');
        const s = new Stats();
        measureInto(text, s);
        let septets = 0;
        let flags = 0;
        let complex = 0;
        for (let i = 0; i < text.length; i++) {
          const f = FLAGS[text.charCodeAt(i)]!;
          septets += f & 3;
          flags |= f & ~3;
          complex += f & COMPLEX ? 1 : 0;
        }
        assert.deepEqual(s, new Stats(text.length, septets, flags, complex), JSON.stringify(text));
      }),
      { seed, numRuns: 2000 },
    );
  });

  it('quickCount, when it answers from statistics alone, = countSegments (extension characters and clusters past one segment included)', () => {
    const unit = fc.constantFrom(...LIT, '€€€', '{', 'e\u0301\u0301', '👨‍👩‍👧', '\r', '🇫🇷', '\u0915\u094d\u0937', 'a\u200d', 'x'.repeat(60), 'ë'.repeat(30));
    const sizes = fc.oneof(
      fc.constantFrom({ gsmSingle: 160, gsmMulti: 153, ucs2Single: 70, ucs2Multi: 67 }, { gsmSingle: 150, gsmMulti: 145, ucs2Single: 66, ucs2Multi: 62 }),
      fc.record({ gsmSingle: fc.integer({ min: 1, max: 40 }), gsmMulti: fc.integer({ min: 1, max: 40 }), ucs2Single: fc.integer({ min: 1, max: 20 }), ucs2Multi: fc.integer({ min: 1, max: 20 }) }),
    );
    let answered = 0;
    let bounded = 0;
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 30 }), sizes, (units, sz) => {
        // Summed piece by piece, as the figures sum literal text and values.
        const s = new Stats();
        for (const u of units) measureInto(u, s);
        const q = quickCount(s, sz);
        if (q === null) return;
        answered++;
        // Past one segment with atoms over one unit: the case decided by the packing bounds.
        if (s.flags & NON_GSM ? s.flags & COMPLEX && s.len > sz.ucs2Single : s.flags & EXTENDED && s.septets > sz.gsmSingle) bounded++;
        const text = units.join('');
        const c = countSegments(text, sz);
        assert.deepEqual(q, { encoding: c.encoding, units: c.units, segments: c.segments, length: text.length });
      }),
      { seed, numRuns: 4000 },
    );
    assert.ok(answered > 1000 && bounded > 200, `answered ${answered}, by the bounds ${bounded}`);
  });

  it('renderedCount = countSegments on random texts and segment sizes, small ones included', () => {
    const unit = fc.constantFrom(...LIT, 'ab', '€€€', 'e\u0301\u0301', '👨‍👩‍👧', '\r', 'ë', '🇫🇷', '\u0915\u094d\u0937', 'a\u200d');
    const sizes = fc.oneof(
      fc.constantFrom({ gsmSingle: 160, gsmMulti: 153, ucs2Single: 70, ucs2Multi: 67 }),
      fc.record({ gsmSingle: fc.integer({ min: 1, max: 40 }), gsmMulti: fc.integer({ min: 1, max: 40 }), ucs2Single: fc.integer({ min: 1, max: 20 }), ucs2Multi: fc.integer({ min: 1, max: 20 }) }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }), sizes, (units, sz) => {
        const text = units.join('');
        const c = countSegments(text, sz);
        assert.deepEqual(renderedCount(text, sz), { encoding: c.encoding, units: c.units, segments: c.segments, length: text.length });
      }),
      { seed, numRuns: 3000 },
    );
  });
});
