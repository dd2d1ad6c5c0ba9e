import { describe, expect, it } from 'vitest';
import { recordInto } from '../../../main/core/history/history-recorder';
import { HistoryStore } from '../../../main/core/history/history-store';
import type { MonitorEvent } from '../../../main/core/monitor-events';
import { FakeClock } from '../../support/fake-clock';

describe('recordInto', () => {
  it('keeps counts under the room key, a failed poll as a gap, and a rate-limited poll as nothing', () => {
    const clock = new FakeClock();
    const history = HistoryStore.inMemory(clock);
    const record = recordInto(history, (groupId) => `p1/${groupId}`);
    const t = clock.wall();
    const events: MonitorEvent[] = [
      { type: 'sample', groupId: '@TGS#a', online: 10, at: t, previous: null },
      {
        type: 'error',
        groupId: '@TGS#a',
        at: t + 10_000,
        consecutiveFailures: 1,
        error: { kind: 'transient', message: 'x' },
      },
      {
        type: 'error',
        groupId: '@TGS#a',
        at: t + 20_000,
        consecutiveFailures: 0,
        error: { kind: 'rate-limited', code: 60007, message: 'x' },
      },
      { type: 'sample', groupId: '@TGS#a', online: 12, at: t + 30_000, previous: 10 },
      {
        type: 'room',
        at: t + 30_000,
        room: {
          groupId: '@TGS#a',
          status: 'live',
          online: 12,
          measuredAt: t,
          ageMs: 0,
          error: null,
          consecutiveFailures: 0,
          peak: null,
          stoppedAt: null,
        },
      },
    ];
    for (const event of events) record(event);
    expect(history.samples('p1/@TGS#a', t)).toEqual([
      { at: t, online: 10 },
      { at: t + 10_000, online: null },
      { at: t + 30_000, online: 12 },
    ]);
    expect(history.samples('@TGS#a', t)).toEqual([]);
  });
});
