import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SegmentedMessage } from 'sms-segments-calculator';
import { countSegments } from '../shared/segments';
import {
  parseTemplate,
  TEMPLATE_SYNTAXES,
  templateFigures,
  type FigureCount,
  type TemplateSyntax,
  type VariableMeta,
} from '../shared/templates';

// Seeded so a failure reproduces; fast-check prints the seed and counterexample when one fails.
const seed = Number(process.env.FC_SEED ?? 4_2025);
const params = { seed, numRuns: 300 };

function figures(body: string, syntax: TemplateSyntax, vars: Record<string, VariableMeta> = {}, opts = {}) {
  return templateFigures(parseTemplate(body, syntax), vars, opts);
}

function seg(c: FigureCount): string {
  return `${c.segments}/${c.encoding}/${c.units}`;
}

describe('templates: figures as ranges', () => {
  it('a GSM-only text becomes UCS-2 in the worst case because of one unicode variable', () => {
    const text = 'Your parcel is out for delivery today. Reply STOP to opt out. ';
    const f = figures(`Hi {{name}}! ${text}`, 'mustache', { name: { minLength: 2, maxLength: 20, charset: 'unicode', sample: 'Zoë' } });
    const best = `Hi aa! ${text}`;
    const worst = `Hi ${'ë'.repeat(20)}! ${text}`;
    assert.equal(seg(f.best), `1/GSM-7/${best.length}`);
    assert.equal(seg(f.worst), `2/UCS-2/${worst.length}`);
    assert.equal(seg(f.sample!), `1/UCS-2/${text.length + 8}`);
    // Same figures as the reference calculator on the concrete texts.
    assert.equal(new SegmentedMessage(best).segmentsCount, f.best.segments);
    assert.equal(new SegmentedMessage(worst).segmentsCount, f.worst.segments);
    assert.equal(new SegmentedMessage(`Hi Zoë! ${text}`).segmentsCount, f.sample!.segments);
    assert.deepEqual(f.worst.values, [{ name: 'name', length: 20, charset: 'unicode', source: 'maxLength' }]);
    assert.match(f.worstReason, /worst: 2 segments, UCS-2; with name at 20 chars, unicode/);
    assert.deepEqual(f.widening, [{ kind: 'variable', label: 'name (2–20, unicode)' }]);
    assert.deepEqual(
      f.assumptions.map((a) => a.code),
      ['variable-may-be-unicode'],
    );
  });

  it('metadata is read again when the variables object, a variable or the defaults change', () => {
    // The resolution of a variable is remembered across bodies: a new object must not get an old answer.
    const vars = { name: { maxLength: 10 } };
    const worst = (v: Record<string, { maxLength: number }>, o = {}): number => figures('Hi {{name}}', 'mustache', v, o).worst.length;
    assert.equal(worst(vars), 13);
    assert.equal(worst(vars), 13);
    assert.equal(worst({ name: { maxLength: 30 } }), 33);
    assert.equal(worst({ ...vars, other: { maxLength: 1 } }), 13);
    assert.equal(worst({}, { defaultMaxLength: 7 }), 10);
    assert.equal(worst({}, { defaultMaxLength: 8 }), 11);
    assert.equal(worst(vars), 13);
  });

  it('a text without placeholders has best == worst == sample == countSegments(text)', () => {
    const text = 'Flash sale: 20% off everything – today only!';
    const f = figures(text, 'plain');
    const c = countSegments(text);
    for (const fig of [f.best, f.worst, f.sample!]) assert.equal(seg(fig), `${c.segments}/${c.encoding}/${c.units}`);
    assert.deepEqual(f.assumptions, []);
    assert.deepEqual(f.widening, []);
  });

  it('names the defaults it assumed for undeclared variables', () => {
    const f = figures('Hi {{first}} {{last}}', 'mustache', { last: { maxLength: 10 } }, { defaultMaxLength: 25 });
    assert.deepEqual(
      f.assumptions.map((a) => [a.code, a.variable, a.message]),
      [
        ['variable-length-unknown', 'first', "'first' has no declared length; assumed minLength 0 (defaultMinLength) and maxLength 25 (defaultMaxLength)"],
        ['variable-length-unknown', 'last', "'last' has no declared length; assumed minLength 0 (defaultMinLength)"],
      ],
    );
    assert.deepEqual(f.assumptions[0]!.range, { start: 3, end: 12 });
    assert.deepEqual(f.variables.map((v) => [v.name, v.assumed]), [['first', ['minLength', 'maxLength', 'charset']], ['last', ['minLength', 'charset']]]);
    assert.equal(f.worst.length, 'Hi  '.length + 35);
    assert.equal(f.best.length, 'Hi  '.length);
    const uni = figures('Hi {{first}}', 'mustache', {}, { defaultCharset: 'unicode' });
    assert.equal(uni.worst.encoding, 'UCS-2');
    assert.match(uni.assumptions[1]!.message, /'first' may hold characters outside GSM-7 \(defaultCharset\)/);
  });

  it('numbers are digits: GSM-7 even under a unicode default', () => {
    const f = figures('Code %d for %s', 'printf', { '1': { maxLength: 6 } }, { defaultCharset: 'unicode', defaultMaxLength: 0 });
    assert.equal(f.worst.encoding, 'GSM-7');
    assert.equal(f.worst.length, 'Code  for '.length + 6);
  });

  it('each branch is a variant; the worst names the arm that makes it worst', () => {
    const body = "{count, plural, =0 {No new messages} one {One message from {sender}} other {# messages, latest from {sender}: '{'{preview}'}'}}";
    const f = figures(body, 'icu', {
      count: { maxLength: 3, sample: '1' },
      sender: { minLength: 1, maxLength: 30, sample: 'Ana' },
      preview: { maxLength: 100, charset: 'unicode', sample: 'See you at 8' },
    });
    assert.equal(f.variantCount, 3);
    assert.deepEqual(f.variants.map((v) => v.variant), [['plural count: =0'], ['plural count: one'], ['plural count: other']]);
    assert.equal(f.best.variant[0], 'plural count: =0');
    assert.equal(seg(f.best), '1/GSM-7/15');
    assert.equal(f.worst.variant[0], 'plural count: other');
    const worstText = `${'9'.repeat(3)} messages, latest from ${'x'.repeat(30)}: {${'ë'.repeat(100)}}`;
    assert.equal(seg(f.worst), `${countSegments(worstText).segments}/UCS-2/${worstText.length}`);
    assert.equal(f.sample!.variant[0], 'plural count: one');
    assert.equal(f.sample!.length, 'One message from Ana'.length);
    assert.match(f.worstReason, /plural count: other with count at 3 chars, sender at 30 chars, preview at 100 chars, unicode/);
    assert.ok(f.widening.some((w) => w.kind === 'branch' && w.label === 'plural count: other'));
  });

  it('the sample case takes the arm its sample values select', () => {
    const body = '{{#if vip}}Dear VIP {{name}}{{else}}Hi {{name}}{{/if}}';
    const yes = figures(body, 'handlebars', { vip: { sample: 'true' }, name: { sample: 'Bo' } });
    assert.equal(yes.sample!.length, 'Dear VIP Bo'.length);
    const no = figures(body, 'handlebars', { vip: { sample: '' }, name: { sample: 'Bo' } });
    assert.equal(no.sample!.length, 'Hi Bo'.length);
    const liquid = figures("{% case tier %}{% when 'gold' %}Gold!{% else %}Hello{% endcase %}", 'liquid', { tier: { sample: 'gold' } });
    assert.equal(liquid.sample!.length, 5);
    assert.equal(liquid.sample!.variant[0], 'case tier: when \'gold\'');
  });

  it('Liquid filters change lengths where that is knowable', () => {
    const t = figures("Hi {{ name | default: 'friend' }}, {{ bio | truncate: 12 }}", 'liquid', {
      bio: { minLength: 0, maxLength: 200, sample: 'Loves hiking and coffee' },
    });
    // truncate: 12 caps the worst case at 12; default prints 'friend' for an empty name.
    assert.equal(t.worst.length, 'Hi , '.length + 20 + 12);
    assert.equal(t.best.length, 'Hi friend, '.length);
    assert.equal(t.sample!.length, 'Hi friend, Loves hik...'.length);
    const up = figures('{{ name | upcase | append: "!" }}', 'liquid', { name: { minLength: 3, maxLength: 3, sample: 'zoë' } });
    assert.equal(up.sample!.encoding, 'UCS-2');
    assert.equal(up.sample!.length, 4);
  });

  it('loops repeat between minItems and maxItems', () => {
    const f = figures('Items:{{#each items}} {{sku}}{{/each}}', 'handlebars', { items: { maxItems: 5 }, sku: { minLength: 4, maxLength: 4 } });
    assert.equal(f.best.length, 'Items:'.length);
    assert.equal(f.worst.length, 'Items:'.length + 5 * 5);
    assert.ok(f.worst.variant.includes('each items: 5 items'));
    const d = figures('{% for i in xs %}ab{% endfor %}', 'liquid');
    assert.equal(d.worst.length, 6);
    assert.equal(d.assumptions.find((a) => a.code === 'repeat-count-unknown')!.message, "'xs' has no declared maxItems; assumed 3 (defaultMaxItems)");
  });

  it('caps branch explosion without going exponential', () => {
    const body = Array.from({ length: 40 }, (_, i) => `{{#if c${i}}}${'long text '.repeat(2)}{{else}}x{{/if}}`).join('');
    const t0 = Date.now();
    const f = figures(body, 'handlebars');
    assert.ok(Date.now() - t0 < 200);
    assert.equal(f.variantCount, 1e9);
    assert.equal(f.variants.length, 2);
    assert.equal(f.assumptions.find((a) => a.code === 'variants-capped')!.message.startsWith('Over a billion branch combinations'), true);
    assert.equal(f.best.length, 40);
    assert.equal(f.worst.length, 800);
    assert.equal(f.worst.segments, countSegments('long text '.repeat(80)).segments);
  });

  it('contradictory metadata is corrected and said so', () => {
    const f = figures('{{a}}', 'mustache', { a: { minLength: 9, maxLength: 3, sample: 'naïve and long' } });
    assert.deepEqual(
      f.assumptions.filter((a) => a.code === 'metadata-adjusted').map((a) => a.message),
      [
        "'a': minLength 9 is above maxLength 3; using 3 for both",
        "'a': sample is 14 long, over maxLength 3; worst case uses 14",
        "'a': sample has characters outside GSM-7; treated as charset unicode",
      ],
    );
    assert.equal(f.worst.length, 14);
    assert.equal(f.worst.encoding, 'UCS-2');
  });

  it('profile segment sizes apply', () => {
    const f = figures('x'.repeat(151), 'plain', {}, { sizes: { gsmSingle: 150, gsmMulti: 145, ucs2Single: 66, ucs2Multi: 62 } });
    assert.equal(f.worst.segments, 2);
  });
});

