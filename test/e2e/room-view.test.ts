/**
 * One room in full, end to end: from its row in the dashboard to its chart over each range with the
 * alert the engine raised marked on it, the CSV of its history and the PNG of its chart downloaded by
 * the browser, and a snooze chosen in the page that the server keeps in the settings file.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertView, ChartData } from '../../main/contract/monitor-api';
import { eventually } from '../support/eventually';
import { type DashboardPage, rowText, screenshot } from './support/dashboard';
import { PNG_SIGNATURE, pngPixels, pngSize } from './support/png-file';
import { type Stage, startStage } from './support/stage';

let stage: Stage;

beforeAll(async () => {
  stage = await startStage({
    rooms: [
      { groupId: '@TGS#aChart', audience: { kind: 'fixed', online: 500 } },
      { groupId: '@TGS#aRuled', audience: { kind: 'fixed', online: 200 } },
    ],
    watched: ['@TGS#aChart', '@TGS#aRuled'],
    settings: {
      rooms: { '@TGS#aChart': { label: 'Chart Room' }, '@TGS#aRuled': { label: 'Ruled Room' } },
      rules: { above: { threshold: 1000, forSeconds: 0 } },
    },
  });
  // The room crosses the threshold once for every test here: an alert to mark, two counts to chart.
  await eventually(
    async () => ((await countsOf('@TGS#aChart')).includes(500) ? true : undefined),
    'the first count',
  );
  stage.sim.control.setOnline('@TGS#aChart', 1500);
  await eventually(
    async () => ((await alertsOf('@TGS#aChart')).some((a) => a.rule === 'above') ? true : undefined),
    'the above alert',
  );
});

afterAll(async () => {
  const code = await stage?.stop();
  expect(code).toBe(0);
});

async function countsOf(groupId: string): Promise<Array<number | null>> {
  const chart = await stage.call<ChartData>('getChart', [`main/${groupId}`, 'live']);
  return chart.online;
}

async function alertsOf(groupId: string): Promise<AlertView[]> {
  return stage.call<AlertView[]>('listAlerts', [{ key: `main/${groupId}` }]);
}

/** Opens the dashboard and, from the room's row, its view; returns the page and the view. */
async function openRoom(
  name: string,
  count: string,
): Promise<DashboardPage & { view: ReturnType<Page['getByRole']> }> {
  const opened = await stage.open();
  const { page } = opened;
  await expect.poll(() => rowText(page, name)).toContain(count);
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByRole('button', { name: 'Chart and details' }).click();
  const view = page.getByRole('region', { name });
  await view.waitFor();
  return { ...opened, view };
}

