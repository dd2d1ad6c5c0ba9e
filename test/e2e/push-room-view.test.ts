/**
 * Showing a room's count to its viewers from the room view, end to end: the section chosen in the
 * page, the count written into the room as the simulator's members see it, a change followed, the
 * choice kept in the settings file, nothing written into the room beside it, and off again.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonitorSnapshot } from '../../main/contract/monitor-api';
import { rowText, screenshot } from './support/dashboard';
import { type Stage, startStage } from './support/stage';

let stage: Stage;

beforeAll(async () => {
  stage = await startStage({
    rooms: [
      { groupId: '@TGS#aShown', audience: { kind: 'fixed', online: 12_345 } },
      { groupId: '@TGS#aBeside', audience: { kind: 'fixed', online: 67 } },
    ],
    watched: ['@TGS#aShown', '@TGS#aBeside'],
    settings: { rooms: { '@TGS#aShown': { label: 'Launch Day' }, '@TGS#aBeside': { label: 'Side Room' } } },
  });
});

afterAll(async () => {
  const code = await stage?.stop();
  expect(code).toBe(0);
});

/** The online count a room's members read under `online_member_num`, or null when nothing is there. */
function viewersSee(groupId: string): number | null {
  const value = stage.sim.control.audience(groupId).attributes.online_member_num;
  return value === undefined ? null : (JSON.parse(value) as { online: number }).online;
}

/** The count the service holds for a room now. */
async function countOf(groupId: string): Promise<number | null> {
  const snapshot = await stage.call<MonitorSnapshot>('getSnapshot', []);
  return snapshot.rooms.find((room) => room.groupId === groupId)?.online ?? null;
}

/** The writes the simulator logged into a room (every command but the count names its group in its body). */
function writesInto(groupId: string): string[] {
  return stage.sim.control
    .requests()
    .filter((r) => r.command !== 'get_online_member_num')
    .filter((r) => (r.body as { GroupId?: unknown } | undefined)?.GroupId === groupId)
    .map((r) => r.command);
}

describe('the room view’s "Show the count to viewers"', () => {
  it('writes the count into the room, follows a change, keeps the choice, and stops when turned off', async () => {
    const { page, problems } = await stage.open();
    await expect.poll(() => rowText(page, 'Launch Day')).toContain('12,345');
    await page.getByRole('button', { name: 'Launch Day', exact: true }).click();
    await page.getByRole('button', { name: 'Chart and details' }).click();
    const section = page.getByRole('region', { name: 'Show the count to viewers' });
    await section.scrollIntoViewIfNeeded();
    const how = section.getByLabel('How');
    expect(await how.inputValue()).toBe('off');
    expect(viewersSee('@TGS#aShown')).toBeNull();

    await how.selectOption('group-attr');
    expect(await section.getByLabel('Key').inputValue()).toBe('online_member_num');
    await section.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => section.getByRole('status').textContent()).toBe('Saved.');
    // What the page says was written is what the room's members read.
    await expect
      .poll(() => section.locator('.push-state').textContent())
      .toMatch(/^Written: 12,345 \(counted at \d{1,2}:\d\d\)\.$/);
    expect(viewersSee('@TGS#aShown')).toBe(12_345);
    await screenshot(page, 'push-room-view');

    stage.sim.control.setOnline('@TGS#aShown', 13_000);
    await expect.poll(() => section.locator('.push-state').textContent()).toMatch(/^Written: 13,000 /);
    expect(viewersSee('@TGS#aShown')).toBe(13_000);
    const kept = JSON.parse(readFileSync(stage.configPath, 'utf8')) as {
      rooms: Record<string, { push?: unknown }>;
    };
    expect(kept.rooms['@TGS#aShown']?.push).toEqual({ via: 'group-attr', key: 'online_member_num' });
    // The room beside it was never opted in: nothing was ever written into it.
    expect(writesInto('@TGS#aShown').length).toBeGreaterThan(0);
    expect(writesInto('@TGS#aBeside')).toEqual([]);
    expect(viewersSee('@TGS#aBeside')).toBeNull();

    await how.selectOption('off');
    await section.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => section.locator('.push-state').isHidden()).toBe(true);
    stage.sim.control.resetLog();
    stage.sim.control.setOnline('@TGS#aShown', 14_000);
    await expect.poll(() => countOf('@TGS#aShown')).toBe(14_000);
    expect(writesInto('@TGS#aShown')).toEqual([]);
    expect(viewersSee('@TGS#aShown')).toBe(13_000);
    expect(problems).toEqual([]);
  });
});
