import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTemplate, type BranchPart, type Part, type TemplateSyntax, type VariablePart } from '../shared/templates';
import { shape } from './helpers/templateShape';

function codes(body: string, syntax: TemplateSyntax): string[] {
  return parseTemplate(body, syntax).findings.map((f) => `${f.code}@${f.range.start}-${f.range.end}`);
}

describe('templates: arms of block groups (lists made when the block closes)', () => {
  it('a group with many arms keeps them in order and gets no extra else', () => {
    const t = parseTemplate('{% if a %}A{% elsif b %}B{% elsif c %}C{% else %}D{% endif %}', 'liquid');
    assert.equal(shape(t.parts), '[if a: a=A | b=B | c=C | else=D]');
  });

  it('a group of ifs without an else gets one empty else, after every arm', () => {
    assert.equal(shape(parseTemplate('{% if a %}A{% elsif b %}B{% elsif c %}C{% endif %}', 'liquid').parts), '[if a: a=A | b=B | c=C | none=]');
    assert.equal(shape(parseTemplate('{{#if a}}A{{else if b}}B{{/if}}', 'handlebars').parts), '[if a: a=A | if b=B | none=]');
  });

  it('text before the first when prints nothing; a case with no when is one empty arm', () => {
    const t = parseTemplate("{% case t %}gone {% if x %}X{% endif %}{% when 1 %}one{% when 'b' or 'c' %}bc{% endcase %}|{% case u %}x{% endcase %}", 'liquid');
    assert.equal(shape(t.parts), '[case t: when 1=one | when \'b\' or \'c\'=bc | none=]|[case u: none=]');
    assert.deepEqual(t.findings, []);
  });

  it('each block gets its own case subject, the outer one again after the inner ends', () => {
    const t = parseTemplate("{% case a %}{% when 1 %}{% case b %}{% when 2 %}x{% endcase %}{% when 3 %}y{% endcase %}", 'liquid');
    const outer = t.parts[0] as BranchPart;
    const inner = outer.branches[0]!.parts[0] as BranchPart;
    assert.deepEqual(outer.branches.map((b) => b.test), [
      { type: 'equals', name: 'a', values: ['1'] },
      { type: 'equals', name: 'a', values: ['3'] },
      { type: 'otherwise' },
    ]);
    assert.deepEqual(inner.branches[0]!.test, { type: 'equals', name: 'b', values: ['2'] });
  });

  it("a case closed by an outer block's close takes its subject with it", () => {
    // {% endif %} closes the unclosed inner case too: the when after it is the outer case's.
    const t = parseTemplate('{% case a %}{% if x %}{% case b %}{% endif %}{% when 1 %}Y{% endcase %}', 'liquid');
    const outer = t.parts[0] as BranchPart;
    assert.deepEqual(outer.branches.map((b) => b.test), [{ type: 'equals', name: 'a', values: ['1'] }, { type: 'otherwise' }]);
  });

  it('an each with an else is a repeat with an empty case; without, an empty one', () => {
    assert.equal(shape(parseTemplate('{{#each items}}<{{name}}>{{else}}none{{/each}}', 'handlebars').parts), '*items(<<name>> / none)');
    assert.equal(shape(parseTemplate('{% for i in items %}{{ i }}{% endfor %}', 'liquid').parts), '*items(<i>)');
  });

  it('a close that matches an outer block closes the inner ones, each reported', () => {
    const body = '{{#if a}}A{{#each xs}}X{{#if b}}B{{/if}}{{/if}}Z';
    assert.equal(shape(parseTemplate(body, 'handlebars').parts), '[if a: a=A*xs(X[if b: b=B | none=]) | none=]Z');
    assert.deepEqual(codes(body, 'handlebars'), ['unclosed-block@10-22']);
    const closing = '{% if a %}A{% for x in xs %}X{% endif %}Y';
    assert.equal(shape(parseTemplate(closing, 'liquid').parts), '[if a: a=A*xs(X) | none=]Y');
    assert.deepEqual(codes(closing, 'liquid'), ['unclosed-block@11-28']);
  });

  it('an output keeps every filter in order', () => {
    const v = parseTemplate("{{ name | strip | upcase | truncate: 5 | append: '!' }}", 'liquid').parts[0] as VariablePart;
    assert.deepEqual(v.filters.map((f) => f.name), ['strip', 'upcase', 'truncate', 'append']);
    const one = parseTemplate("{{ name | default: 'x' }}", 'liquid').parts[0] as VariablePart;
    assert.deepEqual(one.filters.map((f) => f.op), [{ op: 'default', text: 'x' }]);
  });

  it('property: every group ends in an otherwise arm and every text is the body at its range', () => {
    const frag = fc.constantFrom(
      '{% if a %}', '{% elsif b %}', '{% else %}', '{% endif %}', '{% case c %}', "{% when 'x' %}", '{% endcase %}',
      '{% for i in xs %}', '{% endfor %}', '{{#if a}}', '{{else}}', '{{/if}}', '{{#each xs}}', '{{/each}}', '{{ v }}',
      'text ', ' ', '\n', 'é', '😀',
    );
    const seed = 20261129;
    fc.assert(
      fc.property(fc.array(frag, { maxLength: 24 }), fc.constantFrom<TemplateSyntax>('liquid', 'handlebars'), (frags, syntax) => {
        const body = frags.join('');
        const walk = (parts: readonly Part[]): void => {
          for (const p of parts) {
            if (p.kind === 'literal' && p.verbatim) assert.equal(p.text, body.slice(p.range.start, p.range.end));
            if (p.kind === 'branch') {
              assert.equal(p.branches[p.branches.length - 1]!.test.type, 'otherwise');
              for (const b of p.branches) walk(b.parts);
            }
            if (p.kind === 'repeat') {
              walk(p.body);
              walk(p.empty);
            }
          }
        };
        walk(parseTemplate(body, syntax).parts);
      }),
      { seed, numRuns: 400, reporter: (r) => { if (r.failed) throw new Error(`seed ${seed}: ${fc.defaultReportMessage(r)}`); } },
    );
  });
});
