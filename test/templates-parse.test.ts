import assert from 'node:assert/strict';
import {
  detectSyntax,
  parseTemplate,
  type BranchPart,
  type Part,
  type RepeatPart,
  type Template,
  type TemplateSyntax,
  type VariablePart,
} from '../shared/templates';
import { shape } from './helpers/templateShape';

function parse(body: string, syntax: TemplateSyntax): Template {
  return parseTemplate(body, syntax);
}

/** Each finding as `code@start-end:'source text'`. */
function findings(t: Template): string[] {
  return t.findings.map((f) => `${f.code}@${f.range.start}-${f.range.end}:${t.body.slice(f.range.start, f.range.end)}`);
}

function vars(parts: readonly Part[]): VariablePart[] {
  const out: VariablePart[] = [];
  for (const p of parts) {
    if (p.kind === 'variable') out.push(p);
    else if (p.kind === 'branch') for (const b of p.branches) out.push(...vars(b.parts));
    else if (p.kind === 'repeat') out.push(...vars(p.body), ...vars(p.empty));
  }
  return out;
}

/** Every verbatim literal is exactly its source slice; every variable's range lies in the body. */
function assertOffsets(t: Template): void {
  const walk = (ps: readonly Part[]): void => {
    for (const p of ps) {
      if (p.kind === 'literal' && p.verbatim) assert.equal(t.body.slice(p.range.start, p.range.end), p.text);
      if (p.kind === 'variable') assert.ok(p.range.start >= 0 && p.range.end > p.range.start && p.range.end <= t.body.length);
      if (p.kind === 'branch') for (const b of p.branches) walk(b.parts);
      if (p.kind === 'repeat') {
        walk(p.body);
        walk(p.empty);
      }
    }
  };
  walk(t.parts);
}

describe('templates: Mustache', () => {
  it('splits text and placeholders with exact offsets', () => {
    const t = parse('Hi {{name}}, code {{{code}}} {{& raw }}', 'mustache');
    assert.equal(shape(t.parts), 'Hi <name>, code <code> <raw>');
    const [name, code] = vars(t.parts);
    assert.deepEqual(name!.range, { start: 3, end: 11 });
    assert.equal(name!.htmlEscaped, true);
    assert.deepEqual(code!.range, { start: 18, end: 28 });
    assert.equal(code!.htmlEscaped, undefined);
    assert.deepEqual(t.findings, []);
    assertOffsets(t);
  });

  it('comments print nothing; partials are placeholders of unknown length', () => {
    const t = parse('A{{! note }}B{{> footer}}', 'mustache');
    assert.equal(shape(t.parts), 'AB<>footer>');
    assert.equal(vars(t.parts)[0]!.valueKind, 'partial');
  });

  it('sections and inverted sections are two-way branches', () => {
    const t = parse('{{#vip}}Gold{{/vip}}{{^vip}}Hi{{/vip}}', 'mustache');
    assert.equal(shape(t.parts), '[#vip: #vip=Gold | none=][^vip: ^vip=Hi | none=]');
    const g = t.parts[0] as BranchPart;
    assert.deepEqual(g.branches[0]!.test, { type: 'truthy', name: 'vip' });
    assert.deepEqual((t.parts[1] as BranchPart).branches[0]!.test, { type: 'falsy', name: 'vip' });
  });

  it('a block tag alone on its line removes the line (standalone rule)', () => {
    const t = parse('Hi\n{{#vip}}\nGold\n{{/vip}}\nBye', 'mustache');
    assert.equal(shape(t.parts), 'Hi\n[#vip: #vip=Gold\n | none=]Bye');
    const inline = parse('Hi {{#vip}}Gold{{/vip}} Bye', 'mustache');
    assert.equal(shape(inline.parts), 'Hi [#vip: #vip=Gold | none=] Bye');
  });

  it('reports an unclosed {{ at the delimiter and keeps the text', () => {
    const t = parse('Hi {{name, see {{link}}', 'mustache');
    assert.deepEqual(findings(t), ['unclosed-tag@3-5:{{']);
    assert.equal(shape(t.parts), 'Hi {{name, see <link>');
    const eof = parse('Code: {{code', 'mustache');
    assert.deepEqual(findings(eof), ['unclosed-tag@6-8:{{']);
    assert.equal(shape(eof.parts), 'Code: {{code');
  });

  it('reports unmatched and unclosed sections', () => {
    const t = parse('a{{/x}}b{{#y}}c', 'mustache');
    assert.deepEqual(findings(t), ['unmatched-close@1-7:{{/x}}', 'unclosed-block@8-14:{{#y}}']);
    assert.equal(shape(t.parts), 'ab[#y: #y=c | none=]');
    assert.deepEqual(findings(parse('{{}}', 'mustache')), ['empty-placeholder@0-4:{{}}']);
  });
});

