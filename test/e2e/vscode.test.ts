// End to end, as a user meets it: the packaged .vsix installed in a real VS Code (code-server
// 1.100), opened in headless Chromium. Every wait is on a DOM condition with a deadline.
// Screenshots go to .e2e/output/ (one per step, and one of any failure).
import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumPath, ensureCodeServer, scratchDir, startCodeServer, type RunningCodeServer } from './codeServer';
import { outputDir, packagedVsix, root } from './vsix';

const BROWSER_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
/** Diagnostics wait for the workbench, the extension host, the server and a lint. */
const SLOW = 90_000;
const SQUIGGLE = '.monaco-editor .view-overlays .squiggly-error, .monaco-editor .view-overlays .squiggly-warning, .monaco-editor .view-overlays .squiggly-info';
const FIGURES = /\d+(?:–\d+)? seg · (?:GSM-7|UCS-2)/;

describe('smslint in VS Code (code-server, end to end)', function () {
  this.timeout(20 * 60_000);
  // The steps build on each other (and each waits up to 90 s): stop at the first failure.
  this.bail(true);
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let scratch: string;

  before(async function () {
    const install = await ensureCodeServer();
    if (!install.ok) {
      if (install.offline) {
        console.warn(
          `\n${'!'.repeat(100)}\n  END-TO-END TEST SKIPPED: code-server cannot be installed (the npm registry is unreachable).\n` +
            `  Nothing about the extension in a real VS Code was checked.\n${'!'.repeat(100)}\n${install.log.slice(-2000)}\n`,
        );
        this.skip();
      }
      throw new Error(`installing code-server failed (the registry is reachable, so this is a real failure):\n${install.log}`);
    }
    mkdirSync(outputDir, { recursive: true });
    for (const f of readdirSync(outputDir)) if (f.endsWith('.png')) rmSync(join(outputDir, f)); // this run's only
    scratch = scratchDir();
    const workspace = join(scratch, 'workspace');
    cpSync(join(root, 'test/e2e/fixtures/workspace'), workspace, { recursive: true });
    server = await startCodeServer(await packagedVsix(), scratch);
    browser = await chromium.launch({ executablePath: await chromiumPath(), args: BROWSER_FLAGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench .part.editor').waitFor({ timeout: SLOW });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && browser) {
      const name = `failure-${this.currentTest.title.replace(/\W+/g, '-')}.png`;
      await page.screenshot({ path: join(outputDir, name) }).catch(() => undefined);
      console.warn(`  screenshot: ${join(outputDir, name)}\n  code-server log (tail):\n${server?.log().slice(-3000)}`);
    }
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  async function openFile(name: string): Promise<void> {
    await page.keyboard.press('Escape'); // whatever widget a previous step left open
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: SLOW });
    await input.fill(name);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: SLOW });
    await page.keyboard.press('Enter');
    await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).waitFor({ timeout: SLOW });
  }

  /** The visible text of the active editor (Monaco renders spaces as U+00A0). */
  async function editorText(): Promise<string> {
    const text = await page.locator('.editor-group-container.active .monaco-editor .view-lines').innerText();
    return text.replace(/\u00a0/g, ' ');
  }

  async function squiggleBox(): Promise<{ x: number; y: number; width: number; height: number }> {
    // Monaco re-renders overlays on every cursor move, so a found element can be replaced before
    // it is measured: measure until one holds still long enough.
    const deadline = Date.now() + SLOW;
    for (;;) {
      const squiggle = page.locator(SQUIGGLE).first();
      await squiggle.waitFor({ state: 'visible', timeout: Math.max(1, deadline - Date.now()) });
      const box = await squiggle.boundingBox().catch(() => null);
      if (box && box.width > 0) return box;
      assert.ok(Date.now() < deadline, 'the squiggle has a box on screen');
    }
  }

  it('underlines the curly apostrophe in a .sms template', async () => {
    await openFile('welcome.sms');
    const box = await squiggleBox();
    await page.screenshot({ path: join(outputDir, 'sms-squiggle.png') });
    assert.ok(box.width > 0);
    // The squiggle sits under ’: put the cursor there and the word under it holds the quote.
    const text = await editorText();
    assert.ok(text.includes('Lucia’s'), `fixture text shown: ${text}`);
  });

  it('lists the finding in the Problems view with source smslint', async () => {
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'smslint' }).first();
    await row.waitFor({ timeout: SLOW });
    await page.screenshot({ path: join(outputDir, 'problems.png') });
    await page.keyboard.press('Control+Shift+M'); // closes the panel again
    await page.locator('.markers-panel').waitFor({ state: 'hidden', timeout: SLOW });
  });

  it('shows the hover with segments and cost over the squiggle', async () => {
    const box = await squiggleBox();
    // The text layer sits above the overlay, so hover by coordinates, not by element.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    // The character's hover (not the body's, which shows first if the mouse lands beside it).
    const hover = page.locator('.monaco-hover', { hasText: /U\+2019/ }).first();
    await hover.waitFor({ state: 'visible', timeout: SLOW });
    const text = await hover.innerText();
    assert.match(text, /U\+2019|’/, `the hover names the character: ${text}`);
    assert.match(text, /seg/i);
    assert.match(text, /\$|credit/i, `the hover states a cost: ${text}`);
    await page.screenshot({ path: join(outputDir, 'hover.png') });
    // The editor with the hover: the README's picture (client/media/screenshot.png is a copy).
    await page.screenshot({ path: join(outputDir, 'readme-hover.png'), clip: { x: 348, y: 34, width: 932, height: 340 } });
    await page.mouse.move(5, 400);
  });

  it("shows the figures of the body under the cursor in the status bar", async () => {
    const box = await squiggleBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const item = page.locator('.statusbar-item', { hasText: FIGURES }).first();
    await item.waitFor({ timeout: SLOW });
    // ~100 characters: one GSM-7 segment, but two in UCS-2.
    assert.match(await item.innerText(), /\b2 seg · UCS-2 · \$0\.02\/recipient/);
  });

  it('shows the inlay hint after the body', async () => {
    // Inlay hints are injected text in the line's DOM (with U+00A0 for spaces, which \s matches).
    await page
      .locator('.editor-group-container.active .monaco-editor .view-lines', { hasText: /\b2\sseg\s·\sUCS-2/ })
      .waitFor({ timeout: SLOW });
  });

  it('applies the quick fix, and the squiggle goes away', async () => {
    const box = await squiggleBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row.action', { hasText: /replace/i }).first();
    await fix.waitFor({ timeout: SLOW });
    await page.screenshot({ path: join(outputDir, 'quick-fix.png') });
    // The menu sits under a pointer-blocking layer: choose with the keyboard, as users do.
    const rows = page.locator('.action-widget .monaco-list-row.action');
    const target = await fix.getAttribute('aria-label');
    for (let i = 0; i < (await rows.count()); i++) {
      if ((await page.locator('.action-widget .monaco-list-row.action.focused').getAttribute('aria-label')) === target) break;
      await page.keyboard.press('ArrowDown');
    }
    assert.equal(await page.locator('.action-widget .monaco-list-row.action.focused').getAttribute('aria-label'), target);
    await page.keyboard.press('Enter');
    await page.locator(SQUIGGLE).first().waitFor({ state: 'detached', timeout: SLOW });
    const text = await editorText();
    assert.ok(!text.includes('’'), `the curly quote is gone: ${text}`);
    assert.ok(text.includes("Lucia's"), `replaced by the GSM apostrophe: ${text}`);
    // The status item follows: one GSM-7 segment now, half the price.
    await page.locator('.statusbar-item', { hasText: /\b1 seg · GSM-7 · \$0\.01\/recipient/ }).first().waitFor({ timeout: SLOW });
  });

  it('underlines the curly apostrophe in a TS string sent with sendSms()', async () => {
    await openFile('send.ts');
    await squiggleBox();
    await page.screenshot({ path: join(outputDir, 'ts-squiggle.png') });
  });
});
