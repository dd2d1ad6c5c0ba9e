/**
 * Alerts end to end: the rules of the settings file given to `headcount serve` fire on what the
 * simulator does (a room disbanded, a room crossing a threshold), and the open page shows the
 * room's new state and the snooze that silences it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertView } from '../../main/contract/monitor-api';
import { roomRow, rowText, screenshot } from './support/dashboard';
import { type Stage, startStage } from './support/stage';

let stage: Stage;

beforeAll(async () => {
  stage = await startStage({
    rooms: [
      { groupId: '@TGS#aRising', audience: { kind: 'fixed', online: 100 } },
      { groupId: '@TGS#aEnding', audience: { kind: 'fixed', online: 300 } },
      { groupId: '@TGS#aQuiet', audience: { kind: 'fixed', online: 100 } },
    ],
    watched: ['@TGS#aRising', '@TGS#aEnding', '@TGS#aQuiet'],
    settings: {
      rooms: {
        '@TGS#aRising': { label: 'Rising Room' },
        '@TGS#aEnding': { label: 'Closing Room' },
        '@TGS#aQuiet': { label: 'Quiet Room' },
      },
      rules: { above: { threshold: 1000, forSeconds: 0 } },
    },
  });
});

afterAll(async () => {
  const code = await stage?.stop();
  expect(code).toBe(0);
});

/** The alerts the server has logged for one room, oldest first. */
async function alertsOf(groupId: string): Promise<AlertView[]> {
  const alerts = await stage.call<AlertView[]>('listAlerts', [{ key: `main/${groupId}` }]);
  return [...alerts].sort((a, b) => a.at - b.at);
}

describe('alerts from the settings rules, seen in the dashboard', () => {
  it('shows a disbanded room as closed with its last count (never 0), explains it, and logs the closed alert', async () => {
    const { page, problems } = await stage.open();
    await expect.poll(() => rowText(page, 'Closing Room')).toContain('300');
    stage.sim.control.disband('@TGS#aEnding');
    await expect
      .poll(() => rowText(page, 'Closing Room'), { timeout: 15_000 })
      .toMatch(/closed at \d\d:\d\d/);
    const row = roomRow(page, 'Closing Room');
    // The last count is kept in the row as history; the closing never reads as 0 online.
    expect(await row.textContent()).toMatch(/300 when it closed at \d\d:\d\d/);
    await page.getByRole('button', { name: 'Closing Room', exact: true }).click();
    await expect.poll(() => row.textContent()).toMatch(/disbanded/i);
    await screenshot(page, 'room-closed');

    const closed = await alertsOf('@TGS#aEnding');
    expect(closed.map((a) => a.rule)).toContain('closed');
    expect(problems).toEqual([]);
  });

  it('fires an above alert when a room crosses the threshold, and shows a snooze set through the API', async () => {
    const { page, problems } = await stage.open();
    await expect.poll(() => rowText(page, 'Rising Room')).toContain('100');
    stage.sim.control.setOnline('@TGS#aRising', 1500);
    await expect.poll(() => rowText(page, 'Rising Room'), { timeout: 15_000 }).toContain('1,500');
    await expect
      .poll(async () => (await alertsOf('@TGS#aRising')).map((a) => `${a.rule} ${a.phase}`))
      .toContain('above firing');

    await stage.call('snooze', [{ kind: 'room', key: 'main/@TGS#aRising' }, '1h']);
    await page.getByRole('button', { name: 'Rising Room', exact: true }).click();
    await expect
      .poll(() => rowText(page, 'Rising Room'), { timeout: 15_000 })
      .toMatch(/Alerts snoozed until \d{1,2}:\d\d/);
    await screenshot(page, 'room-snoozed');
    expect(problems).toEqual([]);
  });

  it('applies a rule default changed in the settings, and lists, filters and acknowledges its alert in the log', async () => {
    const { page, problems } = await stage.open();
    await expect.poll(() => rowText(page, 'Quiet Room')).toContain('100');
    await page.getByRole('button', { name: 'Settings' }).click();
    const defaults = page.getByRole('group', { name: 'Alert rules for every room' });
    const above = defaults.getByRole('textbox', { name: 'Alert above (people)' });
    await expect.poll(() => above.inputValue()).toBe('1000');
    await above.fill('150');
    const general = page.getByRole('region', { name: 'Alerts and app' });
    await general.getByRole('button', { name: 'Save rules' }).click();
    await expect.poll(() => page.getByRole('status').allTextContents()).toContain('Saved; it applies now.');
    expect((await alertsOf('@TGS#aQuiet')).map((a) => a.rule)).not.toContain('above');

    stage.sim.control.setOnline('@TGS#aQuiet', 200);
    await expect
      .poll(async () => (await alertsOf('@TGS#aQuiet')).map((a) => `${a.rule} ${a.phase}`), {
        timeout: 15_000,
      })
      .toContain('above firing');

    await page.getByRole('button', { name: 'Alert log' }).click();
    const log = page.getByRole('region', { name: 'Alert log' });
    // The filters wait behind one button; the room is found by typing its name (a search field
    // with the rooms' names to pick from, so a combobox to a screen reader).
    await log.getByRole('button', { name: 'Filters' }).click();
    await log.getByRole('combobox', { name: 'Room' }).fill('Quiet Room');
    await log.getByRole('combobox', { name: 'Rule' }).selectOption({ label: 'Above' });
    const entries = log.getByRole('list', { name: 'Alert log' }).getByRole('listitem');
    await expect.poll(() => entries.count()).toBe(1);
    expect(await entries.first().textContent()).toMatch(/Warning\s*\d{1,2}:\d\d\s*Quiet Room: 200 online/);
    await screenshot(page, 'alert-log');

    await entries
      .first()
      .getByRole('button', { name: /^Acknowledge: / })
      .click();
    await expect.poll(() => entries.first().textContent()).toMatch(/Acknowledged at \d{1,2}:\d\d/);
    await log.getByRole('checkbox', { name: 'Only alerts not yet acknowledged' }).check();
    // The list empties while the filtered query is on its way ("Loading alerts…"); its answer says why.
    await expect.poll(() => entries.count()).toBe(0);
    await expect.poll(() => log.getByRole('status').textContent()).toBe('No alert matches.');
    expect(problems).toEqual([]);
  });
});
