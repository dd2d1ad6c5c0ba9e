/** What a change of state means for people: nothing, a new alert, a reminder, or a recovery. */
export type Transition = 'fired' | 'reminder' | 'recovered' | null;

/**
 * One rule's state for one room, with flap control: it fires only after the condition held for
 * `forMs`, clears only when the separate clear condition (hysteresis) held for `forMs` too, and
 * while firing reminds at most every `repeatMs`.
 */
export class FiringState {
  private state: 'ok' | 'arming' | 'firing' | 'clearing' = 'ok';
  private since = 0;
  private lastNotified = 0;

  get firing(): boolean {
    return this.state === 'firing' || this.state === 'clearing';
  }

  /** Feeds one observation at `at`: whether the fire condition and the clear condition hold. */
  update(at: number, fire: boolean, clear: boolean, forMs = 0, repeatMs = 0): Transition {
    switch (this.state) {
      case 'ok':
        if (!fire) return null;
        this.enter('arming', at);
        return this.update(at, fire, clear, forMs, repeatMs);
      case 'arming':
        if (!fire) {
          this.state = 'ok';
          return null;
        }
        if (at - this.since < forMs) return null;
        this.enter('firing', at);
        this.lastNotified = at;
        return 'fired';
      case 'firing':
        if (clear) {
          this.enter('clearing', at);
          return this.update(at, fire, clear, forMs, repeatMs);
        }
        if (repeatMs > 0 && at - this.lastNotified >= repeatMs) {
          this.lastNotified = at;
          return 'reminder';
        }
        return null;
      case 'clearing':
        if (!clear) {
          this.state = 'firing';
          return null;
        }
        if (at - this.since < forMs) return null;
        this.state = 'ok';
        return 'recovered';
    }
  }

  /** Forgets the state (the room was removed, or its rules changed). */
  reset(): void {
    this.state = 'ok';
  }

  private enter(state: 'arming' | 'firing' | 'clearing', at: number): void {
    this.state = state;
    this.since = at;
  }
}
