import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FilePort } from '../../../main/core/file-port';
import { HistoryFiles } from '../../../main/core/history/history-files';
import { HistoryStore, type HistoryStoreOptions } from '../../../main/core/history/history-store';
import { nodeFilePort } from '../../../main/node/file-port';
import { FakeClock } from '../../support/fake-clock';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ROOM = 'app-1/@TGS#live';

let folder: string;
let history: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'headcount-history-files-'));
  history = join(folder, 'history');
  await mkdir(history);
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

function open(clock: FakeClock, port: FilePort = nodeFilePort, options: Partial<HistoryStoreOptions> = {}) {
  return HistoryStore.open({ clock, folder: { port, pathOf: (name) => join(history, name) }, ...options });
}

const onlines = (samples: Array<{ online: number | null }>) => samples.map((s) => s.online);
const samplesName = (ms: number) => `samples-${Math.floor(ms / HOUR) % 7}.jsonl`;

/** What a later version might write: a higher `v`, and lines this one cannot know. */
const NEWER = [
  '{"headcount":"history","v":2,"kind":"samples","from":"2026-11-26T12:00:00.000Z"}',
  '{"t":1764158410,"r":{"app-1/@TGS#live":[0,500]},"x":"something new"}',
  '',
].join('\n');

describe('a history file written by a newer version', () => {
  it('is kept as it was under a name of its own, and a new file is started in its place', async () => {
    const clock = new FakeClock();
    const name = samplesName(clock.wall());
    await writeFile(join(history, name), NEWER);

    const store = await open(clock);
    // Nothing of it is read: its lines may not mean what this version reads into them.
    expect(store.samples(ROOM, 0)).toEqual([]);
    const stamp = new Date(clock.wall()).toISOString().replace(/[:.]/g, '-');
    const aside = `${name}.newer-${stamp}`;
    expect(store.problems()).toMatchObject({ unusedFiles: 1, skippedLines: 0, writeFailures: 0 });
    expect(store.problems()?.messages).toEqual([
      `The history file ${join(history, name)} was written by a newer Headcount; it is kept as ${join(history, aside)}, and a new one is started.`,
    ]);
    store.record(ROOM, clock.wall() + 10_000, 7);
    await store.close();

    expect(await readFile(join(history, aside), 'utf8')).toBe(NEWER);
    expect((await readFile(join(history, name), 'utf8')).split('\n')).toEqual([
      '{"headcount":"history","v":1,"kind":"samples","from":"2026-11-26T12:00:00.000Z"}',
      `{"t":${clock.wall() / 1000 + 10},"r":{"${ROOM}":[0,7]}}`,
      '',
    ]);
    const again = await open(clock);
    expect(onlines(again.samples(ROOM, 0))).toEqual([7]);
    expect(again.problems()).toMatchObject({ unusedFiles: 0, messages: [] });
    await again.close();
  });

  it('is left as it is, never written over, when it cannot be moved aside', async () => {
    const clock = new FakeClock();
    const name = samplesName(clock.wall());
    await writeFile(join(history, name), NEWER);
    const stuck: FilePort = { ...nodeFilePort, rename: () => Promise.reject(new Error('EPERM')) };

    const store = await open(clock, stuck);
    expect(store.problems()?.messages).toEqual([
      `The history file ${join(history, name)} was written by a newer Headcount; it could not be moved aside, so it is left as it is and its counts are kept in memory only.`,
    ]);
    store.record(ROOM, clock.wall() + 10_000, 7);
    store.record(ROOM, clock.wall() + 70_000, 8);
    await store.close();
    expect(onlines(store.samples(ROOM, 0))).toEqual([7, 8]);
    expect(await readFile(join(history, name), 'utf8')).toBe(NEWER);
    expect(store.problems()).toMatchObject({ unusedFiles: 1, writeFailures: 0 });
    // The minutes file is another file, written as usual.
    expect((await readdir(history)).sort()).toEqual(
      [name, `minutes-${Math.floor(clock.wall() / (24 * HOUR)) % 8}.jsonl`].sort(),
    );
  });
});

