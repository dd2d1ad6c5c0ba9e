/** What the app does when the machine sleeps, wakes, or loses and regains the network. */
export interface SystemEventHandlers {
  /** The machine woke after sleeping `sleptMs` (0 when the sleep was not seen starting). */
  resumed(sleptMs: number): void;
  /** The network came back after being down. */
  online(): void;
  /** The machine is going to sleep. */
  suspending?(): void;
  /** The network went down. */
  offline?(): void;
}

/**
 * Turns the OS's power and network signals into calls on the engine: each wake and each return of
 * the network once (connectivity is polled, so repeats are dropped), with how long the sleep lasted.
 */
export class SystemEvents {
  private suspendedAt: number | null = null;
  private lastOnline: boolean | null = null;

  /** @param now Wall-clock milliseconds: the monotonic clock may not count the sleep. */
  constructor(
    private readonly handlers: SystemEventHandlers,
    private readonly now: () => number,
  ) {}

  suspend(): void {
    this.suspendedAt = this.now();
    this.handlers.suspending?.();
  }

  resume(): void {
    const slept = this.suspendedAt === null ? 0 : Math.max(0, this.now() - this.suspendedAt);
    this.suspendedAt = null;
    this.handlers.resumed(slept);
  }

  /** The network is (or is not) available now; only a change is passed on. */
  connectivity(online: boolean): void {
    const previous = this.lastOnline;
    this.lastOnline = online;
    if (previous === online) return;
    if (online && previous === false) this.handlers.online();
    if (!online) this.handlers.offline?.();
  }
}
