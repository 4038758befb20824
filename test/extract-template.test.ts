import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractBodies, mapRange, DEFAULT_EXTRACT_OPTIONS } from '../shared/extract/index';

const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures', 'extract');
const run = (path: string, text: string) => extractBodies(path, text, DEFAULT_EXTRACT_OPTIONS);

describe('extract: template files', () => {
  it('takes the whole file after BOM and front matter as one body, with options', () => {
    const text = readFileSync(join(FIXTURES, 'welcome.sms.hbs'), 'utf8');
    assert.equal(text.charCodeAt(0), 0xfeff);
    const { bodies, problems } = run('templates/welcome.sms.hbs', text);
    assert.deepEqual(problems, []);
    assert.equal(bodies.length, 1);
    const b = bodies[0];
    assert.equal(b.text, 'Hi {{name}}, it’s 50% off 😀 today!');
    assert.equal(b.selectedBy, 'file matches *.sms.hbs');
    assert.equal(b.syntax, 'handlebars');
    assert.deepEqual(b.options, { recipients: 1200, country: 'GB', variables: { name: { maxLength: 20 } } });
    // Offsets stay exact past the BOM and the CRLF front matter; the final newline is not sent.
    assert.equal(text.slice(b.range.start, b.range.end), b.text);
    const at = b.text.indexOf('’');
    const r = mapRange(b.map, at, at + 1);
    assert.equal(text.slice(r.start, r.end), '’');
    assert.equal(r.start, text.indexOf('’'));
  });

  it('matches every default template glob, anywhere in the tree', () => {
    for (const name of ['a.sms', 'x/y/a.sms.txt', 'a.sms.liquid', 'C:\\work\\a.sms.mustache', 'file:///w/a.sms']) {
      assert.equal(run(name, 'Hello').bodies.length, 1, name);
    }
    assert.equal(run('notes.txt', 'Hello').bodies.length, 0);
    assert.equal(run('a.sms.liquid', 'Hi {{ name }}').bodies[0].syntax, 'liquid');
    assert.equal(run('a.sms', 'Hi {name}').bodies[0].syntax, 'icu');
  });

  it('reports bad front matter as a problem with a range, and still returns the body', () => {
    const text = '---\nrecipients: [1\n---\nHello';
    const { bodies, problems } = run('bad.sms', text);
    assert.equal(bodies.length, 1);
    assert.equal(bodies[0].text, 'Hello');
    assert.ok(problems.length >= 1);
    assert.equal(problems[0].kind, 'front-matter');
    assert.ok(problems[0].range.start >= 4 && problems[0].range.end <= text.indexOf('\n---') + 1);
  });

  it('reports a wrongly typed option on its value and ignores it', () => {
    const text = '---\nrecipients: many\nprofile: twilio-us\n---\nHi';
    const { bodies, problems } = run('a.sms', text);
    assert.deepEqual(bodies[0].options, { profile: 'twilio-us' });
    assert.equal(problems.length, 1);
    assert.equal(text.slice(problems[0].range.start, problems[0].range.end), 'many');
    assert.match(problems[0].message, /recipients/);
  });

  it('treats an unclosed front matter as text, with a notice', () => {
    const { bodies, problems } = run('a.sms', '---\nHello');
    assert.equal(bodies[0].text, '---\nHello');
    assert.equal(problems[0].kind, 'front-matter');
  });

  it('keeps a body with no front matter whole, and an empty file as an empty body', () => {
    assert.equal(run('a.sms', 'Line 1\n\nLine 3\n').bodies[0].text, 'Line 1\n\nLine 3');
    const empty = run('a.sms', '').bodies[0];
    assert.equal(empty.text, '');
    assert.deepEqual(empty.range, { start: 0, end: 0 });
  });
});
