import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FilePort } from '../../../main/core/file-port';
import { HistoryStore, type HistoryStoreOptions } from '../../../main/core/history/history-store';
import { nodeFilePort } from '../../../main/node/file-port';
import { FakeClock } from '../../support/fake-clock';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ROOM = 'app-1/@TGS#live';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'headcount-history-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** The real file port, counting the writes that reach it. */
function countingPort() {
  const calls = { append: 0, replace: 0 };
  const port: FilePort = {
    ...nodeFilePort,
    append: (path, text) => {
      calls.append++;
      return nodeFilePort.append(path, text);
    },
    replace: (path, text) => {
      calls.replace++;
      return nodeFilePort.replace(path, text);
    },
  };
  return { port, calls };
}

function open(clock: FakeClock, port: FilePort = nodeFilePort, options: Partial<HistoryStoreOptions> = {}) {
  const history = join(folder, 'history');
  return HistoryStore.open({
    clock,
    folder: { port, pathOf: (name) => join(history, name) },
    ...options,
  });
}

/** A count that moves every sample, so each minute has a distinct min, average and max. */
const countAt = (i: number) => 1_000 + ((i * 37) % 50);

/** Polls ROOM every `everyMs` for `forMs`, moving the clock (and its flush timer) along. */
async function poll(clock: FakeClock, store: HistoryStore, forMs: number, everyMs = 10_000) {
  for (let i = 0; i < forMs / everyMs; i++) {
    await clock.advance(everyMs);
    store.record(ROOM, clock.wall(), countAt(i));
  }
}

const onlines = (samples: Array<{ online: number | null }>) => samples.map((s) => s.online);

