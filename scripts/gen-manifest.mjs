// Writes `contributes.configuration` of package.json from the config JSON Schema (itself generated
// from shared/config/types.ts by scripts/gen-schema.mjs), so the VS Code settings never drift from
// the config keys. Defaults come from the core's DEFAULT_CONFIG, the same values the CLI uses.
//   node scripts/gen-manifest.mjs          update package.json
//   node scripts/gen-manifest.mjs --check  exit 1 if package.json is out of date
// Fixed-shape objects (campaign, limits, files, rules…) become one setting per key
// (`smslint.campaign.recipients`), which the Settings UI can edit; maps and unions stay whole.
// A setting the core has no default for defaults to null, which means "not set": VS Code settings
// are the lowest layer, under the config files, so a repository's config (and CI) always wins.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_PATH = 'schema/smslint.schema.json';
export const PREFIX = 'smslint.';
/** Keys that only make sense in a config file (`$schema` names the file's schema; `root` stops the walk up). */
export const FILE_ONLY_KEYS = ['$schema', 'root'];
/** Settings of the client itself, not config keys: the LanguageClient reads `<id>.trace.server`. */
export const CLIENT_SETTINGS = {
  'smslint.trace.server': {
    type: 'string',
    enum: ['off', 'messages', 'verbose'],
    default: 'off',
    scope: 'window',
    description: 'Traces the communication between VS Code and the smslint language server (in the smslint output).',
  },
};

/** `contributes.configuration` for a schema and the core's defaults (pure; the tests call it). */
export function settingsFromSchema(schema, defaults) {
  const defs = schema.definitions ?? schema.$defs ?? {};
  const deref = (node, seen = new Set()) => {
    while (node && typeof node.$ref === 'string') {
      const name = node.$ref.split('/').pop();
      if (seen.has(name)) throw new Error(`gen-manifest: recursive $ref ${node.$ref}`);
      seen.add(name);
      const { $ref: _r, ...rest } = node;
      node = { ...defs[name], ...rest };
    }
    return node;
  };
  // package.json cannot point into the schema's definitions: inline every $ref.
  const inline = (node, seen = new Set()) => {
    if (Array.isArray(node)) return node.map((n) => inline(n, seen));
    if (!node || typeof node !== 'object') return node;
    if (typeof node.$ref === 'string') {
      const name = node.$ref.split('/').pop();
      if (seen.has(name)) throw new Error(`gen-manifest: recursive $ref ${node.$ref}`);
      return inline(deref(node), new Set([...seen, name]));
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inline(v, seen)]));
  };
  const fixedShape = (node) => node.type === 'object' && node.properties && node.additionalProperties === false;
  const lookup = (obj, path) => path.reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), obj);

  const properties = {};
  let order = 0;
  // `inherited`: the parent's description, for keys without their own (the rules under "rules").
  const add = (path, node, inherited) => {
    const resolved = deref(node);
    if (fixedShape(resolved)) {
      for (const [key, child] of Object.entries(resolved.properties)) add([...path, key], child, resolved.description ?? inherited);
      return;
    }
    const setting = inline(resolved);
    if (!node.description && inherited) setting.description = `\`${path.at(-1)}\`: ${inherited}`;
    const value = lookup(defaults, path);
    if (value === undefined) {
      setting.default = null;
      if (typeof setting.type === 'string') setting.type = [setting.type, 'null'];
      else if (Array.isArray(setting.anyOf)) setting.anyOf = [...setting.anyOf, { type: 'null' }];
      if (Array.isArray(setting.enum)) setting.enum = [...setting.enum, null];
    } else {
      setting.default = value;
    }
    if (setting.description) setting.markdownDescription ??= setting.description;
    setting.scope = 'resource';
    setting.order = order++;
    properties[PREFIX + path.join('.')] = setting;
  };
  const top = deref(schema);
  for (const [key, node] of Object.entries(top.properties)) {
    if (!FILE_ONLY_KEYS.includes(key)) add([key], node, undefined);
  }
  return { title: 'smslint', properties: { ...properties, ...CLIENT_SETTINGS } };
}

/** DEFAULT_CONFIG from shared/config/defaults.ts, bundled on the fly (it is TypeScript). */
export async function loadCoreDefaults() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [join(root, 'shared/config/defaults.ts')],
    bundle: true, write: false, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'silent',
  });
  const module = { exports: {} };
  new Function('module', 'exports', result.outputFiles[0].text)(module, module.exports);
  return JSON.parse(JSON.stringify(module.exports.DEFAULT_CONFIG));
}

async function main() {
  const schemaFile = join(root, SCHEMA_PATH);
  if (!existsSync(schemaFile)) {
    console.log(`gen-manifest: ${SCHEMA_PATH} does not exist yet (run node scripts/gen-schema.mjs); package.json left as is`);
    return;
  }
  const configuration = settingsFromSchema(JSON.parse(readFileSync(schemaFile, 'utf8')), await loadCoreDefaults());
  // Re-read right before writing: other tools edit other fields of package.json.
  const pkgFile = join(root, 'package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  const same = JSON.stringify(pkg.contributes?.configuration) === JSON.stringify(configuration);
  if (process.argv.includes('--check')) {
    if (!same) {
      console.error('gen-manifest: contributes.configuration in package.json is out of date: run node scripts/gen-manifest.mjs');
      process.exitCode = 1;
    }
    return;
  }
  if (same) {
    console.log('gen-manifest: contributes.configuration is up to date');
    return;
  }
  pkg.contributes = { ...pkg.contributes, configuration };
  writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
  console.log(`gen-manifest: wrote ${Object.keys(configuration.properties).length} settings to package.json`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
