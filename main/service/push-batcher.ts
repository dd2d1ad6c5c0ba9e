import type { Clock, TimerHandle } from '../core/clock';

/**
 * Gathers keys that changed and hands them over at most every `everyMs`, so the UI receives one delta
 * with the rooms that changed instead of a message per poll answer.
 */
export class PushBatcher {
  private readonly dirty = new Set<string>();
  private timer: TimerHandle | null = null;

  constructor(
    private readonly clock: Pick<Clock, 'setTimer' | 'clearTimer'>,
    private readonly everyMs: number,
    private readonly flush: (keys: string[]) => void,
  ) {}

  mark(key: string): void {
    this.dirty.add(key);
    if (this.timer === null) this.timer = this.clock.setTimer(() => this.flushNow(), this.everyMs);
  }

  flushNow(): void {
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = null;
    if (this.dirty.size === 0) return;
    const keys = [...this.dirty];
    this.dirty.clear();
    this.flush(keys);
  }

  stop(): void {
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = null;
    this.dirty.clear();
  }
}
