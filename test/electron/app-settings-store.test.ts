import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf, { type Options } from 'conf';
import { describe, expect, it, vi } from 'vitest';
import { openAppSettingsStore } from '../../main/electron/app-settings-store';

// The real electron-store cannot load here: vitest leaves node_modules to Node, so its
// `import electron from 'electron'` reaches the real package, which tries to download Electron. It
// is electron-store 11 over conf with `name` for conf's `configName` and `userData` as the default
// folder; this stand-in is built the same way.
vi.mock('electron-store', () => ({
  default: class extends Conf<Record<string, unknown>> {
    constructor({ name, ...options }: Options<Record<string, unknown>> & { name?: string }) {
      super({ ...options, configName: name ?? 'config' });
    }
  },
}));

describe('the tray settings in electron-store', () => {
  it('opens settings.json in the folder given, safely and with mode 0600', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'headcount-app-settings-'));
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
