// The CLI as CI uses it: one table of cases run in-process through `main` and through the built
// bin (node bin/smslint.js), asserting exit codes, stdout and stderr; then --fix byte for byte,
// --stdin, cost, budget, and the SARIF output against the official 2.1.0 schema.
import * as assert from 'node:assert/strict';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { main } from '../server/src/cli/main';
import { coreEngine } from '../server/src/cli/engine';
import { nodeCliFs } from '../server/src/cli/nodeIo';
import type { CliIo } from '../server/src/cli/io';
import { nodeConfigFs } from '../server/src/nodeFs';
import { RULE_IDS } from '../shared/rules';
import { github } from '../server/src/cli/formatters/github';
import { progressBar } from '../server/src/cli/progress';
import type { RunReport } from '../server/src/cli/report';
import { BIN, runBin } from './helpers/bin';

const FIXTURES = resolve('test/fixtures/cli');
const SNAPSHOTS = join(FIXTURES, 'snapshots');
const UPDATE = process.env.SMSLINT_UPDATE_SNAPSHOTS === '1';
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function inProcess(args: readonly string[], cwd: string, stdin = ''): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd,
    env: {},
    stdout: { write: (s) => void (stdout += s), isTTY: false },
    stderr: { write: (s) => void (stderr += s), isTTY: false },
    readStdin: async () => Buffer.from(stdin, 'utf8'),
    fs: nodeCliFs,
    configFs: nodeConfigFs,
    engine: coreEngine,
    now: () => 0,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** Runs both ways and requires them to agree: the bin adds nothing but node's I/O. */
async function both(args: readonly string[], cwd: string, stdin = ''): Promise<Run> {
  const a = await inProcess(args, cwd, stdin);
  const b = runBin(args, cwd, {}, stdin);
  assert.deepEqual(b, a, `bin and in-process differ for smslint ${args.join(' ')}`);
  return a;
}

function snapshot(name: string, actual: string): void {
  const file = join(SNAPSHOTS, name);
  if (UPDATE) {
    mkdirSync(SNAPSHOTS, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  // A missing snapshot fails (a run that wrote it would pass whatever the output): SMSLINT_UPDATE_SNAPSHOTS=1 writes it.
  assert.ok(existsSync(file), `no snapshot ${name}: run with SMSLINT_UPDATE_SNAPSHOTS=1 to write it`);
  assert.equal(actual, readFileSync(file, 'utf8'), `snapshot ${name} differs (SMSLINT_UPDATE_SNAPSHOTS=1 rewrites it)`);
}

function tempCopy(fixture: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'smslint-cli-'));
  cpSync(join(FIXTURES, fixture), dir, { recursive: true });
  return dir;
}

interface Case {
  readonly name: string;
  readonly args: readonly string[];
  readonly dir: string;
  readonly code: number;
  readonly stdout?: readonly (string | RegExp)[];
  readonly notStdout?: readonly string[];
  readonly stderr?: readonly (string | RegExp)[] | '';
}

