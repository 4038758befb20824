// The extension manifest (package.json) against what it describes: the config schema, the core's
// defaults and file names, and the client's commands and document selector.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE_NAMES as CORE_CONFIG_FILE_NAMES } from '../../shared/config/discover';
import { DEFAULT_TEMPLATE_GLOBS } from '../../shared/config/defaults';
import { CONFIG_FILE_NAMES, Commands, RECIPIENTS_SETTING } from '../../client/src/commands';

const SCHEMA_PATH = 'schema/smslint.schema.json';
const PREFIX = 'smslint.';
/** Keys that only mean something in a config file. */
const FILE_ONLY_KEYS = ['$schema', 'root'];
/** The client's own settings (the LanguageClient reads `smslint.trace.server`). */
const CLIENT_SETTINGS = ['smslint.trace.server'];

const root = process.cwd();
type Json = Record<string, any>;
const pkg: Json = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const contributes: Json = pkg.contributes;
const settings: Json = contributes.configuration.properties;

/** Config-key paths the schema allows, one level down into objects whose keys are fixed. */
function schemaKeyPaths(schema: Json): string[] {
  const defs: Json = schema.definitions ?? {};
  const deref = (n: Json): Json => (n.$ref ? deref({ ...defs[n.$ref.split('/').pop()], ...n, $ref: undefined }) : n);
  const out: string[] = [];
  const walk = (node: Json, path: string[]): void => {
    const n = deref(node);
    if (n.type === 'object' && n.properties && n.additionalProperties === false && path.length > 0) {
      for (const [k, v] of Object.entries(n.properties)) walk(v as Json, [...path, k]);
    } else out.push(path.join('.'));
  };
  for (const [k, v] of Object.entries(deref(schema).properties)) if (!FILE_ONLY_KEYS.includes(k)) walk(v as Json, [k]);
  return out;
}

describe('extension manifest', () => {
  describe('settings', () => {
    const schemaFile = join(root, SCHEMA_PATH);

    it('mirror every config key of the schema, and nothing else', function () {
      if (!existsSync(schemaFile)) this.skip(); // scripts/gen-schema.mjs has not run: nothing to mirror
      const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
      const fromSchema = schemaKeyPaths(schema).map((p) => PREFIX + p).sort();
      const contributed = Object.keys(settings).filter((k) => !CLIENT_SETTINGS.includes(k)).sort();
      assert.deepEqual(contributed, fromSchema);
      assert.ok(fromSchema.includes('smslint.campaign.recipients'), 'fixed-shape objects are one setting per key');
    });

    it('are what scripts/gen-manifest.mjs generates from the schema and the core defaults now', function () {
      if (!existsSync(schemaFile)) this.skip();
      this.timeout(30_000);
      execFileSync(process.execPath, ['scripts/gen-manifest.mjs', '--check'], { cwd: root, stdio: 'pipe' });
    });

    it('each have a description and a scope, and a default (null meaning "not set")', () => {
      for (const [key, s] of Object.entries(settings)) {
        assert.ok(typeof s.description === 'string' && s.description.length > 10, `${key} has a description`);
        assert.ok(['resource', 'window', 'application', 'machine-overridable'].includes(s.scope), `${key} has a scope`);
        assert.ok('default' in s, `${key} has a default`);
      }
      assert.equal(settings['smslint.campaign.recipients'].default, 1);
      assert.equal(settings['smslint.profile'].default, 'quo');
    });

    it('include the one the "set recipients" command writes', () => {
      assert.ok(`smslint.${RECIPIENTS_SETTING}` in settings);
      assert.equal(settings[`smslint.${RECIPIENTS_SETTING}`].type, 'integer');
    });
  });

  describe('commands', () => {
    const contributed = (contributes.commands as Json[]).map((c) => c.command).sort();

    it('are exactly the ones the client defines, each with a title and category', () => {
      assert.deepEqual(contributed, Object.values(Commands).sort());
      for (const c of contributes.commands as Json[]) assert.ok(c.title && c.category === 'smslint', c.command);
    });

    it('are each registered by the client', () => {
      const src = readdirSync(join(root, 'client/src'))
        .map((f) => readFileSync(join(root, 'client/src', f), 'utf8'))
        .join('\n');
      const registered = [...src.matchAll(/registerCommand\(\s*Commands\.(\w+)/g)].map((m) => m[1]);
      for (const [name, id] of Object.entries(Commands)) assert.ok(registered.includes(name), `${id} is registered`);
    });
  });

  describe('languages, files and activation', () => {
    it('gives the sms language every template extension the core lints by default', () => {
      const sms = (contributes.languages as Json[]).find((l) => l.id === 'sms');
      assert.ok(sms, 'the sms language is contributed');
      const fromCore = DEFAULT_TEMPLATE_GLOBS.map((g) => g.replace(/^(?:\*\*\/)?\*/, '')).sort();
      assert.deepEqual([...sms.extensions].sort(), fromCore);
      assert.ok(existsSync(join(root, sms.configuration)), 'language configuration exists');
      const grammar = (contributes.grammars as Json[]).find((g) => g.language === 'sms');
      assert.ok(grammar && existsSync(join(root, grammar.path)), 'grammar exists');
    });

    it('knows the same config file names as the core, and validates each with the schema', () => {
      assert.deepEqual([...CONFIG_FILE_NAMES], CORE_CONFIG_FILE_NAMES.filter((n) => n !== 'package.json'));
      const validated = [...contributes.jsonValidation, ...contributes.yamlValidation].flatMap((v: Json) => v.fileMatch);
      assert.deepEqual(validated.sort(), [...CONFIG_FILE_NAMES].sort());
      for (const v of [...contributes.jsonValidation, ...contributes.yamlValidation]) assert.equal(v.url, `./${SCHEMA_PATH}`);
    });

    it('activates on the languages it serves and on config files, never on "*"', () => {
      const events: string[] = pkg.activationEvents;
      assert.ok(!events.includes('*'));
      for (const lang of ['sms', 'json', 'yaml', 'typescript', 'javascript']) assert.ok(events.includes(`onLanguage:${lang}`), lang);
      for (const name of CONFIG_FILE_NAMES) assert.ok(events.includes(`workspaceContains:**/${name}`), name);
    });

    it('turns off VS Code\'s own ambiguous/invisible character highlight for sms only', () => {
      const sms = contributes.configurationDefaults['[sms]'];
      assert.equal(sms['editor.unicodeHighlight.ambiguousCharacters'], false);
      assert.equal(sms['editor.unicodeHighlight.invisibleCharacters'], false);
      assert.deepEqual(Object.keys(contributes.configurationDefaults), ['[sms]']);
    });

    it('supports untrusted workspaces (no workspace code ever runs)', () => {
      assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
    });

    it('points main at the client bundle and the icon at a PNG', () => {
      assert.equal(pkg.main, './dist/client.js');
      assert.match(pkg.icon, /\.png$/);
      assert.ok(existsSync(join(root, pkg.icon)));
    });
  });
});
