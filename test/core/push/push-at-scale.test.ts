import { afterEach, describe, expect, it } from 'vitest';
import { COMMAND_CAPS } from '../../../main/core/command-budgets';
import type { RoomSpec } from '../../../main/simulator';
import { windowsOverCap } from '../../support/call-windows';
import { startPushScenario } from '../../support/push-scenario';

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

const ROOMS = 2000;
const INTERVAL_MS = 10_000;

describe('2,000 rooms counted every 10 s and each written into its room', () => {
  it('keeps every command under its cap, and the counts on their schedule', {
    timeout: 180_000,
  }, async () => {
    // Every count differs from the last (the noise moves each 10 s), so every poll asks for a write.
    const rooms: RoomSpec[] = Array.from({ length: ROOMS }, (_, i) => ({
      groupId: `room-${i}`,
      audience: { kind: 'steady', base: 1000 + i, noise: 0.05 },
    }));
    const push = Object.fromEntries(
      rooms.map((room) => [room.groupId, { via: 'group-attr' as const, key: 'online_member_num' }]),
    );
    const scenario = await startPushScenario({ rooms, push, intervalMs: INTERVAL_MS });
    stop = scenario.stop;
    await scenario.advance(3 * INTERVAL_MS);
    const log = scenario.requests();
    const byCommand = new Map<string, number[]>();
    for (const request of log)
      byCommand.set(request.command, [...(byCommand.get(request.command) ?? []), request.at]);
    // Writes were made, at the scale of the counts.
    expect(byCommand.get('modify_group_attr')?.length).toBeGreaterThan(ROOMS * 2);
    for (const [command, times] of byCommand) {
      const cap = COMMAND_CAPS[command as keyof typeof COMMAND_CAPS];
      expect({ command, over: windowsOverCap(times, cap) }).toEqual({ command, over: 0 });
    }
    expect(log.filter((request) => request.errorCode !== 0)).toEqual([]);
    // Each room was counted once per interval, on the spread the scheduler planned: the writes,
    // on their own budget, took nothing from the counts.
    // (2,000 rooms at 10 s ask 200 calls a second: the plan stretches the interval to what the
    // count's budget sustains, 195 calls (the cap less its headroom) a second and its 25 ms margin.)
    const { effectiveIntervalMs } = scenario.engine.monitor.status().plan;
    expect(effectiveIntervalMs).toBeCloseTo((2000 * 1025) / 195, 6);
    const perRoom = new Map<string, number[]>();
    for (const request of log) {
      if (request.command !== 'get_online_member_num') continue;
      perRoom.set(request.groupId as string, [...(perRoom.get(request.groupId as string) ?? []), request.at]);
    }
    expect(perRoom.size).toBe(ROOMS);
    for (const times of perRoom.values()) {
      expect(times.length).toBeGreaterThanOrEqual(2);
      // The plan runs at exactly the rate the budget sustains, and each call is dated when it
      // leaves, so a call may wait some milliseconds for its slot: within 1 % of the interval.
      const gaps = times.slice(1).map((at, i) => at - (times[i] as number));
      for (const gap of gaps)
        expect(Math.abs(gap - effectiveIntervalMs)).toBeLessThan(effectiveIntervalMs / 100);
    }
  });
});
