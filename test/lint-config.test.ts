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
