/** One measured count: wall-clock time (epoch ms) and the number online. */
export interface Sample {
  at: number;
  online: number;
}

/**
 * The last `capacity` samples of one room, oldest overwritten first. Typed arrays keep 2000 rooms'
 * history compact (16 bytes a sample).
 */
export class SampleHistory {
  private readonly times: Float64Array;
  private readonly counts: Float64Array;
  private start = 0;
  private length = 0;

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError('History capacity must be at least 1.');
    this.times = new Float64Array(capacity);
    this.counts = new Float64Array(capacity);
  }

  get size(): number {
    return this.length;
  }

  push(sample: Sample): void {
    const slot = (this.start + this.length) % this.capacity;
    this.times[slot] = sample.at;
    this.counts[slot] = sample.online;
    if (this.length < this.capacity) this.length++;
    else this.start = (this.start + 1) % this.capacity;
  }

  /** Samples oldest first, optionally only those at or after `since` (epoch ms). */
  toArray(since = Number.NEGATIVE_INFINITY): Sample[] {
    const out: Sample[] = [];
    for (let i = 0; i < this.length; i++) {
      const slot = (this.start + i) % this.capacity;
      const at = this.times[slot] as number;
      if (at >= since) out.push({ at, online: this.counts[slot] as number });
    }
    return out;
  }

  latest(): Sample | null {
    if (this.length === 0) return null;
    const slot = (this.start + this.length - 1) % this.capacity;
    return { at: this.times[slot] as number, online: this.counts[slot] as number };
  }
}
