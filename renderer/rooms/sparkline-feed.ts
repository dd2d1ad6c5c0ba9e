/**
 * Fetches the sparklines of the rows in view: batched into requests of at most
 * {@link SPARK_BATCH} rooms, and at most once every {@link SPARK_EVERY_MS} per room, so scrolling
 * through two thousand rooms costs a few requests, not one per row per frame.
 */
import type { MonitorApi, RoomKey } from '../../main/contract/monitor-api';

/** The most rooms one request asks for (the contract's limit). */
export const SPARK_BATCH = 200;
/** How long a room's sparkline is kept before it is asked for again. */
export const SPARK_EVERY_MS = 30_000;
/** How long the feed waits for more rows to come into view before asking. */
const GATHER_MS = 150;

/** The sparklines of rooms, fetched on demand for the rows shown. */
export class SparklineFeed {
  private readonly lines = new Map<RoomKey, Array<number | null>>();
  private readonly askedAt = new Map<RoomKey, number>();
  private readonly wanted = new Set<RoomKey>();
  private timer = 0;

  constructor(
    private readonly api: Pick<MonitorApi, 'getSparklines'>,
    private readonly arrived: (keys: RoomKey[]) => void,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** The room's last sparkline, or null before one arrived. */
  line(key: RoomKey): Array<number | null> | null {
    return this.lines.get(key) ?? null;
  }

  /** These rows are in view: asks for those not fetched within the last 30 s, soon, in batches. */
  shown(keys: Iterable<RoomKey>): void {
    const now = this.clock();
    for (const key of keys) {
      const asked = this.askedAt.get(key);
      if (asked === undefined || now - asked >= SPARK_EVERY_MS) this.wanted.add(key);
    }
    if (this.wanted.size > 0 && this.timer === 0)
      this.timer = window.setTimeout(() => this.fetch(), GATHER_MS);
  }

  stop(): void {
    window.clearTimeout(this.timer);
    this.timer = 0;
  }

  private fetch(): void {
    this.timer = 0;
    const keys = [...this.wanted];
    this.wanted.clear();
    const now = this.clock();
    for (const key of keys) this.askedAt.set(key, now);
    for (let i = 0; i < keys.length; i += SPARK_BATCH) {
      const batch = keys.slice(i, i + SPARK_BATCH);
      this.api.getSparklines(batch).then(
        (answer) => {
          const got = Object.keys(answer);
          for (const key of got) this.lines.set(key, answer[key] as Array<number | null>);
          this.arrived(got);
        },
        // Asked again once the rows are shown after the usual wait; a failure draws no line, never 0s.
        () => {},
      );
    }
  }
}
