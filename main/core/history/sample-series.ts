import { ByteLog, type ByteReader } from './byte-log';
import { SampleCheckpoints } from './sample-checkpoints';

/**
 * Called for each kept sample: its time in epoch seconds and its count, null for a failed poll.
 * Returning true stops the walk; anything else goes on.
 */
export type SampleVisitor = (atS: number, online: number | null) => unknown;

/** Entries between two checkpoints: the most a lookup by time decodes before its first match. */
const CHECKPOINT_EVERY = 64;

/** Where decoding starts for a time: a reader and the time and count just before its entry. */
interface Cursor {
  reader: ByteReader;
  at: number;
  count: number;
}

/**
 * The full-resolution samples of one room, oldest first, to the second. Each entry is the seconds
 * since the previous one (times two, plus one for a failed poll) and, for a count, its change from
 * the previous count: two or three bytes for a room polled every 10 s. Every
 * {@link CHECKPOINT_EVERY} entries a checkpoint lets a lookup by time start near its answer.
 */
export class SampleSeries {
  private readonly log = new ByteLog();
  private readonly checkpoints = new SampleCheckpoints();
  /** Entries appended since the last checkpoint. */
  private sinceCheckpoint = 0;
  /** Time and count just before the first kept entry: where decoding starts. */
  private headAt = 0;
  private headCount = 0;
  /** Time and count of the last entry: what the next one is written against. */
  private tailAt = 0;
  private tailCount = 0;
  /** Time of the first kept entry. */
  private firstAt = 0;
  private entries = 0;

  get size(): number {
    return this.entries;
  }

  /** Bytes allocated for the entries and their checkpoints. */
  get bytes(): number {
    return this.log.capacity + this.checkpoints.bytes;
  }

  /** Time of the oldest sample kept (epoch s), or null when empty. */
  get oldestAt(): number | null {
    return this.entries === 0 ? null : this.firstAt;
  }

  /** Time of the latest sample (epoch s), or null when empty. */
  get latestAt(): number | null {
    return this.entries === 0 ? null : this.tailAt;
  }

  /** Appends a sample no older than the latest (the caller checks). */
  append(atS: number, online: number | null): void {
    if (this.entries === 0) {
      this.headAt = atS;
      this.tailAt = atS;
      this.firstAt = atS;
      this.headCount = this.tailCount;
    }
    this.log.reserve(16);
    if (++this.sinceCheckpoint >= CHECKPOINT_EVERY && this.entries > 0) {
      this.checkpoints.add(this.log.positionOf(this.log.end), this.tailAt, this.tailCount);
      this.sinceCheckpoint = 0;
    }
    this.log.writeUint((atS - this.tailAt) * 2 + (online === null ? 1 : 0));
    if (online !== null) {
      this.log.writeInt(online - this.tailCount);
      this.tailCount = online;
    }
    this.tailAt = atS;
    this.entries++;
  }

  /** Drops the samples older than `cutoffS` (epoch s). */
  dropBefore(cutoffS: number): void {
    const reader = this.log.reader();
    let at = this.headAt;
    let count = this.headCount;
    let dropped = 0;
    while (dropped < this.entries) {
      const before = reader.pos;
      const head = reader.readUint();
      const nextAt = at + Math.floor(head / 2);
      if (nextAt >= cutoffS) {
        reader.pos = before;
        this.firstAt = nextAt;
        break;
      }
      at = nextAt;
      if (head % 2 === 0) count += reader.readInt();
      dropped++;
    }
    if (dropped === 0) return;
    this.headAt = at;
    this.headCount = count;
    this.entries -= dropped;
    if (this.entries === 0) {
      this.log.clear();
      this.checkpoints.clear();
      this.sinceCheckpoint = 0;
    } else {
      this.log.dropTo(reader.pos);
      this.checkpoints.dropBefore(this.log.positionOf(this.log.start));
    }
  }

  /** Visits the samples at or after `fromS` (epoch s), oldest first, until a visit returns true. */
  forEach(fromS: number, visit: SampleVisitor): void {
    const cursor = this.seek(fromS);
    const { reader } = cursor;
    let { at, count } = cursor;
    const end = this.log.end;
    while (reader.pos < end) {
      const head = reader.readUint();
      at += Math.floor(head / 2);
      const failed = head % 2 === 1;
      if (!failed) count += reader.readInt();
      if (at >= fromS && visit(at, failed ? null : count) === true) return;
    }
  }

  /**
   * The first count (not a failed poll) measured at or after `fromS` (epoch s), or null when there is
   * none. Decodes from the checkpoint before `fromS`, so it reads a few dozen entries at most before
   * its answer, whatever the length of the series, and builds nothing.
   */
  firstCountSince(fromS: number): number | null {
    let first: number | null = null;
    this.forEach(fromS, (_at, online) => {
      first = online;
      return online !== null;
    });
    return first;
  }

  /**
   * How long the room went without a poll around `fromS` (epoch s): the seconds from the last sample
   * at or before it to the first at or after it, 0 when a sample falls on it or none follows. Null
   * when no sample is kept at or before `fromS`. Decodes from the checkpoint before `fromS`.
   */
  gapAt(fromS: number): number | null {
    const oldest = this.oldestAt;
    if (oldest === null || fromS < oldest) return null;
    const { reader, at: start } = this.seek(fromS);
    let at = start;
    let last = start;
    const end = this.log.end;
    while (reader.pos < end) {
      const head = reader.readUint();
      at += Math.floor(head / 2);
      if (head % 2 === 0) reader.readInt();
      if (at >= fromS) return at === fromS ? 0 : at - last;
      last = at;
    }
    return 0;
  }

  /** Where to start decoding for the samples at or after `fromS`: the checkpoint before it, else the start. */
  private seek(fromS: number): Cursor {
    const index = this.entries === 0 ? -1 : this.checkpoints.lastBefore(fromS);
    if (index < 0) return { reader: this.log.reader(), at: this.headAt, count: this.headCount };
    return {
      reader: this.log.reader(this.log.offsetOf(this.checkpoints.positionAt(index))),
      at: this.checkpoints.atAt(index),
      count: this.checkpoints.countAt(index),
    };
  }
}
