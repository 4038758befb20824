// Renders client/media/icon.svg to the 128×128 PNG the marketplace wants (it refuses SVG icons),
// with the headless Chromium the end-to-end test uses. Run it after editing the SVG; the PNG is
// committed, so packaging never needs a browser.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync('client/media/icon.svg', 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: 'client/media/icon.png', omitBackground: true });
  console.log('wrote client/media/icon.png');
} finally {
  await browser.close();
}
