/**
 * A newcomer's first app profile, end to end: `headcount serve --demo` starts with no account and
 * plays the demo; the profile form is filled in the page with the simulator's endpoint and
 * credentials, "Test connection" answers in words (a wrong key with the credentials message), and
 * once saved the demo leaves and the profile's own rooms are polled. The secret key is typed into
 * the page but never comes back: no response and no pushed event carries it.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowText, screenshot } from './support/dashboard';
import { type Stage, startStage } from './support/stage';

let stage: Stage;

beforeAll(async () => {
  stage = await startStage({
    rooms: [
      { groupId: '@TGS#aOwnShow', name: 'Own Show', audience: { kind: 'fixed', online: 4321 } },
      { groupId: '@TGS#aSideShow', name: 'Side Show', audience: { kind: 'fixed', online: 210 } },
    ],
    demo: true,
  });
});

afterAll(async () => {
  const code = await stage?.stop();
  expect(code).toBe(0);
});

describe('adding your app from the demo, in the dashboard', () => {
  it('tests the connection in words, saves the profile, ends the demo and polls its rooms, never sending the key back', async () => {
    const { page, problems, received } = await stage.open({ record: true });
    const { secretKey, sdkAppId, identifier } = stage.sim.credentials;
    const wrongKey = randomBytes(32).toString('hex');

    // The demo plays with no account, and says how to leave it.
    await page.getByText(/^Demo mode: the built-in simulator plays a show\./).waitFor();
    await expect.poll(() => rowText(page, 'Main Stage'), { timeout: 15_000 }).toMatch(/\d/);
    await screenshot(page, 'demo');

    await page.getByRole('button', { name: 'Add your app' }).click();
    const section = page.getByRole('region', { name: 'Add your app' });
    const form = section.getByRole('group', { name: 'Add your app' });
    await form.getByLabel('Name', { exact: true }).fill('Own App');
    await form.getByLabel('SDKAppID').fill(String(sdkAppId));
    await form.getByLabel('Admin identifier').fill(identifier);
    await form.getByRole('combobox', { name: 'Region' }).selectOption({ label: 'Custom endpoint…' });
    // http is accepted for a loopback endpoint only: the simulator's.
    await form.getByLabel('Endpoint URL').fill(stage.sim.baseUrl);
    const key = form.getByLabel('Secret key');
    const answer = section.getByRole('status').filter({ hasText: /\S/ });

    await key.fill(wrongKey);
    await section.getByRole('button', { name: 'Test connection' }).click();
    await expect
      .poll(() => answer.textContent())
      .toMatch(
        /^The server rejected the credentials: check the SDKAppID, the admin identifier and the secret key\./,
      );
    expect(await answer.textContent()).not.toContain(wrongKey);
    await answer.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-add-app-rejected');

    await key.fill(secretKey);
    await section.getByRole('button', { name: 'Test connection' }).click();
    await expect.poll(() => answer.textContent()).toBe('Connected: the app has 2 live-stream rooms.');

    await section.getByRole('button', { name: 'Add app' }).click();
    // headcount serve keeps the key in its memory, and says so in words; the view is drawn again
    // with the new profile, and its status line keeps what the form said.
    await expect
      .poll(() => page.locator('.settings > .answer').textContent())
      .toBe(
        'Saved. Kept in memory by headcount serve for this run only; it is never sent back to the browser.',
      );
    await expect.poll(() => page.getByText(/^Demo mode:/).count()).toBe(0);

    // The demo's rooms are gone and the new profile has none yet: the page says what to do.
    await page.getByRole('button', { name: 'Back to rooms' }).first().click();
    await page.getByText('No rooms yet').waitFor();
    expect(await rowText(page, 'Main Stage')).toBe('');
    await screenshot(page, 'rooms-no-rooms-yet');
    await page.getByRole('button', { name: 'Open Settings' }).click();
    // The profile polls every second from now on, then gets its rooms.
    const polling = page.getByRole('group', { name: 'Polling: Own App' });
    await polling.getByLabel('Interval (seconds)').fill('1');
    // One profile, one polling form: its button sits beside the fieldset, not in it.
    await page.getByRole('button', { name: 'Apply polling' }).click();
    await page.getByText('Polling changed; it applies now.').waitFor();
    const rooms = page.getByRole('region', { name: 'Rooms' });
    expect(
      await rooms.getByRole('combobox', { name: 'App profile' }).getByRole('option').allTextContents(),
    ).toEqual(['Own App']);
    await rooms
      .getByRole('group', { name: 'Paste room ids' })
      .getByRole('textbox')
      .fill('@TGS#aOwnShow\n@TGS#aSideShow');
    await rooms.getByRole('button', { name: 'Add rooms', exact: true }).click();
    await expect
      .poll(() => rooms.getByRole('status').filter({ hasText: 'Added' }).textContent())
      .toBe('Added 2.');
    await screenshot(page, 'settings-own-app');

    await page.getByRole('button', { name: 'Back to rooms' }).first().click();
    await expect.poll(() => rowText(page, 'Own Show'), { timeout: 15_000 }).toContain('4,321');
    await expect.poll(() => rowText(page, 'Side Show'), { timeout: 15_000 }).toContain('210');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('4,531 online');
    expect(await rowText(page, 'Main Stage')).toBe('');
    expect(await page.getByRole('button', { name: 'Settings', exact: true }).count()).toBe(1);
    stage.sim.control.setOnline('@TGS#aOwnShow', 5000);
    await expect.poll(() => rowText(page, 'Own Show'), { timeout: 15_000 }).toContain('5,000');
    await screenshot(page, 'rooms-own-app');

    // Everything the page received, and what the server printed, is free of both keys.
    const texts = (await received?.()) ?? [];
    // The recorder reads the answers and the pushes: the profile's endpoint, no secret, comes back.
    expect(texts.some((text) => text.includes(`"endpoint":"${stage.sim.baseUrl}"`))).toBe(true);
    expect(texts.some((text) => text.includes('"type":"snapshot"') && text.includes('Own App'))).toBe(true);
    for (const leaked of [secretKey, wrongKey]) {
      expect(texts.filter((text) => text.includes(leaked))).toEqual([]);
      expect(stage.output()).not.toContain(leaked);
    }
    expect(problems).toEqual([]);
  });
});
