import { describe, expect, it } from 'vitest';
import { changeOverMinute } from '../../../main/core/history/count-change';
import { HistoryStore } from '../../../main/core/history/history-store';
import { WATCH_HISTORY_WINDOWS } from '../../../main/node/cli/watch-loop';
import { FakeClock } from '../../support/fake-clock';

describe("headcount watch's history", () => {
  it('keeps what the change over a minute needs, and forgets the rest however long the run', async () => {
    const clock = new FakeClock();
    const history = HistoryStore.inMemory(clock, WATCH_HISTORY_WINDOWS);
    const rooms = 50;
    let afterTenMinutes = 0;
    // Six hours of a count every 10 s, the count rising by one each time.
    for (let step = 1; step <= 6 * 360; step++) {
      for (let room = 0; room < rooms; room++) history.record(`@TGS#${room}`, clock.wall(), step);
      await clock.advance(10_000);
      if (step === 60) afterTenMinutes = history.stats().bytes;
      if (step % 360 === 0) {
        const now = clock.wall();
        // Recorded 10 s ago and every 10 s before: the count a minute ago is five steps back.
        expect(changeOverMinute(history, '@TGS#7', step, now)).toBe(5);
        expect(history.oldestAt('@TGS#7')).toBeGreaterThanOrEqual(now - 11 * 60_000);
      }
    }
    // The same ten minutes' worth, an hour or six in.
    expect(history.stats().bytes).toBeLessThanOrEqual(afterTenMinutes * 1.5);
    await history.close();
  });
});
