import { describe, expect, it } from 'vitest';
import { PushBatcher } from '../../main/service/push-batcher';
import { FakeClock } from '../support/fake-clock';

function batcher() {
  const clock = new FakeClock();
  const flushed: Array<{ at: number; keys: string[] }> = [];
  const start = clock.monotonic();
  const batch = new PushBatcher(clock, 100, (keys) => flushed.push({ at: clock.monotonic() - start, keys }));
  return { clock, batch, flushed };
}

describe('the rooms that changed, handed to the UI in batches', () => {
  it('go together once, at most every 100 ms, counted from the first change', async () => {
    const { clock, batch, flushed } = batcher();
    batch.mark('a');
    await clock.advance(60);
    batch.mark('b');
    batch.mark('a');
    await clock.advance(40);
    expect(flushed).toEqual([{ at: 100, keys: ['a', 'b'] }]);
    await clock.advance(20);
    batch.mark('c');
    await clock.advance(500);
    expect(flushed).toEqual([
      { at: 100, keys: ['a', 'b'] },
      { at: 220, keys: ['c'] },
    ]);
  });

  it('go at once when asked, and the next change waits its own full 100 ms', async () => {
    const { clock, batch, flushed } = batcher();
    batch.mark('a');
    await clock.advance(50);
    batch.flushNow();
    batch.mark('c');
    await clock.advance(99);
    expect(flushed).toEqual([{ at: 50, keys: ['a'] }]);
    await clock.advance(1);
    expect(flushed).toEqual([
      { at: 50, keys: ['a'] },
      { at: 150, keys: ['c'] },
    ]);
    batch.flushNow();
    expect(flushed).toHaveLength(2);
  });

  it('go nowhere once stopped, and leave no timer', async () => {
    const { clock, batch, flushed } = batcher();
    batch.mark('a');
    batch.stop();
    expect(clock.pendingTimers).toBe(0);
    await clock.advance(500);
    batch.flushNow();
    expect(flushed).toEqual([]);
  });
});
