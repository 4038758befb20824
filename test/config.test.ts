import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  createConfigResolver,
  DEFAULT_CONFIG,
  resolveConfig,
  type ConfigFs,
  type ConfigProblem,
} from '../shared/config';

/** An in-memory tree: paths ending in "/" are folders (e.g. "/repo/.git/"). */
function memFs(files: Record<string, string | Error>): ConfigFs & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    readFile(p) {
      reads.push(p);
      return p in files ? files[p] : undefined;
    },
    exists: (p) => p in files || p + '/' in files,
  };
}

const nodeFs: ConfigFs = {
  readFile(p) {
    try {
      return readFileSync(p, 'utf8');
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : (e as Error);
    }
  },
  exists: (p) => existsSync(p),
};

function only(problems: readonly ConfigProblem[]): ConfigProblem {
  assert.equal(problems.length, 1, `expected one problem, got ${JSON.stringify(problems, null, 2)}`);
  return problems[0]!;
}

describe('config discovery', () => {
  it('uses defaults when no config exists up to the repository root', () => {
    const fs = memFs({ '/home/.smslintrc.json': '{"profile":"textspot"}', '/home/repo/.git/': '' });
    const r = resolveConfig('/home/repo/src/a.sms', fs);
    assert.equal(r.source, undefined);
    assert.equal(r.config.profile, 'quo');
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.config.campaign, DEFAULT_CONFIG.campaign);
  });

  it('merges from the outermost config to the nearest; the nearest wins key by key', () => {
    const fs = memFs({
      '/r/.git/': '',
      '/r/.smslintrc.json': JSON.stringify({ profile: 'textspot', campaign: { recipients: 1653, country: 'US' }, rules: { 'cost-limit': 'error' } }),
      '/r/pkg/.smslintrc.yaml': 'campaign:\n  country: CA\nrules:\n  cost-limit: warning\n',
    });
    const r = resolveConfig('/r/pkg/src/welcome.sms', fs);
    assert.equal(r.source, '/r/pkg/.smslintrc.yaml');
    assert.deepEqual(r.sources, ['/r/.smslintrc.json', '/r/pkg/.smslintrc.yaml']);
    assert.equal(r.config.profile, 'textspot');
    assert.equal(r.config.campaign.recipients, 1653);
    assert.equal(r.config.campaign.country, 'CA');
    assert.deepEqual(r.config.rules['cost-limit'], { severity: 'warning', options: {} });
  });

  it('stops at a root:true config', () => {
    const fs = memFs({
      '/r/.smslintrc.json': '{"profile":"textspot","campaign":{"recipients":50}}',
      '/r/app/.smslintrc.json': '{"root":true,"campaign":{"country":"GB"}}',
    });
    const r = resolveConfig('/r/app/a.sms', fs);
    assert.deepEqual(r.sources, ['/r/app/.smslintrc.json']);
    assert.equal(r.config.profile, 'quo');
    assert.equal(r.config.campaign.recipients, 1);
    assert.equal(r.config.campaign.country, 'GB');
  });

  it('stops at a workspace folder given by the editor', () => {
    const fs = memFs({ '/w/.smslintrc.json': '{"profile":"textspot"}' });
    assert.equal(resolveConfig('/w/ws/a.sms', fs, { stopAt: ['/w/ws'] }).config.profile, 'quo');
    assert.equal(resolveConfig('/w/ws/a.sms', fs).config.profile, 'textspot');
  });

  it('reads the "smslint" key of package.json and skips a package.json without one', () => {
    const fs = memFs({
      '/r/package.json': '{"name":"r","smslint":{"campaign":{"recipients":7}}}',
      '/r/pkg/package.json': '{"name":"pkg","version":"1.0.0"}',
    });
    const r = resolveConfig('/r/pkg/a.sms', fs);
    assert.deepEqual(r.sources, ['/r/package.json']);
    assert.equal(r.config.campaign.recipients, 7);
  });

  it('takes the first file name in precedence order and warns about the others', () => {
    const fs = memFs({
      '/r/.smslintrc.yaml': 'campaign: { recipients: 2 }',
      '/r/.smslintrc.json': '{"campaign":{"recipients":1}}',
      '/r/package.json': '{"name":"x"}',
    });
    const r = resolveConfig('/r/a.sms', fs);
    assert.equal(r.source, '/r/.smslintrc.json');
    assert.equal(r.config.campaign.recipients, 1);
    const p = only(r.problems);
    assert.equal(p.severity, 'warning');
    assert.equal(p.file, '/r/.smslintrc.yaml');
    assert.match(p.message, /\.smslintrc\.json in the same folder takes precedence/);
  });

  it('uses only the explicit config path when one is given', () => {
    const fs = memFs({ '/r/.smslintrc.json': '{"profile":"textspot"}', '/cfg/ci.yaml': 'campaign: { recipients: 9 }' });
    const r = resolveConfig('/r/a.sms', fs, { configPath: '/cfg/ci.yaml' });
    assert.deepEqual(r.sources, ['/cfg/ci.yaml']);
    assert.equal(r.config.profile, 'quo');
    assert.equal(r.config.campaign.recipients, 9);
    const missing = resolveConfig('/r/a.sms', fs, { configPath: '/cfg/nope.json' });
    assert.equal(only(missing.problems).code, 'io');
    assert.match(missing.problems[0]!.message, /Cannot read the config file: the file does not exist/);
  });

  it('reads each folder once per resolver (cache by folder) until cleared', () => {
    const fs = memFs({ '/r/.git/': '', '/r/.smslintrc.json': '{"campaign":{"recipients":3}}' });
    const resolver = createConfigResolver(fs);
    for (const f of ['/r/a/1.sms', '/r/a/2.sms', '/r/a/b/3.sms', '/r/4.sms']) assert.equal(resolver.resolve(f).config.campaign.recipients, 3);
    assert.deepEqual(fs.reads, ['/r/.smslintrc.json']);
    resolver.clear();
    resolver.resolve('/r/a/1.sms');
    assert.equal(fs.reads.length, 2);
  });

  it('handles Windows paths', () => {
    const fs = memFs({ 'C:\\r\\.git\\': '', 'C:\\r\\.smslintrc.json': '{"ignore":["drafts/**"],"overrides":[{"files":"**/*.fr.sms","allowUnicode":true}]}' });
    fs.exists = (p) => ['C:\\r\\.git', 'C:\\r\\.smslintrc.json'].includes(p);
    const r = resolveConfig('C:\\r\\sms\\hello.fr.sms', fs);
    assert.equal(r.source, 'C:\\r\\.smslintrc.json');
    assert.equal(r.config.allowUnicode, true);
    assert.equal(resolveConfig('C:\\r\\drafts\\x.sms', fs).ignored, true);
  });

  it('an unreadable config is a problem on that file, not an exception', () => {
    const fs = memFs({ '/r/.smslintrc.json': new Error('EACCES: permission denied') });
    const r = resolveConfig('/r/a.sms', fs);
    const p = only(r.problems);
    assert.equal(p.code, 'io');
    assert.match(p.message, /EACCES/);
    assert.equal(r.config.profile, 'quo');
  });

  describe('fixture monorepo on disk', () => {
    const root = resolve('test/fixtures/config/monorepo');
    const resolver = createConfigResolver(nodeFs, { stopAt: [root] });
    const at = (p: string) => resolver.resolve(join(root, p));

    it('package a: its YAML over the root package.json', () => {
      const r = at('packages/a/templates/welcome.sms');
      assert.deepEqual(r.sources, [join(root, 'package.json'), join(root, 'packages/a/.smslintrc.yaml')]);
      assert.equal(r.config.profile, 'quo');
      assert.equal(r.config.campaign.country, 'CA');
      assert.equal(r.config.campaign.recipients, 1653);
      assert.deepEqual(r.config.rules['non-gsm-char'], { severity: 'error', options: { suggest: true } });
      assert.deepEqual(r.config.rules['gsm-extended-char'], { severity: 'off', options: {} });
      // package a's template glob, rebased to the root config's folder.
      assert.deepEqual(r.config.files.templateFiles, ['packages/a/templates/**/*.sms']);
      assert.equal(r.config.baseDir, root);
    });

    it('package b: only the root config, with its overrides by glob', () => {
      const r = at('packages/b/sms/reminder.fr.sms');
      assert.equal(r.source, join(root, 'package.json'));
      assert.equal(r.config.limits.maxSegments, 2);
      assert.deepEqual(r.config.allowUnicode, ['’', '«', '»']);
      assert.equal(at('packages/b/sms/reminder.sms').config.allowUnicode, false);
      assert.equal(at('packages/a/x.sms').config.limits.maxSegments, undefined);
      assert.equal(at('packages/b/drafts/x.sms').ignored, true);
      assert.equal(at('packages/b/sms/x.sms').ignored, false);
    });

    it('package c: root:true JSONC with comments and trailing commas', () => {
      const r = at('packages/c/deep/er/x.sms');
      assert.deepEqual(r.sources, [join(root, 'packages/c/.smslintrc.jsonc')]);
      assert.equal(r.config.profile, 'quo');
      assert.equal(r.config.limits.maxSegments, 1);
      assert.deepEqual(r.problems, []);
    });

    it('broken package: errors with file, line and key; defaults apply', () => {
      const r = at('packages/broken/x.sms');
      const file = join(root, 'packages/broken/smslint.config.json');
      assert.deepEqual(
        r.problems.map((p) => [p.file, p.line, p.column, p.keyPath, p.message]),
        [
          [file, 4, 5, 'campaign.recipents', 'Unknown key "recipents" in campaign. Did you mean "recipients"?'],
          [file, 6, 30, 'rules.non-gsm-char', 'rules.non-gsm-char: expected one of "error", "warning", "info", "hint", "off" or [severity, options], got "eror". Did you mean "error"?'],
        ],
      );
      assert.equal(r.config.profile, 'quo');
      assert.equal(r.config.campaign.recipients, 1);
    });
  });
});