/** The real port over a disk that can be made full: appends and replaces then fail with ENOSPC. */
function fullDisk() {
  const disk = { full: false, failures: 0 };
  const refuse = () => {
    disk.failures++;
    return Promise.reject(
      Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }),
    );
  };
  const port: FilePort = {
    ...nodeFilePort,
    append: (path, text) => (disk.full ? refuse() : nodeFilePort.append(path, text)),
    replace: (path, text) => (disk.full ? refuse() : nodeFilePort.replace(path, text)),
  };
  return { disk, port };
}

const linesOf = async (name: string) => (await readFile(join(history, name), 'utf8')).split('\n');

/** A minute on: the store's timer flushes, and its writes are awaited. */
async function tick(clock: FakeClock, store: HistoryStore) {
  await clock.advance(60_000);
  await store.flush();
}

describe('a disk that fills up', () => {
  it('keeps what could not be written in memory, in order, and writes it all once there is room', async () => {
    const clock = new FakeClock();
    const { disk, port } = fullDisk();
    const store = await open(clock, port);
    const t = clock.wall();
    const name = samplesName(t);
    store.record(ROOM, t + 10_000, 1);
    await tick(clock, store);
    expect(await linesOf(name)).toHaveLength(3);
    disk.full = true;
    for (let i = 2; i <= 4; i++) {
      store.record(ROOM, clock.wall() + 10_000, i);
      await tick(clock, store);
    }
    // Every failed write is counted and said, with the file and the cause.
    expect(disk.failures).toBeGreaterThanOrEqual(3);
    expect(store.problems()?.writeFailures).toBe(disk.failures);
    expect(new Set(store.problems()?.messages)).toEqual(
      new Set([
        `Could not write the history file ${join(history, name)}: the disk is full; its counts wait in memory for the next write.`,
      ]),
    );
    expect(await linesOf(name)).toHaveLength(3);
    disk.full = false;
    store.record(ROOM, clock.wall() + 10_000, 5);
    await tick(clock, store);
    // One write with the three waiting lines first, on a line of their own, then the new one.
    const lines = await linesOf(name);
    expect(lines.slice(2)).toEqual([
      '',
      ...[2, 3, 4, 5].map((count, i) => `{"t":${t / 1000 + 70 + 60 * i},"r":{"${ROOM}":[0,${count}]}}`),
      '',
    ]);
    // The next write is an append like any other, without a blank line.
    store.record(ROOM, clock.wall() + 10_000, 6);
    await tick(clock, store);
    expect((await linesOf(name)).slice(-3)).toEqual([
      `{"t":${t / 1000 + 250},"r":{"${ROOM}":[0,5]}}`,
      `{"t":${t / 1000 + 310},"r":{"${ROOM}":[0,6]}}`,
      '',
    ]);
    await store.close();
    const again = await open(clock);
    expect(onlines(again.samples(ROOM, 0))).toEqual([1, 2, 3, 4, 5, 6]);
    // The blank line left by the failed appends is no damage.
    expect(again.problems()).toMatchObject({ skippedLines: 0, truncatedFiles: 0, messages: [] });
    await again.close();
  });

  it('starts a new file with the lines that waited when the first write of its hour failed', async () => {
    const clock = new FakeClock();
    const { disk, port } = fullDisk();
    const store = await open(clock, port);
    const t = clock.wall();
    disk.full = true;
    store.record(ROOM, t + 10_000, 1);
    await tick(clock, store);
    store.record(ROOM, clock.wall() + 10_000, 2);
    await tick(clock, store);
    expect(disk.failures).toBeGreaterThanOrEqual(2);
    disk.full = false;
    await tick(clock, store);
    // Nothing new, but the lines that waited are written at the next flush.
    expect(await linesOf(samplesName(t))).toEqual([
      '{"headcount":"history","v":1,"kind":"samples","from":"2026-11-26T12:00:00.000Z"}',
      `{"t":${t / 1000 + 10},"r":{"${ROOM}":[0,1]}}`,
      `{"t":${t / 1000 + 70},"r":{"${ROOM}":[0,2]}}`,
      '',
    ]);
    await store.close();
  });

  it('says at most 20 problems: the first, and the latest', async () => {
    const clock = new FakeClock();
    await writeFile(join(history, samplesName(clock.wall())), 'not json\n');
    const { disk, port } = fullDisk();
    const store = await open(clock, port);
    const first = store.problems()?.messages[0];
    expect(first).toMatch(/^1 unreadable line\(s\) in /);
    disk.full = true;
    for (let i = 0; i < 25; i++) {
      store.record(ROOM, clock.wall() + 1000, i);
      await tick(clock, store);
    }
    const { messages, writeFailures } = store.problems() ?? { messages: [], writeFailures: 0 };
    expect(writeFailures).toBeGreaterThanOrEqual(25);
    expect(messages).toHaveLength(20);
    expect(messages[0]).toBe(first);
    expect(messages[19]).toMatch(/^Could not write the history file /);
    disk.full = false;
    await store.close();
  });
});

