import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonLine } from '../../../main/node/cli/watch-view';

/** The time a sample's JSON line says it was measured. */
const lineTime = (at: number) =>
  (
    JSON.parse(jsonLine({ type: 'sample', groupId: '@TGS#1', online: 1, at, previous: null }) ?? '{}') as {
      at: string;
    }
  ).at;

describe("a watch line's time", () => {
  it('reads as the ISO time of the sample, to the millisecond, whatever came before it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -62_198_755_200_000, max: 253_402_400_000_000, noNaN: true }), {
          minLength: 1,
        }),
        (times) => {
          for (const at of times) expect(lineTime(at)).toBe(new Date(at).toISOString());
        },
      ),
    );
  });

  it('keeps the millisecond within one second', () => {
    const second = Date.UTC(2026, 11, 3, 16, 20, 5);
    expect(lineTime(second + 7)).toBe('2026-12-03T16:20:05.007Z');
    expect(lineTime(second + 999)).toBe('2026-12-03T16:20:05.999Z');
    expect(lineTime(second + 1000)).toBe('2026-12-03T16:20:06.000Z');
  });
});
