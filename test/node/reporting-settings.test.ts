import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StorageHealth } from '../../main/core/storage-health';
import { reportingSafeStore, reportingSettingsStore } from '../../main/node/reporting-settings';
import type { SafeStore } from '../../main/node/safe-store';
import { openSettingsStore } from '../../main/node/settings-store';
import { FakeClock } from '../support/fake-clock';

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });

describe('settings writes on a disk that fills up', () => {
  it('keep the change for this run, say it once, and save it when the disk has room again', () => {
    const health = new StorageHealth(new FakeClock());
    const file = openSettingsStore(join(mkdtempSync(join(tmpdir(), 'headcount-rs-')), 'config.json'));
    let full = true;
    const store = reportingSettingsStore(
      {
        ...file,
        set: (key, value) => {
          if (full) throw enospc();
          file.set(key, value);
        },
      },
      health,
    );
    store.set('quietHours', { start: '23:00', end: '08:00' });
    expect(store.read().quietHours).toEqual({ start: '23:00', end: '08:00' });
    expect(file.read().quietHours).toBeUndefined();
    expect(health.notices()[0]).toMatch(
      /^Could not save the settings: the disk is full \(.*config\.json\)\. Until then, changes hold for this run/,
    );
    full = false;
    store.retryUnsaved();
    expect(file.read().quietHours).toEqual({ start: '23:00', end: '08:00' });
    expect(health.notices()[0]).toMatch(/^The settings are saved again since/);
    file.close();
  });

  it('in the tray app too', () => {
    const health = new StorageHealth(new FakeClock());
    let kept = { n: 1 };
    let full = true;
    const file: SafeStore<{ n: number }> = {
      path: '/settings.json',
      notices: [],
      read: () => kept,
      write: (value) => {
        if (full) throw enospc();
        kept = value;
      },
      update: () => kept,
    };
    const store = reportingSafeStore(file, health);
    expect(store.update((current) => ({ n: current.n + 1 }))).toEqual({ n: 2 });
    expect(kept).toEqual({ n: 1 });
    expect(health.isFailing('settings')).toBe(true);
    full = false;
    store.retryUnsaved();
    expect(kept).toEqual({ n: 2 });
    expect(health.isFailing('settings')).toBe(false);
  });
});
