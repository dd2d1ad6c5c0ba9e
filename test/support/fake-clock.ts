import type { Clock, TimerHandle } from '../../main/core/clock';

interface PendingTimer {
  id: number;
  at: number;
  fn: () => void;
}

/** Lets every promise callback that is ready run (the engine's answers settle through promises). */
export function flushPromises(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A clock the test moves by hand. `advance` runs due timers in order and lets promises settle between
 * them; `sleepMachine` moves only the wall clock, as a laptop lid closed for that long does.
 */
export class FakeClock implements Clock {
  private mono = 1_000;
  private wallMs = Date.UTC(2026, 10, 26, 12, 0, 0);
  private timers: PendingTimer[] = [];
  private nextId = 1;

  monotonic(): number {
    return this.mono;
  }

  wall(): number {
    return this.wallMs;
  }

  setTimer(fn: () => void, ms: number): TimerHandle {
    const timer = { id: this.nextId++, at: this.mono + Math.max(0, ms), fn };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimer(handle: TimerHandle): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }

  get pendingTimers(): number {
    return this.timers.length;
  }

  /**
   * Moves time on by `ms`, firing due timers in order. After each timer, `settle` (when given) is
   * awaited: a test whose timers start real I/O (HTTP to the simulator) waits there for it to finish.
   */
  async advance(ms: number, settle: () => Promise<void> = flushPromises): Promise<void> {
    const end = this.mono + ms;
    await settle();
    for (;;) {
      const due = this.timers
        .filter((timer) => timer.at <= end)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      // A timer overdue after a stall fires now: time never runs backwards.
      this.moveTo(Math.max(due.at, this.mono));
      due.fn();
      await settle();
    }
    this.moveTo(end);
    await settle();
  }

  /** The machine sleeps: the wall clock moves on, timers and the monotonic clock do not. */
  sleepMachine(ms: number): void {
    this.wallMs += ms;
  }

  /**
   * The process stops (SIGSTOP, a debugger, a starved machine) for `ms`: both clocks move on and no
   * timer runs; the next `advance` fires the overdue ones late, as Node would.
   */
  stall(ms: number): void {
    this.moveTo(this.mono + ms);
  }

  private moveTo(at: number): void {
    this.wallMs += at - this.mono;
    this.mono = at;
  }
}
