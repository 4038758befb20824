// smslint/costReport against the real server: a Markdown cost table of every SMS body under a
// workspace folder, the same rows and total as `smslint cost` on that folder.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LspClient, uriOf } from './helpers/lspClient';

const BIN = resolve(__dirname, '../../bin/smslint.js');
const COST_REPORT = 'smslint/costReport';

function write(root: string, rel: string, text: string): string {
  const p = join(root, rel);
  mkdirSync(join(p, '..'), { recursive: true });
  writeFileSync(p, text);
  return p;
}

/** quo bills $0.01 a segment: with 100 recipients a 1-segment body costs $1.00, a 2-segment one $2.00. */
function fixture(): string {
  const root = mkdtempSync(join(tmpdir(), 'smslint-cost-'));
  write(root, '.git/HEAD', 'ref: refs/heads/main\n');
  write(root, '.smslintrc.json', JSON.stringify({ profile: 'quo', campaign: { recipients: 100 }, ignore: ['drafts/**'] }));
  write(root, 'templates/hello.sms', 'Hi there');
  write(root, 'templates/curly.sms', 'Hi “you”');
  write(root, 'templates/long.sms', 'x'.repeat(200)); // GSM-7, 2 segments
  write(root, 'src/notify.ts', 'import { sendSms } from "./sms";\n\nsendSms("Your code is 123456");\n');
  write(root, 'node_modules/pkg/vendor.sms', 'never counted');
  write(root, 'drafts/wip.sms', 'ignored by the config');
  return root;
}

interface Row {
  readonly body: string;
  readonly encoding: string;
  readonly segments: string;
  readonly perRecipient: string;
  readonly recipients: string;
  readonly campaign: string;
}

/** The table's body rows (not the total), cell by cell. */
function rows(markdown: string): Row[] {
  return markdown
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) => {
      const c = l.slice(2, -2).split(' | ');
      return { body: c[0]!.replaceAll('`', ''), encoding: c[2]!, segments: c[3]!, perRecipient: c[4]!, recipients: c[5]!, campaign: c[6]! };
    });
}

const totalOf = (markdown: string) => /^\| \*\*total \((\d+) bod(?:y|ies)\)\*\* \|.*\*\*(.+?)\*\* \| \|$/m.exec(markdown);

describe('language server: smslint/costReport', function () {
  this.timeout(20_000);
  let root: string;
  let other: string;
  let client: LspClient;

  before(async () => {
    root = fixture();
    other = mkdtempSync(join(tmpdir(), 'smslint-cost-other-'));
    write(other, '.git/HEAD', 'ref: refs/heads/main\n');
    write(other, 'welcome.sms', 'Welcome aboard');
    client = await LspClient.start({ folders: [root, other] });
  });
  after(async () => {
    await client?.shutdown().catch(() => undefined);
    for (const d of [root, other]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it('one folder (as the VS Code client sends it): a row per body, most expensive first, and the total', async () => {
    const md = await client.conn.sendRequest<string | null>(COST_REPORT, { workspaceFolder: { uri: uriOf(root), name: 'root' } });
    assert.ok(md, 'no report');
    assert.deepEqual(rows(md), [
      { body: 'templates/long.sms:1', encoding: 'GSM-7', segments: '2', perRecipient: '$0.02', recipients: '100', campaign: '$2.00' },
      { body: 'src/notify.ts:3', encoding: 'GSM-7', segments: '1', perRecipient: '$0.01', recipients: '100', campaign: '$1.00' },
      { body: 'templates/curly.sms:1', encoding: 'UCS-2', segments: '1', perRecipient: '$0.01', recipients: '100', campaign: '$1.00' },
      { body: 'templates/hello.sms:1', encoding: 'GSM-7', segments: '1', perRecipient: '$0.01', recipients: '100', campaign: '$1.00' },
    ]);
    const total = totalOf(md);
    assert.ok(total, md);
    assert.deepEqual([total[1], total[2]], ['4', '$5.00']);
    assert.doesNotMatch(md, /vendor\.sms|wip\.sms/);
  });

  it('the same rows and total as `smslint cost` in that folder', async function () {
    const cli = spawnSync(process.execPath, [BIN, 'cost', '-f', 'json'], { cwd: root, encoding: 'utf8' });
    if (cli.error || cli.status === null) return this.skip(); // the CLI is not built
    const want = JSON.parse(cli.stdout) as { rows: { file: string; line: number; segments: string; campaign: string }[]; totals: { text: string }[] };
    const md = (await client.conn.sendRequest<string>(COST_REPORT, { workspaceFolder: uriOf(root) }))!;
    assert.deepEqual(
      rows(md).map((r) => [r.body, r.segments, r.campaign]),
      want.rows.map((r) => [`${r.file}:${r.line}`, r.segments, r.campaign]),
    );
    assert.equal(totalOf(md)![2], want.totals.map((t) => t.text).join(' + '));
  });

  it('an open document counts with its unsaved text', async () => {
    const uri = client.open(join(root, 'templates/hello.sms'), `Hi “there” ${'y'.repeat(70)}`); // UCS-2, 2 segments
    try {
      const md = (await client.conn.sendRequest<string>(COST_REPORT, { workspaceFolder: uriOf(root) }))!;
      const hello = rows(md).find((r) => r.body === 'templates/hello.sms:1');
      assert.deepEqual([hello?.encoding, hello?.segments, hello?.campaign], ['UCS-2', '2', '$2.00']);
      assert.equal(totalOf(md)![2], '$6.00');
    } finally {
      client.close(uri);
    }
  });

  it('no folder: every workspace folder, rows under each folder name', async () => {
    const md = (await client.conn.sendRequest<string>(COST_REPORT, { workspaceFolder: null }))!;
    const bodies = rows(md).map((r) => r.body);
    assert.equal(bodies.length, 5);
    assert.ok(bodies.includes(`${other.split('/').pop()}/welcome.sms:1`), bodies.join(', '));
    assert.ok(bodies.includes(`${root.split('/').pop()}/templates/long.sms:1`), bodies.join(', '));
  });

  it('a folder without SMS bodies: null; a workspaceFolder that is not a file URI: InvalidParams', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'smslint-cost-empty-'));
    try {
      assert.equal(await client.conn.sendRequest(COST_REPORT, { workspaceFolder: uriOf(empty) }), null);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    await assert.rejects(client.conn.sendRequest(COST_REPORT, { workspaceFolder: 42 }), (e: { code?: number }) => e.code === -32602);
  });
});
