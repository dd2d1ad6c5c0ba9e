/** What a migration changes in an older settings file, and what it leaves for validation to report. */
import { describe, expect, it } from 'vitest';
import { type AppSettings, defaultAppSettings } from '../../../main/core/settings/app-settings';
import { loadAppSettings } from '../../../main/core/settings/app-settings-load';
import { migrate, versionOf } from '../../../main/core/settings/app-settings-migrations';

const PROFILE = {
  id: 'events-sg',
  label: 'Events SG',
  sdkAppId: 1400123456,
  identifier: 'administrator',
  region: 'singapore',
};

describe('the migration from version 0', () => {
  it('keeps rooms and a tray number already in the new shape, and the sum in the tray', () => {
    const rooms = [{ groupId: '@TGS#a', label: 'Launch' }, '@TGS#b'];
    const migrated = migrate(
      { profiles: [{ ...PROFILE, rooms }], pinned: ['events-sg/@TGS#b'], tray: { number: 'sum' } },
      0,
    );
    expect(migrated.profiles).toEqual([
      {
        ...PROFILE,
        rooms: [
          { groupId: '@TGS#a', label: 'Launch' },
          { groupId: '@TGS#b', pinned: true },
        ],
      },
    ]);
    expect(migrated.tray).toEqual({ number: 'sum' });
    const roomKey = { roomKey: 'events-sg/@TGS#a' };
    expect(migrate({ tray: { number: roomKey } }, 0).tray).toEqual({ number: roomKey });
  });

  it('leaves a popover size that is not a pair as it was, for validation to report', () => {
    expect(migrate({ popover: [400] }, 0).popover).toEqual([400]);
    const outcome = loadAppSettings({ popover: [400] });
    expect(outcome.kind).toBe('invalid');
    expect((outcome.value as AppSettings).popover).toEqual(defaultAppSettings().popover);
    expect(outcome.kind === 'invalid' && outcome.problems).toEqual([expect.stringMatching(/^popover: /)]);
  });

  it('costs only the damaged entry: a null profile or tray in an old file keeps the other profiles', () => {
    const outcome = loadAppSettings({ profiles: [null, { ...PROFILE, rooms: ['@TGS#a'] }], tray: null });
    expect(outcome.kind).toBe('invalid');
    expect((outcome.value as AppSettings).profiles).toEqual([{ ...PROFILE, rooms: [{ groupId: '@TGS#a' }] }]);
    expect(outcome.kind === 'invalid' && outcome.problems.join('\n')).toMatch(/^profiles\.0: /m);
  });
});

describe('the versions a migration reads', () => {
  it('reads a whole number 0 or more as the version, and nothing else', () => {
    expect(versionOf({ schemaVersion: 0 })).toBe(0);
    expect(versionOf({ schemaVersion: 1 })).toBe(1);
    expect(versionOf({ schemaVersion: -1 })).toBeNull();
  });

  it('says which version it cannot read, newer than this build or one no step starts from', () => {
    expect(() => migrate({ schemaVersion: 2 }, 2)).toThrow(
      new RangeError('Settings version 2 is newer than this build reads (1).'),
    );
    expect(() => migrate({}, -1)).toThrow(new RangeError('No migration from settings version -1.'));
  });
});
