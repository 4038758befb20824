// node bench/templates-worst.mjs [--n=20000] [--figures] [--once] [--skip=a,b] [--bundle=FILE] [name filter…]
// Malformed bodies that once parsed in quadratic time (each unclosed tag scanning to the end, each
// close searching a deep stack…). For each shape: parse time at n and at 4n repetitions and their
// ratio: ~4 is linear, ~16 quadratic. Times are wall clock on a shared machine: read the ratio.
// Outputs of 4n parts outgrow V8's young generation, which alone gives ratios near 10 for linear
// parsers (on the previous bundles too): `node --max-semi-space-size=128 bench/templates-worst.mjs`
// takes that out, and --n= larger or smaller shows the growth over more sizes.
// --once times n only (for an old bundle on which 4n would take minutes); --skip leaves out the
// shapes whose names contain any of the comma-separated strings.
import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadBundle } from './bundle.mjs';

// A gc() without --expose-gc on the command line.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

const args = process.argv.slice(2);
const opt = (k, d) => args.find((a) => a.startsWith(`--${k}=`))?.slice(k.length + 3) ?? d;
const N = Number(opt('n', 20000));
const withFigures = args.includes('--figures');
const once = args.includes('--once');
const skip = opt('skip', '').split(',').filter(Boolean);
const bundle = opt('bundle', '');
const filters = args.filter((a) => !a.startsWith('--'));
const { parseTemplate, templateFigures } = bundle
  ? createRequire(import.meta.url)(bundle)
  : await loadBundle('shared/templates/index.ts', 'templates');