describe('HistoryStore', () => {
  it('keeps every sample for 6 h and min/avg/max per minute beyond, to the count', async () => {
    const clock = new FakeClock();
    const store = await open(clock);
    const start = clock.wall();
    await poll(clock, store, 8 * HOUR);
    const now = clock.wall();

    const samples = store.samples(ROOM, 0);
    expect(samples[0]?.at).toBeGreaterThanOrEqual(now - 6 * HOUR - 60_000);
    expect(samples.length).toBeGreaterThanOrEqual(6 * 360);
    expect(samples.length).toBeLessThanOrEqual(6 * 360 + 6);
    expect(samples.at(-1)).toEqual({ at: now, online: countAt(8 * 360 - 1) });

    const minutes = store.buckets(ROOM, 0, 'minute');
    expect(minutes[0]?.at).toBe(start);
    expect(minutes).toHaveLength(8 * 60 + 1);
    // The first minute after 12:00:00 holds the samples at :10 ... :60 (i = 0..4), the next i = 5..10.
    const second = [5, 6, 7, 8, 9, 10].map(countAt);
    expect(minutes[1]).toEqual({
      at: start + 60_000,
      min: Math.min(...second),
      avg: Math.round((second.reduce((a, b) => a + b) / 6) * 10) / 10,
      max: Math.max(...second),
      count: 6,
    });
    const tens = store.buckets(ROOM, 0, 'ten-minutes');
    expect(tens).toHaveLength(8 * 6 + 1);
    const firstTen = Array.from({ length: 59 }, (_, i) => countAt(i));
    expect(tens[0]).toMatchObject({
      at: start,
      min: Math.min(...firstTen),
      max: Math.max(...firstTen),
      count: 59,
    });
    await store.close();
  });

  it('keeps failed polls as gaps, and drops counts stamped before the latest', async () => {
    const clock = new FakeClock();
    const store = await open(clock);
    const t = clock.wall();
    store.record(ROOM, t, 10);
    store.record(ROOM, t + 10_000, null);
    store.record(ROOM, t + 20_000, 12);
    store.record(ROOM, t + 5_000, 99);
    expect(store.samples(ROOM, 0)).toEqual([
      { at: t, online: 10 },
      { at: t + 10_000, online: null },
      { at: t + 20_000, online: 12 },
    ]);
    expect(store.buckets(ROOM, 0, 'minute')).toEqual([{ at: t, min: 10, avg: 11, max: 12, count: 2 }]);
    await store.close();
  });

  it('writes in batches, not once per sample, and writes the rest when closed', async () => {
    const clock = new FakeClock();
    const { port, calls } = countingPort();
    const store = await open(clock, port);
    for (let cycle = 0; cycle < 5; cycle++) {
      for (let room = 0; room < 2000; room++) store.record(`app-1/room${room}`, clock.wall() + room, room);
      await clock.advance(10_000);
    }
    expect(calls.append + calls.replace).toBe(0);
    await clock.advance(10_000);
    expect(calls.append + calls.replace).toBe(1);
    for (let room = 0; room < 2000; room++) store.record(`app-1/room${room}`, clock.wall(), room + 1);
    await store.close();
    // One more line of samples, and the minutes closed so far in one line.
    expect(calls.append + calls.replace).toBe(3);
    const reopened = await open(clock);
    expect(reopened.stats().rooms).toBe(2000);
    expect(onlines(reopened.samples('app-1/room1999', 0))).toEqual([1999, 1999, 1999, 1999, 1999, 2000]);
    await reopened.close();
  });

  it('keeps everything across a restart, and rebuilds minutes the files lacked', async () => {
    const clock = new FakeClock();
    const store = await open(clock);
    await poll(clock, store, 3 * HOUR);
    await store.close();
    const reopened = await open(clock);
    for (const width of ['minute', 'ten-minutes'] as const) {
      expect(reopened.buckets(ROOM, 0, width)).toEqual(store.buckets(ROOM, 0, width));
    }
    expect(reopened.samples(ROOM, 0)).toEqual(store.samples(ROOM, 0));
    await reopened.close();

    // A crash: the samples reached disk within a minute, the minutes were still waiting.
    const crashed = await open(clock, nodeFilePort, { minuteBatchMs: 10 * HOUR });
    await poll(clock, crashed, 20 * 60_000);
    await crashed.flush();
    const after = await open(clock);
    expect(after.buckets(ROOM, 0, 'minute')).toEqual(crashed.buckets(ROOM, 0, 'minute'));
    expect(after.buckets(ROOM, 0, 'minute')).toHaveLength(3 * 60 + 21);
    await crashed.close();
    await after.close();
  });

  it('reads its files a piece at a time, never whole, when the port can', async () => {
    const clock = new FakeClock();
    const store = await open(clock);
    await poll(clock, store, 3 * HOUR);
    await store.close();
    let largest = 0;
    const inPieces: FilePort = {
      ...nodeFilePort,
      read: () => Promise.reject(new Error('read whole')),
      async readChunks(path) {
        const text = await nodeFilePort.read(path);
        if (text === null) return null;
        largest = Math.max(largest, text.length);
        return Array.from({ length: Math.ceil(text.length / 1000) }, (_, i) =>
          text.slice(i * 1000, (i + 1) * 1000),
        );
      },
    };
    const reopened = await open(clock, inPieces);
    expect(largest).toBeGreaterThan(2000);
    expect(reopened.problems()).toMatchObject({ unusedFiles: 0, skippedLines: 0, truncatedFiles: 0 });
    expect(reopened.samples(ROOM, 0)).toEqual(store.samples(ROOM, 0));
    expect(reopened.buckets(ROOM, 0, 'minute')).toEqual(store.buckets(ROOM, 0, 'minute'));
    await reopened.close();
  });

  it('keeps a file that fails part way through its reading aside, and starts a new one in its place', async () => {
    const clock = new FakeClock();
    const store = await open(clock);
    await poll(clock, store, 10 * 60_000);
    await store.close();
    const failing: FilePort = {
      ...nodeFilePort,
      async readChunks(path) {
        const text = await nodeFilePort.read(path);
        if (text === null || !path.includes('samples-')) return text === null ? null : [text];
        return (async function* () {
          yield text.slice(0, text.length >> 1);
          throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
        })();
      },
    };
    const reopened = await open(clock, failing);
    expect(reopened.problems()).toMatchObject({ unusedFiles: 1 });
    expect(reopened.problems()?.messages.join('\n')).toMatch(
      /could not be read .*it is kept as .*unreadable-/,
    );
    reopened.record(ROOM, clock.wall() + 10_000, 77);
    await reopened.close();
    const names = await readdir(join(folder, 'history'));
    const aside = names.find((f) => f.includes('.unreadable-')) as string;
    expect(await readFile(join(folder, 'history', aside), 'utf8')).toContain(String(countAt(59)));
    const again = await open(clock);
    expect(onlines(again.samples(ROOM, 0))).toContain(77);
    await again.close();
  });

  it('forgets what is older than 7 days, in memory and on disk', async () => {
    const clock = new FakeClock();
    const store = await open(clock);
    const now = clock.wall();
    // One count a minute for nine days, up to now.
    for (let t = now - 9 * DAY; t <= now; t += 60_000) store.record(ROOM, t, Math.round((now - t) / 60_000));
    await store.close();
    const check = (s: HistoryStore) => {
      const tens = s.buckets(ROOM, 0, 'ten-minutes');
      expect(tens[0]?.at).toBeGreaterThanOrEqual(now - 7 * DAY);
      expect(tens[0]?.at).toBeLessThan(now - 7 * DAY + 10 * 60_000);
      expect(s.buckets(ROOM, 0, 'minute')[0]?.at).toBeGreaterThanOrEqual(now - DAY);
      expect(s.samples(ROOM, 0)[0]?.at).toBeGreaterThanOrEqual(now - 6 * HOUR);
    };
    check(store);
    const reopened = await open(clock);
    check(reopened);
    await reopened.close();
    const files = await readdir(join(folder, 'history'));
    expect(files.filter((f) => f.startsWith('minutes-')).length).toBe(8);
    expect(files.filter((f) => f.startsWith('samples-')).length).toBe(7);

    // Eight days later the old counts are not read, and each file is replaced when its turn comes.
    clock.sleepMachine(8 * DAY);
    const later = await open(clock);
    expect(later.stats().rooms).toBe(0);
    later.record(ROOM, clock.wall(), 5);
    later.record(ROOM, clock.wall() + 60_000, 6);
    await later.close();
    const last = await open(clock);
    expect(onlines(last.samples(ROOM, 0))).toEqual([5, 6]);
    expect(last.buckets(ROOM, 0, 'minute').map((b) => b.avg)).toEqual([5, 6]);
    const today = Math.floor(clock.wall() / DAY) % 8;
    expect((await readFile(join(folder, 'history', `minutes-${today}.jsonl`), 'utf8')).split('\n')).toEqual([
      '{"headcount":"history","v":1,"kind":"minutes","from":"2026-12-04T00:00:00.000Z"}',
      `{"m":${clock.wall() / 60_000},"r":{"${ROOM}":[0,5,5,5,1]}}`,
      '',
    ]);
    await last.close();
  });

  it('skips a cut-off last line and garbage, keeps the rest and the damaged file aside, and appends on a line of its own', async () => {
    const clock = new FakeClock();
    const store = await open(clock);
    await poll(clock, store, 5 * 60_000);
    await store.close();
    const name = (await readdir(join(folder, 'history'))).find((f) => f.startsWith('samples-')) as string;
    const path = join(folder, 'history', name);
    const text = await readFile(path, 'utf8');
    const lines = text.trimEnd().split('\n');
    await writeFile(
      path,
      [lines[0], 'not json', '{"t":"x","r":{}}', ...lines.slice(1), '{"t":176415'].join('\n'),
    );

    const reopened = await open(clock);
    expect(reopened.samples(ROOM, 0)).toEqual(store.samples(ROOM, 0));
    expect(reopened.problems()).toMatchObject({ skippedLines: 2, truncatedFiles: 1, writeFailures: 0 });
    reopened.record(ROOM, clock.wall() + 10_000, 77);
    await reopened.close();

    // The damaged file is kept aside, named; its readable lines stay in its place, so the next
    // start meets no damage and nothing readable is lost.
    const aside = (await readdir(join(folder, 'history'))).filter((f) => f.startsWith(`${name}.damaged-`));
    expect(aside).toHaveLength(1);
    expect(reopened.problems()?.messages.join('\n') ?? '').toContain(
      `the file as it was is kept as ${join(folder, 'history', aside[0] as string)}`,
    );
    expect(await readFile(join(folder, 'history', aside[0] as string), 'utf8')).toContain('not json');
    const again = await open(clock);
    expect(onlines(again.samples(ROOM, 0)).at(-1)).toBe(77);
    expect(again.samples(ROOM, 0).slice(0, -1)).toEqual(store.samples(ROOM, 0));
    expect(again.problems()).toMatchObject({ skippedLines: 0, truncatedFiles: 0, messages: [] });
    await again.close();
  });

  it('writes the documented format', async () => {
    const clock = new FakeClock();
    const store = await open(clock);
    const t = clock.wall();
    store.record(ROOM, t + 3_000, 1234);
    store.record(ROOM, t + 13_000, 1240);
    store.record(ROOM, t + 23_000, null);
    store.record(ROOM, t + 63_000, 1250);
    await store.close();
    const history = join(folder, 'history');
    const hour = Math.floor(t / HOUR) % 7;
    const day = Math.floor(t / DAY) % 8;
    expect((await readFile(join(history, `samples-${hour}.jsonl`), 'utf8')).split('\n')).toEqual([
      '{"headcount":"history","v":1,"kind":"samples","from":"2026-11-26T12:00:00.000Z"}',
      `{"t":${t / 1000 + 3},"r":{"${ROOM}":[0,1234,10,1240,10,null,40,1250]}}`,
      '',
    ]);
    expect((await readFile(join(history, `minutes-${day}.jsonl`), 'utf8')).split('\n')).toEqual([
      '{"headcount":"history","v":1,"kind":"minutes","from":"2026-11-26T00:00:00.000Z"}',
      `{"m":${t / 60_000},"r":{"${ROOM}":[0,1234,1237,1240,2]}}`,
      '',
    ]);
  });

  it('can open at once and read the files in the background, keeping the counts recorded meanwhile', async () => {
    const clock = new FakeClock();
    const first = await open(clock);
    first.record(ROOM, clock.wall(), 1);
    await first.close();
    let pauses = 0;
    const history = join(folder, 'history');
    const store = HistoryStore.start({
      clock,
      folder: { port: nodeFilePort, pathOf: (name) => join(history, name) },
      pauseWhileReading: async () => {
        pauses++;
      },
    });
    store.record(ROOM, clock.wall() + 10_000, 2);
    expect(store.samples(ROOM, 0)).toEqual([]);
    await store.ready;
    expect(onlines(store.samples(ROOM, 0))).toEqual([1, 2]);
    expect(pauses).toBeGreaterThan(0);
    await store.close();
  });

  it('works on in memory when the folder cannot be written', async () => {
    const clock = new FakeClock();
    await writeFile(join(folder, 'history'), 'a file where the folder should be');
    const store = await open(clock);
    store.record(ROOM, clock.wall(), 3);
    await store.close();
    expect(onlines(store.samples(ROOM, 0))).toEqual([3]);
    expect(store.problems()?.writeFailures).toBeGreaterThan(0);
  });
});