describe('templates: Handlebars', () => {
  it('if / else if / else chains are one branch group', () => {
    const t = parse('{{#if gold}}G{{else if silver}}S{{else}}B{{/if}}!', 'handlebars');
    assert.equal(shape(t.parts), '[if gold: gold=G | if silver=S | else=B]!');
    const g = t.parts[0] as BranchPart;
    assert.deepEqual(g.branches.map((b) => b.test.type), ['truthy', 'truthy', 'otherwise']);
    assert.deepEqual(g.range, { start: 0, end: 48 });
  });

  it('unless is a negated if; a bare if gets an empty arm', () => {
    const t = parse('{{#unless paid}}Pay now{{/unless}}', 'handlebars');
    assert.equal(shape(t.parts), '[unless paid: paid=Pay now | none=]');
    assert.deepEqual((t.parts[0] as BranchPart).branches[0]!.test, { type: 'falsy', name: 'paid' });
  });

  it('each is a repeat, with its else as the empty case', () => {
    const t = parse('{{#each items}}{{name}};{{else}}none{{/each}}', 'handlebars');
    assert.equal(shape(t.parts), '*items(<name>; / none)');
    assert.equal((t.parts[0] as RepeatPart).label, 'each items');
  });

  it('~ strips whitespace next to the tag; {{!-- --}} comments may hold }}', () => {
    const t = parse('Hi   {{~name~}}  !{{!-- a }} b --}}.', 'handlebars');
    assert.equal(shape(t.parts), 'Hi<name>!.');
  });

  it('reports else outside a block and an unclosed #if', () => {
    const t = parse('x{{else}}y{{#if a}}z', 'handlebars');
    assert.deepEqual(findings(t), ['misplaced-tag@1-9:{{else}}', 'unclosed-block@10-19:{{#if a}}']);
  });
});

