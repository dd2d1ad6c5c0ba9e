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
