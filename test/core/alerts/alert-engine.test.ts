import { describe, expect, it } from 'vitest';
import type { RuleSettings } from '../../../main/common/rule-settings';
import type { Alert } from '../../../main/core/alerts/alert';
import { AlertEngine } from '../../../main/core/alerts/alert-engine';
import { imErrorFromCode } from '../../../main/core/error-kind';
import type { AppStatus, MonitorEvent } from '../../../main/core/monitor-events';
import { planPolling } from '../../../main/core/poll-plan';

const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);
const ROOM = '@TGS#launch';

function engine(rules: RuleSettings = {}) {
  return new AlertEngine({ profile: 'Main app', rules, labels: { [ROOM]: 'Launch Day' } });
}

/** Feeds samples every 10 s from T0 and collects every alert. */
function feed(e: AlertEngine, counts: number[], start = T0): Alert[] {
  return counts.flatMap((online, i) => e.handle(sample(online, start + i * 10_000)));
}

function sample(online: number, at: number): MonitorEvent {
  return { type: 'sample', groupId: ROOM, online, at, previous: null };
}

function failure(code: number, at: number, consecutiveFailures: number): MonitorEvent {
  return { type: 'error', groupId: ROOM, error: imErrorFromCode(code, ''), at, consecutiveFailures };
}

function status(state: AppStatus['state'], at: number, code?: number): MonitorEvent {
  const error = code === undefined ? undefined : imErrorFromCode(code, '');
  const plan = planPolling(1, 10_000, 195);
  return {
    type: 'status',
    at,
    status: { state, plan, capPerSecond: 200, limitPerSecond: 200, ...(error ? { error } : {}) },
  };
}

const brief = (alerts: Alert[]) => alerts.map((a) => `${a.rule}:${a.phase}`);
const quiet: RuleSettings = { spike: null, drop: null, sessions: false };

describe('thresholds with flap control', () => {
  it('fires once and recovers once for a count that flaps across the threshold every poll for 10 minutes', () => {
    const e = engine({ ...quiet, above: { threshold: 1000 } });
    const flapping = Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? 1010 : 990));
    const alerts = feed(e, [...flapping, 900]);
    expect(brief(alerts)).toEqual(['above:firing', 'above:recovered']);
    expect(alerts[0]).toMatchObject({
      title: "Room 'Launch Day' 1,010 online",
      message: 'above 1,000, peak 1,010',
      value: 1010,
      threshold: 1000,
    });
    expect(alerts[1]).toMatchObject({ value: 900, threshold: 1000 });
    expect(alerts[0]).not.toHaveProperty('errorKind');
  });

  it('waits for "for at least" on both edges', () => {
    const e = engine({ ...quiet, below: { threshold: 100, forSeconds: 30 } });
    // 20 s below is not enough; then 30 s below fires; 20 s back up is not enough; 30 s up recovers.
    const alerts = feed(e, [500, 90, 90, 90, 500, 90, 90, 90, 90, 200, 200, 200, 90, 200, 200, 200, 200]);
    expect(brief(alerts)).toEqual(['below:firing', 'below:recovered']);
    expect(alerts[0]?.at).toBe(T0 + 80_000);
    expect(alerts[1]?.at).toBe(T0 + 160_000);
  });

  it('reminds at most every repeat interval while firing, and can keep recoveries quiet', () => {
    const e = engine({ ...quiet, above: { threshold: 10 }, repeatMinutes: 1, recovered: false });
    const alerts = feed(e, [...Array(15).fill(20), 1]);
    expect(brief(alerts)).toEqual(['above:firing', 'above:reminder', 'above:reminder']);
  });
});

