import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { app, ipcMain, Tray } from 'electron';
import { afterAll, describe, expect, it } from 'vitest';
import type { MonitorSnapshot } from '../../main/contract/monitor-api';
import { appPageUrl } from '../../main/shell/app-page';
import { eventually } from '../support/eventually';

const fakeApp = app as unknown as {
  paths: Record<string, string>;
  quitted: boolean;
  exitCode: number | null;
  quit(): void;
};
const fakeIpc = ipcMain as unknown as {
  invokeAs(url: string, channel: string, ...args: unknown[]): Promise<unknown>;
};
const trays = (Tray as unknown as { instances: Array<{ tooltip: string }> }).instances;

const userData = mkdtempSync(join(tmpdir(), 'headcount-app-'));
fakeApp.paths.userData = userData;

afterAll(() => {
  if (!fakeApp.quitted) fakeApp.quit();
});

async function snapshot(): Promise<MonitorSnapshot> {
  return (await fakeIpc.invokeAs(appPageUrl('index.html'), 'monitor:getSnapshot')) as MonitorSnapshot;
}

describe('the tray app, wired with a fake electron module', () => {
  it('starts in demo mode with no account: the engine polls, the tray shows the number', async () => {
    await import('../../main/electron/app-main');
    await eventually(() => trays.length === 1, 'the tray', 10_000);
    await eventually(
      () => fakeApp.exitCode === null && /online/.test(trays[0]?.tooltip ?? ''),
      'a number in the tray',
      15_000,
    );
    const first = await snapshot();
    expect(first.demo).toBe(true);
    expect(first.profiles.map((p) => p.label)).toEqual(['Demo']);
    expect(first.rooms.length).toBeGreaterThan(3);
  });

  it('answers only the app page, and keeps its settings in userData, readable by the owner only', async () => {
    await expect(fakeIpc.invokeAs('https://evil.example/', 'monitor:getSnapshot')).rejects.toThrow(/Refused/);
    await fakeIpc.invokeAs(appPageUrl('index.html'), 'monitor:setPaused', true);
    expect((await snapshot()).paused).toBe(true);
    await eventually(() => /paused/i.test(trays[0]?.tooltip ?? ''), 'the tray to say paused', 10_000);
    await fakeIpc.invokeAs(appPageUrl('index.html'), 'monitor:snooze', { kind: 'all' }, '1h');
    const path = join(userData, 'settings.json');
    const file = JSON.parse(readFileSync(path, 'utf8')) as { schemaVersion: number; snoozes: unknown };
    expect(file).toMatchObject({ schemaVersion: 1, snoozes: { snoozes: [{ scope: { kind: 'all' } }] } });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    // The app writes its history folder alone while it runs.
    expect(existsSync(join(userData, 'history', 'writer.lock'))).toBe(true);
  });

  it('quits cleanly: polling stops before the app goes', async () => {
    fakeApp.quit();
    await eventually(() => fakeApp.quitted, 'the quit', 10_000);
    expect(fakeApp.exitCode).toBeNull();
    await eventually(
      () => !existsSync(join(userData, 'history', 'writer.lock')),
      'the history lock let go',
      10_000,
    );
  });
});
