/**
 * The settings file's migrations, step by step: what version 0 becomes, what it leaves as it was for
 * validation to report, and how `migrate` walks the steps and names a gap or a newer file.
 */
import { describe, expect, it } from 'vitest';
import {
  APP_SETTINGS_VERSION,
  type AppSettings,
  defaultAppSettings,
} from '../../../main/core/settings/app-settings';
import { loadAppSettings } from '../../../main/core/settings/app-settings-load';
import { type Migration, migrate, versionOf } from '../../../main/core/settings/app-settings-migrations';
import { PROFILE } from './settings-fixtures';

describe('the migration from version 0, as loading the file sees it', () => {
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

const fromZero = (document: Record<string, unknown>) => migrate(document, 0);

describe('version 0 of the settings file', () => {
  it('turns bare group ids into rooms, pinned where the old top-level list named their key', () => {
    const migrated = fromZero({
      pinned: ['sg/@TGS#b', 42, null, 'other/@TGS#a'],
      profiles: [{ id: 'sg', rooms: ['@TGS#a', '@TGS#b', { groupId: '@TGS#c', label: 'Kept' }, 7] }],
    });
    expect(migrated).toEqual({
      schemaVersion: APP_SETTINGS_VERSION,
      profiles: [
        {
          id: 'sg',
          rooms: [
            { groupId: '@TGS#a' },
            { groupId: '@TGS#b', pinned: true },
            { groupId: '@TGS#c', label: 'Kept' },
            7,
          ],
        },
      ],
    });
    expect(migrated).not.toHaveProperty('pinned');
  });

  it('pins nothing when the old pinned list is not a list', () => {
    expect(fromZero({ pinned: 'sg/@TGS#a', profiles: [{ id: 'sg', rooms: ['@TGS#a'] }] })).toEqual({
      schemaVersion: APP_SETTINGS_VERSION,
      profiles: [{ id: 'sg', rooms: [{ groupId: '@TGS#a' }] }],
    });
  });

  it('leaves profiles it does not recognise for validation to report, without failing on them', () => {
    const odd = [null, 'sg', [1], { id: 'no-rooms' }, { id: 'rooms-not-a-list', rooms: '@TGS#a' }];
    expect(fromZero({ profiles: odd }).profiles).toEqual(odd);
    expect(fromZero({ profiles: 'sg' }).profiles).toBe('sg');
  });

  it("makes the tray's bare room key a room, and keeps the sum and what it does not recognise", () => {
    expect(fromZero({ tray: { number: 'sg/@TGS#a', other: 1 } }).tray).toEqual({
      number: { roomKey: 'sg/@TGS#a' },
      other: 1,
    });
    expect(fromZero({ tray: { number: 'sum' } }).tray).toEqual({ number: 'sum' });
    expect(fromZero({ tray: { number: '' } }).tray).toEqual({ number: { roomKey: '' } });
    for (const tray of [null, 'sum', ['sg/@TGS#a'], { number: 3 }, { number: { roomKey: 'x' } }])
      expect(fromZero({ tray }).tray).toEqual(tray);
  });

  it('makes a [width, height] popover an object, and only a pair', () => {
    expect(fromZero({ popover: [400, 600] }).popover).toEqual({ width: 400, height: 600 });
    expect(fromZero({ popover: [400, 600, 1] }).popover).toEqual([400, 600, 1]);
    expect(fromZero({ popover: [400] }).popover).toEqual([400]);
  });
});

describe('migrate', () => {
  it('never changes the document it is given', () => {
    const raw = { pinned: ['sg/@TGS#a'], profiles: [{ id: 'sg', rooms: ['@TGS#a'] }], popover: [1, 2] };
    const copy = structuredClone(raw);
    fromZero(raw);
    expect(raw).toEqual(copy);
  });

  it('takes each step from the version it reads, in order, up to the version asked', () => {
    const trail = (from: number): Migration => ({
      from,
      up: (document) => ({ ...document, trail: [...((document.trail as number[]) ?? []), from] }),
    });
    const steps = [trail(2), trail(0), trail(1)];
    expect(migrate({}, 0, steps, 3)).toEqual({ trail: [0, 1, 2], schemaVersion: 3 });
    expect(migrate({}, 1, steps, 3)).toEqual({ trail: [1, 2], schemaVersion: 3 });
    expect(migrate({ trail: [] }, 3, steps, 3)).toEqual({ trail: [], schemaVersion: 3 });
  });

  it('names the version no step starts from, and a version newer than the build', () => {
    const steps: Migration[] = [{ from: 0, up: (document) => document }];
    expect(() => migrate({}, 0, steps, 2)).toThrow(new RangeError('No migration from settings version 1.'));
    expect(() => migrate({}, 5)).toThrow(
      new RangeError(`Settings version 5 is newer than this build reads (${APP_SETTINGS_VERSION}).`),
    );
  });
});

describe('versionOf', () => {
  it('reads a whole number 0 or more, 0 when there is none, and null for anything else', () => {
    expect(versionOf({})).toBe(0);
    expect(versionOf({ schemaVersion: 0 })).toBe(0);
    expect(versionOf({ schemaVersion: 3 })).toBe(3);
    for (const bad of [-1, 1.5, '1', null, Number.NaN]) expect(versionOf({ schemaVersion: bad })).toBeNull();
  });
});