describe('HistoryStore, its writes and its timer', () => {
  it('writes no count stamped before the latest, and counts the bytes it holds', async () => {
    const clock = new FakeClock();
    const store = await open(clock);
    const t = clock.wall();
    store.record(ROOM, t, 1234);
    store.record(ROOM, t + 20_000, 1240);
    store.record(ROOM, t + 5_000, 4321);
    expect(store.stats()).toMatchObject({ rooms: 1, bytes: expect.any(Number) });
    expect(store.stats().bytes).toBeGreaterThan(0);
    await store.close();
    const hour = Math.floor(t / HOUR) % 7;
    expect((await readFile(join(folder, 'history', `samples-${hour}.jsonl`), 'utf8')).split('\n')).toEqual([
      '{"headcount":"history","v":1,"kind":"samples","from":"2026-11-26T12:00:00.000Z"}',
      `{"t":${t / 1000},"r":{"${ROOM}":[0,1234,20,1240]}}`,
      '',
    ]);
  });

  it('flushes on its own after opening a folder that holds counts, with no new count', async () => {
    const clock = new FakeClock();
    const first = await open(clock);
    first.record(ROOM, clock.wall(), 5);
    await first.close();
    const store = await open(clock);
    expect(store.stats().rooms).toBe(1);
    expect(clock.pendingTimers).toBe(1);
    await store.close();
    expect(clock.pendingTimers).toBe(0);
  });

  it('sets no timer after opening a folder that holds nothing', async () => {
    const clock = new FakeClock();
    const store = await open(clock);
    expect(clock.pendingTimers).toBe(0);
    await store.close();
  });

  it('keeps one timer when counts came while its files were read', async () => {
    const clock = new FakeClock();
    const first = await open(clock);
    first.record(ROOM, clock.wall(), 5);
    await first.close();
    const history = join(folder, 'history');
    const store = HistoryStore.start({
      clock,
      folder: { port: nodeFilePort, pathOf: (name) => join(history, name) },
    });
    store.record(ROOM, clock.wall() + 10_000, 6);
    await store.ready;
    expect(clock.pendingTimers).toBe(1);
    await store.close();
  });
});

