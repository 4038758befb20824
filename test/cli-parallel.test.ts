// Long runs lint in worker threads (server/src/cli/pool.ts): whatever the threads, the built bin
// must print byte-for-byte what the in-process run prints, in every format, and exit the same.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBin } from './helpers/bin';

function run(args: readonly string[], cwd: string, workers: number) {
  return runBin(args, cwd, { SMSLINT_WORKERS: String(workers) });
}

// Every kind of outcome a file can have, spread over folders with their own configs.
function tree(): string {
  const root = mkdtempSync(join(tmpdir(), 'smslint-parallel-'));
  const bodies = [
    'Hi {{name}}, your order {{id}} has shipped.',
    'We’ve received your payment — thank you!',
    'Plain GSM text with no problem at all.',
    'Broken {{#if x}} never closed',
    'Café ™ ½ “quoted” 😀 and a\u00a0non-breaking space',
    '{{name}}: '.repeat(30),
    '<!-- smslint-disable-next-line non-gsm-char -->\nDisabled ’ here',
    'smslint-disable-line bogus-rule',
  ];
  mkdirSync(join(root, 'a', 'deep', 'er'), { recursive: true });
  mkdirSync(join(root, 'b'), { recursive: true });
  writeFileSync(join(root, 'b', '.smslintrc.json'), JSON.stringify({ limits: { maxSegments: 1 }, campaign: { recipients: 1000 } }));
  for (let i = 0; i < 90; i++) {
    const dir = join(root, ['a', 'b', join('a', 'deep', 'er')][i % 3]!);
    const text = `${bodies[i % bodies.length]} #${i}` + (i % 7 === 0 ? '\r\n' : '\n');
    writeFileSync(join(dir, `t${String(i).padStart(3, '0')}.sms`), i % 11 === 0 ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) : text);
  }
  writeFileSync(join(root, 'a', 'binary.sms'), Buffer.from([0x48, 0x00, 0x69]));
  writeFileSync(join(root, 'a', 'latin1.sms'), Buffer.from([0x43, 0x61, 0x66, 0xe9]));
  return root;
}

describe('CLI in worker threads', function () {
  this.timeout(60_000);
  let root: string;
  before(() => {
    root = tree();
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  for (const args of [[], ['--format', 'json'], ['--format', 'sarif'], ['--format', 'github'], ['--fix-dry-run'], ['--quiet', '--max-warnings', '3'], ['a', 'b/t001.sms']]) {
    it(`smslint ${args.join(' ') || '(no args)'}: the same bytes and exit code with 2 workers as in process`, () => {
      const inProcess = run(args, root, 0);
      assert.ok(inProcess.stdout.length > 0, 'the run printed something');
      const parallel = run(args, root, 2);
      assert.deepEqual(parallel, inProcess);
    });
  }

  it('--fix in workers rewrites the same files the same way', () => {
    const a = tree();
    const b = tree();
    try {
      const one = run(['--fix'], a, 0);
      const two = run(['--fix'], b, 2);
      assert.deepEqual(two, one);
      const after = (dir: string) => run(['--format', 'json'], dir, 0).stdout.replaceAll(dir, '<root>');
      assert.equal(after(b), after(a));
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });
});
