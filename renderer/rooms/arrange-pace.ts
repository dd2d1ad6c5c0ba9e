/**
 * When the rooms are re-sorted after pushes: at most once every {@link ARRANGE_EVERY_MS}, and not
 * between a push and the frame that shows it. A re-sort that falls due right after a push waits
 * for the next frame and runs in a task just after it: the push's counts are drawn first, its new
 * order a frame later. With 10,000 rooms a re-sort took up to 9 ms, and its timer, set by a push,
 * often fired before that push's frame. A re-sort due long after the last push runs at once: asking
 * for a frame then, with nothing new to draw, would only keep the browser drawing frames on its
 * clock, and the next push would wait for a tick of it rather than be drawn at once. Pure: the
 * page's timers and frames are given.
 */

/** The least time between two re-sorts after pushes. */
export const ARRANGE_EVERY_MS = 400;
/** A push this recent may still wait for its frame (two frames at 60 Hz). */
export const PUSH_FRAME_MS = 34;

/** The page's timers and frames, as the pacing uses them. */
export interface PageClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): number;
  clearTimeout(handle: number): void;
  requestFrame(callback: () => void): number;
  cancelFrame(handle: number): void;
  /** Whether the page is hidden: it draws no frames then. */
  hidden(): boolean;
}

/** See the file's comment. */
export class ArrangePace {
  private timer = 0;
  private frame = 0;
  private lastArranged = Number.NEGATIVE_INFINITY;
  private lastPush = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly arrange: () => void,
    private readonly clock: PageClock,
  ) {}

  /** A push was written into the page: the frame that shows it is coming. */
  pushed(): void {
    this.lastPush = this.clock.now();
  }

  /** The order may have changed: re-sort when the pace allows. */
  soon(): void {
    if (this.timer !== 0 || this.frame !== 0) return;
    const wait = Math.max(0, this.lastArranged + ARRANGE_EVERY_MS - this.clock.now());
    this.timer = this.clock.setTimeout(() => {
      this.timer = 0;
      if (this.clock.hidden() || this.clock.now() - this.lastPush >= PUSH_FRAME_MS) return this.arrange();
      this.frame = this.clock.requestFrame(() => {
        this.frame = 0;
        this.timer = this.clock.setTimeout(() => {
          this.timer = 0;
          this.arrange();
        }, 0);
      });
    }, wait);
  }

  /** The page re-sorted (for any reason): nothing is due, and the next re-sort after pushes waits its pace. */
  arranged(): void {
    this.stop();
    this.lastArranged = this.clock.now();
  }

  stop(): void {
    this.clock.clearTimeout(this.timer);
    this.clock.cancelFrame(this.frame);
    this.timer = 0;
    this.frame = 0;
  }
}
