import { describe, expect, it } from 'vitest';
import { HistoryStore } from '../../main/core/history/history-store';
import { profileEngineFactory } from '../../main/node/profile-engine';
import { MAX_SPARKLINE_KEYS, roomSparkline, SPARKLINE_MINUTES } from '../../main/service/room-sparkline';
import type { KeyStore, ProfileStore } from '../../main/service/service-ports';
import { startSimulator } from '../../main/simulator';
import { AnsweredRequests } from '../support/answered-requests';
import { FakeClock } from '../support/fake-clock';
import { MemoryKeys, MemoryProfiles, serviceOver, simulatorProfile } from './memory-ports';
import { stopAfterEach } from './stop-after-each';

const MINUTE = 60_000;
const KEY = 'app-1/@TGS#live';

describe('roomSparkline', () => {
  it('gives one average per minute for the last 30, null where a minute has no count', () => {
    const clock = new FakeClock();
    const now = clock.wall();
    const store = HistoryStore.inMemory(clock);
    // Every 10 s for 40 minutes: counts rise by one a poll; minute 5 (from the start) only failed;
    // nothing at all in minutes 10 and 11 (the app was closed).
    for (let s = 40 * 60 - 10; s >= 0; s -= 10) {
      const at = now - s * 1000;
      const minute = Math.floor((at - (now - 30 * MINUTE)) / MINUTE);
      if (minute === 10 || minute === 11) continue;
      store.record(KEY, at, minute === 5 ? null : 1000 + Math.floor((40 * 60 - s) / 10));
    }
    const line = roomSparkline(store, KEY, now);
    expect(line).toHaveLength(SPARKLINE_MINUTES);
    expect(line[5]).toBeNull();
    expect(line[10]).toBeNull();
    expect(line[11]).toBeNull();
    expect(line.filter((value) => value === null)).toHaveLength(3);
    expect(line.every((value) => value !== 0)).toBe(true);
    // The last minute holds the polls from now-60 s to now itself: counts 1234 ... 1240.
    expect(line.at(-1)).toBe(1237);
    // The first, from now-30 min: counts 1060 ... 1065, average 1062.5.
    expect(line[0]).toBe(1063);
  });

  it('ends its last minute at the moment asked, that moment included and anything later left out', () => {
    const clock = new FakeClock();
    const now = clock.wall() - 60_000;
    const store = HistoryStore.inMemory(clock);
    store.record(KEY, now - 30_000, 100);
    store.record(KEY, now, 200);
    // Counted after that moment (the moment asked is a minute before the clock's now).
    store.record(KEY, now + 20_000, 900);
    const line = roomSparkline(store, KEY, now);
    expect(line.at(-1)).toBe(150);
    expect(line.slice(0, -1)).toEqual(Array(SPARKLINE_MINUTES - 1).fill(null));
  });

  it('is all null for a room with no history', () => {
    const clock = new FakeClock();
    expect(roomSparkline(HistoryStore.inMemory(clock), KEY, clock.wall())).toEqual(
      Array(SPARKLINE_MINUTES).fill(null),
    );
  });
});

describe('MonitorService.getSparklines over the simulator', () => {
  const started = stopAfterEach();

  it('answers for the watched rooms asked for, with the polled count in the last minute and failures as null', async () => {
    const clock = new FakeClock();
    const sim = started(
      await startSimulator({
        rooms: [
          { groupId: '@TGS#live', name: 'Launch Day', audience: { kind: 'fixed', online: 1234 } },
          { groupId: '@TGS#down', name: 'Quiet', audience: { kind: 'fixed', online: 55 } },
        ],
        clock,
      }),
    );
    sim.control.injectFault({ kind: 'http-502', groupId: '@TGS#down' });
    const profile = simulatorProfile(sim, ['@TGS#live', '@TGS#down']);
    const profiles: ProfileStore = { list: () => [profile], save: () => {}, remove: () => {} };
    const keys: KeyStore = {
      saveKey: async () => 'protected',
      readKey: () => ({ ok: true, key: sim.credentials.secretKey }),
      forget: () => {},
      storage: () => ({ keyStorage: 'protected', note: '' }),
    };
    const requests = new AnsweredRequests();
    const service = started(
      serviceOver(profiles, keys, {
        clock,
        openEngine: profileEngineFactory({ clock, wrapPost: requests.wrap }),
        history: HistoryStore.inMemory(clock),
      }),
    );
    await service.start();
    await clock.advance(5_000, requests.settle);
    const lines = await service.getSparklines([KEY, 'app-1/@TGS#down', 'app-1/@TGS#gone']);
    expect(Object.keys(lines).sort()).toEqual(['app-1/@TGS#down', KEY]);
    expect(lines[KEY]).toHaveLength(30);
    // Five seconds of counts, all in the current minute; the minutes before have none, never 0.
    expect(lines[KEY]?.at(-1)).toBe(1234);
    expect(lines[KEY]?.slice(0, -1)).toEqual(Array(29).fill(null));
    expect(lines['app-1/@TGS#down']).toEqual(Array(30).fill(null));
  });

  it('answers for the first 200 rooms of a longer list, the most one request may ask for', async () => {
    const rooms = Array.from({ length: MAX_SPARKLINE_KEYS + 5 }, (_, i) => ({ groupId: `room-${i}` }));
    const profiles = new MemoryProfiles();
    profiles.save({ id: 'app-1', label: 'Events', sdkAppId: 1400000001, identifier: 'admin', rooms });
    const service = started(serviceOver(profiles, new MemoryKeys()));
    await service.start();
    const asked = rooms.map((room) => `app-1/${room.groupId}`);
    const lines = await service.getSparklines(asked);
    expect(Object.keys(lines).sort()).toEqual(asked.slice(0, MAX_SPARKLINE_KEYS).sort());
  });
});