describe('config overrides and defaults', () => {
  const cfg = (o: unknown) => memFs({ '/r/.git/': '', '/r/.smslintrc.json': JSON.stringify(o) });

  it('applies overrides in order, after the file’s own keys', () => {
    const fs = cfg({
      campaign: { recipients: 10 },
      overrides: [
        { files: ['promo/**'], campaign: { recipients: 5000 }, limits: { maxCampaignCost: '50.00' } },
        { files: '**/*.vip.sms', campaign: { recipients: 20 } },
      ],
    });
    assert.equal(resolveConfig('/r/a.sms', fs).config.campaign.recipients, 10);
    assert.equal(resolveConfig('/r/promo/a.sms', fs).config.campaign.recipients, 5000);
    assert.equal(resolveConfig('/r/promo/a.sms', fs).config.limits.maxCampaignCost, '50.00');
    assert.equal(resolveConfig('/r/promo/a.vip.sms', fs).config.campaign.recipients, 20);
  });

  it('selects per-locale overrides for bodies from locale files', () => {
    const fs = cfg({ overrides: [{ files: '**', locales: ['fr'], allowUnicode: ['’'] }] });
    assert.deepEqual(resolveConfig('/r/locales/fr-CA.json', fs, { locale: 'fr-CA' }).config.allowUnicode, ['’']);
    assert.deepEqual(resolveConfig('/r/locales/fr.json', fs, { locale: 'fr_FR' }).config.allowUnicode, ['’']);
    assert.equal(resolveConfig('/r/locales/fy.json', fs, { locale: 'fry' }).config.allowUnicode, false);
    assert.equal(resolveConfig('/r/locales/fr.json', fs).config.allowUnicode, false);
  });

  it('chooses placeholder syntax by glob, first match wins', () => {
    const fs = cfg({ placeholders: { '**/*.liquid': 'liquid', 'legacy/**': ['printf', 'dotnet'] } });
    assert.deepEqual(resolveConfig('/r/x/a.sms.liquid', fs).config.placeholders, ['liquid']);
    assert.deepEqual(resolveConfig('/r/legacy/a.sms', fs).config.placeholders, ['printf', 'dotnet']);
    assert.deepEqual(resolveConfig('/r/a.sms', fs).config.placeholders, ['auto']);
  });

  it('merges variable metadata and defaults for unknown variables', () => {
    const fs = memFs({
      '/r/.git/': '',
      '/r/.smslintrc.json': '{"variables":{"name":{"maxLength":30,"charset":"unicode"}},"variableDefaults":{"maxLength":12}}',
      '/r/a/.smslintrc.json': '{"variables":{"name":{"maxLength":15},"code":{"maxLength":6,"minLength":6}}}',
    });
    const c = resolveConfig('/r/a/x.sms', fs).config;
    assert.deepEqual(c.variables, { name: { maxLength: 15, charset: 'unicode' }, code: { maxLength: 6, minLength: 6 } });
    assert.deepEqual(c.variableDefaults, { maxLength: 12, minLength: 0, charset: 'gsm', maxItems: 3 });
  });

  it('editor settings sit under every config file', () => {
    const fs = cfg({ campaign: { recipients: 4 } });
    const r = resolveConfig('/r/a.sms', fs, { base: { campaign: { recipients: 99, country: 'FR' }, profile: 'textspot' } });
    assert.equal(r.config.campaign.recipients, 4);
    assert.equal(r.config.campaign.country, 'FR');
    assert.equal(r.config.profile, 'textspot');
  });

  it('a custom profile defined above can be used below', () => {
    const fs = memFs({
      '/r/.git/': '',
      '/r/.smslintrc.json': '{"profiles":{"acme":{"extends":"quo","perSegment":"0.0079"}}}',
      '/r/a/.smslintrc.json': '{"profile":"acme"}',
      '/r/b/.smslintrc.json': '{"profile":"acm"}',
    });
    const a = resolveConfig('/r/a/x.sms', fs);
    assert.deepEqual(a.problems, []);
    assert.equal(a.config.profile, 'acme');
    assert.equal(a.config.profiles.acme?.perSegment, '0.0079');
    const b = resolveConfig('/r/b/x.sms', fs);
    assert.match(only(b.problems).message, /profile: unknown profile "acm"; expected "quo", "textspot", "openphone", "acme" or a name defined under "profiles"/);
  });

  it('never lets a resolution edit the defaults', () => {
    const fs = cfg({ campaign: { recipients: 4 }, ignore: ['x/**'], variables: { a: { maxLength: 1 } } });
    resolveConfig('/r/a.sms', fs);
    assert.equal(DEFAULT_CONFIG.campaign.recipients, 1);
    assert.deepEqual(DEFAULT_CONFIG.variables, {});
    assert.ok(!DEFAULT_CONFIG.ignore.includes('x/**'));
  });
});

