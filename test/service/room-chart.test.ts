import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ChartData } from '../../main/contract/monitor-api';
import { AlertLog } from '../../main/core/alerts/alert-log';
import { SnoozeBook } from '../../main/core/alerts/snooze';
import { HistoryStore } from '../../main/core/history/history-store';
import { nodeFilePort } from '../../main/node/file-port';
import { profileEngineFactory } from '../../main/node/profile-engine';
import { createMonitorService } from '../../main/service/monitor-service';
import { chartCsv, MAX_CHART_POINTS, roomChart, roomExport } from '../../main/service/room-chart';
import type { KeyStore, ProfileRecord, ProfileStore } from '../../main/service/service-ports';
import { startSimulator } from '../../main/simulator';
import { AnsweredRequests } from '../support/answered-requests';
import { FakeClock } from '../support/fake-clock';
import { simulatorProfile } from './memory-ports';
import { stopAfterEach } from './stop-after-each';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const KEY = 'app-1/@TGS#live';

/** A store fed one count every `everyMs` over `forMs` up to the clock's now, by `countAt(i)`. */
function storeWith(clock: FakeClock, forMs: number, everyMs: number, countAt: (i: number) => number | null) {
  const store = HistoryStore.inMemory(clock);
  const steps = forMs / everyMs;
  for (let i = 0; i < steps; i++) store.record(KEY, clock.wall() - forMs + (i + 1) * everyMs, countAt(i));
  return store;
}

const defined = (values: Array<number | null>) => values.filter((v): v is number => v !== null);

describe('roomChart', () => {
  it('shows every count of the last 10 minutes, with failures and pauses as null', () => {
    const clock = new FakeClock();
    const now = clock.wall();
    const store = HistoryStore.inMemory(clock);
    const counts: Array<[number, number | null]> = [
      [-590, 100],
      [-580, 110],
      [-570, null],
      [-560, 90],
      // Nothing for 5 minutes: the app was paused.
      [-260, 120],
      [-250, 130],
    ];
    for (const [s, online] of counts) store.record(KEY, now + s * 1000, online);
    const chart = roomChart(store, KEY, 'live', now, []);
    expect(chart.at).toEqual([-590, -580, -570, -560, -410, -260, -250].map((s) => now + s * 1000));
    expect(chart.online).toEqual([100, 110, null, 90, null, 120, 130]);
    expect(chart.min.every((v) => v === null) && chart.max.every((v) => v === null)).toBe(true);
    expect(chart.summary).toEqual({ peak: { online: 130, at: now - 250_000 }, min: 90, avg: 110 });
  });

  it('draws long ranges from buckets, within the point limit, with gaps as null', () => {
    const clock = new FakeClock();
    const now = clock.wall();
    // Two days at 10 s, a failure every 100th poll, and the app off for an hour 30 hours ago.
    const store = storeWith(clock, 48 * HOUR, 10_000, (i) =>
      i % 100 === 0 || (i >= 18 * 360 && i < 19 * 360) ? null : 1000 + ((i + 3) % 360),
    );
    const charts = Object.fromEntries(
      (['1h', '6h', '24h', '7d'] as const).map((range) => [range, roomChart(store, KEY, range, now, [])]),
    ) as Record<'1h' | '6h' | '24h' | '7d', ChartData>;

    // From the count exactly an hour ago to now; three failed polls (i = 17000, 17100, 17200).
    expect(charts['1h'].at).toHaveLength(361);
    expect(charts['1h'].online.filter((v) => v === null)).toHaveLength(3);
    const steps = (chart: ChartData) =>
      new Set(chart.at.slice(1).map((at, i) => at - (chart.at[i] as number)));
    expect(steps(charts['6h'])).toEqual(new Set([30_000]));
    expect(steps(charts['24h'])).toEqual(new Set([MINUTE]));
    expect(steps(charts['7d'])).toEqual(new Set([10 * MINUTE]));
    for (const chart of Object.values(charts)) expect(chart.at.length).toBeLessThanOrEqual(MAX_CHART_POINTS);
    expect(charts['7d'].at).toHaveLength(7 * 144 + 1);

    // Each bucket spans the counts in it; the week shows the hour the app was off as empty buckets.
    const week = charts['7d'];
    const counted = week.online.map((v, i) => (v === null ? -1 : i)).filter((i) => i >= 0);
    // 289 buckets from 48 h ago to now, less the five the hour off left without a single count.
    expect(counted.length).toBe(289 - 5);
    for (const i of counted) {
      expect(week.min[i]).toBeLessThanOrEqual(week.online[i] as number);
      expect(week.max[i]).toBeGreaterThanOrEqual(week.online[i] as number);
    }
    expect(Math.max(...defined(week.max))).toBe(1359);
    expect(Math.min(...defined(week.min))).toBe(1000);
    // The latest peak, at hh:59:30 by its sample, not at the start of its minute.
    expect(charts['24h'].summary.peak).toEqual({ online: 1359, at: now - 30_000 });
  });

  it('exports every sample up to 6 h and minutes for a day, as CSV without the time before history', () => {
    const clock = new FakeClock();
    const now = clock.wall();
    const store = storeWith(clock, 2 * HOUR, 10_000, (i) => (i === 5 ? null : 1000 + i));
    const sixHours = chartCsv(roomExport(store, KEY, '6h', now)).split('\n');
    expect(sixHours[0]).toBe('time,online,min,max');
    expect(sixHours).toHaveLength(1 + 720 + 1);
    expect(sixHours[1]).toBe(`${new Date(now - 2 * HOUR + 10_000).toISOString()},1000,,`);
    expect(sixHours[6]).toBe(`${new Date(now - 2 * HOUR + 60_000).toISOString()},,,`);
    const day = chartCsv(roomExport(store, KEY, '24h', now)).split('\n');
    expect(day).toHaveLength(1 + 121 + 1);
    expect(day[2]).toBe(`${new Date(now - 2 * HOUR + MINUTE).toISOString()},1008,1006,1010`);
    expect(chartCsv(roomChart(HistoryStore.inMemory(clock), KEY, 'live', now, []))).toBe(
      'time,online,min,max\n',
    );
  });
});

