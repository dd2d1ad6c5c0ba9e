/**
 * Where to start decoding a {@link SampleSeries} for a time: every so many entries, the entry's
 * lasting byte position in the log and the time and count just before it. A lookup then decodes a
 * few dozen entries from the nearest checkpoint instead of the whole series from its oldest entry.
 * Three numbers per checkpoint, in one growable array dropped from the front like the log.
 */
export class SampleCheckpoints {
  /** Empty until the first checkpoint: a room with a short history holds none. */
  private data = new Float64Array(0);
  /** Index of the first checkpoint kept, and one past the last. */
  private head = 0;
  private tail = 0;

  /** Checkpoints kept. */
  get size(): number {
    return this.tail - this.head;
  }

  /** Bytes allocated. */
  get bytes(): number {
    return this.data.byteLength;
  }

  /** Adds a checkpoint after the others: its time is no earlier than theirs. */
  add(position: number, beforeAt: number, beforeCount: number): void {
    if ((this.tail + 1) * 3 > this.data.length) this.makeRoom();
    const i = this.tail * 3;
    this.data[i] = position;
    this.data[i + 1] = beforeAt;
    this.data[i + 2] = beforeCount;
    this.tail++;
  }

  /** Forgets the checkpoints of entries before `position`. */
  dropBefore(position: number): void {
    while (this.head < this.tail && this.positionAt(this.head) < position) this.head++;
    if (this.head === this.tail) this.clear();
  }

  /** Forgets every checkpoint and gives the memory back. */
  clear(): void {
    this.data = new Float64Array(0);
    this.head = 0;
    this.tail = 0;
  }

  /**
   * The last checkpoint whose time before it is earlier than `fromS`, or -1: every entry before that
   * checkpoint is older than `fromS`, so decoding can start there. A binary search: times only grow.
   */
  lastBefore(fromS: number): number {
    let low = this.head;
    let high = this.tail;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.atAt(middle) < fromS) low = middle + 1;
      else high = middle;
    }
    return low === this.head ? -1 : low - 1;
  }

  /** The lasting byte position of checkpoint `index`'s entry. */
  positionAt(index: number): number {
    return this.data[index * 3] as number;
  }

  /** The time (epoch s) of the entry just before checkpoint `index`. */
  atAt(index: number): number {
    return this.data[index * 3 + 1] as number;
  }

  /** The count last known before checkpoint `index`. */
  countAt(index: number): number {
    return this.data[index * 3 + 2] as number;
  }

  /**
   * Moves the kept checkpoints to the front, or into a bigger array when they fill this one. One
   * checkpoint comes every few dozen samples, so the copy costs little; the slack stays small.
   */
  private makeRoom(): void {
    const size = this.tail - this.head;
    const needed = (size + 1) * 3;
    if (needed <= this.data.length) this.data.copyWithin(0, this.head * 3, this.tail * 3);
    else {
      const next = new Float64Array(3 * Math.ceil((size + 1) * 1.25));
      next.set(this.data.subarray(this.head * 3, this.tail * 3));
      this.data = next;
    }
    this.head = 0;
    this.tail = size;
  }
}
