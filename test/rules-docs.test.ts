// Every rule has its page, and the page states the severity the code uses.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import { BODY_RULES, DOCUMENT_RULES, RULE_IDS } from '../shared/rules';

const defaults: Record<string, string> = Object.fromEntries([
  ...BODY_RULES.map((r) => [r.id, r.defaultSeverity]),
  ...Object.entries(DOCUMENT_RULES).map(([id, r]) => [id, r.defaultSeverity]),
]);
const docsPaths = [...BODY_RULES.map((r) => r.docsPath), ...Object.values(DOCUMENT_RULES).map((r) => r.docsPath)];

describe('rule docs', () => {
  it('every rule id has a module and a docs page at its docsPath', () => {
    assert.deepEqual(Object.keys(defaults).sort(), [...RULE_IDS].sort());
    assert.deepEqual(docsPaths.sort(), RULE_IDS.map((id) => `docs/rules/${id}.md`).sort());
    for (const p of docsPaths) assert.ok(existsSync(p), `${p} is missing`);
  });

  for (const id of RULE_IDS) {
    it(`${id}: the page's title and default severity match the code, and it says how to disable it`, () => {
      const doc = readFileSync(`docs/rules/${id}.md`, 'utf8');
      assert.equal(doc.split('\n')[0], `# ${id}`);
      assert.match(doc, new RegExp(`\\*\\*Default severity:\\*\\* ${defaults[id]} `));
      assert.match(doc, new RegExp(`"${id}": "off"`));
    });
  }

  it('docs/configuration.md lists every rule with its default severity', () => {
    const doc = readFileSync('docs/configuration.md', 'utf8');
    for (const id of RULE_IDS) assert.match(doc, new RegExp(`\\| \\[${id}\\]\\(rules/${id}\\.md\\) \\| ${defaults[id]} \\|`));
  });
});