describe('templates: Liquid', () => {
  it('reads filters and their arguments', () => {
    const t = parse("Hi {{ name | default: 'friend' | upcase }}, {{ bio | truncate: 20, '…' }}", 'liquid');
    assert.equal(shape(t.parts), 'Hi <name>, <bio>');
    const [name, bio] = vars(t.parts);
    assert.deepEqual(name!.filters.map((f) => f.op), [{ op: 'default', text: 'friend' }, { op: 'case', to: 'upper' }]);
    assert.deepEqual(bio!.filters[0]!.op, { op: 'truncate', max: 20, ellipsis: '…' });
    assert.deepEqual(name!.filters[0]!.range, { start: 13, end: 30 });
    assert.deepEqual(t.findings, []);
    assertOffsets(t);
  });

  it('quoted arguments may hold the closer, bars, colons and commas', () => {
    const t = parse(`{{ a | default: '}} | x: y, z' | append: "|" }}!{% case  t %}{% when 'a', "b" %}B{% when 'order' %}O{% endcase %}`, 'liquid');
    assert.equal(shape(t.parts), `<a>![case t: when 'a', "b"=B | when 'order'=O | none=]`);
    const [a] = vars(t.parts);
    assert.deepEqual(a!.filters.map((f) => f.op), [{ op: 'default', text: '}} | x: y, z' }, { op: 'append', text: '|' }]);
    assert.deepEqual(a!.filters.map((f) => f.range), [{ start: 7, end: 30 }, { start: 33, end: 44 }]);
    const c = t.parts[2] as BranchPart;
    assert.deepEqual(c.branches.map((b) => b.test), [
      { type: 'equals', name: 't', values: ['a', 'b'] },
      { type: 'equals', name: 't', values: ['order'] },
      { type: 'otherwise' },
    ]);
    assert.deepEqual(t.findings, []);
  });

  it('reports a filter it cannot measure, at the filter', () => {
    const t = parse('{{ when | date: "%b %d" }} {{ x | money }}', 'liquid');
    assert.deepEqual(findings(t), ['unknown-filter@10-23:date: "%b %d"', 'unknown-filter@34-39:money']);
  });

  it('if / elsif / else / unless / case are branch groups; assign and comment print nothing', () => {
    const t = parse(
      "{% assign x = 1 %}{% if tier == 'gold' %}G{% elsif vip %}V{% else %}-{% endif %}" +
        "{% unless paid %}P{% endunless %}{% case c %}ignored{% when 'a', 'b' %}AB{% else %}Z{% endcase %}" +
        '{% comment %}{{ not_a_var }}{% endcomment %}{% raw %}{{ literal }}{% endraw %}',
      'liquid',
    );
    assert.equal(
      shape(t.parts),
      "[if tier == 'gold': tier == 'gold'=G | vip=V | else=-][unless paid: paid=P | none=][case c: when 'a', 'b'=AB | else=Z]{{ literal }}",
    );
    const g = t.parts[0] as BranchPart;
    assert.deepEqual(g.branches[0]!.test, { type: 'equals', name: 'tier', values: ['gold'] });
    const c = t.parts[2] as BranchPart;
    assert.deepEqual(c.branches[0]!.test, { type: 'equals', name: 'c', values: ['a', 'b'] });
    assert.deepEqual(t.findings, []);
  });

  it('for loops are repeats; - trims whitespace across tags', () => {
    const t = parse('Items:\n{%- for i in items -%}\n  {{ i.name }}\n{%- endfor %}', 'liquid');
    assert.equal(shape(t.parts), 'Items:*items(<i.name>)');
  });

  it('reports unmatched endif, unclosed if and unclosed {{ with exact ranges', () => {
    const t = parse('{% endif %}Hi {% if a %}x {{ name', 'liquid');
    assert.deepEqual(findings(t), ['unmatched-close@0-11:{% endif %}', 'unclosed-block@14-24:{% if a %}', 'unclosed-tag@26-28:{{']);
    assert.equal(shape(t.parts), 'Hi [if a: a=x {{ name | none=]');
  });

  it('reports a tag it does not know, and an unclosed comment', () => {
    assert.deepEqual(findings(parse('{% frobnicate %}x', 'liquid')), ['unsupported-construct@0-16:{% frobnicate %}']);
    assert.deepEqual(findings(parse('a{% comment %}b', 'liquid')), ['unclosed-block@1-14:{% comment %}']);
  });
});

