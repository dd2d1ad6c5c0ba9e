import { describe, expect, it } from 'vitest';
import { changeOverMinute } from '../../../main/core/history/count-change';
import { HistoryStore } from '../../../main/core/history/history-store';
import { FakeClock } from '../../support/fake-clock';

const KEY = 'app-1/@TGS#live';
const OTHER = 'app-1/@TGS#other';

describe('changeOverMinute', () => {
  it('says the change against a minute ago only once the history reaches back a minute', async () => {
    const clock = new FakeClock();
    const store = HistoryStore.inMemory(clock);
    // Polled every 10 s: at 50 s the history is too young for a minute's change.
    for (let i = 0; i < 5; i++) {
      await clock.advance(10_000);
      store.record(KEY, clock.wall(), 100 + i * 10);
    }
    expect(changeOverMinute(store, KEY, 140, clock.wall())).toBeNull();
    for (let i = 5; i < 12; i++) {
      await clock.advance(10_000);
      store.record(KEY, clock.wall(), i === 5 ? null : 100 + i * 10);
    }
    // Now 120 s: the poll at 60 s failed, so the first count since a minute ago is the one at 70 s (160).
    expect(changeOverMinute(store, KEY, 210, clock.wall())).toBe(50);
    expect(changeOverMinute(store, KEY, null, clock.wall())).toBeNull();
    expect(changeOverMinute(store, OTHER, 210, clock.wall())).toBeNull();
  });
});
