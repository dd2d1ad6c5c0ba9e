/**
 * The tray app's OBS overlay as app-main wires it, with a fake electron module: a settings file
 * that had the overlay on starts its loopback server with the saved link, the popover's calls turn
 * it off and make a new link (kept in the file), and quitting stops the server.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { app, ipcMain, Tray } from 'electron';
import { afterAll, describe, expect, it } from 'vitest';
import type { MonitorSnapshot, OverlayView } from '../../main/contract/monitor-api';
import { appPageUrl } from '../../main/shell/app-page';
import { eventually } from '../support/eventually';

const fakeApp = app as unknown as { paths: Record<string, string>; quitted: boolean; quit(): void };
const fakeIpc = ipcMain as unknown as {
  invokeAs(url: string, channel: string, ...args: unknown[]): Promise<unknown>;
};
const trays = (Tray as unknown as { instances: Array<{ tooltip: string }> }).instances;
const call = (channel: string, ...args: unknown[]) =>
  fakeIpc.invokeAs(appPageUrl('index.html'), channel, ...args);

const SAVED_TOKEN = 'a-link-pasted-into-obs-last-week';
const userData = mkdtempSync(join(tmpdir(), 'headcount-app-overlay-'));
fakeApp.paths.userData = userData;
const settingsPath = join(userData, 'settings.json');

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

afterAll(() => {
  if (!fakeApp.quitted) fakeApp.quit();
});

describe('the tray app’s overlay, wired with a fake electron module', () => {
  let port = 0;
  let origin = '';
  let room = '';
  const page = (token: string) =>
    fetch(`${origin}/overlay?${new URLSearchParams({ room, token })}`).then((answer) => answer.status);

  it('starts the overlay server it had on, with the link kept in the settings file', async () => {
    port = await freePort();
    writeFileSync(
      settingsPath,
      JSON.stringify({ schemaVersion: 1, overlay: { on: true, port, token: SAVED_TOKEN } }),
    );
    await import('../../main/electron/app-main');
    await eventually(() => trays.length === 1, 'the tray', 10_000);
    const view = await eventually(async () => {
      const answer = (await call('monitor:getOverlay')) as OverlayView;
      return answer.origin === null ? undefined : answer;
    }, 'the overlay served');
    expect(view).toEqual({
      switchable: true,
      on: true,
      origin: `http://127.0.0.1:${port}`,
      token: SAVED_TOKEN,
      port,
      problem: null,
    });
    origin = `http://127.0.0.1:${port}`;
    room = ((await call('monitor:getSnapshot')) as MonitorSnapshot).rooms[0]?.groupId ?? '';
    const answer = await fetch(`${origin}/overlay?${new URLSearchParams({ room, token: SAVED_TOKEN })}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-security-policy')).toContain('frame-ancestors app://headcount');
  });

  it('makes a new link from the popover: the old one is refused, the new one kept in the file', async () => {
    const fresh = (await call('monitor:setOverlay', { newLink: true })) as OverlayView;
    expect(fresh.token).not.toBe(SAVED_TOKEN);
    expect(await page(SAVED_TOKEN)).toBe(403);
    expect(await page(fresh.token ?? '')).toBe(200);
    const file = JSON.parse(readFileSync(settingsPath, 'utf8')) as { overlay: unknown };
    expect(file.overlay).toEqual({ on: true, port, token: fresh.token });
    await expect(call('monitor:setOverlay', { port: 80 })).rejects.toThrow(/Refused setOverlay/);
  });

  it('turns the server off from the popover, and stops it when the app quits', async () => {
    const off = (await call('monitor:setOverlay', { on: false })) as OverlayView;
    expect(off).toMatchObject({ on: false, origin: null });
    await expect(fetch(`${origin}/overlay`)).rejects.toThrow();
    const on = (await call('monitor:setOverlay', { on: true })) as OverlayView;
    expect(on.origin).toBe(origin);
    fakeApp.quit();
    await eventually(() => fakeApp.quitted, 'the quit', 10_000);
    await eventually(
      () =>
        fetch(`${origin}/overlay`).then(
          () => undefined,
          () => true,
        ),
      'the overlay server stopped',
    );
  });
});
