import { afterEach, describe, expect, it } from 'vitest';
import { NOISE_BUCKET_SECONDS, onlineAt } from '../../main/simulator/audience';
import { type AudienceSpec, type RunningSimulator, startSimulator } from '../../main/simulator/index';
import { fakeWall, onlineCount } from './im-call';

describe('audience kinds', () => {
  it.each<[string, AudienceSpec, Array<[number, number]>]>([
    [
      'fixed',
      { kind: 'fixed', online: 42 },
      [
        [0, 42],
        [1e6, 42],
      ],
    ],
    [
      'steady',
      { kind: 'steady', base: 500 },
      [
        [0, 500],
        [3600, 500],
      ],
    ],
    [
      'ramp',
      { kind: 'ramp', from: 0, to: 2500, overSeconds: 100 },
      [
        [0, 0],
        [40, 1000],
        [100, 2500],
        [500, 2500],
      ],
    ],
    [
      'raid with decay',
      { kind: 'raid', base: 800, extra: 3000, atSeconds: 60, decaySeconds: 30 },
      [
        [59, 800],
        [60, 3800],
        [75, 2300],
        [90, 800],
        [200, 800],
      ],
    ],
    [
      'raid without decay',
      { kind: 'raid', base: 10, extra: 5, atSeconds: 1 },
      [
        [0, 10],
        [1, 15],
        [999, 15],
      ],
    ],
    [
      'drop',
      { kind: 'drop', base: 4200, to: 700, atSeconds: 100 },
      [
        [99.9, 4200],
        [100, 700],
      ],
    ],
    [
      'ends',
      { kind: 'ends', base: 1500, endAtSeconds: 150 },
      [
        [149, 1500],
        [150, 0],
        [900, 0],
      ],
    ],
    [
      'script',
      {
        kind: 'script',
        points: [
          [10, 100],
          [20, 300],
          [30, 0],
        ],
      },
      [
        [0, 100],
        [10, 100],
        [15, 200],
        [25, 150],
        [30, 0],
        [99, 0],
      ],
    ],
  ])('%s follows its curve', (_kind, audience, expected) => {
    for (const [seconds, online] of expected) {
      expect(onlineAt(audience, 'room', seconds), `at ${seconds} s`).toBe(online);
    }
  });

  it('adds deterministic noise within the amplitude, fixed within a bucket', () => {
    const audience: AudienceSpec = { kind: 'steady', base: 10_000, noise: 0.03 };
    const counts = Array.from({ length: 200 }, (_, i) =>
      onlineAt(audience, 'room', i * NOISE_BUCKET_SECONDS),
    );
    for (const online of counts) {
      expect(Number.isInteger(online)).toBe(true);
      expect(online).toBeGreaterThanOrEqual(9_700);
      expect(online).toBeLessThanOrEqual(10_300);
    }
    expect(new Set(counts).size).toBeGreaterThan(100);
    expect(onlineAt(audience, 'room', 35)).toBe(onlineAt(audience, 'room', 30));
    expect(onlineAt(audience, 'room', 30)).toBe(counts[3]);
    const other = Array.from({ length: 200 }, (_, i) =>
      onlineAt(audience, 'other', i * NOISE_BUCKET_SECONDS),
    );
    expect(other).not.toEqual(counts);
  });

  it('never goes negative and always gives integers', () => {
    const audience: AudienceSpec = { kind: 'ramp', from: 0, to: 3, overSeconds: 7, noise: 5 };
    for (let s = 0; s < 600; s += 0.7) {
      const online = onlineAt(audience, 'tiny', s);
      expect(Number.isInteger(online) && online >= 0).toBe(true);
    }
  });
});

describe('audiences over the wire', () => {
  let sim: RunningSimulator;
  afterEach(() => sim.close());

  it('counts seconds from when each room was added, on the simulator clock', async () => {
    const clock = fakeWall();
    sim = await startSimulator({
      clock,
      rooms: [
        { groupId: 'ramp', audience: { kind: 'ramp', from: 100, to: 300, overSeconds: 20 } },
        { groupId: 'ends', audience: { kind: 'ends', base: 50, endAtSeconds: 30 } },
        { groupId: 'gone', audience: { kind: 'ends', base: 50, endAtSeconds: 30, disband: true } },
      ],
    });
    clock.now += 10_000;
    sim.control.addRoom({ groupId: 'late', audience: { kind: 'drop', base: 9, to: 1, atSeconds: 5 } });
    expect((await onlineCount(sim, 'ramp')).json.OnlineMemberNum).toBe(200);
    expect((await onlineCount(sim, 'late')).json.OnlineMemberNum).toBe(9);
    clock.now += 5_000;
    expect((await onlineCount(sim, 'late')).json.OnlineMemberNum).toBe(1);
    clock.now += 15_000;
    expect((await onlineCount(sim, 'ends')).json.OnlineMemberNum).toBe(0);
    expect((await onlineCount(sim, 'gone')).json.ErrorCode).toBe(10010);
  });

  it('switches a room to a fixed count with setOnline', async () => {
    sim = await startSimulator({
      rooms: [{ groupId: 'r', audience: { kind: 'steady', base: 1000, noise: 0.1 } }],
    });
    sim.control.setOnline('r', 77);
    expect((await onlineCount(sim, 'r')).json.OnlineMemberNum).toBe(77);
  });
});
