/**
 * Honest totals end to end, against `headcount serve` (or the tray app's bridge) and the simulator:
 * the headline adds only current counts, a closed room keeps its last count as history, an id that
 * never existed is "not found" and not "closed", a 60007 slows the app down without painting its
 * rooms, a state chip filters to exactly those rooms, and the alert log at 400×600 shows five
 * alerts with the rooms' names. Every figure is checked against what the simulator was told.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitorSnapshot } from '../../main/contract/monitor-api';
import { roomRow, rowText, screenshot, seriousFindings } from './support/dashboard';
import { type Stage, startStage } from './support/stage';

let stage: Stage;

const ROOMS = {
  '@TGS#aBig': { label: 'Launch Day', online: 4321 },
  '@TGS#aMid': { label: 'Fan Meetup', online: 1000 },
  '@TGS#aClosing': { label: 'Late Show', online: 500 },
  '@TGS#aFlaky': { label: 'Flaky Room', online: 777 },
  '@TGS#aSlow': { label: 'Slow Room', online: 60 },
};

beforeAll(async () => {
  stage = await startStage({
    rooms: Object.entries(ROOMS).map(([groupId, room]) => ({
      groupId,
      name: room.label,
      audience: { kind: 'fixed' as const, online: room.online },
    })),
    watched: [...Object.keys(ROOMS), '@TGS#aTypo'],
    settings: {
      rooms: {
        ...Object.fromEntries(Object.entries(ROOMS).map(([id, room]) => [id, { label: room.label }])),
        '@TGS#aTypo': { label: 'Typo Room' },
      },
      rules: { above: { threshold: 100, forSeconds: 0 }, failing: { consecutive: 1, forSeconds: 0 } },
    },
  });
});

afterAll(async () => {
  const code = await stage?.stop();
  expect(code).toBe(0);
});

const total = (page: import('playwright-core').Page) => page.getByRole('heading', { level: 1 }).textContent();

describe('honest totals on the page, against the simulator', () => {
  it('adds only current counts: a closed, a failing and a stale room keep their last count out of the total', async () => {
    const { page, problems } = await stage.open({ viewport: { width: 400, height: 600 } });
    // Every room answered once: the total is the simulator's sum.
    await expect.poll(() => total(page)).toBe('6,658 online');

    stage.sim.control.disband('@TGS#aClosing');
    stage.sim.control.injectFault({ kind: 'error-code', code: 10002, groupId: '@TGS#aFlaky' });
    await expect.poll(() => rowText(page, 'Late Show')).toMatch(/closed at \d\d:\d\d/);
    await expect.poll(() => rowText(page, 'Flaky Room')).toContain('failing: server or network');
    // The closed room's count stays in its row, as history; the failing room's last count too.
    expect(await rowText(page, 'Late Show')).toContain('500');
    expect(await roomRow(page, 'Late Show').getAttribute('data-historic')).toBe('true');
    await expect.poll(() => total(page)).toBe('5,381 online');

    // A server that hangs: no fresh count for two intervals, and the count is stale.
    stage.sim.control.injectFault({ kind: 'hang', groupId: '@TGS#aSlow' });
    await expect
      .poll(() => rowText(page, 'Slow Room'), { timeout: 15_000, interval: 100 })
      .toMatch(/stale|failing/);
    await expect.poll(() => total(page)).toBe('5,321 online');
    expect(await page.locator('.chip[data-state="live"]').textContent()).toBe('2 live');
    await screenshot(page, 'honest-totals');
    expect(problems).toEqual([]);
  });

  it('tells an id that never existed ("not found: check the id") apart from a room that closed', async () => {
    const { page } = await stage.open();
    await expect.poll(() => rowText(page, 'Typo Room')).toContain('not found: check the id');
    await expect.poll(() => rowText(page, 'Late Show')).toMatch(/closed at/);
    expect(await rowText(page, 'Typo Room')).not.toContain('closed');
    expect(await page.locator('.chip[data-state="not-found"]').textContent()).toBe('1 not found');
    expect(await page.locator('.chip[data-state="closed"]').textContent()).toBe('1 closed');
  });

  it('filters to exactly the rooms of a state chip, and back', async () => {
    const { page } = await stage.open();
    await expect.poll(() => page.locator('.chip[data-state="closed"]').isVisible()).toBe(true);
    await page.locator('.chip[data-state="closed"]').click();
    await expect.poll(() => page.locator('.room').count()).toBe(1);
    expect(await page.locator('.room .name').allTextContents()).toEqual(['Late Show']);
    expect(await page.textContent('.state-chips .filtered')).toBe('1 room match, 0 online');
    await page.locator('.chip[data-state="closed"]').click();
    await expect.poll(() => page.locator('.room').count()).toBe(6);
  });

  it('shows five alerts at once at 400×600, naming the rooms, with a short Acknowledge', async () => {
    const { page, problems } = await stage.open({ viewport: { width: 400, height: 600 } });
    await page.getByRole('button', { name: 'Alert log' }).click();
    const entries = page.locator('.alert-entry');
    await expect.poll(() => entries.count()).toBeGreaterThanOrEqual(5);
    const onScreen = await entries.evaluateAll(
      (items) => items.filter((item) => item.getBoundingClientRect().bottom <= 600).length,
    );
    expect(onScreen).toBeGreaterThanOrEqual(5);
    const titles = (await page.locator('.alert-title').allTextContents()).join('\n');
    expect(titles).toContain('Late Show');
    expect(titles).toContain('Launch Day');
    const acknowledge = entries.first().locator('.acknowledge');
    expect(await acknowledge.textContent()).toBe('Acknowledge');
    expect(await acknowledge.getAttribute('aria-label')).toBe(
      `Acknowledge: ${await entries.first().locator('.alert-title').textContent()}`,
    );
    await screenshot(page, 'alert-log-400x600');
    expect(await seriousFindings(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("says a 60007 slow-down once, as the app's condition, and leaves every room its own state", async () => {
    const { page } = await stage.open();
    await expect.poll(() => rowText(page, 'Launch Day')).toContain('live');
    stage.sim.control.injectFault({ kind: 'error-code', code: 60007, times: 3 });
    await expect
      .poll(() => page.locator('.banner').allTextContents(), { interval: 100 })
      .toEqual(expect.arrayContaining([expect.stringMatching(/rate limit|slow/i)]));
    const banners = (await page.locator('.banner').allTextContents()).filter((text) =>
      /rate limit|slow/i.test(text),
    );
    expect(banners).toHaveLength(1);
    // The banner is the engine's condition, said once: the summary names the app slowed down.
    const { summary } = await stage.call<MonitorSnapshot>('getSnapshot', []);
    expect(summary.conditions.map(({ label, condition }) => `${label} ${condition}`)).toContain(
      'Events rate-limited',
    );
    expect(banners[0]).toBe(
      'Events: over the API rate limit, so polling slowed down; it recovers by itself.',
    );
    // No row is painted with the app's condition.
    const rows = await page.locator('.room .state').allTextContents();
    expect(rows.some((row) => /rate/i.test(row))).toBe(false);
    expect(await rowText(page, 'Fan Meetup')).toContain('live');
  });
});