const CASES: readonly Case[] = [
  {
    name: 'default run: the config selects the templates, node_modules and non-SMS files are skipped',
    args: [], dir: 'basic', code: 1,
    stdout: ['templates/broken.sms', '1:4  error', 'malformed-template', 'templates/curly.sms', 'non-gsm-char', '✖ 2 problems (1 error, 1 warning)', '3 SMS bodies'],
    notStdout: ['node_modules', 'README', 'clean.sms'], stderr: '',
  },
  { name: 'a clean named file exits 0', args: ['templates/clean.sms'], dir: 'basic', code: 0, stdout: ['✔ no problems in 1 file'], stderr: '' },
  { name: 'warnings alone exit 0', args: ['templates/curly.sms'], dir: 'basic', code: 0, stdout: ['1 warning'], stderr: '' },
  {
    name: '--max-warnings 0 turns a warning into exit 1', args: ['--max-warnings', '0', 'templates/curly.sms'], dir: 'basic', code: 1,
    stderr: ['too many warnings: 1, over --max-warnings 0'],
  },
  { name: '--max-warnings 1 allows one', args: ['--max-warnings', '1', 'templates/curly.sms'], dir: 'basic', code: 0 },
  { name: '--quiet reports errors only', args: ['--quiet'], dir: 'basic', code: 1, stdout: ['malformed-template', '1 problem (1 error, 0 warnings)'], notStdout: ['non-gsm-char'] },
  { name: 'a folder argument lints its SMS files', args: ['templates'], dir: 'basic', code: 1, stdout: ['templates/broken.sms', 'templates/curly.sms'] },
  { name: 'a glob', args: ['templates/c*.sms'], dir: 'basic', code: 0, stdout: ['templates/curly.sms'], notStdout: ['broken'] },
  { name: 'a glob that matches nothing says so', args: ['nothing/**/*.sms'], dir: 'basic', code: 0, stderr: ['No files match "nothing/**/*.sms"'] },
  { name: 'a named file that does not exist exits 2', args: ['missing.sms'], dir: 'basic', code: 2, stderr: ['smslint: missing.sms: no such file or directory.'] },
  {
    name: 'a config error exits 2 naming file, line, column and key', args: [], dir: 'badconfig', code: 2, stdout: [],
    stderr: [/smslint: config error: \.smslintrc\.json:3:3: campain: .*Did you mean "campaign"\?/],
  },
  { name: '--config with a missing file exits 2', args: ['--config', 'nope.json'], dir: 'basic', code: 2, stderr: [/config error: nope\.json.*Cannot read the config file/] },
  { name: 'an unknown option exits 2 with a suggestion', args: ['--qiet'], dir: 'basic', code: 2, stderr: ['Unknown option --qiet. Did you mean --quiet?'] },
  { name: 'an unknown format exits 2', args: ['--format', 'xml'], dir: 'basic', code: 2, stderr: ['Unknown --format "xml"; use one of stylish, json, sarif, github.'] },
  { name: 'a bad --max-warnings exits 2', args: ['--max-warnings', 'lots'], dir: 'basic', code: 2, stderr: ['--max-warnings takes a whole number'] },
  { name: 'an unknown --profile exits 2', args: ['--profile', 'acme'], dir: 'basic', code: 2, stderr: ['--profile:'] },
  { name: 'a binary file is skipped with a warning line', args: [], dir: 'binary', code: 0, stdout: ['no problems in 1 file'], stderr: ['smslint: blob.sms: skipped: binary file (it contains NUL bytes).'] },
  { name: 'a segment limit from config is an error', args: [], dir: 'limits', code: 1, stdout: ['segment-limit', 'over the limit of 1'] },
  { name: '--version', args: ['--version'], dir: 'basic', code: 0, stdout: [`${VERSION}\n`], stderr: '' },
  { name: '--help', args: ['--help'], dir: 'basic', code: 0, stdout: ['Usage: smslint', '--max-warnings', 'Exit codes: 0'], stderr: '' },
  { name: '--list-rules', args: ['--list-rules'], dir: 'basic', code: 0, stdout: [...RULE_IDS, 'malformed-template'] },
  { name: 'github annotations', args: ['-f', 'github'], dir: 'basic', code: 1, stdout: ['::error file=templates/broken.sms,line=1,col=4,endLine=1,endColumn=6,title=smslint (malformed-template)::'] },
  { name: '--profile and --recipients reprice the campaign', args: ['--profile', 'textspot', '--recipients', '1653', 'templates/clean.sms'], dir: 'basic', code: 0, stdout: ['campaign cost 1,653 credits'] },
];