/** [name, syntax, body of n repetitions]. */
const r = (s) => (n) => s.repeat(n);
const SHAPES = [
  // Mustache / Handlebars
  ['hbs {{a ×n', 'handlebars', r('{{a ')],
  ['hbs {{a ×n }}', 'handlebars', (n) => '{{a '.repeat(n) + '}}'],
  ['hbs {{{a ×n }}}', 'handlebars', (n) => '{{{a '.repeat(n) + '}}}'],
  ['hbs {{{{a ×n', 'handlebars', r('{{{{a ')],
  ['hbs {{!-- ×n', 'handlebars', r('{{!-- ')],
  ['hbs {{!-- ×n --}}', 'handlebars', (n) => '{{!-- '.repeat(n) + '--}}'],
  ['hbs {{~!-- ×n', 'handlebars', r('{{~!-- ')],
  ['hbs {{! ×n }}', 'handlebars', (n) => '{{! '.repeat(n) + '}}'],
  ['hbs {{#if a}} ×n', 'handlebars', r('{{#if a}}')],
  ['hbs {{#if a}}x ×n {{/if}} ×n', 'handlebars', (n) => '{{#if a}}x'.repeat(n) + '{{/if}}'.repeat(n)],
  ['hbs {{#a}} ×n {{/b}} ×n', 'handlebars', (n) => '{{#a}}'.repeat(n) + '{{/b}}'.repeat(n)],
  ['hbs {{/if}} ×n', 'handlebars', r('{{/if}}')],
  ['hbs {{else}} ×n', 'handlebars', r('{{else}}')],
  ['hbs {{#if a}} {{else}} ×n', 'handlebars', (n) => '{{#if a}}' + '{{else}}x'.repeat(n)],
  ['hbs \\n{{#if a}}\\n ×n', 'handlebars', r('\n  {{#if a}}\n')],
  ['hbs {{~a~}}␠␠ ×n', 'handlebars', r('{{~a~}}  ')],
  ['hbs {{ ×n', 'handlebars', r('{{')],
  ['hbs {{a} ×n', 'handlebars', r('{{a}')],
  ['hbs {{{a}} ×n', 'handlebars', r('{{{a}}')],
  ['mustache {{a ×n', 'mustache', r('{{a ')],
  ['mustache {{{a ×n', 'mustache', r('{{{a ')],
  ['mustache {{#a}} ×n {{/b}} ×n', 'mustache', (n) => '{{#a}}'.repeat(n) + '{{/b}}'.repeat(n)],
  ['mustache {{^a}} ×n', 'mustache', r('{{^a}}')],
  // Liquid
  ['liquid {{ a ×n }}', 'liquid', (n) => '{{ a '.repeat(n) + '}}'],
  ["liquid {{ 'a ×n }}", 'liquid', (n) => "{{ 'a ".repeat(n) + '}}'],
  ["liquid {{ 'a ×n", 'liquid', r("{{ 'a ")],
  ['liquid {{ "a ×n }}', 'liquid', (n) => '{{ "a '.repeat(n) + '}}'],
  ["liquid {{ ' ×n }}'", 'liquid', (n) => "{{ '".repeat(n) + "}}'"],
  ['liquid {% a ×n %}', 'liquid', (n) => '{% a '.repeat(n) + '%}'],
  ["liquid {% 'a ×n %}", 'liquid', (n) => "{% 'a ".repeat(n) + '%}'],
  ["liquid {%- 'a ×n", 'liquid', r("{%- 'a ")],
  ["liquid {{ a | f: 'x ×n }}", 'liquid', (n) => "{{ a | f: 'x ".repeat(n) + '}}'],
  ["liquid {{ a }} ' ×n", 'liquid', r("{{ a }} '")],
  ["liquid ' {{ a }} ×n", 'liquid', r("' {{ a }}")],
  ["liquid {{ a ' }} ×n", 'liquid', r("{{ a ' }}")],
  ['liquid {{ ×n', 'liquid', r('{{')],
  ['liquid {% ×n', 'liquid', r('{%')],
  ['liquid {{ a } ×n', 'liquid', r('{{ a }')],
  ["liquid {{ a | ×n }}", 'liquid', (n) => '{{ a ' + '| '.repeat(n) + '}}'],
  ['liquid {% if a %} ×n', 'liquid', r('{% if a %}')],
  ['liquid {%- if a -%}x ×n {% endif %} ×n', 'liquid', (n) => '{%- if a -%}x'.repeat(n) + '{% endif %}'.repeat(n)],
  ['liquid {% if a %} ×n {% endfor %} ×n', 'liquid', (n) => '{% if a %}'.repeat(n) + '{% endfor %}'.repeat(n)],
  ['liquid {% case a %} ×n', 'liquid', r('{% case a %}')],
  ["liquid {% when 'x' %} ×n", 'liquid', (n) => '{% case a %}' + "{% when 'x' %}x".repeat(n) + '{% endcase %}'],
  ['liquid {% endif %} ×n', 'liquid', r('{% endif %}')],
  ['liquid {% else %} ×n', 'liquid', (n) => '{% if a %}' + '{% else %}'.repeat(n)],
  ['liquid {% raw %} ×n', 'liquid', r('{% raw %}')],
  ['liquid {% raw %} ×n {% endraw %}', 'liquid', (n) => '{% raw %}'.repeat(n) + '{% endraw %}'],
  ['liquid {% raw %}{% endraw %} ×n', 'liquid', r('{% raw %}x{% endraw %}')],
  ['liquid {% comment %} ×n', 'liquid', r('{% comment %}')],
  ['liquid {%- comment -%}x{% endcomment %} ×n', 'liquid', r('{%- comment -%}x{% endcomment %}')],
  ['liquid {% endraw ×n', 'liquid', (n) => '{% raw %}' + '{% endraw '.repeat(n)],
  ['liquid {% for a in b %} ×n', 'liquid', r('{% for a in b %}')],
  // ICU
  ['icu {a ×n }', 'icu', (n) => '{a '.repeat(n) + '}'],
  ['icu {a ×n', 'icu', r('{a ')],
  ["icu x '{ a ×n", 'icu', r("x '{ a ")],
  ["icu '{a ×n }", 'icu', (n) => "'{a ".repeat(n) + '}'],
  ["icu {a '{ ×n }", 'icu', (n) => "{a '{ ".repeat(n) + '}'],
  ['icu {a, foo ×n }', 'icu', (n) => '{a, foo '.repeat(n) + '}'],
  ['icu {a, number, ×n }', 'icu', (n) => '{a, number, '.repeat(n) + '}'],
  ['icu {a, number, ×n', 'icu', r('{a, number, ')],
  ['icu {a, ×n', 'icu', r('{a, ')],
  ['icu {a, plural, one { ×n', 'icu', r('{a, plural, one {')],
  ['icu {a, plural, other { ×n }} ×n', 'icu', (n) => '{a, plural, other {'.repeat(n) + '}}'.repeat(n)],
  ['icu {a, select, x {y} ×n', 'icu', (n) => '{a, select, ' + 'x {y} '.repeat(n)],
  ['icu {a, plural, other {# ×n}}', 'icu', (n) => '{a, plural, other {' + '# '.repeat(n) + '}}'],
  ["icu {a, plural, other {'# ×n}}", 'icu', (n) => '{a, plural, other {' + "'# ".repeat(n) + '}}'],
  ["icu ' ×n", 'icu', r("'")],
  ["icu '' ×n", 'icu', r("''")],
  ['icu { ×n', 'icu', r('{')],
  ['icu } ×n', 'icu', r('}')],
  ['icu {} ×n', 'icu', r('{}')],
  ['icu { ×n } ×n', 'icu', (n) => '{'.repeat(n) + '}'.repeat(n)],
  ['icu {a} ×n', 'icu', r('{a} ')],
  // printf
  ['printf % ×n', 'printf', r('% ')],
  ['printf %0…0 (n)', 'printf', (n) => '%' + '0'.repeat(n)],
  ['printf %1…1 (n)', 'printf', (n) => '%' + '1'.repeat(n)],
  ['printf %-0… (n)', 'printf', (n) => '%' + '-0'.repeat(n)],
  ['printf %1$ ×n', 'printf', r('%1$')],
  ['printf %.1… (n)', 'printf', (n) => '%.' + '1'.repeat(n)],
  ['printf %s ×n', 'printf', r('%s ')],
  // .NET
  ['dotnet {a ×n', 'dotnet', r('{a ')],
  ['dotnet {0 ×n', 'dotnet', r('{0 ')],
  ['dotnet {0, ×n', 'dotnet', r('{0, ')],
  ['dotnet {0: ×n', 'dotnet', r('{0:x ')],
  ['dotnet {0 ␠…(n)', 'dotnet', (n) => '{0' + ' '.repeat(n)],
  ['dotnet {0,␠…(n)', 'dotnet', (n) => '{0,' + ' '.repeat(n)],
  ['dotnet {0,1␠…(n)', 'dotnet', (n) => '{0,1' + ' '.repeat(n)],
  ['dotnet {0,1 ×n', 'dotnet', r('{0,1 ')],
  ['dotnet {{ ×n', 'dotnet', r('{{')],
  ['dotnet } ×n', 'dotnet', r('} ')],
  ['dotnet {0} ×n', 'dotnet', r('{0} ')],
  // js-template
  ['js ${ ×n', 'js-template', r('${')],
  ['js ${a ×n }', 'js-template', (n) => '${a '.repeat(n) + '}'],
  ["js ${' ×n", 'js-template', r("${'")],
  ['js ${{ ×n', 'js-template', r('${{')],
  ['js ${{ ×n }', 'js-template', (n) => '${{'.repeat(n) + '}'],
  ['js ${a} ×n', 'js-template', r('${a} ')],
  // Ruby i18n
  ['ruby %<a> ×n', 'ruby-i18n', r('%<a> ')],
  ['ruby %<a>. ×n', 'ruby-i18n', r('%<a>.')],
  ['ruby %{a ×n', 'ruby-i18n', r('%{a ')],
  ['ruby %{ ×n', 'ruby-i18n', r('%{')],
  ['ruby %<a ×n', 'ruby-i18n', r('%<a ')],
  ['ruby %< ×n', 'ruby-i18n', r('%<')],
  ['ruby %<a>1…1 (n)', 'ruby-i18n', (n) => '%<a>' + '1'.repeat(n)],
  ['ruby %<a>␠…(n)', 'ruby-i18n', (n) => '%<a>' + ' '.repeat(n)],
  ['ruby %{a} ×n', 'ruby-i18n', r('%{a} ')],
];