describe('HistoryStore.firstCountSince', () => {
  it('gives the first count at or after a time, skipping failed polls, and null past the last', async () => {
    const clock = new FakeClock();
    const store = HistoryStore.inMemory(clock);
    const start = clock.wall();
    expect(store.firstCountSince(ROOM, start)).toBeNull();
    expect(store.oldestAt(ROOM)).toBeNull();
    await poll(clock, store, 2 * HOUR);
    store.record(ROOM, clock.wall() + 10_000, null);
    store.record(ROOM, clock.wall() + 20_000, 77);
    const end = clock.wall();

    expect(store.oldestAt(ROOM)).toBe(start + 10_000);
    // Polls landed at start + 10 s × (i + 1) with countAt(i): the poll at or after start + 15 min.
    expect(store.firstCountSince(ROOM, start + 15 * 60_000)).toBe(countAt(89));
    expect(store.firstCountSince(ROOM, start + 15 * 60_000 + 1)).toBe(countAt(90));
    expect(store.firstCountSince(ROOM, 0)).toBe(countAt(0));
    // The failed poll at end + 10 s is skipped for the count after it.
    expect(store.firstCountSince(ROOM, end + 1)).toBe(77);
    expect(store.firstCountSince(ROOM, end + 20_001)).toBeNull();
    expect(store.firstCountSince('app-1/other', start)).toBeNull();
  });

  it('falls back to the minutes for a time before the samples it keeps', async () => {
    const clock = new FakeClock();
    const store = HistoryStore.inMemory(clock, { fullResolutionMs: 30 * 60_000 });
    const start = clock.wall();
    await poll(clock, store, 2 * HOUR);
    const now = clock.wall();
    const oldestSample = store.samples(ROOM, 0)[0]?.at ?? Number.NaN;
    expect(oldestSample).toBeGreaterThanOrEqual(now - 31 * 60_000);
    expect(store.oldestAt(ROOM)).toBe(start);

    // An hour back the samples are gone: the first minute from then on answers with its average.
    const hourAgo = now - HOUR;
    const minute = store.buckets(ROOM, hourAgo, 'minute')[0];
    expect(minute?.at).toBe(hourAgo);
    expect(store.firstCountSince(ROOM, hourAgo)).toBe(Math.round(minute?.avg ?? Number.NaN));
    // Within the samples the answer is exact.
    expect(store.firstCountSince(ROOM, now - 5 * 60_000)).toBe(
      store.samples(ROOM, now - 5 * 60_000)[0]?.online,
    );
  });
});