describe('HistoryFiles', () => {
  it('never writes the lines of an hour that waited into the file of a later hour', async () => {
    const { disk, port } = fullDisk();
    const files = new HistoryFiles({ port, pathOf: (name) => join(history, name) }, 600_000);
    const t = Date.UTC(2026, 10, 26, 12, 0, 0);
    disk.full = true;
    files.addSample(ROOM, t / 1000, 5);
    await files.flush(t + 60_000);
    expect(files.unwrittenLines()).toBe(1);
    // Seven hours on, the same file takes the new hour; the disk has room again.
    disk.full = false;
    files.addSample(ROOM, t / 1000 + 7 * 3600, 9);
    await files.flush(t + 7 * HOUR + 60_000);
    expect(await linesOf(samplesName(t))).toEqual([
      '{"headcount":"history","v":1,"kind":"samples","from":"2026-11-26T19:00:00.000Z"}',
      `{"t":${t / 1000 + 7 * 3600},"r":{"${ROOM}":[0,9]}}`,
      '',
    ]);
    expect(files.unwrittenLines()).toBe(0);
  });

  it('makes no empty write when the lines that waited were written by a write queued before', async () => {
    const { disk, port } = fullDisk();
    const texts: string[] = [];
    const watching: FilePort = {
      ...port,
      append: (path, text) => {
        texts.push(text);
        return port.append(path, text);
      },
      replace: (path, text) => {
        texts.push(text);
        return port.replace(path, text);
      },
    };
    const files = new HistoryFiles({ port: watching, pathOf: (name) => join(history, name) }, 600_000);
    const t = Date.UTC(2026, 10, 26, 12, 0, 0);
    disk.full = true;
    files.addSample(ROOM, t / 1000, 5);
    await files.flush(t + 60_000);
    disk.full = false;
    // Two flushes queued at once, each with the waiting lines in view: the first writes them.
    const first = files.flush(t + 120_000);
    await Promise.all([first, files.flush(t + 120_000)]);
    expect(texts).toHaveLength(2);
    expect(files.writes).toBe(2);
    expect(texts.every((text) => text.length > 0)).toBe(true);
  });

  it('writes closed minutes once they have waited the batch time, not at every flush', async () => {
    const files = new HistoryFiles({ port: nodeFilePort, pathOf: (name) => join(history, name) }, 600_000);
    const t = Date.UTC(2026, 10, 26, 12, 0, 0);
    const minute = { minute: t / 60_000, min: 4, avgTenths: 45, max: 5, count: 2 };
    files.addMinute(ROOM, minute, t + 60_000);
    await files.flush(t + 60_000);
    await files.flush(t + 60_000 + 599_999);
    expect(files.writes).toBe(0);
    await files.flush(t + 60_000 + 600_000);
    expect(files.writes).toBe(1);
    expect(await readFile(join(history, 'minutes-7.jsonl'), 'utf8')).toBe(
      `{"headcount":"history","v":1,"kind":"minutes","from":"2026-11-26T00:00:00.000Z"}\n{"m":${t / 60_000},"r":{"${ROOM}":[0,4,4.5,5,2]}}\n`,
    );
  });

  it('keeps the minutes waiting for room for the eight days their file is kept, no longer', async () => {
    const { disk, port } = fullDisk();
    const files = new HistoryFiles({ port, pathOf: (name) => join(history, name) }, 600_000);
    const t = Date.UTC(2026, 10, 26, 12, 0, 0);
    disk.full = true;
    files.addMinute(ROOM, { minute: t / 60_000, min: 4, avgTenths: 45, max: 5, count: 2 }, t);
    await files.flush(t, true);
    expect(files.unwrittenLines()).toBe(1);
    await files.flush(t + 7 * DAY);
    expect(files.unwrittenLines()).toBe(1);
    await files.flush(t + 8 * DAY);
    expect(files.unwrittenLines()).toBe(0);
  });

  it('counts the lines waiting for room, and forgets those of an hour no longer kept', async () => {
    const { disk, port } = fullDisk();
    const files = new HistoryFiles({ port, pathOf: (name) => join(history, name) }, 600_000);
    const t = Date.UTC(2026, 10, 26, 12, 0, 0);
    disk.full = true;
    files.addSample(ROOM, t / 1000, 5);
    files.addSample('app-1/other', t / 1000 + 1, 6);
    await files.flush(t + 60_000);
    expect(files.unwrittenLines()).toBe(1);
    files.addSample(ROOM, t / 1000 + 60, 7);
    await files.flush(t + 120_000);
    expect(files.unwrittenLines()).toBe(2);
    // Seven hours on, that hour's file is no longer kept: its lines go with it.
    await files.flush(t + 7 * HOUR);
    expect(files.unwrittenLines()).toBe(0);
    expect(files.writes).toBe(2);
    expect(files.problems()).toMatchObject({ writeFailures: 2 });
  });

  it('puts a line cut short by a failed write on a line of its own, so the next one reads', async () => {
    const clock = new FakeClock();
    let cut = false;
    const port: FilePort = {
      ...nodeFilePort,
      async append(path, text) {
        if (!cut) return nodeFilePort.append(path, text);
        await nodeFilePort.append(path, text.slice(0, 10));
        throw Object.assign(new Error('EIO'), { code: 'EIO' });
      },
    };
    const store = await open(clock, port);
    const t = clock.wall();
    store.record(ROOM, t + 10_000, 1);
    await tick(clock, store);
    cut = true;
    store.record(ROOM, clock.wall() + 10_000, 2);
    await tick(clock, store);
    cut = false;
    store.record(ROOM, clock.wall() + 10_000, 3);
    await tick(clock, store);
    await store.close();
    const again = await open(clock);
    expect(onlines(again.samples(ROOM, 0))).toEqual([1, 2, 3]);
    // The piece cut short is a line of its own, skipped; the file is kept aside once with it.
    expect(again.problems()).toMatchObject({ skippedLines: 1, truncatedFiles: 0 });
    await again.close();
  });
});

