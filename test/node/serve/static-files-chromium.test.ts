/**
 * The page's files as Chromium gets them from the real `headcount serve`: the first load fetches
 * the page without the chart's code, a reload revalidates what the browser kept (304s), and the
 * chart's code arrives once the person starts towards a room, under the page's CSP.
 */
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../../main/simulator';
import { launchChromium } from '../../support/chromium';
import { simulatorEnv } from '../../support/cli';
import { type ServeRun, startServe } from './serve-run';

let sim: RunningSimulator;
let run: ServeRun;
let browser: Browser;

beforeAll(async () => {
  sim = await startSimulator({
    rooms: [{ groupId: '@TGS#aLive', audience: { kind: 'fixed', online: 1234 } }],
  });
  const env = simulatorEnv(sim);
  writeFileSync(
    env.HEADCOUNT_CONFIG as string,
    JSON.stringify({ rooms: { '@TGS#aLive': { label: 'Launch Day' } } }),
  );
  run = await startServe(['@TGS#aLive', '--interval', '1'], env);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  const result = await run?.stop();
  await sim?.close();
  expect(result?.code).toBe(0);
});

/** The status of each answer for one of the page's files, by file name, in the order they came. */
function pageFileAnswers(page: Page): Map<string, number[]> {
  const answers = new Map<string, number[]>();
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.startsWith('/api/')) return;
    const name = path === '/' ? 'index.html' : path.slice(1);
    answers.set(name, [...(answers.get(name) ?? []), response.status()]);
  });
  return answers;
}

describe("the page's files in Chromium", () => {
  it('leave the chart out of the first load, revalidate on reload, and bring it for a room', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 420, height: 560 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      // The page's <meta> CSP repeats frame-ancestors, which only the header (sent too) can carry.
      if (message.type() === 'error' && !message.text().includes("'frame-ancestors' is ignored"))
        problems.push(message.text());
    });
    const answers = pageFileAnswers(page);

    await page.goto(run.link);
    await page.getByText('1,234').first().waitFor();
    expect(answers.get('popover.js')).toEqual([200]);
    expect(answers.get('popover.css')).toEqual([200]);
    expect(answers.has('room-chart.js')).toBe(false);

    await page.reload();
    await page.getByText('1,234').first().waitFor();
    expect(answers.get('popover.js')).toEqual([200, 304]);
    expect(answers.get('popover.css')).toEqual([200, 304]);
    expect(answers.has('room-chart.js')).toBe(false);

    // The first touch on the way to a room starts loading the chart; the view then draws it.
    const chartLoaded = page.waitForResponse((response) => response.url().endsWith('/room-chart.js'));
    await page.getByRole('button', { name: 'Launch Day', exact: true }).click();
    expect((await chartLoaded).status()).toBe(200);
    await page.getByRole('button', { name: 'Chart and details' }).click();
    await page.locator('.room-view .uplot canvas').waitFor();
    expect(answers.get('room-chart.js')).toEqual([200]);
    // A CSP violation or a failed load shows up here.
    expect(problems).toEqual([]);
    await context.close();
  });
});
