import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MonitorSnapshot } from '../../../main/contract/monitor-api';
import { type LoadFailure, SnapshotLoader } from '../../../renderer/rooms/snapshot-loader';
import { summaryOf } from '../../support/view-parts';

const snapshot: MonitorSnapshot = {
  demo: false,
  paused: false,
  profiles: [],
  rooms: [],
  summary: summaryOf([]),
  notices: [],
  regions: [],
};

describe('the snapshot loader', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks again with growing pauses until the engine answers', async () => {
    let answers = 0;
    const getSnapshot = vi.fn(() =>
      ++answers < 4 ? Promise.reject(new Error('connect ECONNREFUSED')) : Promise.resolve(snapshot),
    );
    const failures: LoadFailure[] = [];
    const loaded = vi.fn();
    const loader = new SnapshotLoader({ getSnapshot }, { loaded, failed: (f) => failures.push(f) }, Date.now);
    loader.load();
    await vi.advanceTimersByTimeAsync(0);
    expect(failures).toEqual([{ retryAt: 1000, problem: 'connect ECONNREFUSED' }]);
    expect(loader.retryInS()).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(failures[1]?.retryAt).toBe(1000 + 2000);
    await vi.advanceTimersByTimeAsync(2000);
    expect(failures[2]?.retryAt).toBe(3000 + 5000);
    expect(loader.retryInS()).toBe(5);
    expect(loaded).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(5000);
    expect(loaded).toHaveBeenCalledWith(snapshot);
    expect(loader.failure).toBeNull();
    expect(getSnapshot).toHaveBeenCalledTimes(4);
  });

  it('tries at once when asked, and never after it is stopped', async () => {
    const getSnapshot = vi.fn(() => Promise.reject(new Error('down')));
    const loader = new SnapshotLoader({ getSnapshot }, { loaded: vi.fn(), failed: vi.fn() }, Date.now);
    loader.load();
    await vi.advanceTimersByTimeAsync(0);
    loader.load();
    await vi.advanceTimersByTimeAsync(0);
    expect(getSnapshot).toHaveBeenCalledTimes(2);
    loader.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(getSnapshot).toHaveBeenCalledTimes(2);
  });
});
