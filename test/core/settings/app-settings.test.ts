import { describe, expect, it } from 'vitest';
import {
  APP_SETTINGS_VERSION,
  type AppSettings,
  appSettingsSchema,
  defaultAppSettings,
  profileSchema,
} from '../../../main/core/settings/app-settings';
import { loadAppSettings } from '../../../main/core/settings/app-settings-load';
import { migrate, versionOf } from '../../../main/core/settings/app-settings-migrations';
import { vaultRecordsIn } from '../../../main/core/settings/app-settings-vault';
import { settingsSchema } from '../../../main/core/settings/settings-schema';
import { PROFILE } from './settings-fixtures';

const RECORD = {
  ciphertext: 'djExAAECAwQ=',
  backend: 'gnome_libsecret',
  savedAt: '2026-11-26T12:00:00.000Z',
};

describe('the app settings schema', () => {
  it('gives every app setting a default', () => {
    expect(defaultAppSettings()).toEqual({
      schemaVersion: APP_SETTINGS_VERSION,
      profiles: [],
      vault: {},
      tray: { number: 'sum' },
      shortcut: 'CommandOrControl+Alt+H',
      launchAtLogin: false,
      popover: { width: 380, height: 520 },
      language: 'system',
      theme: 'system',
      // The overlay server stays off until the streamer turns it on.
      overlay: { on: false, port: 9421 },
    });
  });

  it('holds every section of the shared settings, with the same rules', () => {
    for (const key of Object.keys(settingsSchema.shape)) expect(appSettingsSchema.shape).toHaveProperty(key);
    const shared = {
      rules: { spike: { percent: 50, people: 200, windowSeconds: 120 }, drop: null },
      rooms: { '@TGS#a': { label: 'Launch Day' } },
      quietHours: { start: '23:00', end: '08:00' },
      webhooks: [{ format: 'slack', url: 'https://hooks.slack.com/services/x' }],
      notifications: { desktop: true },
    };
    expect(appSettingsSchema.parse({ schemaVersion: 1, ...shared })).toMatchObject(shared);
    expect(
      appSettingsSchema.safeParse({ schemaVersion: 1, rules: { spike: { percent: 'lots' } } }).success,
    ).toBe(false);
  });

  it('takes a profile with a region or an endpoint, not both, and no slash in its id', () => {
    expect(profileSchema.parse(PROFILE)).toEqual({ ...PROFILE, rooms: [] });
    expect(
      profileSchema.safeParse({ ...PROFILE, region: undefined, endpoint: 'http://127.0.0.1:9000' }).success,
    ).toBe(true);
    const problem = (input: object) => profileSchema.safeParse(input).error?.issues[0]?.message;
    expect(problem({ ...PROFILE, region: 'atlantis' })).toMatch(/^Unknown region "atlantis"/);
    expect(problem({ ...PROFILE, endpoint: 'https://example.com' })).toBe(
      'Give either a region or an endpoint, not both.',
    );
    expect(problem({ ...PROFILE, region: undefined, endpoint: 'http://example.com' })).toMatch(
      /must use https/,
    );
    expect(problem({ ...PROFILE, id: 'a/b' })).toBe('an id without spaces or "/"');
  });
});

describe('settings migrations', () => {
  const version0 = {
    profiles: [{ ...PROFILE, rooms: ['@TGS#a', '@TGS#b'] }],
    pinned: ['events-sg/@TGS#b'],
    tray: { number: 'events-sg/@TGS#a' },
    popover: [400, 600],
    rules: { repeatMinutes: 15 },
  };

  it('brings a version-0 file to version 1', () => {
    const before = structuredClone(version0);
    const migrated = migrate(version0, 0);
    expect(version0).toEqual(before);
    expect(migrated).toEqual({
      schemaVersion: 1,
      profiles: [{ ...PROFILE, rooms: [{ groupId: '@TGS#a' }, { groupId: '@TGS#b', pinned: true }] }],
      tray: { number: { roomKey: 'events-sg/@TGS#a' } },
      popover: { width: 400, height: 600 },
      rules: { repeatMinutes: 15 },
    });
    expect(appSettingsSchema.safeParse(migrated).success).toBe(true);
  });

  it('reads a headless settings file as version 0 and only adds the version', () => {
    const headless = { rules: { above: { threshold: 5000 } }, quietHours: null };
    expect(versionOf(headless)).toBe(0);
    expect(migrate(headless, 0)).toEqual({ ...headless, schemaVersion: 1 });
  });

  it('leaves a current file as it is and refuses a newer one', () => {
    const current = { schemaVersion: 1, theme: 'dark' };
    expect(migrate(current, 1)).toEqual(current);
    expect(() => migrate({ schemaVersion: 2 }, 2)).toThrow(RangeError);
    expect(versionOf({ schemaVersion: '1' })).toBeNull();
    expect(versionOf({ schemaVersion: 1.5 })).toBeNull();
  });
});