// --- properties ----------------------------------------------------------------------------

const PIECES = ['a', 'Hi ', ' ', '€', '{', '}', 'é', 'ë', '’', '😀', '\r\n', '\n', 'e\u0301', '\u200d', '👍🏽', 'x'.repeat(40)];
const literal = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((a) => a.join(''));
const NAMES = ['a', 'b', 'c'];
const meta = fc.record(
  {
    minLength: fc.nat({ max: 30 }),
    maxLength: fc.nat({ max: 120 }),
    charset: fc.constantFrom<'gsm' | 'unicode'>('gsm', 'unicode'),
  },
  { requiredKeys: [] },
);
const varsArb = fc.record({ a: meta, b: meta, c: meta }, { requiredKeys: [] });
/** A flat `${}` template as alternating literal text and placeholder names. */
const flat = fc.array(fc.tuple(literal, fc.constantFrom(...NAMES)), { maxLength: 5 }).chain((pairs) =>
  literal.map((tail) => ({ pairs, tail, body: pairs.map(([l, n]) => `${l}\${${n}}`).join('') + tail })),
);

describe('templates: figure properties', () => {
  it('best and worst equal countSegments on the concrete rendered texts', () => {
    fc.assert(
      fc.property(flat, varsArb, ({ pairs, tail, body }, vars) => {
        const f = figures(body, 'js-template', vars, { defaultMaxLength: 15 });
        const r = new Map(f.variables.map((v) => [v.name, v]));
        const render = (best: boolean): string =>
          pairs.map(([l, n]) => {
            const v = r.get(n)!;
            return l + (best ? 'a'.repeat(v.minLength) : (v.mayBeUnicode ? 'ë' : 'x').repeat(v.maxLength));
          }).join('') + tail;
        const b = countSegments(render(true));
        const w = countSegments(render(false));
        assert.equal(seg(f.best), `${b.segments}/${b.encoding}/${b.units}`);
        assert.equal(seg(f.worst), `${w.segments}/${w.encoding}/${w.units}`);
      }),
      params,
    );
  });

  it('best <= sample <= worst, without the sample ever being pulled into range', () => {
    const sampleText = fc.array(fc.constantFrom('a', 'Z', ' ', 'ë', '€', 'ж', '9'), { maxLength: 40 }).map((a) => a.join(''));
    const withSample = fc.record({ minLength: fc.nat({ max: 10 }), maxLength: fc.nat({ max: 60 }), charset: fc.constantFrom<'gsm' | 'unicode'>('gsm', 'unicode'), sample: sampleText }, { requiredKeys: ['sample'] });
    const branchy = fc.tuple(flat, literal, literal).map(([f, x, y]) => `{{#if a}}${x}{{else}}${y}{{/if}}` + f.body.replace(/\$\{(\w)\}/g, '{{{$1}}}'));
    fc.assert(
      fc.property(branchy, fc.record({ a: withSample, b: withSample, c: withSample }), (body, vars) => {
        const f = figures(body, 'handlebars', vars);
        const s = f.sample;
        assert.ok(s, 'every variable has a sample');
        assert.ok(f.best.segments <= s.segments && s.segments <= f.worst.segments, `${f.best.segments} <= ${s.segments} <= ${f.worst.segments}`);
        assert.ok(!f.assumptions.some((a) => a.code === 'sample-outside-range'), JSON.stringify(f.assumptions));
      }),
      params,
    );
  });

  it('a template without placeholders: best == worst == countSegments(text), in every syntax', () => {
    const noSyntax = fc.array(fc.constantFrom(...PIECES, 'Hello, world. ', 'ok'), { maxLength: 20 }).map((a) => a.join('').replace(/[{}]/g, ''));
    fc.assert(
      fc.property(noSyntax, fc.constantFrom<TemplateSyntax>('plain', 'mustache', 'liquid', 'js-template', 'icu'), (text, syntax) => {
        const f = figures(text, syntax);
        const c = `${countSegments(text).segments}/${countSegments(text).encoding}/${countSegments(text).units}`;
        assert.equal(seg(f.best), c);
        assert.equal(seg(f.worst), c);
      }),
      params,
    );
  });

  it('parse and figures never throw on random input, in any syntax, with any metadata', () => {
    const junk = fc.string({ unit: fc.constantFrom('{', '}', '{{', '}}', '{%', '%}', '%', '$', '#', "'", ',', '|', ':', 'a', ' ', 'plural', 'select', 'if', 'else', '/', '\n', '😀', '-', '~', '=') , maxLength: 60 });
    const anyMeta = fc.dictionary(fc.constantFrom('a', 'if', '0', '1', 'x'), fc.anything() as fc.Arbitrary<VariableMeta>);
    fc.assert(
      fc.property(junk, fc.constantFrom(...TEMPLATE_SYNTAXES), anyMeta, (body, syntax, vars) => {
        const t = parseTemplate(body, syntax);
        for (const f of t.findings) assert.ok(f.range.start >= 0 && f.range.end <= body.length && f.range.start <= f.range.end);
        const f = templateFigures(t, vars);
        assert.ok(f.best.segments >= 1 && f.best.segments <= f.worst.segments);
      }),
      { ...params, numRuns: 1000 },
    );
  });
});

