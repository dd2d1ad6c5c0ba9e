import type { MonitorApi, MonitorPush } from '../../contract/monitor-api';
import type { PushLog } from './push-log';

/**
 * How long one snapshot's text may be handed out while nothing changed: no longer than the engine
 * takes to push changed rooms while it polls, so a count's age read from it is never off by more.
 */
export const SNAPSHOT_TEXT_MAX_AGE_MS = 250;

/** The pushes after which the snapshot reads differently. */
const CHANGES_SNAPSHOT: ReadonlySet<MonitorPush['type']> = new Set([
  'snapshot',
  'rooms',
  'rooms-removed',
  'summary',
  'profiles',
]);

/**
 * The engine's snapshot as JSON text, made once for every page that opens at about the same time:
 * with 2,000 rooms the views and their JSON cost tens of milliseconds of the event loop the engine
 * polls on, and a page opening asks twice (its first snapshot, then its event stream's). Any push
 * that changes the snapshot, or {@link SNAPSHOT_TEXT_MAX_AGE_MS}, makes the next reader take a new
 * one, so a text handed out always has every push since it was made still to come after it.
 */
export class SnapshotText {
  private text: Promise<MarkedSnapshot> | null = null;
  private madeAt = Number.NEGATIVE_INFINITY;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly api: Pick<MonitorApi, 'getSnapshot' | 'onPush'>,
    private readonly now: () => number = () => performance.now(),
    /** Where the pushes stood as each snapshot was taken, for a stream to start after it. */
    private readonly pushes: Pick<PushLog, 'mark'> | null = null,
  ) {
    this.unsubscribe = api.onPush((push) => {
      if (CHANGES_SNAPSHOT.has(push.type)) this.text = null;
    });
  }

  /** The snapshot as JSON, as the engine has it now. */
  read(): Promise<string> {
    return this.readMarked().then((snapshot) => snapshot.json);
  }

  /** The snapshot as JSON, with the mark of the last push in it (empty without a push log). */
  readMarked(): Promise<MarkedSnapshot> {
    if (this.text && this.now() - this.madeAt <= SNAPSHOT_TEXT_MAX_AGE_MS) return this.text;
    // Made after the requests already in are answered, which are then not held up behind it. A push
    // meanwhile is in it, and comes again after it to a stream that subscribed first: every push
    // carries whole rooms and profiles, so that does no harm.
    const text = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      // Marked before it is taken: a push in between is sent again after it, never missed.
      const mark = this.pushes?.mark() ?? '';
      return this.api.getSnapshot().then((snapshot) => ({ json: JSON.stringify(snapshot), mark }));
    });
    this.text = text;
    this.madeAt = this.now();
    // A failed snapshot is asked for again by the next reader.
    text.catch(() => {
      if (this.text === text) this.text = null;
    });
    return text;
  }

  /**
   * Lets the next reader take a new snapshot: after a call that may have changed something, before
   * its push comes, the caller must read its own change.
   */
  invalidate(): void {
    this.text = null;
  }

  close(): void {
    this.unsubscribe();
    this.text = null;
  }
}

/** A snapshot's JSON and the mark of the pushes it holds (see push-log.ts). */
export interface MarkedSnapshot {
  json: string;
  mark: string;
}