describe('reading the history files back', () => {
  it('reads a last line without its newline, and writes the next one on a line of its own', async () => {
    const clock = new FakeClock();
    const t = clock.wall();
    const name = samplesName(t);
    await writeFile(
      join(history, name),
      `{"headcount":"history","v":1,"kind":"samples","from":"2026-11-26T12:00:00.000Z"}\n   \n{"t":${t / 1000 + 10},"r":{"${ROOM}":[0,4]}}`,
    );
    const store = await open(clock);
    // A line of spaces is nothing, and a whole last line is read even without its newline.
    expect(store.problems()).toMatchObject({ skippedLines: 0, truncatedFiles: 0, messages: [] });
    expect(onlines(store.samples(ROOM, 0))).toEqual([4]);
    store.record(ROOM, t + 20_000, 5);
    await store.close();
    expect((await linesOf(name)).slice(-3)).toEqual([
      `{"t":${t / 1000 + 10},"r":{"${ROOM}":[0,4]}}`,
      `{"t":${t / 1000 + 20},"r":{"${ROOM}":[0,5]}}`,
      '',
    ]);
  });

  it('appends after a last line cut off on a line of its own, so that no later count is lost with it', async () => {
    const clock = new FakeClock();
    const t = clock.wall();
    const name = samplesName(t);
    await writeFile(
      join(history, name),
      `{"headcount":"history","v":1,"kind":"samples","from":"2026-11-26T12:00:00.000Z"}\n{"t":${t / 1000 + 10},"r":{"${ROOM}":[0,4]}}\n{"t":17641`,
    );
    const store = await open(clock);
    expect(store.problems()).toMatchObject({ skippedLines: 0, truncatedFiles: 1 });
    expect(store.problems()?.messages).toEqual([
      `The last line of ${join(history, name)} was cut off (the app stopped mid-write, or the disk was full) and was skipped.`,
    ]);
    store.record(ROOM, t + 20_000, 5);
    await store.close();
    const again = await open(clock);
    expect(onlines(again.samples(ROOM, 0))).toEqual([4, 5]);
    await again.close();
  });

  it('pauses between two lines read, not before the first', async () => {
    const clock = new FakeClock();
    const t = clock.wall();
    await writeFile(
      join(history, samplesName(t)),
      `{"headcount":"history","v":1,"kind":"samples","from":"2026-11-26T12:00:00.000Z"}\n{"t":${t / 1000 + 10},"r":{"${ROOM}":[0,4]}}\n`,
    );
    let pauses = 0;
    const store = await open(clock, nodeFilePort, {
      pauseWhileReading: async () => {
        pauses++;
      },
    });
    // Two lines and the empty end after the last newline: two pauses.
    expect(pauses).toBe(2);
    await store.close();
  });

  it('says so when a damaged file cannot be kept aside, and uses it as it is', async () => {
    const clock = new FakeClock();
    const t = clock.wall();
    const name = samplesName(t);
    const damaged = `{"headcount":"history","v":1,"kind":"samples","from":"2026-11-26T12:00:00.000Z"}\nnot json\n{"t":${t / 1000 + 10},"r":{"${ROOM}":[0,4]}}\n`;
    await writeFile(join(history, name), damaged);
    const stuck: FilePort = { ...nodeFilePort, rename: () => Promise.reject(new Error('EPERM')) };
    const store = await open(clock, stuck);
    expect(store.problems()?.messages).toEqual([
      `1 unreadable line(s) in ${join(history, name)} were skipped: their counts are missing. The file could not be kept aside, and is used as it is.`,
    ]);
    store.record(ROOM, t + 20_000, 5);
    await store.close();
    expect(await readFile(join(history, name), 'utf8')).toBe(
      `${damaged}{"t":${t / 1000 + 20},"r":{"${ROOM}":[0,5]}}\n`,
    );
  });

  it('starts the file again with its header when the readable lines could not be written back', async () => {
    const clock = new FakeClock();
    const t = clock.wall();
    const name = samplesName(t);
    await writeFile(
      join(history, name),
      `{"headcount":"history","v":1,"kind":"samples","from":"2026-11-26T12:00:00.000Z"}\nnot json\n{"t":${t / 1000 + 10},"r":{"${ROOM}":[0,4]}}\n`,
    );
    let refuse = true;
    const port: FilePort = {
      ...nodeFilePort,
      replace: (path, text) =>
        refuse
          ? Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' }))
          : nodeFilePort.replace(path, text),
    };
    const store = await open(clock, port);
    const stamp = new Date(t).toISOString().replace(/[:.]/g, '-');
    expect(store.problems()?.messages).toEqual([
      `1 unreadable line(s) in ${join(history, name)} were skipped: their counts are missing. The file as it was is kept as ${join(history, name)}.damaged-${stamp}; its readable lines could not be written back (permission denied).`,
    ]);
    refuse = false;
    store.record(ROOM, t + 20_000, 5);
    await store.close();
    expect(await linesOf(name)).toEqual([
      '{"headcount":"history","v":1,"kind":"samples","from":"2026-11-26T12:00:00.000Z"}',
      `{"t":${t / 1000 + 20},"r":{"${ROOM}":[0,5]}}`,
      '',
    ]);
  });

  it('says so when an unreadable file cannot be kept aside', async () => {
    const clock = new FakeClock();
    const name = samplesName(clock.wall());
    await writeFile(join(history, name), 'anything\n');
    const port: FilePort = {
      ...nodeFilePort,
      readChunks: (path) =>
        path.endsWith(name)
          ? Promise.reject(Object.assign(new Error('EIO'), { code: 'EIO' }))
          : (nodeFilePort.readChunks?.(path) ?? Promise.resolve(null)),
      rename: () => Promise.reject(new Error('EPERM')),
    };
    const store = await open(clock, port);
    expect(store.problems()).toMatchObject({ unusedFiles: 1 });
    expect(store.problems()?.messages).toEqual([
      expect.stringMatching(
        new RegExp(`^The history file .*${name} could not be read \\(.+\\); it will be replaced\\.$`),
      ),
    ]);
    await store.close();
  });
});