describe('one room in full, in the dashboard', () => {
  it('charts the room over each range, with its peak and the above alert marked and listed', async () => {
    const { page, view, problems } = await openRoom('Chart Room', '1,500');
    const chart = view.getByRole('img', { name: /^Online count over the last 10 minutes/ });
    await expect.poll(() => chart.getAttribute('aria-label')).toMatch(/Peak 1,500 at/);
    // Every alert the engine logged for the room is listed under the chart, with its time and title.
    const logged = await alertsOf('@TGS#aChart');
    expect(logged.map((a) => a.rule)).toContain('above');
    await expect
      .poll(() => view.getByRole('listitem').allTextContents())
      .toEqual(logged.map(() => expect.stringMatching(/^\d{1,2}:\d\d Chart Room: 1,500 online$/)));
    await screenshot(page, 'room-chart-live');

    const ranges = view.getByRole('group', { name: 'Time range' });
    for (const [label, long] of [
      ['1 h', 'the last hour'],
      ['6 h', 'the last 6 hours'],
      ['24 h', 'the last 24 hours'],
      ['7 days', 'the last 7 days'],
      ['Live', 'the last 10 minutes'],
    ] as const) {
      const choice = ranges.getByRole('button', { name: label, exact: true });
      await choice.click();
      expect(await choice.getAttribute('aria-pressed')).toBe('true');
      expect(await ranges.getByRole('button', { pressed: true }).count()).toBe(1);
      await expect
        .poll(() => view.getByRole('img', { name: new RegExp(`^Online count over ${long}\\.`) }).count())
        .toBe(1);
      await expect
        .poll(() => chart.or(view.getByRole('img')).first().getAttribute('aria-label'))
        .toMatch(/Peak 1,500/);
    }
    expect(problems).toEqual([]);
  });

  it('downloads the history of the range as CSV with its header and the counts', async () => {
    const { page, view, problems } = await openRoom('Chart Room', '1,500');
    await view
      .getByRole('group', { name: 'Time range' })
      .getByRole('button', { name: '1 h', exact: true })
      .click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      view.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^headcount-Chart-Room-1h-\d{8}-\d{4}\.csv$/);
    const lines = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('time,online,min,max');
    const rows = lines.slice(1);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z,(\d*),,$/);
    const counts = rows.map((row) => row.split(',')[1]);
    expect(counts).toContain('500');
    expect(counts).toContain('1500');
    await expect
      .poll(() => view.getByRole('status').allTextContents())
      .toContain(`Saved ${download.suggestedFilename()}.`);
    expect(problems).toEqual([]);
  });

  it('saves the chart as a PNG: the size of the drawn chart, opaque, with the chart on it', async () => {
    const { page, view, problems } = await openRoom('Chart Room', '1,500');
    const chart = view.getByRole('img', { name: /^Online count over the last 10 minutes/ });
    await expect.poll(() => chart.getAttribute('aria-label')).toMatch(/Peak 1,500 at/);
    // The canvas's own pixels, which the PNG holds one for one.
    const pixelSize = (canvas: { width: number; height: number }) => ({
      width: canvas.width,
      height: canvas.height,
    });
    const drawn = await chart.locator('canvas').evaluate(pixelSize);
    expect(drawn.width).toBeGreaterThan(0);
    expect(drawn.height).toBeGreaterThan(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      view.getByRole('button', { name: 'Save chart as PNG' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^headcount-Chart-Room-live-\d{8}-\d{4}\.png$/);
    const png = readFileSync(await download.path());
    expect(png.length).toBeGreaterThan(0);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(png)).toEqual(drawn);
    // Decoded, it is the chart on the page's background: opaque, with a line, axes and labels on it.
    const pixels = await pngPixels(page, png);
    expect(pixels).toMatchObject({ ...drawn, opaque: true });
    expect(pixels.colours).toBeGreaterThan(2);
    await expect
      .poll(() => view.getByRole('status').allTextContents())
      .toContain(`Saved ${download.suggestedFilename()}.`);
    await screenshot(page, 'room-chart-saved');
    expect(problems).toEqual([]);
  });

  it('snoozes the room from its view; the server keeps the snooze in the settings file', async () => {
    const { page, view, problems } = await openRoom('Chart Room', '1,500');
    await view.getByRole('button', { name: '1 hour', exact: true }).click();
    await expect
      .poll(() => view.getByRole('status').allTextContents())
      .toContainEqual(expect.stringMatching(/^Alerts snoozed until \d{1,2}:\d\d/));
    const saved = JSON.parse(readFileSync(stage.configPath, 'utf8'));
    expect(saved.snoozes.snoozes).toEqual([
      { scope: { kind: 'room', profile: 'Events', groupId: '@TGS#aChart' }, until: expect.any(Number) },
    ]);
    await screenshot(page, 'room-snoozed-view');
    await view.getByRole('button', { name: 'Unsnooze' }).click();
    await expect
      .poll(() => view.getByRole('status').allTextContents())
      .not.toContainEqual(expect.stringMatching(/^Alerts snoozed until/));
    expect(problems).toEqual([]);
  });

  it('applies a rule changed in the room view from the next count: the room alerts above the new threshold', async () => {
    const { page, view, problems } = await openRoom('Ruled Room', '200');
    const above = view.getByLabel('Alert above (people)');
    await above.fill('300');
    await view.getByRole('button', { name: 'Save rules' }).click();
    // Saving goes to the server, which writes the settings file before it answers: more than the
    // poll's default second when the machine is busy.
    await expect
      .poll(() => view.getByRole('status').allTextContents(), { timeout: 10_000 })
      .toContain('Saved: the rules apply from the next count.');
    // Below the new threshold: no alert yet.
    expect((await alertsOf('@TGS#aRuled')).map((a) => a.rule)).not.toContain('above');

    stage.sim.control.setOnline('@TGS#aRuled', 400);
    await expect
      .poll(async () => (await alertsOf('@TGS#aRuled')).map((a) => `${a.rule} ${a.phase}`), {
        timeout: 15_000,
      })
      .toContain('above firing');
    // Chosen again, the live range lists the alert the new rule raised.
    await view
      .getByRole('group', { name: 'Time range' })
      .getByRole('button', { name: 'Live', exact: true })
      .click();
    await expect
      .poll(() => view.getByRole('listitem').allTextContents())
      .toContainEqual(expect.stringMatching(/Ruled Room: 400 online$/));
    await screenshot(page, 'room-rules');
    expect(problems).toEqual([]);
  });
});
