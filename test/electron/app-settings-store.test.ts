import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { app } from 'electron';
import { describe, expect, it } from 'vitest';
import { openAppSettingsStore } from '../../main/electron/app-settings-store';

// The real electron-store, over the fake electron module: vitest.config.ts runs electron-store
// through Vite (server.deps.inline), so its `import electron from 'electron'` reaches the fake.
const fakeApp = app as unknown as { paths: Record<string, string> };

describe('the tray settings in electron-store', () => {
  it('opens settings.json in the folder given, safely and with mode 0600', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'headcount-app-settings-'));
    // electron-store asks for userData as it starts, as in the app; the file goes where `cwd` says.
    fakeApp.paths.userData = mkdtempSync(join(tmpdir(), 'headcount-user-data-'));
    const path = join(dir, 'settings.json');
    writeFileSync(path, '{"schemaVersion": 1, "theme": ');
    const store = await openAppSettingsStore({ cwd: dir, now: () => 0 });
    expect(store.path).toBe(path);
    expect(store.notices).toEqual([
      expect.stringContaining(`kept as ${join(dir, 'settings.corrupt-1970-01-01T00-00-00-000Z.json')}`),
    ]);
    store.update((current) => ({ ...current, theme: 'dark' }));
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ schemaVersion: 1, theme: 'dark' });
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});
