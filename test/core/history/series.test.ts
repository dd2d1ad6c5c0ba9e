import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BucketSeries } from '../../../main/core/history/bucket-series';
import { SampleCheckpoints } from '../../../main/core/history/sample-checkpoints';
import { SampleSeries } from '../../../main/core/history/sample-series';

const samplesOf = (series: SampleSeries, from = Number.NEGATIVE_INFINITY) => {
  const out: Array<[number, number | null]> = [];
  series.forEach(from, (at, online) => out.push([at, online]));
  return out;
};

describe('SampleSeries', () => {
  it('gives back what was appended, after any cut, whatever the counts and gaps', () => {
    const step = fc.record({
      gap: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 100_000 })),
      online: fc.option(fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 2 ** 40 }))),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 400 }), fc.integer({ min: 0, max: 400 }), (steps, cutAt) => {
        const series = new SampleSeries();
        const model: Array<[number, number | null]> = [];
        let at = 1_764_158_400;
        for (const { gap, online } of steps) {
          at += gap;
          series.append(at, online);
          model.push([at, online]);
        }
        const cutoff = model[cutAt]?.[0] ?? at + 1;
        series.dropBefore(cutoff);
        const kept = model.filter(([t]) => t >= cutoff);
        expect(samplesOf(series)).toEqual(kept);
        expect(series.size).toBe(kept.length);
        series.append(at + 5, 7);
        expect(samplesOf(series).at(-1)).toEqual([at + 5, 7]);
      }),
    );
  });

  it('finds the first count at or after any time, failed polls skipped, after cuts and compactions', () => {
    const step = fc.record({
      gap: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 5_000 })),
      online: fc.option(fc.integer({ min: 0, max: 2 ** 40 }), { freq: 4 }),
    });
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 1, maxLength: 600, size: 'max' }),
        fc.array(fc.integer({ min: 0, max: 599 }), { maxLength: 4 }),
        // Where to look, in thousandths of the span from the first sample to one past the last.
        fc.array(fc.integer({ min: -5, max: 1_005 }), { minLength: 1, maxLength: 12 }),
        (steps, cuts, probes) => {
          const series = new SampleSeries();
          const model: Array<[number, number | null]> = [];
          const start = 1_764_158_400;
          let at = start;
          // Appends in stretches, cutting the front between them, as the store's flushes do.
          steps.forEach(({ gap, online }, i) => {
            at += gap;
            series.append(at, online);
            model.push([at, online]);
            if (cuts.includes(i)) {
              const cutoff = model[Math.floor(model.length / 2)]?.[0] ?? at;
              series.dropBefore(cutoff);
              model.splice(
                0,
                model.findIndex(([t]) => t >= cutoff),
              );
            }
          });
          for (const probe of probes) {
            const fromS = start + Math.round(((at + 1 - start) * probe) / 1000);
            const expected = model.find(([t, online]) => t >= fromS && online !== null)?.[1] ?? null;
            expect(series.firstCountSince(fromS)).toBe(expected);
            expect(samplesOf(series, fromS)).toEqual(model.filter(([t]) => t >= fromS));
            // The time without a poll around fromS: from the last sample at or before it to the first
            // at or after it (0 when one falls on it, or none follows); null before the first kept.
            const before = model.findLast(([t]) => t <= fromS)?.[0];
            const after = model.find(([t]) => t >= fromS)?.[0];
            expect(series.gapAt(fromS)).toBe(
              before === undefined ? null : after === undefined ? 0 : after - before,
            );
          }
          expect(series.oldestAt).toBe(model[0]?.[0] ?? null);
        },
      ),
    );
  });

  it('finds the count an hour back in six hours of samples, and skips a failed poll', () => {
    const series = new SampleSeries();
    const start = 1_764_158_400;
    for (let i = 0; i < 6 * 360; i++) series.append(start + i * 10, i % 50 === 7 ? null : 1_000 + i);
    const visits = (fromS: number) => {
      let visited = 0;
      series.forEach(fromS, () => visited++);
      return visited;
    };
    // An hour back from the end: 360 samples and no more than one checkpoint's stretch before them.
    expect(visits(start + 5 * 3600)).toBe(360);
    expect(series.firstCountSince(start + 5 * 3600)).toBe(1_000 + 5 * 360);
    // A failed poll at the time asked for is skipped: the next count answers.
    expect(series.firstCountSince(start + 57 * 10)).toBe(1_000 + 58);
    expect(series.firstCountSince(start + 6 * 3600)).toBeNull();
  });

  it('gives its memory back when a cut leaves nothing', () => {
    const series = new SampleSeries();
    for (let i = 0; i < 2000; i++) series.append(1_764_158_400 + i * 10, 5_000 + (i % 7));
    expect(series.bytes).toBeGreaterThan(4_000);
    series.dropBefore(1_764_158_400 + 20_000);
    expect(series.size).toBe(0);
    expect(series.oldestAt).toBeNull();
    expect(series.bytes).toBe(new SampleSeries().bytes);
  });

  it('finds the sample at exactly any time kept, checkpoints included', () => {
    const series = new SampleSeries();
    const start = 1_764_158_400;
    const count = (i: number) => 1_000 + ((i * 37) % 50);
    for (let i = 0; i < 300; i++) series.append(start + i * 10, count(i));
    for (let i = 0; i < 300; i++) {
      expect(samplesOf(series, start + i * 10)[0]).toEqual([start + i * 10, count(i)]);
      expect(series.firstCountSince(start + i * 10)).toBe(count(i));
      expect(series.gapAt(start + i * 10)).toBe(0);
    }
  });

  it('keeps a room polled every 10 s for 6 h in under 8 KB', () => {
    const series = new SampleSeries();
    let online = 5_000;
    for (let i = 0; i < 8 * 360; i++) {
      online += ((i * 7919) % 61) - 30;
      series.append(1_764_158_400 + i * 10, online);
      if (i % 6 === 0) series.dropBefore(1_764_158_400 + i * 10 - 6 * 3600);
    }
    expect(series.size).toBeLessThanOrEqual(6 * 360 + 6);
    expect(series.bytes).toBeLessThan(8 * 1024);
  });
});

