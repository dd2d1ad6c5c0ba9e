import { randomBytes } from 'node:crypto';
import type { MonitorApi, MonitorPush } from '../../contract/monitor-api';

/** How long a push is kept for a stream that resumes after it: a page opens its stream within a second of its snapshot. */
export const PUSH_LOG_KEEP_MS = 15_000;

/** Pushes said to the windows open at that moment, which a page opened later must not be told again. */
const NOT_REPLAYED: ReadonlySet<MonitorPush['type']> = new Set(['focus', 'show']);

/**
 * The recent pushes, numbered, so that an event stream can start where a snapshot left off rather
 * than with a snapshot of its own: with 2,000 rooms a page then takes its rooms once at its start,
 * not twice (the views, the 800 KB of JSON, its parsing and arrangement each cost the server's event
 * loop and the page tens of milliseconds). A mark names this run and the last push before a
 * snapshot; a mark of another run, or older than {@link PUSH_LOG_KEEP_MS}, gets no pushes, and the
 * stream starts with a snapshot as before.
 */
export class PushLog {
  /** Tells this run's marks from another's: a page that outlives a restart asks with an old mark. */
  private readonly run = randomBytes(6).toString('hex');
  private last = 0;
  private readonly kept: Array<{ number: number; at: number; push: MonitorPush }> = [];
  private readonly unsubscribe: () => void;

  constructor(
    api: Pick<MonitorApi, 'onPush'>,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.unsubscribe = api.onPush((push) => this.record(push));
  }

  /** Where the pushes stand now: taken in the same turn as a snapshot, every later push comes after it. */
  mark(): string {
    return `${this.run}.${this.last}`;
  }

  /**
   * The pushes after `mark`, oldest first, or null when they are not all here any more (or the mark
   * is not of this run): then only a snapshot brings a page up to date.
   */
  since(mark: string): MonitorPush[] | null {
    const [run, last] = mark.split('.');
    const after = Number(last);
    if (run !== this.run || !Number.isSafeInteger(after) || after < 0 || after > this.last) return null;
    this.forget();
    const oldest = this.kept[0]?.number ?? this.last + 1;
    if (after + 1 < oldest) return null;
    return this.kept
      .filter((entry) => entry.number > after && !NOT_REPLAYED.has(entry.push.type))
      .map((entry) => entry.push);
  }

  close(): void {
    this.unsubscribe();
    this.kept.length = 0;
  }

  private record(push: MonitorPush): void {
    this.last++;
    this.kept.push({ number: this.last, at: this.now(), push });
    this.forget();
  }

  private forget(): void {
    const before = this.now() - PUSH_LOG_KEEP_MS;
    let old = 0;
    while (old < this.kept.length && (this.kept[old]?.at ?? 0) < before) old++;
    if (old > 0) this.kept.splice(0, old);
  }
}