describe('templates: ${} , printf, .NET', () => {
  it('${expr} with nested braces and strings', () => {
    const t = parse('Hi ${user.name}, total ${fmt({ a: "}" })}!', 'js-template');
    assert.equal(shape(t.parts), 'Hi <user.name>, total <fmt({ a: "}" })>!');
    assertOffsets(t);
    assert.deepEqual(findings(parse('Hi ${name', 'js-template')), ['unclosed-tag@3-5:${']);
  });

  it('printf: sequential and positional arguments, %%, width and precision', () => {
    const t = parse('%s owes %d%% (%2$s) %-8s|%.3s', 'printf');
    assert.equal(shape(t.parts), '<1> owes <2>% (<2>) <3>|<4>');
    const v = vars(t.parts);
    assert.equal(v[1]!.valueKind, 'number');
    assert.deepEqual(v[3]!.filters[0]!.op, { op: 'pad', width: 8 });
    assert.deepEqual(v[4]!.filters[0]!.op, { op: 'cut', max: 3 });
    assert.deepEqual(findings(t), ['mixed-positional@14-18:%2$s']);
  });

  it('printf: a space-flag conversion like "50% off" and a lone % are flagged', () => {
    const t = parse('Save 50% off! 100%', 'printf');
    assert.deepEqual(findings(t), ['ambiguous-percent@7-10:% o', 'ambiguous-percent@17-18:%']);
  });

  it('.NET: index, alignment, format, brace escapes, errors', () => {
    const t = parse('{0} paid {1:N2} {{ok}} [{2,-6}]', 'dotnet');
    assert.equal(shape(t.parts), '<0> paid <1> {ok} [<2>]');
    assert.equal(vars(t.parts)[1]!.valueKind, 'number');
    assert.deepEqual(findings(parse('a {name} b } c {0', 'dotnet')), ['unbalanced-braces@2-8:{name}', 'unbalanced-braces@11-12:}', 'unclosed-tag@15-16:{']);
  });
});

describe('templates: ICU MessageFormat', () => {
  it('simple and typed arguments', () => {
    const t = parse('Hi {name}, you have {n, number} points on {d, date, short}', 'icu');
    assert.equal(shape(t.parts), 'Hi <name>, you have <n> points on <d>');
    const v = vars(t.parts);
    assert.equal(v[1]!.valueKind, 'number');
    assert.equal(v[2]!.format, 'date, short');
    assert.deepEqual(t.findings, []);
  });

  it('plural with =N, keywords, offset and #; select nested in an arm', () => {
    const t = parse('{n, plural, offset:1 =0 {none} one {# item} other {{g, select, f {her} other {their}} # items}}', 'icu');
    assert.equal(shape(t.parts), '[plural n: =0=none | one=<n> item | other=[select g: f=her | other=their] <n> items]');
    const g = t.parts[0] as BranchPart;
    assert.deepEqual(g.branches[1]!.test, { type: 'plural', name: 'n', selector: 'one', offset: 1, ordinal: false });
    assert.deepEqual(t.findings, []);
    assertOffsets(t);
  });

  it('apostrophe quoting: doubled, quoted braces, and a plain apostrophe', () => {
    const t = parse("It''s '{literal}' and don't {n, plural, other {'#' is #}}", 'icu');
    assert.equal(shape(t.parts), "It's {literal} and don't [plural n: other=# is <n>]");
  });

  it('reports unknown argument types, missing other, stray and unclosed braces', () => {
    assert.deepEqual(findings(parse('{n, money}', 'icu')), ['unknown-argument-type@4-9:money']);
    assert.deepEqual(findings(parse('{n, toString} {m, constructor}', 'icu')), ['unknown-argument-type@4-12:toString', 'unknown-argument-type@18-29:constructor']);
    assert.deepEqual(findings(parse('x {n, plural, one {a}} y', 'icu')), ['missing-other@2-22:{n, plural, one {a}}']);
    assert.deepEqual(findings(parse('a } b', 'icu')), ['unbalanced-braces@2-3:}']);
    const t = parse('Hi {name', 'icu');
    assert.deepEqual(findings(t), ['unclosed-tag@3-4:{']);
    assert.equal(shape(t.parts), 'Hi {name');
  });

  it('selectordinal is a plural over ordinal categories', () => {
    const t = parse('{p, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}', 'icu');
    const g = t.parts[0] as BranchPart;
    assert.equal(g.branches.length, 4);
    assert.deepEqual(g.branches[0]!.test, { type: 'plural', name: 'p', selector: 'one', offset: 0, ordinal: true });
  });
});

