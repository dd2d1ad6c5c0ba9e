import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../main/core/config-error';
import { loadAppSettings } from '../../../main/core/settings/app-settings-load';
import { roomPushTargets } from '../../../main/core/settings/settings-push';
import { parseSettings } from '../../../main/core/settings/settings-rules';

const ROOMS = {
  '@TGS#shown': { label: 'Launch Day', push: { via: 'group-attr' } },
  'vip room': { push: { via: 'message', key: 'viewers' } },
  '@TGS#quiet': { label: 'Quiet', rules: { below: { threshold: 10 } } },
};

describe('rooms.<groupId>.push in the settings', () => {
  it('opts rooms in, with the default key when none is written', () => {
    const settings = parseSettings({ rooms: ROOMS }, 'config.json');
    expect(roomPushTargets(settings)).toEqual({
      '@TGS#shown': { via: 'group-attr', key: 'online_member_num' },
      'vip room': { via: 'message', key: 'viewers' },
    });
  });

  it('names the field of a bad mechanism or a key over 32 bytes', () => {
    const bad = {
      rooms: {
        a: { push: { via: 'carrier-pigeon' } },
        b: { push: { via: 'group-attr', key: 'k'.repeat(33) } },
      },
    };
    expect(() => parseSettings(bad, 'config.json')).toThrow(ConfigError);
    expect(() => parseSettings(bad, 'config.json')).toThrow(/rooms\.a\.push\.via/);
    expect(() => parseSettings(bad, 'config.json')).toThrow(/rooms\.b\.push\.key: a key of 1 to 32 bytes/);
  });

  it('keeps loading the files written before rooms could push, headless and tray alike', () => {
    const old = { rooms: { '@TGS#quiet': ROOMS['@TGS#quiet'] } };
    expect(roomPushTargets(parseSettings(old, 'config.json'))).toEqual({});
    // A tray file of version 0 (no schemaVersion) and one of the current version, both without push.
    const v0 = loadAppSettings({
      profiles: [
        { id: 'p', label: 'P', sdkAppId: 1, identifier: 'a', region: 'china', rooms: ['@TGS#quiet'] },
      ],
      ...old,
    });
    expect(v0.kind).toBe('ok');
    expect(v0.value.rooms).toEqual(old.rooms);
    const v1 = loadAppSettings({ schemaVersion: 1, rooms: ROOMS });
    expect(v1.kind).toBe('ok');
    expect(roomPushTargets(v1.value)['@TGS#shown']).toEqual({ via: 'group-attr', key: 'online_member_num' });
  });

  it('drops only the broken push of a tray file, keeping the room and the rest', () => {
    const loaded = loadAppSettings({
      schemaVersion: 1,
      rooms: { ...ROOMS, '@TGS#odd': { label: 'Odd', push: { via: 'telegram' } } },
    });
    expect(loaded.kind).toBe('invalid');
    expect(loaded.kind === 'invalid' && loaded.problems).toEqual([
      'rooms.@TGS#odd.push.via: Invalid option: expected one of "group-attr"|"group-counter"|"message"',
    ]);
    expect(loaded.value.rooms?.['vip room']?.push).toEqual({ via: 'message', key: 'viewers' });
    expect(loaded.value.rooms?.['@TGS#odd']).toEqual({ label: 'Odd' });
  });
});
