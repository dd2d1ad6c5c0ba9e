/**
 * The page's files as Chromium gets them from the real `headcount serve`: every load is one answer
 * with the page's script, stylesheet and snapshot inside (no request for any of them), run under the
 * page's CSP by their hashes, without the code of the views besides the rooms' and the chart's, which
 * arrive once the person starts towards one.
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

/** A page in a fresh context at about popover size, and what goes wrong in it. */
async function freshPage() {
  const context = await stage.browser.newContext({ locale: 'en-US', viewport: { width: 420, height: 560 } });
  const page = await context.newPage();
  return { context, page, problems: watchProblems(page) };
}

describe("the page's files in Chromium", () => {
  it('come inside the page at every load, leave the chart out, and bring it for a room', async () => {
    const { context, page, problems } = await freshPage();
    const answers = pageFileAnswers(page);
    const snapshots: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/getSnapshot') snapshots.push(request.method());
    });

    await page.goto(stage.link);
    await page.getByText('1,234').first().waitFor();
    // The page brought its script, stylesheet and snapshot: no request asked for any of them.
    expect(snapshots).toEqual([]);
    expect([...answers.keys()]).toEqual(['index.html']);
    // Styled by its own stylesheet (its spacing scale is set there alone).
    const space = "getComputedStyle(document.documentElement).getPropertyValue('--space-1').trim()";
    expect(await page.evaluate(space)).toBe('4px');

    await page.reload();
    await page.getByText('1,234').first().waitFor();
    expect([...answers.entries()]).toEqual([['index.html', [200, 200]]]);
    expect(snapshots).toEqual([]);
    expect(answers.has('room-chart.js')).toBe(false);
    expect(answers.has('views.js')).toBe(false);

    // The first touch on the way to a room starts loading the views and the chart; the view then draws it.
    const chartLoaded = page.waitForResponse((response) => response.url().endsWith('/room-chart.js'));
    await page.getByRole('button', { name: 'Launch Day', exact: true }).click();
    expect((await chartLoaded).status()).toBe(200);
    await page.getByRole('button', { name: 'Chart and details' }).click();
    await page.locator('.room-view .uplot canvas').waitFor();
    expect(answers.get('room-chart.js')).toEqual([200]);
    expect(answers.get('views.js')).toEqual([200]);
    // A CSP violation or a failed load shows up here.
    expect(problems).toEqual([]);
    await context.close();
  });

  it("says when a view's code cannot be loaded, and loads it at the next try", async () => {
    const { context, page, problems } = await freshPage();
    // The network fails for views.js alone (the server is fine).
    await page.route('**/views.js', (route) => route.abort('connectionfailed'));
    await page.goto(stage.link);
    await page.getByText('1,234').first().waitFor();

    const said = page.locator('.banners').getByText('Could not load this view: views.js could not be loaded');
    await page.getByRole('button', { name: 'Launch Day', exact: true }).click();
    await page.getByRole('button', { name: 'Chart and details' }).click();
    // Said where it is seen at once, in the banners over the rooms, which stay.
    await said.waitFor();
    expect(await page.getByText('1,234').first().isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Settings' }).click();
    await said.waitFor();

    await page.unroute('**/views.js');
    await page.getByRole('button', { name: 'Back to rooms' }).first().click();
    await page.getByRole('button', { name: 'Alert log' }).click();
    await page.locator('.alert-log').waitFor();
    // Loaded, it is no longer said.
    expect(await said.count()).toBe(0);
    // Chromium logs each failed load of views.js (the first touch's may serve the room's too); nothing else.
    expect(problems.length).toBeGreaterThan(0);
    expect(new Set(problems)).toEqual(new Set(['Failed to load resource: net::ERR_CONNECTION_FAILED']));
    await context.close();
  });

  it('shows no view whose code arrives after the person went elsewhere', async () => {
    const { context, page, problems } = await freshPage();
    // views.js is held on its way until the person has gone back to the rooms.
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const asked = new Promise<void>((resolve) => {
      void page.route('**/views.js', async (route) => {
        resolve();
        await released;
        await route.continue();
      });
    });
    await page.goto(stage.link);
    await page.getByText('1,234').first().waitFor();

    await page.getByRole('button', { name: 'Alert log' }).click();
    await asked;
    await page.getByRole('button', { name: 'Back to rooms' }).first().click();
    const loaded = page.waitForResponse((response) => response.url().endsWith('/views.js'));
    release();
    expect((await loaded).status()).toBe(200);
    await page.waitForFunction('"headcountViews" in window');
    // The rooms stay; the alert log, asked for before, does not replace them.
    expect(await page.locator('.alert-log').count()).toBe(0);
    expect(await page.getByText('1,234').first().isVisible()).toBe(true);
    // Asked for now, it comes at once.
    await page.getByRole('button', { name: 'Alert log' }).click();
    await page.locator('.alert-log').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
