// Generates schema/smslint.schema.json from the config types in shared/config/types.ts, so the
// schema can never be hand-edited out of step with the code.
//   node scripts/gen-schema.mjs           write the file
//   node scripts/gen-schema.mjs --check   exit 1 if the committed file differs from a fresh run
//   node scripts/gen-schema.mjs --stdout  print the schema
// ts-json-schema-generator brings its own TypeScript (with the JS compiler API that TS 7 lacks).
import { createGenerator } from 'ts-json-schema-generator';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'schema', 'smslint.schema.json');

export function generateSchema() {
  const schema = createGenerator({
    path: join(root, 'shared', 'config', 'types.ts'),
    tsconfig: join(root, 'tsconfig.json'),
    type: 'SmslintConfig',
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    sortProps: true,
    strictTuples: true,
    additionalProperties: false,
    skipTypeCheck: true,
  }).createSchema('SmslintConfig');
  schema.$id = 'https://smslint.dev/schema/smslint.schema.json';
  schema.title = 'smslint configuration';
  return JSON.stringify(schema, null, 2) + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = generateSchema();
  if (process.argv.includes('--stdout')) process.stdout.write(text);
  else if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(out, 'utf8');
    } catch {}
    if (current !== text) {
      console.error('schema/smslint.schema.json is out of date: run `node scripts/gen-schema.mjs`.');
      process.exit(1);
    }
  } else writeFileSync(out, text);
}