/** Profiles and keys in memory, as the settings file and the vault would keep them. */
function memoryStores(profile: ProfileRecord, key: string) {
  const profiles = new Map([[profile.id, profile]]);
  const store: ProfileStore = {
    list: () => [...profiles.values()],
    save: (p) => void profiles.set(p.id, p),
    remove: (id) => void profiles.delete(id),
  };
  const keys: KeyStore = {
    saveKey: async () => 'protected',
    readKey: () => ({ ok: true, key }),
    forget: () => {},
    storage: () => ({ keyStorage: 'protected', note: 'Saved in the keyring.' }),
  };
  return { store, keys };
}

describe('MonitorService charts', () => {
  const started = stopAfterEach();
  let folder: string;

  beforeEach(async () => {
    folder = started(await mkdtemp(join(tmpdir(), 'headcount-chart-')));
  });

  it('charts and exports a polled room, failures as gaps, with its alerts, and keeps it on disk', async () => {
    const clock = new FakeClock();
    const t0 = clock.wall();
    const sim = started(
      await startSimulator({
        rooms: [{ groupId: '@TGS#live', name: 'Launch Day', audience: { kind: 'fixed', online: 1234 } }],
        clock,
      }),
    );
    const profile = simulatorProfile(sim, ['@TGS#live']);
    const { store, keys } = memoryStores(profile, sim.credentials.secretKey);
    const historyFolder = { port: nodeFilePort, pathOf: (name: string) => join(folder, 'history', name) };
    const alertLog = await AlertLog.open(nodeFilePort, join(folder, 'alerts.jsonl'));
    const requests = new AnsweredRequests();
    const advance = (ms: number) => clock.advance(ms, requests.settle);
    const service = started(
      createMonitorService({
        clock,
        profiles: store,
        keys,
        openEngine: profileEngineFactory({ clock, wrapPost: requests.wrap }),
        snoozes: new SnoozeBook(),
        saveSnoozes: () => {},
        alertLog,
        history: await HistoryStore.open({ clock, folder: historyFolder }),
      }),
    );
    await service.start();
    // Polled every second from the start: at 0 s and 1 s.
    await advance(1_000);
    expect((await service.getChart(KEY, 'live')).online).toEqual([1234, 1234]);

    sim.control.injectFault({ kind: 'http-502', groupId: '@TGS#live' });
    await advance(1_000);
    expect((await service.getChart(KEY, 'live')).online).toEqual([1234, 1234, null]);
    sim.control.clearFaults();
    // The failing room is retried after its backoff (2 s at most after one failure, with jitter).
    await advance(3_000);
    const chart = await service.getChart(KEY, 'live');
    expect(chart.online.slice(0, 3)).toEqual([1234, 1234, null]);
    expect(chart.online.at(-1)).toBe(1234);
    expect(chart.at.slice(0, 3)).toEqual([t0, t0 + 1_000, t0 + 2_000]);
    await alertLog.record({
      id: 'alert-1',
      rule: 'above',
      phase: 'firing',
      severity: 'warning',
      profile: 'Events',
      groupId: '@TGS#live',
      title: 'Launch Day is above 1,000',
      message: '1,234 online',
      at: clock.wall(),
    });

    expect(chart.online.every((v) => v !== 0)).toBe(true);
    expect(chart.summary).toMatchObject({ peak: { online: 1234 }, min: 1234, avg: 1234 });
    expect((await service.getChart(KEY, 'live')).alerts).toMatchObject([{ id: 'alert-1', roomKey: KEY }]);

    const day = await service.getChart(KEY, '24h');
    expect(day.at).toHaveLength(1441);
    expect(day.online.at(-1)).toBe(1234);
    expect(day.online[0]).toBeNull();

    const csv = (await service.exportCsv(KEY, 'live')).split('\n');
    expect(csv.slice(0, 4)).toEqual([
      'time,online,min,max',
      `${new Date(t0).toISOString()},1234,,`,
      `${new Date(t0 + 1_000).toISOString()},1234,,`,
      `${new Date(t0 + 2_000).toISOString()},,,`,
    ]);
    await expect(service.getChart('app-1/@TGS#other', 'live')).rejects.toThrow(/There is no room/);

    await service.stop();
    const reopened = await HistoryStore.open({ clock, folder: historyFolder });
    expect(reopened.samples(KEY, 0)).toEqual(chart.at.map((at, i) => ({ at, online: chart.online[i] })));
    await reopened.close();
  });
});