describe('BucketSeries', () => {
  it('gives back the buckets appended, after any cut', () => {
    const bucket = fc
      .record({ gap: fc.integer({ min: 1, max: 500 }), min: fc.integer({ min: 0, max: 1e7 }) })
      .chain(({ gap, min }) =>
        fc.record({
          gap: fc.constant(gap),
          min: fc.constant(min),
          max: fc.integer({ min, max: min + 5000 }),
          count: fc.integer({ min: 1, max: 60 }),
        }),
      );
    fc.assert(
      fc.property(fc.array(bucket, { maxLength: 300 }), fc.integer({ min: 0, max: 300 }), (list, cutAt) => {
        const series = new BucketSeries(60_000);
        const model: Array<{ at: number; min: number; avg: number; max: number; count: number }> = [];
        let period = 29_402_640;
        for (const { gap, min, max, count } of list) {
          period += gap;
          const tenths = Math.round(((min + max) / 2) * 10);
          series.append(period, min, tenths, max, count);
          model.push({ at: period * 60_000, min, avg: tenths / 10, max, count });
        }
        const cutoff = (model[cutAt]?.at ?? (period + 1) * 60_000) / 60_000;
        series.dropBefore(cutoff);
        const kept = model.filter((b) => b.at >= cutoff * 60_000);
        expect(series.since(Number.NEGATIVE_INFINITY)).toEqual(kept);
        expect(series.oldestPeriod).toBe(kept.length === 0 ? null : (kept[0]?.at ?? 0) / 60_000);
        expect(series.latestPeriod).toBe(kept.length === 0 ? null : (kept.at(-1)?.at ?? 0) / 60_000);
        expect(series.size).toBe(kept.length);
        // Emptied and filled again, it starts afresh from the new bucket.
        if (kept.length === 0) {
          series.append(period + 3, 10, 105, 11, 2);
          expect(series.since(0)).toEqual([
            { at: (period + 3) * 60_000, min: 10, avg: 10.5, max: 11, count: 2 },
          ]);
        }
      }),
    );
  });

  it('gives its memory back when a cut leaves nothing, as a room that went quiet a day ago does', () => {
    const series = new BucketSeries(60_000);
    for (let minute = 0; minute < 2000; minute++) series.append(29_402_640 + minute, 900, 9100, 920, 6);
    expect(series.bytes).toBeGreaterThan(10_000);
    series.dropBefore(29_402_640 + 1000);
    expect(series.size).toBe(1000);
    series.dropBefore(29_402_640 + 5000);
    expect(series.size).toBe(0);
    expect(series.bytes).toBe(new BucketSeries(60_000).bytes);
  });

  it('gives the rounded average of the first bucket in a range, and none when the range holds none', () => {
    const series = new BucketSeries(60_000);
    series.append(100, 10, 104, 11, 2);
    series.append(103, 20, 205, 21, 2);
    series.append(107, 30, 300, 30, 1);
    expect(series.firstAverageSince(0)).toBe(10);
    expect(series.firstAverageSince(101)).toBe(21);
    expect(series.firstAverageSince(103, 107)).toBe(21);
    // Nothing from 104 until before 107: the bucket at 107 is not in the range.
    expect(series.firstAverageSince(104, 107)).toBeNull();
    expect(series.firstAverageSince(101, 103)).toBeNull();
    expect(series.firstAverageSince(108)).toBeNull();
  });
});

describe('SampleCheckpoints', () => {
  it('moves the checkpoints kept to the front when that makes room, and grows by a quarter when not', () => {
    const checkpoints = new SampleCheckpoints();
    for (let i = 0; i < 3; i++) checkpoints.add(i * 100, 1_000 + i, i);
    expect(checkpoints.bytes).toBe(4 * 3 * 8);
    checkpoints.dropBefore(100);
    expect(checkpoints.size).toBe(2);
    checkpoints.add(300, 1_003, 3);
    checkpoints.add(400, 1_004, 4);
    // Four kept in room for four: moved to the front, no new array.
    expect(checkpoints.size).toBe(4);
    expect(checkpoints.bytes).toBe(4 * 3 * 8);
    expect([0, 1, 2, 3].map((i) => checkpoints.positionAt(i))).toEqual([100, 200, 300, 400]);
    expect(checkpoints.lastBefore(1_003)).toBe(1);
    expect(checkpoints.lastBefore(1_001)).toBe(-1);
    checkpoints.add(500, 1_005, 5);
    expect(checkpoints.bytes).toBe(3 * Math.ceil(5 * 1.25) * 8);
    checkpoints.dropBefore(1_000);
    expect([checkpoints.size, checkpoints.bytes]).toEqual([0, 0]);
  });
});
