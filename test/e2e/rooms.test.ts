/**
 * The dashboard end to end: Chromium opens the link `headcount serve` printed, the real engine polls
 * the simulator, and the page shows the rooms, follows the counts the simulator changes, and adds
 * rooms typed into it, explaining each one it refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowText, screenshot } from './support/dashboard';
import { type Stage, startStage } from './support/stage';

let stage: Stage;

beforeAll(async () => {
  stage = await startStage({
    rooms: [
      { groupId: '@TGS#aLive', name: 'Launch Day', audience: { kind: 'fixed', online: 1234 } },
      { groupId: '@TGS#aDriven', name: 'Driven Room', audience: { kind: 'fixed', online: 50 } },
      { groupId: '@TGS#aLater', name: 'Late Show', audience: { kind: 'fixed', online: 777 } },
      { groupId: 'club', name: 'Fan Club', type: 'Public', audience: { kind: 'fixed', online: 5 } },
    ],
    watched: ['@TGS#aLive', '@TGS#aDriven'],
    // Rooms named on the command line show the user's label; a room added from the page, its Name.
    settings: { rooms: { '@TGS#aLive': { label: 'Launch Day' }, '@TGS#aDriven': { label: 'Driven Room' } } },
  });
});

afterAll(async () => {
  const code = await stage?.stop();
  expect(code).toBe(0);
});

describe('the dashboard against headcount serve and the simulator', () => {
  it('lists the watched rooms by their labels, with their counts and the total', async () => {
    const { page, problems } = await stage.open();
    await expect.poll(() => rowText(page, 'Launch Day')).toMatch(/1,234.*live|live.*1,234/s);
    await expect.poll(() => rowText(page, 'Driven Room')).toContain('50');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('1,284 online');
    await screenshot(page, 'rooms');
    // The page ran under its CSP with no failed call, on the run's transport: the preload's bridge,
    // or over serve the web client (a browser has no preload).
    expect(problems).toEqual([]);
    expect(await page.evaluate("'headcount' in window")).toBe(stage.transport === 'preload');
  });

  it('shows a count the simulator changes, pushed to the open page without a reload', async () => {
    const { page, problems } = await stage.open();
    await expect.poll(() => rowText(page, 'Driven Room')).toContain('50');
    // A reload would drop this mark: its presence at the end proves the same document saw the change.
    await page.evaluate('window.e2eMark = "still here"');
    stage.sim.control.setOnline('@TGS#aDriven', 98_765);
    await expect.poll(() => rowText(page, 'Driven Room'), { timeout: 15_000 }).toContain('98,765');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('99,999 online');
    expect(await page.evaluate('window.e2eMark')).toBe('still here');
    stage.sim.control.setOnline('@TGS#aDriven', 50);
    await expect.poll(() => rowText(page, 'Driven Room'), { timeout: 15_000 }).not.toContain('98,765');
    expect(problems).toEqual([]);
  });

  it('adds a room typed in the settings, and refuses invalid, not-live and duplicate ids with reasons', async () => {
    const { page, problems } = await stage.open();
    await page.getByRole('button', { name: 'Settings' }).click();
    const rooms = page.getByRole('region', { name: 'Rooms' });
    expect(await rooms.getByRole('combobox', { name: 'App profile' }).inputValue()).toBe('main');
    const ids = rooms.getByRole('group', { name: 'Paste room ids' }).getByRole('textbox');
    await ids.fill(['@TGS#aLater', 'x'.repeat(49), 'club', '@TGS#aLive'].join('\n'));
    await rooms.getByRole('button', { name: 'Add rooms', exact: true }).click();
    const answer = rooms.getByRole('status').filter({ hasText: 'Added' });
    await expect.poll(() => answer.textContent()).toContain('Added 1.');
    const said = (await answer.textContent()) ?? '';
    expect(said).toContain(`${'x'.repeat(49)}: The group id is 49 bytes long; the limit is 48.`);
    expect(said).toContain(
      'club: "Fan Club" is a Public group, not a live-stream room (AVChatRoom): it has no online count.',
    );
    expect(said).toContain('@TGS#aLive: This room is already watched.');
    // The refused ids stay in the box to be corrected; the added one is gone from it.
    expect((await ids.inputValue()).split('\n').sort()).toEqual(['@TGS#aLive', 'club', 'x'.repeat(49)]);
    await screenshot(page, 'settings-add-rooms');

    await page.getByRole('button', { name: 'Back to rooms' }).first().click();
    await expect.poll(() => rowText(page, 'Late Show'), { timeout: 15_000 }).toContain('777');
    expect(problems).toEqual([]);
  });
});
