import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../main/core/history/history-store';
import { nodeFilePort } from '../../../main/node/file-port';
import { FakeClock } from '../../support/fake-clock';

const HOUR = 3_600_000;
const KEY = 'app-1/@TGS#live';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'headcount-record-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});
const open = (clock: FakeClock) => {
  const dir = folder;
  return HistoryStore.open({ clock, folder: { port: nodeFilePort, pathOf: (name) => join(dir, name) } });
};

describe('HistoryStore.record', () => {
  it('keeps two counts of the same second, the later last, and drops one stamped before', async () => {
    const clock = new FakeClock();
    const store = HistoryStore.inMemory(clock);
    const t = clock.wall();
    store.record(KEY, t, 10);
    store.record(KEY, t + 500, 12);
    store.record(KEY, t - 1000, 99);
    expect(store.samples(KEY, 0)).toEqual([
      { at: t, online: 10 },
      { at: t, online: 12 },
    ]);
    expect(store.buckets(KEY, 0, 'minute')).toEqual([{ at: t, min: 10, avg: 11, max: 12, count: 2 }]);
  });

  it('counts a minute found twice in the files once', async () => {
    const clock = new FakeClock();
    const t = clock.wall();
    const line = `{"m":${t / 60_000},"r":{"${KEY}":[0,4,4.5,5,2]}}`;
    await writeFile(
      join(folder, `minutes-${Math.floor(t / (24 * HOUR)) % 8}.jsonl`),
      `{"headcount":"history","v":1,"kind":"minutes","from":"2026-11-26T00:00:00.000Z"}\n${line}\n${line}\n`,
    );
    const store = await open(clock);
    expect(store.buckets(KEY, 0, 'minute')).toEqual([{ at: t, min: 4, avg: 4.5, max: 5, count: 2 }]);
    expect(store.buckets(KEY, 0, 'ten-minutes')).toEqual([{ at: t, min: 4, avg: 4.5, max: 5, count: 2 }]);
    await store.close();
  });
});

describe('HistoryStore timing and edges', () => {
  const DAY = 24 * HOUR;

  it('runs one flush timer whatever the counts, and none once every room has expired', async () => {
    const clock = new FakeClock();
    const store = HistoryStore.inMemory(clock, {
      fullResolutionMs: 60_000,
      minutesMs: 2 * 60_000,
      tenMinutesMs: 10 * 60_000,
    });
    for (let i = 0; i < 3; i++) store.record(KEY, clock.wall() + i * 1000, i);
    expect(clock.pendingTimers).toBe(1);
    await clock.advance(30 * 60_000);
    expect(store.stats().rooms).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });

  it('gives the samples at or after a time, to the millisecond', () => {
    const clock = new FakeClock();
    const store = HistoryStore.inMemory(clock);
    const t = clock.wall();
    store.record(KEY, t, 1);
    store.record(KEY, t + 10_000, 2);
    expect(store.samples(KEY, t + 1).map((s) => s.online)).toEqual([2]);
    expect(store.samples(KEY, t).map((s) => s.online)).toEqual([1, 2]);
  });

  it('keeps counts recorded after it is closed in memory only, with no timer', async () => {
    const clock = new FakeClock();
    const store = await open(clock);
    store.record(KEY, clock.wall(), 1);
    await store.close();
    store.record(KEY, clock.wall() + 10_000, 2);
    expect(clock.pendingTimers).toBe(0);
    await store.flush(true);
    expect(store.samples(KEY, 0).map((s) => s.online)).toEqual([1, 2]);
    const again = await open(clock);
    expect(again.samples(KEY, 0).map((s) => s.online)).toEqual([1]);
    await again.close();
  });

  it('reads back the minute exactly a day old as a minute, and the one exactly seven days old', async () => {
    const clock = new FakeClock();
    // Now on a ten-minute boundary: the edges fall on whole buckets.
    const now = clock.wall();
    const dayOld = now / 60_000 - 1440;
    const weekOld = now / 60_000 - 7 * 1440;
    const fileOf = (minute: number) => join(folder, `minutes-${Math.floor(minute / 1440) % 8}.jsonl`);
    const header = (minute: number) =>
      `{"headcount":"history","v":1,"kind":"minutes","from":"${new Date(Math.floor(minute / 1440) * DAY).toISOString()}"}`;
    for (const minute of [dayOld, weekOld]) {
      await writeFile(fileOf(minute), `${header(minute)}\n{"m":${minute},"r":{"${KEY}":[0,4,4.5,5,2]}}\n`);
    }
    const store = await open(clock);
    expect(store.buckets(KEY, 0, 'minute')).toEqual([
      { at: dayOld * 60_000, min: 4, avg: 4.5, max: 5, count: 2 },
    ]);
    expect(store.buckets(KEY, 0, 'ten-minutes').map((b) => b.at)).toEqual([
      weekOld * 60_000,
      dayOld * 60_000,
    ]);
    await store.close();
  });
});
