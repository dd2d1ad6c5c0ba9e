import type { Clock, TimerHandle } from '../clock';
import type { Bucket } from './bucket';
import { HistoryFiles, type HistoryFolder, type HistoryProblems } from './history-files';
import { type HistoryWindows, type MinuteRecord, RoomHistory } from './room-history';

/** One count at full resolution: epoch ms (to the second) and the count, null for a failed poll. */
export interface HistorySample {
  at: number;
  online: number | null;
}

/** How far back each resolution reaches: 6 h of samples, a day of minutes, a week of ten minutes. */
export const DEFAULT_WINDOWS: HistoryWindows = {
  fullResolutionMs: 6 * 3_600_000,
  minutesMs: 24 * 3_600_000,
  tenMinutesMs: 7 * 86_400_000,
};

export interface HistoryStoreOptions {
  /** Dates the flushes and what expires; the counts carry their own times. */
  clock: Clock;
  /** Where the history is kept; without it, it lives in memory for this run only. */
  folder?: HistoryFolder;
  windows?: Partial<HistoryWindows>;
  /** How often samples go to disk and old entries are forgotten. Default one minute. */
  flushEveryMs?: number;
  /** How long closed minutes wait before they go to disk. Default ten minutes. */
  minuteBatchMs?: number;
  /**
   * Lets other work run between two lines while the files are read (the app passes setImmediate):
   * a week of 2000 rooms is hundreds of megabytes. Default: read straight through.
   */
  pauseWhileReading?: () => Promise<void>;
}

/**
 * Every room's count history, kept per room key in three resolutions (see {@link RoomHistory}) and,
 * with a folder, persisted (see history-format.ts): per-minute buckets on disk for at least seven
 * days, every sample for the last six hours. In memory, samples for 6 h, minutes for 24 h and
 * ten-minute buckets for 7 days, as compact byte runs. Writes are batched once a minute on the
 * clock's timer; {@link HistoryStore.close} writes what is left.
 */
export class HistoryStore {
  private readonly rooms = new Map<string, RoomHistory>();
  private readonly files: HistoryFiles | null;
  readonly windows: HistoryWindows;
  private readonly flushEveryMs: number;
  private timer: TimerHandle | null = null;
  private closed = false;
  /** Counts recorded while the files are read; they are later than anything in them. */
  private waiting: Array<[key: string, at: number, online: number | null]> | null = null;
  /** Resolves once the files have been read. */
  readonly ready: Promise<void>;

  private constructor(private readonly options: HistoryStoreOptions) {
    this.windows = { ...DEFAULT_WINDOWS, ...options.windows };
    this.flushEveryMs = options.flushEveryMs ?? 60_000;
    this.files = options.folder ? new HistoryFiles(options.folder, options.minuteBatchMs ?? 600_000) : null;
    this.ready = this.load();
  }

  /** Opens the history in `options.folder` once its files are read. Never rejects over the files. */
  static async open(options: HistoryStoreOptions): Promise<HistoryStore> {
    const store = new HistoryStore(options);
    await store.ready;
    return store;
  }

  /**
   * Opens the history at once and reads its files in the background ({@link HistoryStore.ready}):
   * the app starts without waiting, and the older counts appear when read.
   */
  static start(options: HistoryStoreOptions): HistoryStore {
    return new HistoryStore(options);
  }

  /** A history kept in memory for this run only. */
  static inMemory(clock: Clock, windows?: Partial<HistoryWindows>): HistoryStore {
    return new HistoryStore({ clock, ...(windows ? { windows } : {}) });
  }

  /** Records a room's count (null for a failed poll) measured at `at` (epoch ms). */
  record(key: string, at: number, online: number | null): void {
    if (this.waiting) {
      this.waiting.push([key, at, online]);
      return;
    }
    const atS = Math.floor(at / 1000);
    const closed = this.roomOf(key).record(atS, online);
    if (closed === false || this.closed) return;
    this.files?.addSample(key, atS, online);
    if (closed) this.files?.addMinute(key, closed, this.options.clock.wall());
    if (this.timer === null) {
      this.timer = this.options.clock.setTimer(this.tick, this.flushEveryMs);
    }
  }

  /** The room's samples at or after `fromMs`, oldest first (the last 6 h at most). */
  samples(key: string, fromMs: number): HistorySample[] {
    const out: HistorySample[] = [];
    this.rooms.get(key)?.forEachSample(Math.ceil(fromMs / 1000), (atS, online) => {
      out.push({ at: atS * 1000, online });
    });
    return out;
  }

