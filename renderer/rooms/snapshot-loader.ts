/**
 * Asks the engine for the first snapshot, and asks again with growing pauses while it cannot be
 * reached, so that the popover says "retrying" and means it.
 */
import type { MonitorApi, MonitorSnapshot } from '../../main/contract/monitor-api';

const RETRY_DELAYS_S = [1, 2, 5, 10, 15];

/** Why the snapshot did not come, and when the next try is. */
export interface LoadFailure {
  /** Epoch ms of the next try. */
  retryAt: number;
  problem: string;
}

/** Loads the first snapshot, retrying after 1, 2, 5, 10 and then every 15 seconds. */
export class SnapshotLoader {
  private attempts = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The last failure while no snapshot came, else null. */
  failure: LoadFailure | null = null;

  constructor(
    private readonly api: Pick<MonitorApi, 'getSnapshot'>,
    private readonly handlers: {
      loaded(snapshot: MonitorSnapshot): void;
      failed(failure: LoadFailure): void;
    },
    private readonly now: () => number = Date.now,
  ) {}

  /** Asks now (again), cancelling a try that was waiting. */
  load(): void {
    clearTimeout(this.timer);
    this.api.getSnapshot().then(
      (snapshot) => {
        this.failure = null;
        this.attempts = 0;
        this.handlers.loaded(snapshot);
      },
      (error: unknown) => {
        const delayS = RETRY_DELAYS_S[Math.min(this.attempts, RETRY_DELAYS_S.length - 1)] ?? 15;
        this.attempts++;
        this.failure = {
          retryAt: this.now() + delayS * 1000,
          problem: error instanceof Error ? error.message : String(error),
        };
        this.timer = setTimeout(() => this.load(), delayS * 1000);
        this.handlers.failed(this.failure);
      },
    );
  }

  /** Whole seconds until the next try. */
  retryInS(): number {
    return this.failure ? Math.max(0, Math.ceil((this.failure.retryAt - this.now()) / 1000)) : 0;
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