describe('a damaged file put back', () => {
  it('holds its readable lines and then the new ones, line after line', async () => {
    const clock = new FakeClock();
    const t = clock.wall();
    const name = samplesName(t);
    const header = '{"headcount":"history","v":1,"kind":"samples","from":"2026-11-26T12:00:00.000Z"}';
    const line = `{"t":${t / 1000 + 10},"r":{"${ROOM}":[0,4]}}`;
    await writeFile(join(history, name), `${header}\nnot json\n${line}\n{"t":17641`);
    const store = await open(clock);
    store.record(ROOM, t + 20_000, 5);
    await store.close();
    expect(await linesOf(name)).toEqual([header, line, `{"t":${t / 1000 + 20},"r":{"${ROOM}":[0,5]}}`, '']);
  });
});

describe('a file whose header is damaged', () => {
  it('keeps the counts it holds: the hour or day is read from its lines, and the next write appends', async () => {
    const clock = new FakeClock();
    const t = clock.wall();
    const samples = samplesName(t);
    const minutes = `minutes-${Math.floor(t / DAY) % 8}.jsonl`;
    await writeFile(
      join(history, samples),
      `{"headcount":"hist\n{"t":${t / 1000 + 10},"r":{"${ROOM}":[0,4]}}\n`,
    );
    await writeFile(
      join(history, minutes),
      `{"headcount":"hist\n{"m":${t / 60_000 - 5},"r":{"${ROOM}":[0,3,3,3,1]}}\n`,
    );
    const store = await open(clock);
    expect(store.problems()).toMatchObject({ skippedLines: 2 });
    store.record(ROOM, t + 20_000, 5);
    store.record(ROOM, t + 80_000, 6);
    await store.close();
    const again = await open(clock);
    expect(onlines(again.samples(ROOM, 0))).toEqual([4, 5, 6]);
    expect(again.buckets(ROOM, 0, 'minute').map((bucket) => bucket.avg)).toEqual([3, 4.5, 6]);
    await again.close();
  });
});

describe('a port that reads files only whole', () => {
  it('reads the history back all the same', async () => {
    const clock = new FakeClock();
    const whole: FilePort = { ...nodeFilePort, readChunks: undefined };
    const store = await open(clock, whole);
    store.record(ROOM, clock.wall() + 10_000, 4);
    store.record(ROOM, clock.wall() + 70_000, 5);
    await store.close();
    const again = await open(clock, whole);
    expect(onlines(again.samples(ROOM, 0))).toEqual([4, 5]);
    expect(again.buckets(ROOM, 0, 'minute').map((bucket) => bucket.avg)).toEqual([4, 5]);
    await again.close();
  });
});
