/**
 * The OBS overlay end to end: `headcount serve` with an overlay token polling the simulator, the
 * overlay opened in Chromium as a Browser Source would. Transparent, following the simulator within
 * two polls, never 0 or blank on a refresh or a broken stream, dimmed when its count is old or the
 * room fails, a label only ever text, and the overlay token opening overlays and nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countsShown,
  countText,
  OVERLAY_TOKEN,
  openOverlay,
  overlayUrl,
  pollsOf,
  simulatorChange,
  startOverlayStage,
} from './support/overlay-page';
import { PNG_SIGNATURE, pngPixels } from './support/png-file';
import type { Stage } from './support/stage';

let stage: Stage;

beforeAll(async () => {
  stage = await startOverlayStage([
    { groupId: '@TGS#aStream', audience: { kind: 'fixed', online: 1234 } },
    { groupId: '@TGS#aFollow', audience: { kind: 'fixed', online: 1000 } },
    { groupId: '@TGS#aFailing', audience: { kind: 'fixed', online: 870 } },
  ]);
});

afterAll(async () => {
  const code = await stage?.stop();
  expect(code).toBe(0);
});

const urlOf = (groupId: string, query = '') => overlayUrl(stage.run.base, groupId, OVERLAY_TOKEN, query);

describe('the overlay in Chromium', () => {
  it('shows the count on a page whose html and body are transparent', async () => {
    const { page, problems } = await openOverlay(stage.browser, urlOf('@TGS#aStream'));
    await expect.poll(() => countText(page)).toBe('1,234');
    expect(await page.locator('.label').textContent()).toBe('watching');
    const backgrounds = await page.evaluate(
      '[document.documentElement, document.body].map((node) => getComputedStyle(node).backgroundColor)',
    );
    expect(backgrounds).toEqual(['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)']);
    const shot = await page.screenshot({ omitBackground: true });
    expect(shot.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const pixels = await pngPixels(page, shot);
    expect(pixels).toMatchObject({ width: 800, height: 600, opaque: false });
    // Almost all of a Browser Source is see-through; the count itself is drawn.
    expect(pixels.transparent / (800 * 600)).toBeGreaterThan(0.8);
    expect(pixels.colours).toBeGreaterThan(2);
    expect(problems).toEqual([]);
  });

  it('follows a change in the simulator within two polls', async () => {
    const { page, problems } = await openOverlay(stage.browser, urlOf('@TGS#aFollow'));
    await expect.poll(() => countText(page)).toBe('1,000');
    const changedAt = Date.now();
    await simulatorChange(stage.sim, 'set-online', { groupId: '@TGS#aFollow', online: 4321 });
    await expect.poll(() => countText(page)).toBe('4,321');
    const shownAt = (await countsShown(page)).find((count) => count.text === '4,321')?.at ?? 0;
    const polls = (await pollsOf(stage.sim, '@TGS#aFollow')).filter((at) => at > changedAt && at <= shownAt);
    expect(polls.length).toBeGreaterThanOrEqual(1);
    expect(polls.length).toBeLessThanOrEqual(2);
    expect(problems).toEqual([]);
  });

  it('shows the last value on a refresh before any event, and follows again once the stream is back', async () => {
    const { page, problems } = await openOverlay(stage.browser, urlOf('@TGS#aStream'));
    await expect.poll(() => countText(page)).toBe('1,234');
    // The stream is cut: the page must draw its count from what the server put in it.
    await page.route('**/overlay/events?**', (route) => route.abort());
    await page.reload();
    expect(await countText(page)).toBe('1,234');
    const first = (await countsShown(page))[0];
    expect(first?.text).toBe('1,234');
    await simulatorChange(stage.sim, 'set-online', { groupId: '@TGS#aStream', online: 1300 });
    await page.unroute('**/overlay/events?**');
    await expect.poll(() => countText(page), { timeout: 20_000 }).toBe('1,300');
    // From the first parse to now, never 0, never blank.
    const texts = (await countsShown(page)).map((count) => count.text);
    expect(texts.every((text) => /^[1-9][\d,]*$/.test(text))).toBe(true);
    expect(problems.filter((problem) => !problem.includes('/overlay/events'))).toEqual([]);
  });

  it('dims a count older than 30 s, and keeps a failing room’s last count, dimmed', async () => {
    const aged = await openOverlay(stage.browser, urlOf('@TGS#aStream'), {
      beforeLoad: async (page) => {
        await page.clock.install();
        await page.route('**/overlay/events?**', (route) => route.abort());
      },
    });
    await expect.poll(() => aged.page.locator('.overlay').getAttribute('class')).toBe('overlay');
    await aged.page.clock.runFor(31_000);
    await expect.poll(() => aged.page.locator('.overlay').getAttribute('class')).toBe('overlay dim');
    expect(await countText(aged.page)).toMatch(/^1,[23]\d\d$/);

    const { page, problems } = await openOverlay(stage.browser, urlOf('@TGS#aFailing'));
    await expect.poll(() => countText(page)).toBe('870');
    await simulatorChange(stage.sim, 'inject-fault', { kind: 'http-502', groupId: '@TGS#aFailing' });
    await expect.poll(() => page.locator('.overlay').getAttribute('class')).toBe('overlay dim');
    expect(await countText(page)).toBe('870');
    expect(await page.evaluate("getComputedStyle(document.querySelector('.overlay')).opacity")).toBe('0.45');
    await simulatorChange(stage.sim, 'clear-faults');
    await expect.poll(() => page.locator('.overlay').getAttribute('class')).toBe('overlay');
    expect(problems).toEqual([]);
  });

  it('renders a <script> in the label as text, and runs nothing from the link', async () => {
    const label = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
    const { page, problems } = await openOverlay(
      stage.browser,
      urlOf('@TGS#aStream', new URLSearchParams({ label: label.slice(0, 40) }).toString()),
    );
    expect(await page.locator('.label').textContent()).toBe(label.slice(0, 40));
    const escaped = await openOverlay(
      stage.browser,
      urlOf('@TGS#aStream', new URLSearchParams({ label: '<script>alert(1)</script>' }).toString()),
    );
    expect(await escaped.page.locator('.label').textContent()).toBe('<script>alert(1)</script>');
    for (const { page: opened } of [{ page }, escaped]) {
      expect(await opened.evaluate('window.__pwned')).toBeUndefined();
      expect(await opened.locator('img').count()).toBe(0);
      expect(await opened.locator('script').count()).toBe(1);
    }
    expect([...problems, ...escaped.problems]).toEqual([]);
  });
});

