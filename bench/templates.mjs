// node bench/templates.mjs: parse + best/worst/sample figures over a seeded corpus of template
// bodies in every syntax. Target (issue #4): a template with 5 placeholders and 2 branches is
// analysed at >= 50 M source UTF-16 units/s. Builds its own bundle of shared/templates first.
import { loadBundle } from './bundle.mjs';
import { mulberry32 } from './corpus.mjs';

const { parseTemplate, templateFigures } = await loadBundle('shared/templates/index.ts', 'templates');

const WORDS = 'your order has shipped and will arrive on Monday reply STOP to opt out thanks for shopping with us code expires in minutes hi there appointment reminder tomorrow at call us if you need to reschedule'.split(' ');
const SPICE = ['’', '€', 'é', '😀', 'Zoë', '{', '—'];

function words(r, n) {
  let s = '';
  for (let i = 0; i < n; i++) {
    s += (i ? ' ' : '') + WORDS[Math.floor(r() * WORDS.length)];
    if (r() < 0.03) s += SPICE[Math.floor(r() * SPICE.length)];
  }
  return s;
}

const V = ['first_name', 'order_id', 'eta', 'store', 'link'];
/** Five placeholders and two branches, in each syntax's own spelling. */
const SHAPES = {
  handlebars: (w, r) => `Hi {{${V[0]}}}, ${w(r, 6)} {{${V[1]}}}. {{#if vip}}${w(r, 5)} {{${V[2]}}}{{else}}${w(r, 3)}{{/if}} ${w(r, 4)} {{${V[3]}}}{{#if ${V[4]}}} {{${V[4]}}}{{/if}} ${w(r, 3)}`,
  liquid: (w, r) => `Hi {{ ${V[0]} | default: 'there' }}, ${w(r, 6)} {{ ${V[1]} }}. {% if vip %}${w(r, 5)} {{ ${V[2]} }}{% else %}${w(r, 3)}{% endif %} ${w(r, 4)} {{ ${V[3]} | upcase }}{% case tier %}{% when 'gold' %} {{ ${V[4]} }}{% endcase %} ${w(r, 3)}`,
  icu: (w, r) => `Hi {${V[0]}}, ${w(r, 6)} {${V[1]}}. {n, plural, one {${w(r, 5)} {${V[2]}}} other {# ${w(r, 3)}}} ${w(r, 4)} {${V[3]}}{g, select, a { {${V[4]}}} other {}} ${w(r, 3)}`,
  'js-template': (w, r) => `Hi \${${V[0]}}, ${w(r, 8)} \${${V[1]}}. ${w(r, 5)} \${${V[2]}} ${w(r, 4)} \${${V[3]}} \${${V[4]}} ${w(r, 3)}`,
  printf: (w, r) => `Hi %s, ${w(r, 8)} %s. ${w(r, 5)} %d ${w(r, 4)} %s %s ${w(r, 3)}`,
  dotnet: (w, r) => `Hi {0}, ${w(r, 8)} {1}. ${w(r, 5)} {2:N0} ${w(r, 4)} {3} {4} ${w(r, 3)}`,
  plain: (w, r) => w(r, 30),
};

const vars = {
  first_name: { minLength: 1, maxLength: 20, charset: 'unicode', sample: 'Zoë' },
  order_id: { minLength: 6, maxLength: 10, sample: 'A12345' },
  eta: { maxLength: 12, sample: 'Mon 3pm' },
  store: { maxLength: 24, sample: 'Main St' },
  link: { minLength: 20, maxLength: 30, sample: 'https://ex.co/t/abc123' },
  vip: { sample: 'true' },
  n: { maxLength: 3, sample: '2' },
};

function corpus(syntax, count, seed) {
  const r = mulberry32(seed);
  return Array.from({ length: count }, () => SHAPES[syntax](words, r));
}

function measure(name, items, rounds) {
  const units = items.reduce((n, t) => n + t.body.length, 0);
  let sink = 0;
  const run = (t) => templateFigures(parseTemplate(t.body, t.syntax), vars).worst.segments;
  for (const t of items.slice(0, 500)) sink += run(t);
  let best = Infinity;
  let bestCpu = Infinity;
  for (let k = 0; k < rounds; k++) {
    const t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    for (const t of items) sink += run(t);
    const c = process.cpuUsage(c0);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
    bestCpu = Math.min(bestCpu, (c.user + c.system) / 1e6);
  }
  const rate = units / best;
  const avg = units / items.length;
  // CPU time leaves out the time other processes held the core (it still counts GC threads).
  console.log(`${name.padEnd(14)} ${(rate / 1e6).toFixed(1).padStart(7)} M units/s   (cpu time: ${(units / bestCpu / 1e6).toFixed(1)})   (${items.length} bodies, avg ${avg.toFixed(0)} units, ${(best * 1000).toFixed(1)} ms)`);
  return { rate, sink };
}

// `node bench/templates.mjs [rounds] [syntax…]`: more rounds find quieter moments on a busy machine.
const args = process.argv.slice(2);
const ROUNDS = Number(args.find((a) => /^\d+$/.test(a)) ?? 5);
const only = args.filter((a) => !/^\d+$/.test(a));
console.log(`parse + templateFigures (best/worst/sample), best of ${ROUNDS} rounds\n`);
const all = [];
let floor = Infinity;
for (const syntax of Object.keys(SHAPES)) {
  if (only.length && !only.includes(syntax)) continue;
  const items = corpus(syntax, 4000, 20261125).map((body) => ({ body, syntax }));
  all.push(...items);
  const { rate } = measure(syntax, items, ROUNDS);
  if (syntax !== 'plain') floor = Math.min(floor, rate);
}
console.log('');
const { rate } = measure('mixed corpus', all, ROUNDS);
console.log(`\nslowest 5-placeholder syntax: ${(floor / 1e6).toFixed(1)} M units/s (target >= 50)`);
console.log(`mixed corpus: ${(rate / 1e6).toFixed(1)} M units/s (target >= 50)`);