describe('smslint CLI', function () {
  this.timeout(30_000);
  before(() => assert.ok(existsSync(BIN) && existsSync(resolve('dist/cli.js')), 'build first: node esbuild.mjs'));

  describe('cases, in-process and through the bin', () => {
    for (const c of CASES) {
      it(c.name, async () => {
        const r = await both(c.args, join(FIXTURES, c.dir));
        assert.equal(r.code, c.code, `exit code; stderr: ${r.stderr}`);
        for (const s of c.stdout ?? []) {
          if (typeof s === 'string') assert.ok(r.stdout.includes(s), `stdout lacks ${JSON.stringify(s)}:\n${r.stdout}`);
          else assert.match(r.stdout, s);
        }
        if (c.stdout && c.stdout.length === 0) assert.equal(r.stdout, '');
        for (const s of c.notStdout ?? []) assert.ok(!r.stdout.includes(s), `stdout has ${JSON.stringify(s)}`);
        if (c.stderr === '') assert.equal(r.stderr, '');
        else {
          for (const s of c.stderr ?? []) {
            if (typeof s === 'string') assert.ok(r.stderr.includes(s), `stderr lacks ${JSON.stringify(s)}:\n${r.stderr}`);
            else assert.match(r.stderr, s);
          }
        }
      });
    }
  });

  describe('formats', () => {
    const cwd = join(FIXTURES, 'basic');
    it('stylish snapshot, no colour off a terminal', async () => {
      const r = await both([], cwd);
      assert.ok(!r.stdout.includes('\u001b['));
      snapshot('basic.stylish.txt', r.stdout);
    });
    it('--color forces ANSI colours; --no-color wins over it', async () => {
      assert.ok((await inProcess(['--color'], cwd)).stdout.includes('\u001b[31m'));
      assert.ok(!(await inProcess(['--color', '--no-color'], cwd)).stdout.includes('\u001b['));
    });
    it('github snapshot', async () => snapshot('basic.github.txt', (await both(['-f', 'github'], cwd)).stdout));
    it('json: documented shape, 1-based positions, offsets, bodies with figures and cost', async () => {
      const r = await both(['-f', 'json'], cwd);
      snapshot('basic.json', r.stdout);
      const report = JSON.parse(r.stdout);
      assert.equal(report.version, 1);
      assert.deepEqual(report.files.map((f: { path: string }) => f.path), ['templates/broken.sms', 'templates/clean.sms', 'templates/curly.sms']);
      const curly = report.files[2];
      const f = curly.findings[0];
      // "Hi {{name}}, we’ve": the apostrophe is the 16th character of line 1, offset 15.
      assert.deepEqual([f.ruleId, f.line, f.column, f.endLine, f.endColumn, f.offset, f.endOffset], ['non-gsm-char', 1, 16, 1, 17, 15, 16]);
      assert.equal(f.fixes[0].edits[0].text, "'");
      assert.deepEqual(curly.bodies[0].figures.encoding, { best: 'UCS-2', worst: 'UCS-2' });
      assert.equal(curly.bodies[0].cost.perRecipient, '$0.01');
      assert.deepEqual(report.summary, { files: 3, skipped: 0, errors: 1, warnings: 1, infos: 0, fixableErrors: 0, fixableWarnings: 1 });
    });
    it('sarif validates against the official SARIF 2.1.0 schema', async () => {
      const r = await both(['-f', 'sarif'], cwd);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed SARIF log, checked by the schema above
      const log: any = JSON.parse(r.stdout);
      // The OASIS schema is draft-04: its only draft-04-only keyword is the top-level "id".
      const schema = JSON.parse(readFileSync(join(FIXTURES, 'sarif-schema-2.1.0.json'), 'utf8'));
      delete schema.$schema;
      schema.$id = schema.id;
      delete schema.id;
      const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
      const validate = ajv.compile(schema);
      assert.ok(validate(JSON.parse(r.stdout)), JSON.stringify(validate.errors, null, 2));
      const run = log.runs[0];
      const rules = run.tool.driver.rules as { id: string; helpUri: string }[];
      for (const id of RULE_IDS) assert.ok(rules.some((x) => x.id === id && x.helpUri.endsWith(`docs/rules/${id}.md`)), id);
      const curly = run.results.find((x: { ruleId: string }) => x.ruleId === 'non-gsm-char');
      assert.equal(curly.level, 'warning');
      assert.equal(rules[curly.ruleIndex]!.id, 'non-gsm-char');
      assert.deepEqual(curly.locations[0].physicalLocation.artifactLocation, { uri: 'templates/curly.sms', uriBaseId: '%SRCROOT%' });
      assert.deepEqual(curly.locations[0].physicalLocation.region, { startLine: 1, startColumn: 16, endLine: 1, endColumn: 17, charOffset: 15, charLength: 1 });
      assert.equal(curly.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, "'");
      const broken = run.results.find((x: { ruleId: string }) => x.ruleId === 'malformed-template');
      assert.equal(broken.level, 'error');
    });
    it('a schema violation is caught (the validation can fail)', () => {
      const schema = JSON.parse(readFileSync(join(FIXTURES, 'sarif-schema-2.1.0.json'), 'utf8'));
      delete schema.$schema;
      schema.$id = schema.id;
      delete schema.id;
      const validate = new Ajv({ strict: false, validateFormats: false }).compile(schema);
      assert.equal(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ level: 'fatal', message: { text: 'x' } }] }] }), false);
    });
  });

  describe('pure pieces', () => {
    it('github escapes % CR LF in messages, and also : and , in properties', () => {
      const span = { offset: 0, endOffset: 1, line: 1, column: 1, endLine: 1, endColumn: 2 };
      const run: RunReport = {
        cwd: '/r', version: '0', rules: [],
        files: [{ path: 'a,b:c%.sms', absolutePath: '/r/a,b:c%.sms', bodies: [], skipped: undefined, fixed: 0, diff: undefined,
          findings: [{ ...span, ruleId: 'x', severity: 'info', message: '50% off\r\nnow: a, b', fixes: [], docsUrl: undefined, data: undefined }] }],
      };
      assert.equal(github(run), '::notice file=a%2Cb%3Ac%25.sms,line=1,col=1,endLine=1,endColumn=2,title=smslint (x)::50%25 off%0D%0Anow: a, b\n');
    });
    it('the progress bar draws on a terminal for long runs only, and clears its line', () => {
      let out = '';
      let t = 0;
      const tty = { write: (s: string) => void (out += s), isTTY: true, columns: 80 };
      const long = progressBar(tty, 300, () => (t += 200), { force: undefined, ci: false });
      for (let i = 0; i < 300; i++) long.tick();
      long.done();
      assert.ok(out.includes('300/300 files') && out.endsWith('\r\u001b[2K'), JSON.stringify(out.slice(-80)));
      out = '';
      const ci = progressBar(tty, 300, () => (t += 200), { force: undefined, ci: true });
      const pipe = progressBar({ ...tty, isTTY: false }, 300, () => (t += 200), { force: undefined, ci: false });
      const short = progressBar(tty, 5, () => 0, { force: undefined, ci: false });
      for (const p of [ci, pipe, short]) {
        for (let i = 0; i < 5; i++) p.tick();
        p.done();
      }
      assert.equal(out, '');
    });
  });

  describe('--fix', () => {
    const BOM_CRLF = Buffer.from('\ufeffHello there,\r\nwe’re open — come by.\r\nBye\r\n', 'utf8');
    const FIXED_BOM_CRLF = Buffer.from("\ufeffHello there,\r\nwe're open - come by.\r\nBye\r\n", 'utf8');
    it('fixture bytes are what the tests assume', () => {
      assert.deepEqual(readFileSync(join(FIXTURES, 'crlf-bom/bom-crlf.sms')), BOM_CRLF);
    });
    it('keeps BOM and CRLF byte for byte, keeps the mode, leaves no temp file, and is idempotent', async () => {
      const dir = tempCopy('crlf-bom');
      try {
        chmodSync(join(dir, 'crlf.sms'), 0o640);
        const first = runBin(['--fix'], dir);
        assert.equal(first.code, 0, first.stderr);
        assert.ok(first.stdout.includes('✔ no problems in 2 files'), first.stdout);
        assert.deepEqual(readFileSync(join(dir, 'bom-crlf.sms')), FIXED_BOM_CRLF);
        assert.deepEqual(readFileSync(join(dir, 'crlf.sms')), Buffer.from("Line one\r\nit's line two\r\n"));
        assert.equal(statSync(join(dir, 'crlf.sms')).mode & 0o777, 0o640);
        assert.deepEqual(readdirSync(dir).sort(), ['bom-crlf.sms', 'crlf.sms']);
        const before = readdirSync(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs, readFileSync(join(dir, f))]);
        const second = await inProcess(['--fix'], dir);
        assert.equal(second.code, 0);
        assert.deepEqual(readdirSync(dir).map((f) => [f, statSync(join(dir, f)).mtimeMs, readFileSync(join(dir, f))]), before, 'a second --fix writes nothing');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
    it('never writes a template that does not parse, and reports what is left', async () => {
      const dir = tempCopy('basic');
      try {
        const broken = readFileSync(join(dir, 'templates/broken.sms'));
        const r = await inProcess(['--fix'], dir);
        assert.equal(r.code, 1);
        assert.deepEqual(readFileSync(join(dir, 'templates/broken.sms')), broken);
        assert.equal(readFileSync(join(dir, 'templates/curly.sms'), 'utf8'), "Hi {{name}}, we've got your order.\n");
        assert.ok(r.stdout.includes('malformed-template') && !r.stdout.includes('non-gsm-char'), r.stdout);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
    it('--fix-dry-run prints a diff and writes nothing', async () => {
      const dir = tempCopy('crlf-bom');
      try {
        const r = await both(['--fix-dry-run', 'crlf.sms'], dir);
        assert.ok(r.stdout.startsWith('--- a/crlf.sms\n+++ b/crlf.sms\n@@ -1,2 +1,2 @@\n Line one\r\n-it’s line two\r\n+it\'s line two\r\n'), r.stdout);
        assert.deepEqual(readFileSync(join(dir, 'crlf.sms')), readFileSync(join(FIXTURES, 'crlf-bom/crlf.sms')));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('--stdin', () => {
    it('lints standard input as the named path', async () => {
      const r = await both(['--stdin', '--stdin-filename', 'templates/x.sms'], join(FIXTURES, 'basic'), 'It’s here\n');
      assert.equal(r.code, 0);
      assert.ok(r.stdout.includes('templates/x.sms') && r.stdout.includes('1:3  warning'), r.stdout);
    });
    it('--fix prints the fixed text, BOM included, and the rest on stderr', async () => {
      const r = await both(['--stdin', '--fix', '--stdin-filename', 'a.sms'], join(FIXTURES, 'basic'), '\ufeffIt’s {{name}\n');
      assert.equal(r.stdout, '\ufeffIt’s {{name}\n', 'a template that does not parse is printed unchanged');
      assert.equal(r.code, 1);
      const ok = await both(['--stdin', '--fix', '--stdin-filename', 'a.sms'], join(FIXTURES, 'basic'), '\ufeffIt’s here\r\n');
      assert.equal(ok.stdout, "\ufeffIt's here\r\n");
      assert.equal(ok.code, 0);
    });
    it('the path decides the kind of file: a locale file under locales/', async () => {
      const r = await both(['--stdin', '--stdin-filename', 'locales/en.json', '-f', 'json'], join(FIXTURES, 'basic'), '{ "sms": { "hi": "Hi — there" } }');
      const f = JSON.parse(r.stdout).files[0];
      assert.equal(f.path, 'locales/en.json');
      assert.equal(f.findings[0].column, 22);
    });
  });

  describe('cost', () => {
    const cwd = join(FIXTURES, 'basic');
    it('table: one row per body, most expensive first, with a total', async () => {
      const r = await both(['cost', '--recipients', '100'], cwd);
      assert.equal(r.code, 0);
      const lines = r.stdout.trimEnd().split('\n');
      assert.match(lines[0]!, /^body\s+profile\s+encoding\s+segments\s+per recipient\s+recipients\s+campaign\s+plan impact$/);
      assert.equal(lines.length, 2 + 3 + 2);
      assert.match(lines.at(-1)!, /^total \(3 bodies\)\s+\$3\.00$/);
    });
    it('json and csv', async () => {
      const j = JSON.parse((await both(['cost', '-f', 'json', '--profile', 'textspot', '--recipients', '1653'], cwd)).stdout);
      assert.equal(j.rows.length, 3);
      assert.deepEqual(j.totals, [{ unit: 'credits', best: '4959', worst: '4959', text: '4,959 credits' }]);
      const csv = (await both(['cost', '-f', 'csv'], cwd)).stdout.split('\r\n');
      assert.equal(csv[0], 'file,line,column,profile,encoding,segments,perRecipient,recipients,campaign,planImpact,error');
      assert.equal(csv.length, 1 + 3 + 1);
    });
  });

  describe('budget', () => {
    const cwd = join(FIXTURES, 'budget');
    it('forecasts per cycle: rollover, overage and charges', async () => {
      const r = await both(['budget', 'forecast.yaml'], cwd);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^2\s+2025-02-01 – 2025-03-01\s+textspot-1000\s+600\s+1,000\s+2,200\s+600\s+0\s+0\s+0\s+\$79\.00$/m);
      assert.ok(r.stdout.includes('600 credits over the allowance at $0.05'), r.stdout);
      assert.ok(r.stdout.includes('Total charged: $177.00'), r.stdout);
      const j = JSON.parse((await both(['budget', '-f', 'json', 'forecast.yaml'], cwd)).stdout);
      assert.deepEqual(j.cycles.map((c: { sent: number; overage: number }) => [c.sent, c.overage]), [[400, 0], [2200, 600], [400, 0]]);
      assert.deepEqual(j.charged, { micros: 177_000_000, text: '$177.00' });
    });
    it('a bad forecast file exits 2 with the key', async () => {
      const r = await both(['budget', 'bad-date.yaml'], cwd);
      assert.equal(r.code, 2);
      assert.equal(r.stderr, 'smslint: bad-date.yaml: start: the first billing date, as YYYY-MM-DD.\n');
    });
    it('budget needs exactly one file', async () => {
      assert.equal((await both(['budget'], cwd)).code, 2);
    });
  });
});