// --- oracle over branches: every variant rendered and counted --------------------------------

type Node = string | { v: string } | { arms: [Node[], Node[] | null] };

const nodeArb: fc.Arbitrary<Node[]> = fc.letrec((tie) => ({
  seq: fc.array(tie('node'), { maxLength: 4 }) as fc.Arbitrary<Node[]>,
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    literal,
    fc.constantFrom(...NAMES).map((v) => ({ v })),
    fc.tuple(tie('seq'), fc.option(tie('seq'), { nil: null })).map(([a, b]) => ({ arms: [a, b] }) as Node),
  ),
})).seq;

// Newlines out: a block tag alone on its line removes the line (Mustache "standalone" rule).
const text = (s: string): string => s.replace(/[{}]/g, '').replace(/[\r\n]/g, ' ');

function hbs(nodes: Node[]): string {
  return nodes.map((n) => (typeof n === 'string' ? text(n) : 'v' in n ? `{{{${n.v}}}}` : `{{#if k}}${hbs(n.arms[0])}${n.arms[1] ? `{{else}}${hbs(n.arms[1])}` : ''}{{/if}}`)).join('');
}

/** Every rendering of the branch tree, values filled by `fill`. */
function renderings(nodes: Node[], fill: (name: string) => string): string[] {
  let acc = [''];
  for (const n of nodes) {
    const next = typeof n === 'string' ? [text(n)] : 'v' in n ? [fill(n.v)] : [...renderings(n.arms[0], fill), ...renderings(n.arms[1] ?? [], fill)];
    acc = acc.flatMap((a) => next.map((b) => a + b));
  }
  return acc;
}

