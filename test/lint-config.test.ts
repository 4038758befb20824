// Config keys that change what lintDocument sees: placeholders by name and by glob.
import { strict as assert } from 'node:assert';
import { covered, findingsOf, lint } from './fixtures/lint/harness';

describe('placeholders from config', () => {
  const text = 'Hi ${name}, {0} {{x}}';
  const vars = (placeholders: never, path = '/r/a.sms') =>
    findingsOf(lint(path, text, { placeholders }), 'variable-length-unknown').map((f) => covered(text, f));

  it('each syntax name of the schema selects that syntax', () => {
    assert.deepEqual(vars('js-template' as never), ['${name}']);
    assert.deepEqual(vars('mustache' as never), ['{{x}}']);
    assert.deepEqual(vars('plain' as never), []);
    assert.deepEqual(findingsOf(lint('/r/a.sms', 'Hi {0} and {1}', { placeholders: 'dotnet' }), 'variable-length-unknown').map((f) => f.range), [
      { start: 3, end: 6 },
      { start: 11, end: 14 },
    ]);
  });

  it('by glob: the first matching glob wins', () => {
    const byGlob = { '*.hbs.sms': 'mustache', '*.sms': 'js-template' } as never;
    assert.deepEqual(vars(byGlob, '/r/a.hbs.sms'), ['{{x}}']);
    assert.deepEqual(vars(byGlob, '/r/b.sms'), ['${name}']);
  });
});

describe('plan impact from config', () => {
  const text = 'Your code is 1234. Reply STOP to opt out.\n';
  const impact = (base: Parameters<typeof lint>[2]) => lint('/r/code.sms', text, { profile: 'textspot', ...base }).bodies[0]?.cost?.planImpact;

  it('a plan named by id is found in the config\'s own "plans" as in the catalogue', () => {
    const catalogue = impact({ plan: { id: 'textspot-1000', used: 653 } });
    assert.match(catalogue ?? '', /^within your plan \(\d+ of 347 credits left\)$/);
    // The same allowance defined under "plans" and named by its id gives the same line.
    assert.equal(impact({ plans: { mine: { credits: 1000, period: 'monthly', overageRate: 0.05 } }, plan: { id: 'mine', used: 653 } }), catalogue);
    assert.match(impact({ plans: { mine: { credits: 1000, period: 'monthly', overageRate: 0.05 } }, plan: 'mine' }) ?? '', /^within your plan \(\d+ of 1,000 credits left\)$/);
  });
});
