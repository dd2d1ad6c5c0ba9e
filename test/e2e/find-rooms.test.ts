/**
 * "Find live rooms" end to end: the page lists the app's live-stream rooms that the simulator
 * serves through get_appid_group_list, a page at a time and never faster than the API's one call a
 * second, with their names; several are ticked and added at once, and appear in the rooms with
 * their names and counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIVE_ROOMS_PAGE } from '../../main/service/live-rooms';
import type { RoomSpec } from '../../main/simulator';
import { rowText, screenshot } from './support/dashboard';
import { type Stage, startStage } from './support/stage';

/** More live rooms than one page holds, so the list needs "Show more rooms". */
const LIVE_ROOMS = LIVE_ROOMS_PAGE + 5;
const number = (index: number) => String(index).padStart(3, '0');
const liveRooms: RoomSpec[] = Array.from({ length: LIVE_ROOMS }, (_, index) => ({
  groupId: `@TGS#aStage${number(index)}`,
  name: `Stage ${number(index)}`,
  audience: { kind: 'fixed', online: 1000 + index },
}));

let stage: Stage;

beforeAll(async () => {
  stage = await startStage({
    rooms: [
      ...liveRooms,
      // Not a live-stream room: get_appid_group_list with GroupType AVChatRoom leaves it out.
      { groupId: 'fan-club', name: 'Fan Club', type: 'Public', audience: { kind: 'fixed', online: 5 } },
    ],
    watched: ['@TGS#aStage000'],
    settings: { rooms: { '@TGS#aStage000': { label: 'Main Stage' } } },
  });
});

afterAll(async () => {
  const code = await stage?.stop();
  expect(code).toBe(0);
});

describe('finding the live rooms of the app, in the dashboard', () => {
  it('lists the live rooms page by page with their names, a second apart, and adds the ticked ones at once', async () => {
    const { page, problems } = await stage.open();
    await expect.poll(() => rowText(page, 'Main Stage')).toContain('1,000');
    stage.sim.control.resetLog();

    await page.getByRole('button', { name: 'Settings' }).click();
    const rooms = page.getByRole('region', { name: 'Rooms' });
    const find = rooms.getByRole('group', { name: 'Find live rooms' });
    await find.getByRole('button', { name: 'Find live rooms' }).click();
    // The paste form's answer stays empty: the one with words is the search's.
    const answer = rooms.getByRole('status').filter({ hasText: /\S/ });
    await expect
      .poll(() => answer.textContent())
      .toBe(`Showing ${LIVE_ROOMS_PAGE} of ${LIVE_ROOMS} live rooms.`);
    const choices = find.getByRole('checkbox');
    expect(await choices.count()).toBe(LIVE_ROOMS_PAGE);
    // Each room is shown by its Name from get_group_info beside its id; the watched one is marked.
    const watched = find.getByRole('checkbox', { name: 'Stage 000 · @TGS#aStage000 (watched)' });
    expect(await watched.isChecked()).toBe(true);
    expect(await watched.isDisabled()).toBe(true);
    expect(
      await find.getByRole('checkbox', { name: 'Stage 042 · @TGS#aStage042', exact: true }).count(),
    ).toBe(1);
    expect(await find.getByText('Fan Club').count()).toBe(0);

    await find.getByRole('button', { name: 'Show more rooms' }).click();
    await expect.poll(() => answer.textContent()).toBe(`Showing ${LIVE_ROOMS} of ${LIVE_ROOMS} live rooms.`);
    expect(await choices.count()).toBe(LIVE_ROOMS);
    expect(await find.getByRole('button', { name: 'Show more rooms' }).isHidden()).toBe(true);
    expect(await find.getByText('Fan Club').count()).toBe(0);

    // The two pages were asked for at least a second apart, and the server never refused one.
    const listings = stage.sim.control.requests().filter((r) => r.command === 'get_appid_group_list');
    expect(listings.map((r) => r.errorCode)).toEqual([0, 0]);
    const [first, second] = listings;
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(1000);

    const picked = ['Stage 007 · @TGS#aStage007', 'Stage 042 · @TGS#aStage042', 'Stage 103 · @TGS#aStage103'];
    for (const name of picked) await find.getByRole('checkbox', { name, exact: true }).check();
    await screenshot(page, 'settings-find-rooms');
    await rooms.getByRole('button', { name: 'Add selected' }).click();
    await expect.poll(() => answer.textContent()).toBe('Added 3.');
    // Added rooms cannot be chosen again.
    for (const name of picked)
      expect(await find.getByRole('checkbox', { name: `${name} (watched)` }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Back to rooms' }).first().click();
    for (const [name, count] of [
      ['Stage 007', '1,007'],
      ['Stage 042', '1,042'],
      ['Stage 103', '1,103'],
    ] as const)
      await expect.poll(() => rowText(page, name), { timeout: 15_000 }).toContain(count);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('4,152 online');
    await screenshot(page, 'rooms-found');
    expect(problems).toEqual([]);
  });
});