describe('spikes and drops', () => {
  it('reports a raid with the change, the window and the peak', () => {
    const e = engine({ sessions: false });
    const alerts = feed(e, [900, 905, 898, 3900, 3950]);
    expect(brief(alerts)).toEqual(['spike:firing']);
    expect(alerts[0]).toMatchObject({
      title: "Room 'Launch Day' 3,900 online",
      message: '+334% in 10 s, peak 3,900',
      severity: 'info',
      change: { people: 3002, windowMs: 10_000 },
    });
    expect(alerts[0]?.change?.percent).toBeCloseTo((3002 / 898) * 100);
    expect(alerts[0]).not.toHaveProperty('threshold');
  });

  it('ignores big percentages in small rooms: 3 to 6 people is not a spike', () => {
    expect(feed(engine({ sessions: false }), [3, 6, 3, 6, 12, 3])).toEqual([]);
  });

  it('reports a sudden drop, and its recovery once the count settles', () => {
    const e = engine({ sessions: false });
    const alerts = feed(e, [4200, 4180, 700, 690, ...Array(14).fill(700)]);
    expect(brief(alerts)).toEqual(['drop:firing', 'drop:recovered']);
    expect(alerts[0]?.message).toBe('-83% in 20 s, peak 4,200');
  });

  it('does not alert on a slow drift within the thresholds', () => {
    const drift = Array.from({ length: 120 }, (_, i) => Math.round(1000 + i * 8));
    expect(feed(engine({ sessions: false }), drift)).toEqual([]);
  });
});

describe('stream sessions, peaks and milestones', () => {
  it('announces a stream start, milestones once, and a summary when it ends', () => {
    const e = engine({ spike: null, drop: null, milestones: [1000, 2000] });
    const alerts = feed(e, [0, 0, 500, 1200, 900, 1100, 2100, 1500, 0]);
    expect(brief(alerts)).toEqual([
      'session:notice',
      'milestone:notice',
      'milestone:notice',
      'session:notice',
    ]);
    expect(alerts[0]?.title).toBe("Room 'Launch Day' stream started");
    expect(alerts[1]?.title).toBe("Room 'Launch Day' passed 1,000 online");
    expect(alerts[3]?.title).toBe("Room 'Launch Day' stream ended after 1 min");
    expect(alerts[3]?.message).toMatch(/^peak 2,100 at \d\d:\d\d, average 1,217$/);
    expect(alerts[0]).toMatchObject({ session: { event: 'started' }, value: 500 });
    expect(alerts[1]).toMatchObject({ threshold: 1000, value: 1200 });
    expect(alerts[2]).toMatchObject({ threshold: 2000, value: 2100 });
    expect(alerts[1]).not.toHaveProperty('session');
    expect(alerts[3]).toMatchObject({
      session: { event: 'ended', sawStart: true, durationMs: 60_000 },
      peak: { online: 2100, at: T0 + 60_000 },
    });
    const ended = alerts[3]?.session;
    expect(ended?.event === 'ended' && ended.average).toBeCloseTo(7300 / 6);
  });

  it('tells a summary of a stream that was live before watching began by sawStart', () => {
    const e = engine({ ...quiet, sessions: true });
    const alerts = feed(e, [800, 900, 0]);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.title).toBe("Room 'Launch Day' stream ended (watched for 20 s)");
    expect(alerts[0]?.session).toEqual({ event: 'ended', sawStart: false, durationMs: 20_000, average: 850 });
  });

  it('announces new peaks only when they beat the last one by the step', () => {
    const e = engine({ ...quiet, peak: { stepPercent: 10, minOnline: 100 } });
    const alerts = feed(e, [50, 120, 125, 130, 140, 200, 205]);
    expect(alerts.map((a) => a.value)).toEqual([120, 140, 200]);
  });
});

