/**
 * The page's files as Chromium gets them from the real `headcount serve`: the first load fetches
 * the page without the chart's code and with its snapshot inside (no request for one), a reload
 * revalidates what the browser kept (304s) and takes the page itself whole again, and the chart's
 * code arrives once the person starts towards a room, under the page's CSP.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stage, startStage } from '../../e2e/support/stage';
import { watchProblems } from '../../support/chromium';

let stage: Stage;

beforeAll(async () => {
  stage = await startStage({
    transport: 'serve',
    rooms: [{ groupId: '@TGS#aLive', audience: { kind: 'fixed', online: 1234 } }],
    watched: ['@TGS#aLive'],
    settings: { rooms: { '@TGS#aLive': { label: 'Launch Day' } } },
  });
});
afterAll(async () => {
  expect(await stage?.stop()).toBe(0);
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
    const context = await stage.browser.newContext({
      locale: 'en-US',
      viewport: { width: 420, height: 560 },
    });
    const page = await context.newPage();
    const problems = watchProblems(page);
    const answers = pageFileAnswers(page);
    const snapshots: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/getSnapshot') snapshots.push(request.method());
    });

    await page.goto(stage.link);
    await page.getByText('1,234').first().waitFor();
    // The page brought its snapshot at the end of its body: no request asked for one.
    expect(snapshots).toEqual([]);
    expect(answers.get('popover.js')).toEqual([200]);
    expect(answers.get('popover.css')).toEqual([200]);
    expect(answers.has('room-chart.js')).toBe(false);

    await page.reload();
    await page.getByText('1,234').first().waitFor();
    expect(answers.get('popover.js')).toEqual([200, 304]);
    expect(answers.get('popover.css')).toEqual([200, 304]);
    expect(answers.get('index.html')).toEqual([200, 200]);
    expect(snapshots).toEqual([]);
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