describe('config validation', () => {
  /** Resolves a.sms next to a single config file and returns its problems. */
  function problemsOf(name: string, text: string): readonly ConfigProblem[] {
    const fs = memFs({ '/r/.git/': '', [`/r/${name}`]: text });
    const r = resolveConfig('/r/a.sms', fs);
    for (const p of r.problems) {
      assert.equal(p.file, `/r/${name}`);
      assert.ok(p.line >= 1 && p.column >= 1);
      assert.equal(text.slice(0, p.range.start).split('\n').length, p.line, 'line agrees with range');
    }
    if (r.problems.some((p) => p.severity === 'error')) assert.deepEqual(r.config, { ...DEFAULT_CONFIG, baseDir: undefined });
    return r.problems;
  }

  // One bad value per key: [key path, bad value, expected message fragment].
  const cases: [string, unknown, RegExp][] = [
    ['profile', 7, /expected text, got 7/],
    ['profile', 'qou', /unknown profile "qou"/],
    ['campaign.recipients', -1, /expected a number >= 0, got -1/],
    ['campaign.recipients', 2.5, /expected a whole number, got 2.5/],
    ['campaign.country', 'USA', /expected a two-letter country code like "US", got "USA"/],
    ['campaign.balance', '12,5', /expected an amount of money like 0.01, "0.01" or "\$1,234.56", got "12,5"/],
    ['campaign.balance', true, /expected an amount of money like 0.01 or "\$1,234.56" or \{ "credits": <whole number> \}, got true/],
    ['campaign.balance.credits', 'ten', /expected a whole number, got "ten"/],
    ['campaign.media', 'yes', /expected true or false, got "yes"/],
    ['plan', 5, /expected text or an object, got 5/],
    ['plan.period', 'weekly', /expected one of "monthly", "yearly", got "weekly"/],
    ['plan.used', -3, /expected a number >= 0/],
    ['limits.maxSegments', 0, /expected a number >= 1, got 0/],
    ['limits.maxCostPerRecipient', 'cheap', /expected an amount of money/],
    ['limits.maxCampaignCost', -5, /expected a number >= 0, got -5/],
    ['allowUnicode', 'yes', /expected true or false or a list of text, got "yes"/],
    ['variables.name.maxLength', '20', /expected a whole number, got "20"/],
    ['variables.name.charset', 'utf8', /expected one of "gsm", "unicode", got "utf8"/],
    ['variables.name.minLength', 50, /minLength \(50\) is greater than maxLength \(20\)/],
    ['variableDefaults.maxLength', -1, /expected a number >= 0/],
    ['placeholders', 'jinja', /expected one of "auto", "mustache".*got "jinja"/],
    ['placeholders.**/*.sms', 'jinja', /expected one of "auto".*got "jinja"/],
    ['rules.cost-limit', 'fatal', /expected one of "error", "warning", "info", "hint", "off" or \[severity, options\], got "fatal"/],
    ['rules.cost-limit', ['error'], /expected \[severity, options\], got a list/],
    ['files.templateFiles', '*.sms', /expected a list of text, got "\*\.sms"/],
    ['files.callSites.0.callee', undefined, /missing the required key "callee"/],
    ['files.callSites.0.argument', -1, /expected a number >= 0/],
    ['files.maxFileSize', 0, /expected a number >= 1/],
    ['files.marker', 1, /expected text, got 1/],
    ['ignore', 'dist/**', /expected a list of text/],
    ['root', 'true', /expected true or false/],
    ['profiles.acme.billing', 'monthly', /expected one of "prepaid", "plan", "none", got "monthly"/],
    ['profiles.acme.perSegment', '1¢', /expected an amount of money/],
    ['plans.big.credits', 'lots', /expected a whole number, got "lots"/],
    ['overrides.0.files', 3, /expected text or a list of text, got 3/],
    ['overrides.0.locales', 'fr', /expected a list of text/],
  ];

  /** Builds a config with `value` at `path`, filling in what the path needs. */
  function configWith(path: string, value: unknown): Record<string, unknown> {
    const segs = splitPath(path);
    const root: Record<string, unknown> = {};
    let cur: Record<string, unknown> | unknown[] = root;
    segs.forEach((seg, i) => {
      const last = i === segs.length - 1;
      const nextIsIndex = /^\d+$/.test(segs[i + 1] ?? '');
      const k = /^\d+$/.test(seg) ? Number(seg) : seg;
      const child = last ? value : nextIsIndex ? [] : {};
      (cur as Record<string | number, unknown>)[k] = child;
      cur = child as Record<string, unknown>;
    });
    if (path.startsWith('overrides.0.locales')) (root.overrides as Record<string, unknown>[])[0]!.files = '**';
    if (path === 'files.callSites.0.callee') (root.files as { callSites: unknown[] }).callSites[0] = { argument: 0 };
    if (path === 'variables.name.minLength') (root.variables as { name: Record<string, unknown> }).name.maxLength = 20;
    if (path === 'files.callSites.0.argument') (root.files as { callSites: Record<string, unknown>[] }).callSites[0]!.callee = 'send';
    return root;
  }

  for (const [path, value, message] of cases) {
    it(`reports ${path} = ${JSON.stringify(value)} with its line and key (JSON and YAML)`, () => {
      const obj = configWith(path, value);
      const expectedKey = splitPath(path)
        .map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : s.includes('*') ? `[${JSON.stringify(s)}]` : i ? `.${s}` : s))
        .join('')
        .replace('[0].callee', '[0]');
      const jsonText = JSON.stringify(obj, null, 2);
      const yamlText = toYaml(obj);
      for (const [name, text] of [['.smslintrc.json', jsonText], ['.smslintrc.yaml', yamlText]] as const) {
        const p = only(problemsOf(name, text));
        assert.match(p.message, message, `${name}: ${p.message}`);
        assert.equal(p.keyPath, expectedKey, name);
        assert.equal(p.severity, 'error');
        if (value !== undefined && typeof value !== 'object') {
          // The range covers the bad value itself.
          const shown = text.slice(p.range.start, p.range.end);
          assert.ok(shown.includes(String(value)), `${name}: range shows ${JSON.stringify(shown)}`);
        }
      }
    });
  }

  it('reports unknown keys at every level with a suggestion, pointing at the key', () => {
    const text = '{\n  "campain": {},\n  "limits": { "maxSegment": 2 },\n  "rules": { "non-gsm-chars": "off" },\n  "overrides": [{ "files": "*", "file": "x" }]\n}';
    const ps = problemsOf('.smslintrc.json', text);
    assert.deepEqual(
      ps.map((p) => [p.code, p.keyPath, p.line, text.slice(p.range.start, p.range.end), p.message]),
      [
        ['unknown-key', 'campain', 2, '"campain"', 'Unknown key "campain" at the top level. Did you mean "campaign"?'],
        ['unknown-key', 'limits.maxSegment', 3, '"maxSegment"', 'Unknown key "maxSegment" in limits. Did you mean "maxSegments"?'],
        ['unknown-key', 'rules.non-gsm-chars', 4, '"non-gsm-chars"', 'Unknown key "non-gsm-chars" in rules. Did you mean "non-gsm-char"?'],
        ['unknown-key', 'overrides[0].file', 5, '"file"', 'Unknown key "file" in overrides[0]. Did you mean "files"?'],
      ],
    );
  });

  it('rejects "files" and "ignore" inside an override (they are top-level only)', () => {
    const ps = problemsOf('.smslintrc.json', '{"overrides":[{"files":"**","ignore":["x"]}]}');
    assert.equal(only(ps).keyPath, 'overrides[0].ignore');
  });

  it('a config that is not an object', () => {
    assert.match(only(problemsOf('.smslintrc.json', '[1,2]')).message, /expected an object, got a list/);
    assert.match(only(problemsOf('.smslintrc.yaml', 'just text')).message, /expected an object, got "just text"/);
  });

  it('an empty YAML file is an empty config', () => {
    assert.deepEqual(problemsOf('.smslintrc.yml', '# nothing yet\n'), []);
  });

  describe('malformed files', () => {
    it('JSON syntax error with its line and column', () => {
      const p = only(problemsOf('.smslintrc.json', '{\n  "profile": "quo"\n  "campaign": {}\n}'));
      assert.equal(p.code, 'parse');
      assert.deepEqual([p.line, p.column], [3, 3]);
      assert.equal(p.message, 'Invalid JSON: expected ",".');
    });

    it('comments in .json are errors that point to .jsonc; fine in .jsonc', () => {
      const text = '{\n  // why\n  "profile": "quo"\n}';
      const p = only(problemsOf('.smslintrc.json', text));
      assert.deepEqual([p.line, p.column], [2, 3]);
      assert.match(p.message, /comments are not allowed in \.json files \(use \.smslintrc\.jsonc\)/);
      assert.deepEqual(problemsOf('.smslintrc.jsonc', text), []);
    });

    it('truncated JSON', () => {
      const p = problemsOf('smslint.config.json', '{"campaign": {"recipients": 3')[0]!;
      assert.equal(p.code, 'parse');
      assert.equal(p.line, 1);
    });

    it('YAML syntax error with its line and column', () => {
      const p = problemsOf('.smslintrc.yaml', 'profile: quo\ncampaign:\n  recipients: [1, 2\n')[0]!;
      assert.equal(p.code, 'parse');
      assert.match(p.message, /^Invalid YAML: /);
      assert.ok(p.line >= 3, `line ${p.line}`);
    });

    it('YAML duplicate keys', () => {
      const p = only(problemsOf('.smslintrc.yaml', 'profile: quo\nprofile: textspot\n'));
      assert.equal(p.code, 'parse');
      assert.equal(p.line, 2);
      assert.match(p.message, /unique/i);
    });

    it('malformed package.json with an smslint key', () => {
      const p = only(problemsOf('package.json', '{"name":"x", "smslint": {"profile": }}'));
      assert.equal(p.code, 'parse');
    });

    it('errors in package.json#smslint are positioned inside package.json', () => {
      const text = '{\n  "name": "x",\n  "smslint": {\n    "campaign": { "recipients": "many" }\n  }\n}';
      const p = only(problemsOf('package.json', text));
      assert.equal(p.keyPath, 'campaign.recipients');
      assert.equal(p.line, 4);
      assert.equal(text.slice(p.range.start, p.range.end), '"many"');
    });
  });
});