describe('templates: detectSyntax', () => {
  it('by file extension, then by content', () => {
    assert.equal(detectSyntax('Hi {{name}}', 'promo.sms.hbs'), 'handlebars');
    assert.equal(detectSyntax('Hi {{name}}', 'promo.sms.liquid'), 'liquid');
    assert.equal(detectSyntax('Hi', 'x.mustache'), 'mustache');
    assert.equal(detectSyntax('Hi', 'icu'), 'icu');
    assert.equal(detectSyntax('{% if a %}x{% endif %}'), 'liquid');
    assert.equal(detectSyntax("{{ name | default: 'x' }}"), 'liquid');
    assert.equal(detectSyntax('{{#if a}}x{{/if}}'), 'handlebars');
    assert.equal(detectSyntax('Hi {{name}}'), 'mustache');
    assert.equal(detectSyntax('Hi ${name}'), 'js-template');
    assert.equal(detectSyntax('Total {0:N2}'), 'dotnet');
    assert.equal(detectSyntax('{n, plural, other {x}}'), 'icu');
    assert.equal(detectSyntax('Hi {name}'), 'icu');
    assert.equal(detectSyntax('Hi %s, code %1$d'), 'printf');
    assert.equal(detectSyntax('Save 50% off!'), 'plain');
  });
});

