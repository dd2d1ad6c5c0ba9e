import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FilePort } from '../../../main/core/file-port';
import { HistoryStore, type HistoryStoreOptions } from '../../../main/core/history/history-store';
import { nodeFilePort } from '../../../main/node/file-port';
import { FakeClock } from '../../support/fake-clock';

const HOUR = 3_600_000;
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
