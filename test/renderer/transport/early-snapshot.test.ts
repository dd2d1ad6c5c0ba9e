import { describe, expect, it, vi } from 'vitest';
import type { MonitorApi, MonitorSnapshot } from '../../../main/contract/monitor-api';
import { askSnapshotEarly } from '../../../renderer/transport/early-snapshot';
import { summaryOf } from '../../support/view-parts';

const snapshotNumbered = (n: number): MonitorSnapshot => ({
  demo: n === 1,
  paused: false,
  profiles: [],
  rooms: [],
  summary: summaryOf([]),
  notices: [`answer ${n}`],
  regions: [],
});

/** An api whose getSnapshot answers in turn, and whose other methods are left alone. */
function apiAnswering(...answers: Array<() => Promise<MonitorSnapshot>>) {
  const getSnapshot = vi.fn(() => (answers.shift() as () => Promise<MonitorSnapshot>)());
  const retryRoom = vi.fn(async () => {});
  return { api: { getSnapshot, retryRoom } as unknown as MonitorApi, getSnapshot, retryRoom };
}

describe('the first snapshot, asked for early', () => {
  it('is asked for at once, and the first ask takes that answer rather than asking again', async () => {
    const { api, getSnapshot } = apiAnswering(
      () => Promise.resolve(snapshotNumbered(1)),
      () => Promise.resolve(snapshotNumbered(2)),
    );
    const early = askSnapshotEarly(api);
    expect(getSnapshot).toHaveBeenCalledTimes(1);
    expect((await early.getSnapshot()).notices).toEqual(['answer 1']);
    expect(getSnapshot).toHaveBeenCalledTimes(1);
    // Later asks want the engine's state then, not the first answer again.
    expect((await early.getSnapshot()).notices).toEqual(['answer 2']);
    expect(getSnapshot).toHaveBeenCalledTimes(2);
  });

  it('gives a failed early ask to the first asker, who can ask again', async () => {
    const { api } = apiAnswering(
      () => Promise.reject(new Error('Headcount is not reachable')),
      () => Promise.resolve(snapshotNumbered(2)),
    );
    const early = askSnapshotEarly(api);
    await expect(early.getSnapshot()).rejects.toThrow('Headcount is not reachable');
    expect((await early.getSnapshot()).notices).toEqual(['answer 2']);
  });

  it('leaves the other methods as they were', async () => {
    const { api, retryRoom } = apiAnswering(() => Promise.resolve(snapshotNumbered(1)));
    await askSnapshotEarly(api).retryRoom('app-1/@TGS#1');
    expect(retryRoom).toHaveBeenCalledWith('app-1/@TGS#1');
  });
});