describe('loading the app settings', () => {
  it('says whether a valid file was migrated', () => {
    expect(loadAppSettings({ schemaVersion: 1, theme: 'dark' })).toMatchObject({
      kind: 'ok',
      migrated: false,
      value: { theme: 'dark', profiles: [] },
    });
    expect(loadAppSettings({ popover: [300, 300] })).toMatchObject({
      kind: 'ok',
      migrated: true,
      value: { schemaVersion: 1, popover: { width: 300, height: 300 } },
    });
  });

  it('leaves a file from a newer version alone', () => {
    expect(loadAppSettings({ schemaVersion: 7, profiles: 'new shape' })).toEqual({
      kind: 'newer',
      version: 7,
      value: defaultAppSettings(),
    });
  });

  it('keeps every valid part of an invalid file and names what was left out', () => {
    const outcome = loadAppSettings({
      schemaVersion: 1,
      profiles: [
        { ...PROFILE, rooms: [{ groupId: '@TGS#a', pinned: true }, { groupId: '' }] },
        { ...PROFILE, id: 'broken', sdkAppId: 'not a number' },
      ],
      vault: { 'events-sg': RECORD, broken: { ...RECORD, backend: 'floppy' } },
      webhooks: [
        { format: 'slack', url: 'https://hooks.slack.com/services/x' },
        { format: 'teams', url: 'https://example.com' },
      ],
      quietHours: { start: '25:00', end: '08:00' },
      theme: 'purple',
      colour: 'red',
    });
    expect(outcome.kind).toBe('invalid');
    const value = outcome.value as AppSettings;
    expect(value.profiles).toEqual([{ ...PROFILE, rooms: [{ groupId: '@TGS#a', pinned: true }] }]);
    expect(value.vault).toEqual({ 'events-sg': RECORD });
    expect(value.webhooks).toEqual([{ format: 'slack', url: 'https://hooks.slack.com/services/x' }]);
    expect(value.quietHours).toBeUndefined();
    expect(value.theme).toBe('system');
    expect(value).not.toHaveProperty('colour');
    const problems = outcome.kind === 'invalid' ? outcome.problems.join('\n') : '';
    expect(problems).toMatch(/^profiles\.0\.rooms\.1\.groupId: /m);
    expect(problems).toMatch(/^profiles\.1\.sdkAppId: /m);
    expect(problems).toMatch(/^vault\.broken\.backend: /m);
    expect(problems).toMatch(/^quietHours\.start: a time of day/m);
    expect(problems).toMatch(/Unrecognized key: "colour"/);
  });

  it('falls back to the defaults for a document that is not an object', () => {
    for (const raw of [null, [], 'settings', 42]) {
      expect(loadAppSettings(raw)).toEqual({
        kind: 'invalid',
        value: defaultAppSettings(),
        problems: ['(top): the file does not hold a JSON object'],
      });
    }
  });

  it('names the region of a profile whose region or endpoint is wrong, the field to fix', () => {
    const outcome = loadAppSettings({
      schemaVersion: 1,
      profiles: [
        { ...PROFILE, region: 'atlantis' },
        { ...PROFILE, id: 'both', endpoint: 'https://example.com' },
      ],
    });
    const problems = outcome.kind === 'invalid' ? outcome.problems : [];
    expect(problems[0]).toMatch(/^profiles\.0\.region: Unknown region "atlantis"/);
    expect(problems[1]).toBe('profiles.1.region: Give either a region or an endpoint, not both.');
  });

  it('falls back to the defaults, and says why, for a file nested too deep to read', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const outcome = loadAppSettings({ schemaVersion: 1, theme: deep });
    expect(outcome).toEqual({
      kind: 'invalid',
      value: defaultAppSettings(),
      problems: [expect.stringMatching(/^\(top\): \w+/)],
    });
  });

  it('reads a file whose version is not a number as the current one, and says so', () => {
    const outcome = loadAppSettings({ schemaVersion: 'one', theme: 'dark' });
    expect(outcome).toMatchObject({ kind: 'invalid', value: { theme: 'dark', schemaVersion: 1 } });
    expect(outcome.kind === 'invalid' && outcome.problems[0]).toMatch(
      /^schemaVersion: not a settings version/,
    );
  });
});

describe('the vault section as a record store', () => {
  it('puts and removes records, and writes nothing for a record that is not there', () => {
    let settings = defaultAppSettings();
    let writes = 0;
    const records = vaultRecordsIn({
      read: () => settings,
      update: (change) => {
        const next = change(settings);
        if (next !== settings) writes++;
        settings = next;
      },
    });
    records.put('events-sg', RECORD as AppSettings['vault'][string]);
    expect(records.all()).toEqual({ 'events-sg': RECORD });
    records.remove('nothing-here');
    expect(writes).toBe(1);
    records.remove('events-sg');
    expect(settings.vault).toEqual({});
    expect(writes).toBe(2);
  });
});