  /**
   * The room's first count measured at or after `fromMs`, failed polls skipped, or null when none is
   * held. Builds nothing, and reads a few dozen samples from an index rather than the whole series:
   * cheap enough for every room at every push. Before the oldest sample (further back than the full
   * resolution reaches) it falls back to the average of the first minute from `fromMs` on.
   */
  firstCountSince(key: string, fromMs: number): number | null {
    return this.rooms.get(key)?.firstCountSince(Math.ceil(fromMs / 1000)) ?? null;
  }

  /**
   * Whether the room was being polled at `atMs`: a count or failed poll is held at or before it,
   * and the room went no longer than `maxGapMs` without a poll around it (the app not running, the
   * machine asleep). Builds nothing; decodes a few dozen samples at most.
   */
  watchedAt(key: string, atMs: number, maxGapMs: number): boolean {
    return this.rooms.get(key)?.watchedAt(Math.ceil(atMs / 1000), Math.floor(maxGapMs / 1000)) ?? false;
  }

  /** When the room's oldest count or failed poll held was measured (epoch ms), or null. */
  oldestAt(key: string): number | null {
    const atS = this.rooms.get(key)?.oldestAt() ?? null;
    return atS === null ? null : atS * 1000;
  }

  /** The room's buckets starting at or after `fromMs`, per minute (24 h) or ten minutes (7 days). */
  buckets(key: string, fromMs: number, width: 'minute' | 'ten-minutes'): Bucket[] {
    const room = this.rooms.get(key);
    if (!room) return [];
    return width === 'minute' ? room.minuteBuckets(fromMs) : room.tenMinuteBuckets(fromMs);
  }

  /** Rooms held, the bytes their series take, and the writes made so far. */
  stats(): { rooms: number; bytes: number; writes: number } {
    let bytes = 0;
    for (const room of this.rooms.values()) bytes += room.bytes;
    return { rooms: this.rooms.size, bytes, writes: this.files?.writes ?? 0 };
  }

  /** What went wrong with the files so far; null for a history kept in memory. */
  problems(): HistoryProblems | null {
    return this.files?.problems() ?? null;
  }

  /** Closes the minutes that are over, forgets what has expired and writes what waits. */
  flush(all = false): Promise<void> {
    const now = this.options.clock.wall();
    const nowS = Math.floor(now / 1000);
    for (const [key, room] of this.rooms) {
      const closed = room.closeEnded(nowS);
      if (closed) this.files?.addMinute(key, closed, now);
      if (room.trim(now, this.windows)) this.rooms.delete(key);
    }
    return this.files?.flush(now, all) ?? Promise.resolve();
  }

  /** Stops the timer and writes everything that waits. Later counts are kept in memory only. */
  async close(): Promise<void> {
    await this.ready;
    this.closed = true;
    if (this.timer !== null) this.options.clock.clearTimer(this.timer);
    this.timer = null;
    await this.flush(true);
  }

  private roomOf(key: string): RoomHistory {
    let room = this.rooms.get(key);
    if (!room) {
      room = new RoomHistory();
      this.rooms.set(key, room);
    }
    return room;
  }

  private readonly tick = (): void => {
    this.timer = null;
    if (this.closed) return;
    void this.flush();
    if (this.rooms.size > 0) this.timer = this.options.clock.setTimer(this.tick, this.flushEveryMs);
  };

  private async load(): Promise<void> {
    if (!this.files) return;
    this.waiting = [];
    const now = this.options.clock.wall();
    const oldestMinute = Math.ceil((now - this.windows.tenMinutesMs) / 60_000);
    const oldestKeptMinute = Math.ceil((now - this.windows.minutesMs) / 60_000);
    const rebuilt: Array<[string, MinuteRecord]> = [];
    const pause = this.options.pauseWhileReading;
    await this.files.load(now, pause, {
      minute: (key, record) => {
        if (record.minute >= oldestMinute)
          this.roomOf(key).loadMinute(record, record.minute < oldestKeptMinute);
      },
      sample: (key, atS, online) => {
        if (atS < oldestMinute * 60) return;
        // Minutes the files lack (the app stopped before writing them) are rebuilt from the samples.
        const closed = this.roomOf(key).record(atS, online);
        if (closed) rebuilt.push([key, closed]);
      },
    });
    for (const [key, record] of rebuilt) this.files.addMinute(key, record, now);
    const waiting = this.waiting;
    this.waiting = null;
    for (const [key, at, online] of waiting) this.record(key, at, online);
    await this.flush();
    if (this.rooms.size > 0 && !this.closed && this.timer === null) {
      this.timer = this.options.clock.setTimer(this.tick, this.flushEveryMs);
    }
  }
}
