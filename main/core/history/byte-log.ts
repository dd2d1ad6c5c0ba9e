/**
 * A growable run of bytes holding variable-length integers (LEB128), written at the end and dropped
 * from the front. History entries are small deltas, so most integers take one or two bytes: this is
 * what keeps 2000 rooms' history in tens of megabytes rather than hundreds.
 */
export class ByteLog {
  private bytes: Uint8Array;
  private head = 0;
  private tail = 0;
  /** Bytes forgotten from the front since the log was made: what turns an offset into a position. */
  private forgotten = 0;

  constructor(initialBytes = 32) {
    this.bytes = new Uint8Array(initialBytes);
  }

  /** Offset of the first byte kept. */
  get start(): number {
    return this.head;
  }

  /** Offset just past the last byte written. */
  get end(): number {
    return this.tail;
  }

  /**
   * The lasting position of the byte at `offset`: offsets move when the kept bytes are moved to the
   * front of the buffer, positions never do, so an index into the log can be kept across writes.
   */
  positionOf(offset: number): number {
    return this.forgotten + offset - this.head;
  }

  /** The current offset of a byte kept at `position` (see {@link ByteLog.positionOf}). */
  offsetOf(position: number): number {
    return this.head + position - this.forgotten;
  }

  /** Bytes allocated, kept or not. */
  get capacity(): number {
    return this.bytes.byteLength;
  }

  /** Makes room for `count` more bytes at the end. */
  reserve(count: number): void {
    if (this.tail + count <= this.bytes.length) return;
    const live = this.tail - this.head;
    const needed = live + count;
    // Reclaim the dropped front before growing: in a steady state as much leaves as arrives, and a
    // copy every eighth of the buffer costs a few bytes copied per byte written.
    if (this.head >= this.bytes.length / 8 && needed <= this.bytes.length) {
      const shrinkTo = Math.ceil(needed * 1.25);
      if (shrinkTo < this.bytes.length / 2) this.moveTo(new Uint8Array(shrinkTo));
      else {
        this.bytes.copyWithin(0, this.head, this.tail);
        this.head = 0;
        this.tail = live;
      }
      return;
    }
    this.moveTo(new Uint8Array(Math.max(32, Math.ceil(needed * 1.25))));
  }

  /** Appends a non-negative integer up to 2^53; the caller has reserved 8 bytes for it. */
  writeUint(value: number): void {
    let rest = value;
    // Division rather than bit shifts: counts and times can exceed 32 bits.
    while (rest >= 0x80) {
      this.bytes[this.tail++] = (rest % 0x80) | 0x80;
      rest = Math.floor(rest / 0x80);
    }
    this.bytes[this.tail++] = rest;
  }

  /** Appends a signed integer, small magnitudes in few bytes (zigzag). */
  writeInt(value: number): void {
    this.writeUint(value >= 0 ? value * 2 : -value * 2 - 1);
  }

  /** A reader positioned at `offset` (the start by default). Valid until the next write or drop. */
  reader(offset = this.head): ByteReader {
    return new ByteReader(this.bytes, offset);
  }

  /** Forgets every byte before `offset`. */
  dropTo(offset: number): void {
    this.forgotten += offset - this.head;
    this.head = offset;
    if (this.head >= this.tail) {
      this.head = 0;
      this.tail = 0;
    }
  }

  /** Forgets everything and gives the memory back. */
  clear(): void {
    this.forgotten += this.tail - this.head;
    this.bytes = new Uint8Array(32);
    this.head = 0;
    this.tail = 0;
  }

  private moveTo(next: Uint8Array): void {
    next.set(this.bytes.subarray(this.head, this.tail));
    this.tail -= this.head;
    this.head = 0;
    this.bytes = next;
  }
}

/** Reads the integers of a {@link ByteLog} in order. */
export class ByteReader {
  constructor(
    private readonly bytes: Uint8Array,
    /** Offset of the next byte to read. */
    public pos: number,
  ) {}

  /** The next non-negative integer. */
  readUint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.bytes[this.pos++] as number;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
    }
  }

  /** The next signed integer. */
  readInt(): number {
    const raw = this.readUint();
    return raw % 2 === 0 ? raw / 2 : -(raw + 1) / 2;
  }
}
