import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../main/core/config-error';
import { openSettingsStore } from '../../main/node/settings-store';
import { eventually } from '../support/eventually';

function tempFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'headcount-settings-')), 'config.json');
}

describe('the headless settings file', () => {
  it('reads a missing file as defaults and writes only its owner can read', () => {
    const file = tempFile();
    const store = openSettingsStore(file);
    expect(store.read()).toEqual({});
    store.set('quietHours', { start: '23:00', end: '08:00' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(openSettingsStore(file).read()).toEqual({ quietHours: { start: '23:00', end: '08:00' } });
    expect(store.alertLogPath).toBe(join(file, '..', 'alerts.jsonl'));
  });

  it('reports a hand-broken file instead of wiping it', () => {
    const file = tempFile();
    writeFileSync(file, '{"rules": {"spike": ');
    expect(() => openSettingsStore(file)).toThrow(ConfigError);
    expect(() => openSettingsStore(file)).toThrow(
      /The settings file .*config\.json is not valid JSON at line 1, column 21/,
    );
    writeFileSync(file, '{"rules": {"spike": {"percent": "lots"}}}');
    expect(() => openSettingsStore(file).read()).toThrow(/rules\.spike\.percent/);
  });

  it('notices when another process changes the file', async () => {
    const file = tempFile();
    const watching = openSettingsStore(file, { watch: true });
    let changes = 0;
    watching.onChange(() => changes++);
    openSettingsStore(file).set('notifications', { desktop: false });
    // conf polls the file on Linux (fs.watchFile, about every 5 s, then a 1 s debounce).
    await eventually(() => changes > 0, 'the change to be noticed', 25_000);
    expect(watching.read().notifications).toEqual({ desktop: false });
    watching.close();
  });
});
