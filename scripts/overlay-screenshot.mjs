// Draws the README's picture of the OBS overlay: the built `headcount serve --demo` with an overlay
// token, its dashboard in Debian's Chromium, a room's "OBS overlay" section with a goal set, cut to
// the preview and the first fields. Writes docs/overlay-room-view.png. Run after `npm run build`:
// `node scripts/overlay-screenshot.mjs` (CHROMIUM=/path/to/chromium for another browser).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright-core';

const OUT = 'docs/overlay-room-view.png';
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('HEADCOUNT_')));
const serve = spawn(process.execPath, ['dist/headcount.js', 'serve', '--demo', '--port', '0'], {
  env: {
    ...env,
    HEADCOUNT_CONFIG: join(mkdtempSync(join(tmpdir(), 'headcount-shot-')), 'config.json'),
    HEADCOUNT_OVERLAY_TOKEN: 'readme-overlay-token-0123',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const link = await new Promise((resolve, reject) => {
  createInterface({ input: serve.stdout }).on('line', (line) => {
    if (line.startsWith('Dashboard: ')) resolve(line.slice('Dashboard: '.length));
  });
  serve.once('exit', (code) => reject(new Error(`headcount serve exited with ${code}`)));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  const context = await browser.newContext({
    viewport: { width: 420, height: 900 },
    locale: 'en-US',
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await page.goto(link);
  const row = page.locator('.room').first();
  await row.locator('.room-main').click();
  await row.locator('.detail-open').click();
  const section = page.locator('.overlay-section');
  await section.locator('.overlay-link').waitFor();
  await section.getByLabel('Goal (people)').fill('20000');
  await section.getByLabel('Size (px)').fill('56');
  const frame = page.frameLocator('.overlay-frame');
  await frame.locator('.goal-text').waitFor();
  await frame
    .locator('.count')
    .filter({ hasText: /^[\d,]+$/ })
    .waitFor();
  await section.getByLabel('Size (px)').blur();
  await section.scrollIntoViewIfNeeded();
  // The heading, the preview and the first two rows of the form: enough to recognise it in the app.
  const top = await section.boundingBox();
  const align = await section.locator('.overlay-grid .field').nth(3).boundingBox();
  if (!top || !align) throw new Error('the overlay section is not on screen');
  mkdirSync('docs', { recursive: true });
  await page.screenshot({
    path: OUT,
    clip: { x: top.x, y: top.y, width: top.width, height: align.y + align.height + 8 - top.y },
  });
  process.stdout.write(`${OUT}: ${statSync(OUT).size} bytes\n`);
} finally {
  await browser.close();
  serve.kill('SIGTERM');
}
