import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteLog } from '../../../main/core/history/byte-log';

/** Reads `count` unsigned integers from the log's start. */
const readAll = (log: ByteLog, count: number) => {
  const reader = log.reader();
  return Array.from({ length: count }, () => reader.readUint());
};

describe('ByteLog', () => {
  it('gives back every integer written, up to 2^53 (signed 2^52), after any drops', () => {
    const value = fc.oneof(
      fc.integer({ min: 0, max: 127 }),
      fc.integer({ min: 128, max: 2 ** 32 }),
      fc.constantFrom(0x7f, 0x80, 0x3fff, 0x4000, 2 ** 53 - 1),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(value, fc.boolean(), fc.boolean()), { maxLength: 300 }), (steps) => {
        const log = new ByteLog();
        const kept: Array<{ value: number; signed: boolean; offset: number; position: number }> = [];
        for (const [v, negative, drop] of steps) {
          log.reserve(10);
          const offset = log.end;
          const position = log.positionOf(offset);
          // Signed, the magnitude doubles: up to 2^52.
          const signed = negative;
          const magnitude = signed ? Math.min(v, 2 ** 52) : v;
          if (signed) log.writeInt(0 - magnitude);
          else log.writeUint(magnitude);
          kept.push({ value: signed ? 0 - magnitude : magnitude, signed, offset, position });
          if (drop && kept.length > 1) {
            // Forget the oldest: its next entry's lasting position gives its offset now.
            kept.shift();
            log.dropTo(log.offsetOf((kept[0] as { position: number }).position));
          }
        }
        const reader = log.reader();
        for (const entry of kept) {
          expect(log.offsetOf(entry.position)).toBe(reader.pos);
          expect(entry.signed ? reader.readInt() : reader.readUint()).toBe(entry.value);
        }
        expect(reader.pos).toBe(log.end);
      }),
    );
  });

  it('takes one byte below 128 and one more for each further 7 bits', () => {
    const sizes = [0, 127, 128, 16_383, 16_384, 2 ** 21, 2 ** 53 - 1].map((value) => {
      const log = new ByteLog();
      log.reserve(8);
      log.writeUint(value);
      return log.end - log.start;
    });
    expect(sizes).toEqual([1, 1, 2, 2, 3, 4, 8]);
    const signed = [0, -1, 1, -64, 63, -65, 64].map((value) => {
      const log = new ByteLog();
      log.reserve(8);
      log.writeInt(value);
      return log.end - log.start;
    });
    expect(signed).toEqual([1, 1, 1, 1, 1, 2, 2]);
  });

  it('moves its bytes only when a write does not fit', () => {
    const log = new ByteLog();
    let capacity = log.capacity;
    expect(capacity).toBe(32);
    for (let i = 0; i < 1000; i++) {
      const fits = log.end + 1 <= log.capacity;
      log.reserve(1);
      if (fits) expect(log.capacity).toBe(capacity);
      capacity = log.capacity;
      log.writeUint(i % 100);
    }
    expect(readAll(log, 1000)).toEqual(Array.from({ length: 1000 }, (_, i) => i % 100));
    // Grown by a quarter at a time, never more than the bytes held need.
    expect(log.capacity).toBeGreaterThanOrEqual(1000);
    expect(log.capacity).toBeLessThanOrEqual(1250);
  });

  it('reuses the front it dropped before growing, and shrinks when little is kept', () => {
    const log = new ByteLog(1000);
    log.reserve(1000);
    for (let i = 0; i < 1000; i++) log.writeUint(i % 100);
    // Most of it dropped: the 100 bytes kept move into a buffer a quarter larger than needed.
    log.dropTo(log.start + 900);
    log.reserve(10);
    expect(log.capacity).toBe(Math.ceil(110 * 1.25));
    expect(log.start).toBe(0);
    expect(readAll(log, 100)).toEqual(Array.from({ length: 100 }, (_, i) => i % 100));

    // A little dropped (at least an eighth): the bytes move to the front of the same buffer.
    const same = new ByteLog(800);
    same.reserve(800);
    for (let i = 0; i < 800; i++) same.writeUint(i % 100);
    same.dropTo(same.start + 100);
    same.reserve(50);
    expect(same.capacity).toBe(800);
    expect(same.start).toBe(0);
    expect(same.end).toBe(700);
    expect(readAll(same, 700)).toEqual(Array.from({ length: 700 }, (_, i) => (i + 100) % 100));

    // At the edges: what is needed fills the buffer exactly, or a quarter more is half of it.
    const full = new ByteLog(800);
    full.reserve(800);
    for (let i = 0; i < 800; i++) full.writeUint(1);
    full.dropTo(full.start + 100);
    full.reserve(100);
    expect([full.capacity, full.start, full.end]).toEqual([800, 0, 700]);
    const half = new ByteLog(1000);
    half.reserve(1000);
    for (let i = 0; i < 1000; i++) half.writeUint(1);
    half.dropTo(half.start + 700);
    half.reserve(100);
    expect([half.capacity, half.start, half.end]).toEqual([1000, 0, 300]);

    // An eighth dropped but more needed than the buffer holds: it grows.
    const more = new ByteLog(800);
    more.reserve(800);
    for (let i = 0; i < 800; i++) more.writeUint(i % 100);
    more.dropTo(more.start + 100);
    more.reserve(200);
    expect(more.capacity).toBe(Math.ceil(900 * 1.25));
    for (let i = 0; i < 200; i++) more.writeUint(7);
    expect(readAll(more, 900).slice(-201)).toEqual([99, ...Array(200).fill(7)]);

    // Less than an eighth dropped: it grows instead.
    const grows = new ByteLog(800);
    grows.reserve(800);
    for (let i = 0; i < 800; i++) grows.writeUint(i % 100);
    grows.dropTo(grows.start + 99);
    grows.reserve(50);
    expect(grows.capacity).toBe(Math.ceil((701 + 50) * 1.25));
  });

  it('starts again from offset 0 once everything is dropped, its positions going on', () => {
    const log = new ByteLog();
    log.reserve(8);
    log.writeUint(300);
    log.writeUint(5);
    const end = log.positionOf(log.end);
    log.dropTo(log.end);
    expect([log.start, log.end]).toEqual([0, 0]);
    expect(log.positionOf(log.start)).toBe(end);
    log.reserve(8);
    log.writeUint(7);
    expect(readAll(log, 1)).toEqual([7]);
    log.clear();
    expect([log.start, log.end, log.capacity]).toEqual([0, 0, 32]);
    expect(log.positionOf(0)).toBe(end + 1);
  });
});
