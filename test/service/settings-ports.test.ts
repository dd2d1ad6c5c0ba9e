import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AppSettings, defaultAppSettings } from '../../main/core/settings/app-settings';
import { settingsInServe } from '../../main/node/serve/serve-settings';
import { openSettingsStore } from '../../main/node/settings-store';
import { settingsInApp } from '../../main/service/settings-in-app';
import { stopAfterEach } from './stop-after-each';

const HOOK = 'https://oapi.dingtalk.com/robot/send?access_token=abcdef0123456789';

const started = stopAfterEach();

describe('where edited settings are kept', () => {
  it("maps the tray app's file both ways, leaving its other sections alone", () => {
    let file: AppSettings = { ...defaultAppSettings(), shortcut: null };
    const port = settingsInApp({
      read: () => file,
      update: (change) => {
        file = change(file);
      },
    });
    expect(port.read()).toEqual({
      rules: {},
      webhooks: [],
      quietHours: null,
      app: { launchAtLogin: false, trayNumber: 'sum', shortcut: null, language: 'system', theme: 'system' },
    });
    port.write({
      rules: { above: { threshold: 10 } },
      webhooks: [{ url: HOOK, format: 'dingtalk' }],
      quietHours: { start: '22:00', end: '06:00' },
      app: {
        launchAtLogin: true,
        trayNumber: { roomKey: 'p/@TGS#a' },
        shortcut: 'F8',
        language: 'zh-CN',
        theme: 'dark',
      },
    });
    expect(file).toMatchObject({
      rules: { above: { threshold: 10 } },
      webhooks: [{ url: HOOK, format: 'dingtalk' }],
      launchAtLogin: true,
      tray: { number: { roomKey: 'p/@TGS#a' } },
      shortcut: 'F8',
      language: 'zh-CN',
      theme: 'dark',
      popover: defaultAppSettings().popover,
    });
  });

  it("keeps `headcount serve`'s edits in its settings file, where the next run reads them", async () => {
    const folder = started(await mkdtemp(join(tmpdir(), 'headcount-serve-settings-')));
    const path = join(folder, 'config.json');
    const store = openSettingsStore(path);
    store.set('profile', { label: 'Events' });
    const edited = settingsInServe(store, store.read());
    expect(edited.port.read().app).toBeNull();
    edited.port.write({
      rules: { closed: false },
      webhooks: [{ url: HOOK, format: 'dingtalk' }],
      quietHours: null,
      app: null,
    });
    expect(edited.current()).toMatchObject({ profile: { label: 'Events' }, rules: { closed: false } });
    store.close();
    const again = openSettingsStore(path).read();
    expect(again).toMatchObject({
      profile: { label: 'Events' },
      rules: { closed: false },
      webhooks: [{ url: HOOK }],
    });
    expect(again.quietHours).toBeNull();
  });

  it("reads `headcount serve`'s room pushes from the file as it now is, once for many rooms", async () => {
    const folder = started(await mkdtemp(join(tmpdir(), 'headcount-serve-settings-')));
    const path = join(folder, 'config.json');
    const store = openSettingsStore(path);
    const edited = settingsInServe(store, store.read());
    edited.roomPush.write('@TGS#a', { via: 'group-attr', key: 'viewers' });
    // Another writer (the next run, a hand edit) changes the file; the next reader follows it.
    const other = openSettingsStore(path);
    other.set('rooms', { ...other.read().rooms, '@TGS#b': { push: { via: 'group-counter', key: 'n' } } });
    other.close();
    const read = edited.roomPush.reader();
    expect(read('@TGS#a')).toEqual({ via: 'group-attr', key: 'viewers' });
    expect(read('@TGS#b')).toEqual({ via: 'group-counter', key: 'n' });
    expect(read('@TGS#c')).toBeUndefined();
    expect(edited.roomPush.read('@TGS#b')).toEqual({ via: 'group-counter', key: 'n' });
    store.close();
  });
});