describe('failures', () => {
  it('fires after K failures in a row, never as 0, and recovers on the next count', () => {
    const e = engine(quiet);
    const alerts = [
      ...feed(e, [300]),
      ...e.handle(failure(10002, T0 + 10_000, 1)),
      ...e.handle(failure(502, T0 + 12_000, 2)),
      ...e.handle(failure(10002, T0 + 16_000, 3)),
      ...e.handle(failure(10002, T0 + 24_000, 4)),
      ...e.handle(failure(10002, T0 + 40_000, 5)),
      ...e.handle(failure(10002, T0 + 56_000, 6)),
      ...e.handle(sample(310, T0 + 70_000)),
    ];
    expect(brief(alerts)).toEqual(['failing:firing', 'failing:recovered']);
    expect(alerts[0]).not.toHaveProperty('value');
    expect(alerts[0]?.title).toBe("Room 'Launch Day' polls failing");
    expect(alerts[0]?.errorKind).toBe('transient');
    expect(alerts[1]).toMatchObject({ value: 310 });
    expect(alerts[1]).not.toHaveProperty('errorKind');
  });

  it('fires after T seconds of failures even before K', () => {
    const e = engine({ ...quiet, failing: { consecutive: 10, forSeconds: 60 } });
    const alerts = [e.handle(failure(10002, T0, 1)), e.handle(failure(10002, T0 + 61_000, 2))].flat();
    expect(brief(alerts)).toEqual(['failing:firing']);
  });

  it('reports a disbanded room as closed and ends its stream with a summary', () => {
    const e = engine({ spike: null, drop: null });
    const alerts = [...feed(e, [0, 1600, 1650]), ...e.handle(failure(10010, T0 + 30_000, 1))];
    expect(brief(alerts)).toEqual(['session:notice', 'closed:firing', 'session:notice']);
    expect(alerts[1]?.severity).toBe('critical');
    expect(alerts[1]?.errorKind).toBe('group-gone');
    expect(alerts[2]?.session).toMatchObject({ event: 'ended', sawStart: true, durationMs: 20_000 });
  });

  it('says at once that a group is not a live room', () => {
    const alerts = engine().handle(failure(10007, T0, 1));
    expect(brief(alerts)).toEqual(['failing:firing']);
    expect(alerts[0]?.errorKind).toBe('not-live-room');
  });

  it('raises one alert for rejected credentials for the whole profile, and one recovery', () => {
    const e = engine();
    const alerts = [
      ...e.handle(status('running', T0)),
      ...e.handle(status('auth-failed', T0 + 1_000, 70009)),
      ...e.handle(status('auth-failed', T0 + 2_000, 70009)),
      ...e.handle(status('running', T0 + 60_000)),
    ];
    expect(brief(alerts)).toEqual(['auth:firing', 'auth:recovered']);
    expect(alerts[0]).toMatchObject({
      profile: 'Main app',
      severity: 'critical',
      title: 'Main app: credentials rejected',
      errorKind: 'auth',
    });
    expect(alerts[0]).not.toHaveProperty('groupId');
    expect(alerts[1]).not.toHaveProperty('errorKind');
  });

  it('says an account problem is one, by its kind', () => {
    const e = engine();
    const alerts = [
      ...e.handle(status('running', T0)),
      ...e.handle(status('auth-failed', T0 + 1_000, 60020)),
    ];
    expect(alerts).toMatchObject([{ rule: 'account', phase: 'firing', errorKind: 'account' }]);
  });

  it('keeps quiet about staleness that follows a sleep, but not about staleness otherwise', () => {
    const e = engine(quiet);
    feed(e, [100]);
    const stale = (at: number): MonitorEvent => ({
      type: 'room',
      at,
      room: {
        groupId: ROOM,
        status: 'stale',
        online: 100,
        measuredAt: T0,
        ageMs: at - T0,
        error: null,
        consecutiveFailures: 0,
        peak: null,
        stoppedAt: null,
      },
    });
    e.handle({ type: 'resumed', sleptMs: 3_600_000, at: T0 + 3_600_000 });
    expect(e.handle(stale(T0 + 3_600_000))).toEqual([]);
    feed(e, [100], T0 + 3_610_000);
    expect(brief(e.handle(stale(T0 + 3_700_000)))).toEqual(['stale:firing']);
  });
});