/** Errors thrown (by templateFigures: parseTemplate never throws), once per shape. */
let thrown = '';
function time(syntax, body) {
  // Each timing starts from a collected heap: what earlier shapes left (their outputs reach the
  // old generation) made later large shapes pay for it, 10-20x ratios by order alone.
  gc();
  const t0 = process.hrtime.bigint();
  const t = parseTemplate(body, syntax);
  // parseTemplate's own fallback (a stack overflow, measured as plain text): not a parse to time.
  const fell = t.findings.find((f) => f.message.startsWith('Could not parse'));
  if (fell) thrown ||= `  parse fell back: ${fell.message.slice(0, 80)}`;
  if (withFigures) {
    try {
      templateFigures(t, {});
    } catch (e) {
      thrown ||= `  throws ${e instanceof Error ? e.constructor.name + ': ' + e.message : String(e)}`;
    }
  }
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const wanted = SHAPES.filter(([name]) => (filters.length === 0 || filters.some((f) => name.includes(f))) && !skip.some((f) => name.includes(f)));
console.log(`${'shape'.padEnd(44)} ${`ms@${N}`.padStart(10)}${once ? '' : ` ${`ms@${4 * N}`.padStart(10)}  ratio`}${withFigures ? '  (parse + figures)' : ''}`);
let worst = 0;
for (const [name, syntax, make] of wanted) {
  thrown = '';
  const small = make(N);
  time(syntax, make(200)); // warm up this parser's code paths
  if (once) {
    console.log(`${name.padEnd(44)} ${time(syntax, small).toFixed(1).padStart(10)}${thrown}`);
    continue;
  }
  // Best of three at both sizes: a single run at 4n flagged shapes that were linear.
  const large = make(4 * N);
  const a = Math.min(time(syntax, small), time(syntax, small), time(syntax, small));
  const b = Math.min(time(syntax, large), time(syntax, large), time(syntax, large));
  const ratio = b / Math.max(a, 0.05);
  worst = Math.max(worst, ratio);
  console.log(`${name.padEnd(44)} ${a.toFixed(1).padStart(10)} ${b.toFixed(1).padStart(10)}  ${ratio.toFixed(1).padStart(5)}${ratio > 8 ? '  SUPERLINEAR?' : ''}${thrown}`);
}
if (!once) console.log(`worst ratio ${worst.toFixed(1)} (linear ~4, quadratic ~16; small times are noisy)`);
