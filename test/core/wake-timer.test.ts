import { describe, expect, it } from 'vitest';
import { WakeTimer } from '../../main/core/wake-timer';
import { FakeClock } from '../support/fake-clock';

function setup() {
  const clock = new FakeClock();
  const woke: number[] = [];
  const timer = new WakeTimer(clock, () => woke.push(clock.monotonic()));
  return { clock, woke, timer, start: clock.monotonic() };
}

describe('WakeTimer', () => {
  it('keeps the earlier wake-up when a later one is asked for, with one timer pending', async () => {
    const { clock, woke, timer, start } = setup();
    timer.arm(100);
    timer.arm(500);
    expect(clock.pendingTimers).toBe(1);
    await clock.advance(1_000);
    expect(woke).toEqual([start + 100]);
  });

  it('moves to an earlier wake-up, dropping the later one', async () => {
    const { clock, woke, timer, start } = setup();
    timer.arm(500);
    timer.arm(100);
    expect(clock.pendingTimers).toBe(1);
    await clock.advance(1_000);
    expect(woke).toEqual([start + 100]);
  });

  it('takes any wake-up once the last one fired or was cancelled', async () => {
    const { clock, woke, timer, start } = setup();
    timer.arm(100);
    await clock.advance(100);
    timer.arm(400);
    await clock.advance(400);
    timer.arm(50);
    timer.cancel();
    expect(clock.pendingTimers).toBe(0);
    timer.arm(300);
    await clock.advance(1_000);
    expect(woke).toEqual([start + 100, start + 500, start + 800]);
  });

  it('wakes at a moment in place of any other, and keeps the timer set for that very moment', async () => {
    const { clock, woke, timer, start } = setup();
    let made = 0;
    const setTimer = clock.setTimer.bind(clock);
    clock.setTimer = (fn, ms) => {
      made++;
      return setTimer(fn, ms);
    };
    timer.wakeAt(start + 100);
    timer.wakeAt(start + 100);
    expect(made).toBe(1);
    // Later, unlike arm: the loop now waits for another room.
    timer.wakeAt(start + 300);
    expect(made).toBe(2);
    expect(clock.pendingTimers).toBe(1);
    await clock.advance(200);
    expect(woke).toEqual([]);
    await clock.advance(100);
    expect(woke).toEqual([start + 300]);
    // A moment already past wakes at once.
    timer.wakeAt(start + 50);
    await clock.advance(0);
    expect(woke).toEqual([start + 300, start + 300]);
  });
});
