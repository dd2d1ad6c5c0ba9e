import { describe, expect, it } from 'vitest';
import { AlertEngine } from '../../main/core/alerts/alert-engine';
import { AlertGrouper } from '../../main/core/alerts/alert-grouper';
import { imErrorFromCode } from '../../main/core/error-kind';
import type { MonitorEvent } from '../../main/core/monitor-events';
import { planPolling } from '../../main/core/poll-plan';
import { alertView } from '../../main/service/alert-view';
import { FakeClock } from '../support/fake-clock';
import { NO_FACTS } from '../support/view-parts';

const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);
const ROOM = '@TGS#launch';

const sample = (online: number, i: number): MonitorEvent => ({
  type: 'sample',
  groupId: ROOM,
  online,
  at: T0 + i * 10_000,
  previous: null,
});

function engine() {
  return new AlertEngine({
    profile: 'Main app',
    rules: { above: { threshold: 1000 }, milestones: [2000], spike: null, drop: null },
    labels: { [ROOM]: 'Launch Day' },
  });
}

describe('alertView', () => {
  it('keeps the English words and gives the facts of a threshold alert', () => {
    const e = engine();
    const alerts = [0, 500, 1240].flatMap((online, i) => e.handle(sample(online, i)));
    const above = alerts.find((alert) => alert.rule === 'above');
    if (!above) throw new Error('no above alert');
    expect(alertView(above, 'p1')).toEqual({
      id: above.id,
      rule: 'above',
      phase: 'firing',
      severity: 'warning',
      profileId: 'p1',
      roomKey: `p1/${ROOM}`,
      title: 'Launch Day: 1,240 online',
      message: 'Above 1,000: fired · peak 1,240 · id @TGS#launch',
      at: T0 + 20_000,
      facts: {
        ...NO_FACTS,
        profile: 'Main app',
        label: 'Launch Day',
        value: 1240,
        threshold: 1000,
        peak: { online: 1240, at: T0 + 20_000 },
      },
    });
  });

  it('tells a session start from its end by the facts, and gives the summary', () => {
    const e = engine();
    const alerts = [0, 500, 2100, 0].flatMap((online, i) => e.handle(sample(online, i)));
    const facts = alerts
      .filter((alert) => alert.rule === 'session' || alert.rule === 'milestone')
      .map((alert) => alertView(alert, 'p1').facts);
    expect(facts).toHaveLength(3);
    expect(facts[0]?.session).toEqual({ event: 'started' });
    expect(facts[1]).toMatchObject({ threshold: 2000, value: 2100, session: null });
    expect(facts[2]).toMatchObject({
      value: null,
      peak: { online: 2100, at: T0 + 20_000 },
      session: { event: 'ended', sawStart: true, durationMs: 20_000, average: 1300 },
    });
  });

  it('gives the kind of a failure, an app-level one without a room, and how many rooms a summary sums up', async () => {
    const e = engine();
    const failing = e.handle({
      type: 'error',
      groupId: ROOM,
      error: imErrorFromCode(10007, ''),
      at: T0,
      consecutiveFailures: 1,
    });
    expect(failing.map((alert) => alertView(alert, 'p1').facts.errorKind)).toEqual(['not-live-room']);

    const clock = new FakeClock();
    const out: ReturnType<typeof alertView>[] = [];
    const grouper = new AlertGrouper({
      clock,
      where: 'singapore',
      deliver: (a) => out.push(alertView(a, 'p1')),
    });
    for (const [i, groupId] of ['a', 'b', 'c', 'd'].entries()) {
      const room = new AlertEngine({ profile: 'Main app' });
      const error = imErrorFromCode(10002, '');
      for (let n = 1; n <= 5; n++)
        for (const alert of room.handle({
          type: 'error',
          groupId,
          error,
          at: T0 + i * 100 + n,
          consecutiveFailures: n,
        }))
          grouper.add(alert);
    }
    await clock.advance(5_000);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ roomKey: null, facts: { rooms: 4, errorKind: 'transient', label: null } });

    const auth = e.handle({
      type: 'status',
      at: T0,
      status: {
        state: 'auth-failed',
        plan: planPolling(1, 10_000, 200),
        capPerSecond: 200,
        limitPerSecond: 200,
        error: imErrorFromCode(70009, ''),
      },
    });
    expect(auth.map((alert) => alertView(alert, 'p1'))).toMatchObject([
      { rule: 'auth', roomKey: null, facts: { errorKind: 'auth', rooms: null } },
    ]);
  });
});