describe('templates: figures over branches against every rendered variant', () => {
  it('best is the cheapest and worst the dearest variant, each exactly as countSegments counts it', () => {
    const rank = (c: FigureCount): number[] => [c.segments, c.encoding === 'UCS-2' ? 1 : 0, c.units];
    const less = (a: number[], b: number[]): boolean => a[0]! - b[0]! < 0 || (a[0] === b[0] && (a[1]! - b[1]! < 0 || (a[1] === b[1] && a[2]! < b[2]!)));
    fc.assert(
      fc.property(nodeArb, varsArb, (nodes, vars) => {
        const body = hbs(nodes);
        const f = figures(body, 'handlebars', vars, { defaultMaxLength: 15, maxVariants: 1 << 20 });
        const r = new Map(f.variables.map((v) => [v.name, v]));
        const counted = (texts: string[]) => texts.map((t) => ({ ...countSegments(t), length: t.length }));
        const best = counted(renderings(nodes, (n) => 'a'.repeat(r.get(n)!.minLength)));
        const worst = counted(renderings(nodes, (n) => (r.get(n)!.mayBeUnicode ? 'ë' : 'x').repeat(r.get(n)!.maxLength)));
        const lo = best.reduce((m, c) => (less(rank(c), rank(m)) ? c : m));
        const hi = worst.reduce((m, c) => (less(rank(m), rank(c)) ? c : m));
        assert.equal(`${seg(f.best)}/${f.best.length}`, `${seg(lo)}/${lo.length}`, body);
        assert.equal(`${seg(f.worst)}/${f.worst.length}`, `${seg(hi)}/${hi.length}`, body);
        assert.equal(f.variants.length, best.length);
      }),
      params,
    );
  });
});