describe('the overlay token', () => {
  it('is refused by the API, /metrics, the event stream and the dashboard', async () => {
    const bearer = { authorization: `Bearer ${OVERLAY_TOKEN}`, 'content-type': 'application/json' };
    const api = await fetch(`${stage.run.base}/api/getSnapshot`, {
      method: 'POST',
      headers: bearer,
      body: '[]',
    });
    expect(api.status).toBe(403);
    expect((await fetch(`${stage.run.base}/metrics?token=${OVERLAY_TOKEN}`)).status).toBe(403);
    expect((await fetch(`${stage.run.base}/metrics`, { headers: bearer })).status).toBe(403);
    expect((await fetch(`${stage.run.base}/api/events?token=${OVERLAY_TOKEN}`)).status).toBe(403);
    const context = await stage.browser.newContext();
    const page = await context.newPage();
    const dashboard = await page.goto(`${stage.run.base}/?token=${OVERLAY_TOKEN}`);
    expect(dashboard?.status()).toBe(403);
    expect(await page.textContent('body')).toMatch(/^Wrong token/);
    expect(await page.locator('#app').count()).toBe(0);
    await context.close();
  });

  it('opens the overlay only when it is the overlay token: a wrong one, none, or the dashboard’s are refused', async () => {
    const context = await stage.browser.newContext();
    const page = await context.newPage();
    const wrong = await page.goto(overlayUrl(stage.run.base, '@TGS#aStream', 'not-the-overlay-token-at-all'));
    expect(wrong?.status()).toBe(403);
    expect(await page.textContent('body')).toMatch(/^Wrong overlay token/);
    expect(await page.locator('.count').count()).toBe(0);
    const dashboardToken = await page.goto(overlayUrl(stage.run.base, '@TGS#aStream', stage.run.token));
    expect(dashboardToken?.status()).toBe(403);
    await context.close();
    const none = await fetch(`${stage.run.base}/overlay?room=%40TGS%23aStream`);
    expect(none.status).toBe(401);
    const stream = await fetch(
      `${stage.run.base}/overlay/events?room=%40TGS%23aStream&token=wrong-token-xxxxxxxxx`,
    );
    expect(stream.status).toBe(403);
    expect(stream.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  });
});