describe('config schema', () => {
  it('the committed schema equals a fresh generation from the types', function () {
    this.timeout(30_000);
    const fresh = execFileSync(process.execPath, ['scripts/gen-schema.mjs', '--stdout'], { encoding: 'utf8' });
    assert.equal(readFileSync('schema/smslint.schema.json', 'utf8'), fresh, 'run `node scripts/gen-schema.mjs`');
  });

  it('is a published file (not just a test artifact)', () => {
    assert.ok(statSync('schema/smslint.schema.json').size > 1000);
  });
});

/** "a.b.0.c" → segments; a glob key after "placeholders." stays whole. */
function splitPath(path: string): string[] {
  return path.startsWith('placeholders.**') ? ['placeholders', path.slice('placeholders.'.length)] : path.split('.');
}

/** A small YAML writer for the validation table (block style, quoted strings). */
function toYaml(v: unknown, indent = ''): string {
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return '\n' + v.map((x) => `${indent}- ${toYaml(x, indent + '  ').replace(/^\n\s*/, '')}`).join('\n');
  }
  if (v && typeof v === 'object') {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined);
    if (entries.length === 0) return '{}';
    return '\n' + entries.map(([k, x]) => `${indent}${JSON.stringify(k)}: ${toYaml(x, indent + '  ')}`).join('\n');
  }
  return JSON.stringify(v);
}