// Bodies that once took quadratic (or exponential) time: each is checked for its parse at a small
// size; bench/templates-worst.mjs checks the time grows linearly.
describe('templates: malformed bodies a parser must read in one pass', () => {
  it('ICU: unclosed plural arms inside each other report each unclosed { once', () => {
    // Before, each arm re-read the rest of the body once per enclosing arm: 2^n findings.
    const n = 24;
    const t = parse('{a, plural, one {'.repeat(n), 'icu');
    assert.equal(shape(t.parts), '{a, plural, one {'.repeat(n));
    const starts = t.findings.map((f) => f.range.start);
    assert.deepEqual(starts, Array.from({ length: n }, (_, k) => [17 * k, 17 * k + 16]).flat());
    assert.ok(t.findings.every((f) => f.code === 'unclosed-tag'));
  });

  it('ICU: many unclosed arguments, typed or quoted, are each reported and kept as text', () => {
    const typed = parse('{a, number, '.repeat(500) + '}', 'icu');
    assert.equal(typed.findings.length, 499);
    assert.equal(shape(typed.parts), '{a, number, '.repeat(499) + '<a>');
    const quoted = parse("x '{ a".repeat(500), 'icu');
    // Every second `'{` is quoted text: the quote runs to the next apostrophe.
    assert.equal(quoted.findings.length, 250);
    assert.ok(quoted.findings.every((f) => f.code === 'unclosed-tag'));
    assert.equal(shape(quoted.parts), quoted.body.replace(/'/g, ''));
  });
});

describe('templates: Liquid tags with open quotes, many of them', () => {
  it('each unclosed {{ with an open quote is reported; the last one takes the far closer', () => {
    // Each tag's quote-aware search for its closer once ran to the end of the body.
    const n = 40;
    const t = parse("{{ 'a ".repeat(n) + '}}', 'liquid');
    assert.equal(t.findings.length, n - 1);
    assert.ok(t.findings.every((f, k) => f.code === 'unclosed-tag' && f.range.start === 6 * k));
    assert.equal(shape(t.parts), "{{ 'a ".repeat(n - 1) + "<'a>");
    const tags = parse("{% 'a ".repeat(n) + '%}', 'liquid');
    assert.deepEqual(findings(tags).slice(0, 2), ['unclosed-tag@0-2:{%', 'unclosed-tag@6-8:{%']);
    assert.equal(tags.findings.length, n);
  });
});

describe('templates: closes against a deep stack of open blocks', () => {
  it('a close that matches no open block is reported without closing any', () => {
    // Each such close once searched the whole stack of open blocks.
    const n = 40;
    const t = parse('{{#a}}'.repeat(n) + '{{/b}}'.repeat(n), 'mustache');
    assert.equal(t.findings.filter((f) => f.code === 'unmatched-close').length, n);
    assert.equal(t.findings.filter((f) => f.code === 'unclosed-block').length, n);
    const liquid = parse('{% if a %}'.repeat(n) + '{% endfor %}'.repeat(n), 'liquid');
    assert.deepEqual(findings(liquid).slice(n, n + 2), ['unmatched-close@400-412:{% endfor %}', 'unmatched-close@412-424:{% endfor %}']);
  });

  it('a close that matches a block deep down closes every block opened after it', () => {
    const n = 40;
    const t = parse('{{#a}}x' + '{{#b}}'.repeat(n) + 'y{{/a}}z{{/b}}', 'mustache');
    assert.deepEqual(
      t.findings.map((f) => f.code),
      [...Array<string>(n).fill('unclosed-block'), 'unmatched-close'],
    );
    assert.equal(shape(t.parts), `[#a: #a=x${'[#b: #b='.repeat(n)}y${' | none=]'.repeat(n)} | none=]z`);
  });
});

describe('templates: Ruby i18n %<name> with no conversion near', () => {
  it('many %<name> with no format after them are each flagged, and a far format is still read', () => {
    // FORMATTED's lazy run once went on to the end of the body for each %<name>.
    const n = 40;
    const t = parse('%<a> '.repeat(n), 'ruby-i18n');
    assert.equal(t.findings.length, n);
    assert.ok(t.findings.every((f, k) => f.code === 'empty-placeholder' && f.range.start === 5 * k && f.range.end === 5 * k + 4));
    const far = parse(`%<total>${' '.repeat(40)}.2f`, 'ruby-i18n');
    assert.deepEqual(far.findings, []);
    assert.deepEqual(vars(far.parts).map((v) => [v.name, v.range.end - v.range.start, v.format, v.filters.map((f) => f.name)]), [['total', 51, 'f', []]]);
  });
});

describe('templates: printf conversions with long runs of flags and digits', () => {
  it('reads a long zero-padded conversion, and a long run that is none as a lone %', () => {
    // The conversion regex once backtracked over every split of the zeros: quadratic.
    const zeros = '0'.repeat(300);
    const padded = parse(`%${zeros}5d`, 'printf');
    assert.deepEqual(vars(padded.parts).map((v) => [v.name, v.format, v.filters.map((f) => f.name)]), [['1', 'd', ['5']]]);
    const none = parse(`%${zeros}.x`, 'printf');
    assert.deepEqual(findings(none), ['ambiguous-percent@0-1:%']);
    assert.equal(shape(none.parts), none.body);
  });
});

describe('templates: .NET braces that open no item, many of them', () => {
  it('each { that is no format item is reported up to the next }, or alone when none follows', () => {
    // Each one once searched to the end of the body for a `}`.
    const t = parse('{0, '.repeat(3) + '{x}', 'dotnet');
    assert.deepEqual(findings(t), ["unbalanced-braces@0-15:{0, {0, {0, {x}"]);
    const none = parse('{a '.repeat(40), 'dotnet');
    assert.equal(none.findings.length, 40);
    assert.ok(none.findings.every((f, k) => f.code === 'unclosed-tag' && f.range.start === 3 * k && f.range.end === 3 * k + 1));
  });
});

describe('templates: ICU findings inside unclosed arms', () => {
  it('each finding comes once, though the rest of the body is read once per enclosing unclosed {', () => {
    const one = parse('{a, select, x {{b, select, y {z}}', 'icu');
    assert.deepEqual(
      one.findings.map((f) => `${f.code}@${f.range.start}`),
      ['unclosed-tag@0', 'unclosed-tag@14', 'missing-other@15'],
    );
    const many = parse("'{a, plural, other {{b, select, y {z}} ".repeat(300), 'icu');
    const keys = many.findings.map((f) => `${f.code}@${f.range.start}-${f.range.end}:${f.message}`);
    assert.equal(new Set(keys).size, keys.length);
    assert.equal(keys.length, 450);
  });
});
