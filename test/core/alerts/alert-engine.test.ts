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

/** The monitor's word that the room's count of 100, measured at T0, went stale at `at`. */
function staleRoom(at: number): MonitorEvent {
  return {
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
      title: 'Launch Day: 1,010 online',
      message: 'Above 1,000: fired · peak 1,010 · id @TGS#launch',
      value: 1010,
      threshold: 1000,
    });
    expect(alerts[1]).toMatchObject({
      title: 'Launch Day: 900 online',
      message: 'Above 1,000: recovered · peak 1,010 · id @TGS#launch',
      value: 900,
      threshold: 1000,
    });
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
    expect(alerts[1]?.message).toBe('Above 10: still firing · peak 20 · id @TGS#launch');
  });
});

describe('spikes and drops', () => {
  it('reports a raid with the change, the window and the peak', () => {
    const e = engine({ sessions: false });
    const alerts = feed(e, [900, 905, 898, 3900, 3950]);
    expect(brief(alerts)).toEqual(['spike:firing']);
    expect(alerts[0]).toMatchObject({
      title: 'Launch Day: 3,900 online',
      message: 'Spike: fired · +334% in 10 s · peak 3,900 · id @TGS#launch',
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
    expect(alerts[0]?.message).toBe('Drop: fired · -83% in 20 s · peak 4,200 · id @TGS#launch');
    expect(alerts[1]?.message).toBe('Drop: recovered · settled at 700 · peak 4,200 · id @TGS#launch');
    // Settled: no change is left to tell.
    expect(alerts[1]).not.toHaveProperty('change');
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
    expect(alerts[0]?.title).toBe('Launch Day: stream started');
    expect(alerts[1]?.title).toBe('Launch Day: passed 1,000 online');
    expect(alerts[3]?.title).toBe('Launch Day: stream ended after 1 min');
    expect(alerts[3]?.message).toMatch(/^peak 2,100 at \d\d:\d\d, average 1,217 · id @TGS#launch$/);
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
    expect(alerts[0]?.title).toBe('Launch Day: stream ended (watched for 20 s)');
    expect(alerts[0]?.session).toEqual({ event: 'ended', sawStart: false, durationMs: 20_000, average: 850 });
  });

  it('announces new peaks only when they beat the last one by the step', () => {
    const e = engine({ ...quiet, peak: { stepPercent: 10, minOnline: 100 } });
    const alerts = feed(e, [50, 120, 125, 130, 140, 200, 205]);
    expect(alerts.map((a) => a.value)).toEqual([120, 140, 200]);
  });
});

describe('where watching began', () => {
  it('takes the first count as known: no milestone it is already past and no new peak fire on it', () => {
    const e = engine({
      spike: null,
      drop: null,
      sessions: false,
      milestones: [5_000, 20_000],
      peak: { minOnline: 1_000, stepPercent: 10 },
    });
    expect(feed(e, [12_000, 12_100])).toEqual([]);
    const later = feed(e, [21_000]);
    expect(brief(later)).toEqual(['peak:notice', 'milestone:notice']);
    expect(later[1]?.title).toBe('Launch Day: passed 20,000 online');
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
    expect(alerts[0]?.title).toBe('Launch Day: polls failing');
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
    expect(alerts[1]?.title).toBe('Launch Day: room closed');
    expect(alerts[1]?.message).toMatch(/^Room closed: fired · .+ · id @TGS#launch$/);
    expect(alerts[2]?.session).toMatchObject({ event: 'ended', sawStart: true, durationMs: 20_000 });
  });

  it('tells a room that was never counted from a closed one: not found, check the id', () => {
    const alerts = engine().handle(failure(10010, T0, 1));
    expect(brief(alerts)).toEqual(['failing:firing']);
    expect(alerts[0]).toMatchObject({
      title: 'Launch Day: not found, check the id',
      errorKind: 'group-gone',
      severity: 'warning',
    });
    expect(alerts[0]?.message).toMatch(
      /^Polls failing: fired · The server knows no room with this id \(10010\)/,
    );
    expect(alerts[0]?.message).toMatch(/ · id @TGS#launch$/);
  });

  it('says at once that a group is not a live room', () => {
    const alerts = engine().handle(failure(10007, T0, 1));
    expect(brief(alerts)).toEqual(['failing:firing']);
    expect(alerts[0]?.errorKind).toBe('not-live-room');
    expect(alerts[0]?.title).toBe('Launch Day: not a live room');
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
    e.handle({ type: 'resumed', sleptMs: 3_600_000, at: T0 + 3_600_000 });
    expect(e.handle(staleRoom(T0 + 3_600_000))).toEqual([]);
    feed(e, [100], T0 + 3_610_000);
    expect(brief(e.handle(staleRoom(T0 + 3_700_000)))).toEqual(['stale:firing']);
  });
});

describe('app-level alerts, field by field', () => {
  it('says what was rejected and that polling waits for new credentials, then that it polls again', () => {
    const e = engine();
    const rejected = imErrorFromCode(70009, '');
    const alerts = [
      ...e.handle(status('auth-failed', T0 + 1_000, 70009)),
      ...e.handle(status('running', T0 + 60_000)),
    ];
    expect(alerts).toEqual([
      {
        id: expect.any(String),
        profile: 'Main app',
        rule: 'auth',
        phase: 'firing',
        severity: 'critical',
        title: 'Main app: credentials rejected',
        message: `Credentials rejected: fired · ${rejected.message} · polling is paused until the credentials change`,
        at: T0 + 1_000,
        errorKind: 'auth',
      },
      {
        id: expect.any(String),
        profile: 'Main app',
        rule: 'auth',
        phase: 'recovered',
        severity: 'info',
        title: 'Main app: credentials rejected, resolved',
        message: 'Credentials rejected: recovered · polling again',
        at: T0 + 60_000,
      },
    ]);
  });

  it('names an account problem as one in its title, firing and resolved', () => {
    const e = engine();
    const alerts = [
      ...e.handle(status('auth-failed', T0, 60020)),
      ...e.handle(status('running', T0 + 60_000)),
    ];
    expect(alerts.map((a) => [a.rule, a.phase, a.severity, a.title])).toEqual([
      ['account', 'firing', 'critical', 'Main app: account problem'],
      ['account', 'recovered', 'info', 'Main app: account problem, resolved'],
    ]);
  });

  it('treats a second rejection as the same problem: no recovery until the credentials are accepted', () => {
    const e = engine();
    expect(brief(e.handle(status('auth-failed', T0, 70009)))).toEqual(['auth:firing']);
    expect(e.handle(status('auth-failed', T0 + 30_000, 70009))).toEqual([]);
    expect(e.handle(status('auth-failed', T0 + 60_000, 70003))).toEqual([]);
    const recovery = e.handle(status('running', T0 + 90_000));
    expect(brief(recovery)).toEqual(['auth:recovered']);
    expect(recovery[0]?.at).toBe(T0 + 90_000);
  });

  it('keeps the recovery quiet when recoveries are turned off, and fires again on the next rejection', () => {
    const e = engine({ recovered: false });
    const alerts = [
      ...e.handle(status('auth-failed', T0, 70009)),
      ...e.handle(status('running', T0 + 60_000)),
      ...e.handle(status('auth-failed', T0 + 120_000, 70009)),
    ];
    expect(brief(alerts)).toEqual(['auth:firing', 'auth:firing']);
  });

  it('says nothing of stale rooms while the credentials or the account are rejected, and again once they are not', () => {
    for (const code of [70009, 60020]) {
      const e = engine(quiet);
      feed(e, [100]);
      e.handle(status('auth-failed', T0 + 5_000, code));
      expect(e.handle(staleRoom(T0 + 30_000))).toEqual([]);
      e.handle(status('running', T0 + 40_000));
      expect(brief(e.handle(staleRoom(T0 + 50_000)))).toEqual(['stale:firing']);
    }
  });

  it('ignores room events that are not about staleness', () => {
    const e = engine(quiet);
    feed(e, [100]);
    const live = staleRoom(T0 + 30_000);
    if (live.type === 'room') live.room.status = 'live';
    expect(e.handle(live)).toEqual([]);
  });
});

describe('alert ids', () => {
  it('are unique and sort in the order the alerts were made, also for many at the same moment', () => {
    const rooms = Array.from({ length: 40 }, (_, i) => `room-${i}`);
    const e = new AlertEngine({ profile: 'Main app', rules: { ...quiet, above: { threshold: 10 } } });
    const alerts = [T0, T0 + 10_000].flatMap((at) =>
      rooms.flatMap((groupId) =>
        e.handle({ type: 'sample', groupId, online: at === T0 ? 20 : 5, at, previous: null }),
      ),
    );
    expect(alerts).toHaveLength(80);
    const ids = alerts.map((a) => a.id);
    expect(new Set(ids).size).toBe(80);
    expect(ids.every((id) => id.length > 0)).toBe(true);
    expect([...ids].sort()).toEqual(ids);
  });

  it('come from the given id maker when there is one', () => {
    const e = new AlertEngine({ profile: 'p', newId: (at) => `id-${at}` });
    expect(e.handle(status('auth-failed', T0, 70009)).map((a) => a.id)).toEqual([`id-${T0}`]);
  });
});

describe('new rules and names on a running engine', () => {
  it('judges rooms it already knows by the new rules, under their new names, from the next event on', () => {
    const e = engine(quiet);
    expect(feed(e, [100, 120])).toEqual([]);
    e.configure({ rules: { ...quiet, above: { threshold: 110 } }, labels: { [ROOM]: 'Finale' } });
    const alerts = feed(e, [130], T0 + 20_000);
    expect(brief(alerts)).toEqual(['above:firing']);
    expect(alerts[0]?.title).toBe('Finale: 130 online');
  });

  it('takes a room override over the profile rule for that room only', () => {
    const other = '@TGS#other';
    const e = new AlertEngine({
      profile: 'Main app',
      rules: { ...quiet, above: { threshold: 1000 } },
      roomRules: { [ROOM]: { above: { threshold: 50 } } },
    });
    const alerts = [ROOM, other].flatMap((groupId) =>
      e.handle({ type: 'sample', groupId, online: 60, at: T0, previous: null }),
    );
    expect(alerts.map((a) => [a.groupId, a.rule])).toEqual([[ROOM, 'above']]);
  });
});

describe('thresholds at their very edges', () => {
  it('fires above at a count exactly at the threshold, and clears only once below the recovery point', () => {
    const e = engine({ ...quiet, above: { threshold: 100, recoverAt: 90 } });
    const alerts = feed(e, [99, 100, 90, 89]);
    expect(alerts.map((a) => [a.rule, a.phase, a.value, a.severity])).toEqual([
      ['above', 'firing', 100, 'warning'],
      ['above', 'recovered', 89, 'info'],
    ]);
  });

  it('fires below at a count exactly at the threshold, and clears only once above the recovery point', () => {
    const e = engine({ ...quiet, below: { threshold: 100, recoverAt: 110 } });
    const alerts = feed(e, [101, 100, 110, 111]);
    expect(alerts.map((a) => [a.rule, a.phase, a.value, a.severity])).toEqual([
      ['below', 'firing', 100, 'warning'],
      ['below', 'recovered', 111, 'info'],
    ]);
  });
});

describe('failures at their very edges', () => {
  const transient = imErrorFromCode(10002, '');

  it('fires on the K-th failure in a row, not before, and says why without a peak', () => {
    const e = engine({ ...quiet, failing: { consecutive: 3, forSeconds: 600 } });
    feed(e, [300]);
    expect(e.handle(failure(10002, T0 + 1_000, 1))).toEqual([]);
    expect(e.handle(failure(10002, T0 + 2_000, 2))).toEqual([]);
    const alerts = e.handle(failure(10002, T0 + 3_000, 3));
    expect(brief(alerts)).toEqual(['failing:firing']);
    expect(alerts[0]?.message).toBe(`Polls failing: fired · ${transient.message} · id @TGS#launch`);
  });

  it('fires once failures have lasted exactly S seconds, not a millisecond before', () => {
    const e = engine({ ...quiet, failing: { consecutive: 10, forSeconds: 60 } });
    expect(e.handle(failure(10002, T0, 1))).toEqual([]);
    expect(e.handle(failure(10002, T0 + 59_999, 2))).toEqual([]);
    expect(brief(e.handle(failure(10002, T0 + 60_000, 3)))).toEqual(['failing:firing']);
  });

  it('leaves rate limits, rejected credentials and account problems to other alerts', () => {
    for (const code of [60007, 70009, 60020]) {
      const e = engine(quiet);
      feed(e, [300]);
      const alerts = [1, 2, 3, 4, 5, 6].flatMap((n) => e.handle(failure(code, T0 + n * 20_000, n)));
      expect(alerts).toEqual([]);
    }
  });

  it('says nothing of failed polls when the failing rule is off', () => {
    const e = engine({ ...quiet, failing: null });
    const alerts = [1, 2, 3, 4, 5, 6].flatMap((n) => e.handle(failure(10002, T0 + n * 20_000, n)));
    expect(alerts).toEqual([]);
  });

  it('says nothing of a closed room when that rule is off', () => {
    const e = engine({ ...quiet, closed: false });
    feed(e, [500]);
    expect(e.handle(failure(10010, T0 + 10_000, 1))).toEqual([]);
  });

  it('says an invalid id is one at once', () => {
    const alerts = engine(quiet).handle(failure(10015, T0, 1));
    expect(alerts).toMatchObject([
      { rule: 'failing', phase: 'firing', errorKind: 'invalid-group', title: 'Launch Day: invalid id' },
    ]);
  });

  it('says a room is not found, closed, not live or invalid once, however often the server repeats it', () => {
    const twice = (e: AlertEngine, code: number) => [
      ...e.handle(failure(code, T0 + 10_000, 1)),
      ...e.handle(failure(code, T0 + 20_000, 2)),
    ];
    expect(brief(twice(engine(quiet), 10010))).toEqual(['failing:firing']);
    expect(brief(twice(engine(quiet), 10007))).toEqual(['failing:firing']);
    expect(brief(twice(engine(quiet), 10015))).toEqual(['failing:firing']);
    const counted = engine(quiet);
    feed(counted, [500]);
    expect(brief(twice(counted, 10010))).toEqual(['closed:firing']);
  });

  it('takes a closed room back once it is counted again', () => {
    const e = engine(quiet);
    const alerts = [
      ...feed(e, [500]),
      ...e.handle(failure(10010, T0 + 10_000, 1)),
      ...e.handle(sample(600, T0 + 20_000)),
    ];
    expect(alerts.map((a) => [a.rule, a.phase, a.severity])).toEqual([
      ['closed', 'firing', 'critical'],
      ['closed', 'recovered', 'info'],
    ]);
  });

  it('says a stale count once, with why, and takes it back on the next count', () => {
    const e = engine(quiet);
    const alerts = [
      ...feed(e, [100]),
      ...e.handle(staleRoom(T0 + 30_000)),
      ...e.handle(staleRoom(T0 + 40_000)),
      ...feed(e, [110], T0 + 50_000),
    ];
    expect(brief(alerts)).toEqual(['stale:firing', 'stale:recovered']);
    expect(alerts[1]).toMatchObject({ at: T0 + 50_000, value: 110 });
    expect(alerts[0]?.message).toBe(
      'Stale count: fired · no fresh count for two polling intervals · id @TGS#launch',
    );
  });

  it('says a count is stale also for a room it has had no count from yet', () => {
    expect(brief(engine(quiet).handle(staleRoom(T0 + 30_000)))).toEqual(['stale:firing']);
  });
});

describe('spikes and drops at their edges', () => {
  const change = { people: 100, percent: 10 };

  it('fires on a rise of exactly the people and the percent, from a count exactly a window old', () => {
    const e = engine({ ...quiet, spike: { ...change, windowSeconds: 30 } });
    const alerts = feed(e, [1000, 1050, 1080, 1100]);
    expect(brief(alerts)).toEqual(['spike:firing']);
    expect(alerts[0]).toMatchObject({
      at: T0 + 30_000,
      change: { people: 100, percent: 10, windowMs: 30_000 },
    });
  });

  it('needs the people and the percent both: 200 more in a room of 10,000 is no spike', () => {
    expect(
      feed(engine({ ...quiet, spike: { people: 100, percent: 50, windowSeconds: 60 } }), [10_000, 10_200]),
    ).toEqual([]);
  });

  it('keeps firing while the change stays above half the rule, and recovers below it, with no change to tell', () => {
    const e = engine({ ...quiet, spike: { ...change, windowSeconds: 30 } });
    // +100 fires; +60 (6 %) is still more than half of 100 people and 10 %; flat again recovers.
    const alerts = feed(e, [1000, 1100, 1060, 1060, 1060]);
    expect(alerts.map((a) => [a.phase, a.at])).toEqual([
      ['firing', T0 + 10_000],
      ['recovered', T0 + 40_000],
    ]);
    expect(alerts[1]?.message).toBe('Spike: recovered · settled at 1,060 · peak 1,100 · id @TGS#launch');
    expect(alerts[1]).not.toHaveProperty('change');
  });

  it("keeps a spike's recovery quiet when recoveries are turned off", () => {
    const e = engine({ ...quiet, recovered: false, spike: { ...change, windowSeconds: 30 } });
    expect(brief(feed(e, [1000, 1100, 1060, 1060, 1060]))).toEqual(['spike:firing']);
  });

  it("tells a drop's recovery by the count it settled at, though it still falls a little", () => {
    const e = engine({ ...quiet, drop: { ...change, windowSeconds: 30 } });
    const alerts = feed(e, [1000, 900, 890, 890, 880]);
    expect(alerts.map((a) => [a.phase, a.at])).toEqual([
      ['firing', T0 + 10_000],
      ['recovered', T0 + 40_000],
    ]);
    expect(alerts[1]?.message).toBe('Drop: recovered · settled at 880 · peak 1,000 · id @TGS#launch');
  });

  it('measures a change from the latest of equal counts, over the shortest time it took', () => {
    const up = feed(engine({ ...quiet, spike: { ...change, windowSeconds: 60 } }), [1000, 1000, 1100]);
    expect(up).toMatchObject([{ rule: 'spike', change: { people: 100, windowMs: 10_000 } }]);
    expect(up[0]?.message).toBe('Spike: fired · +10% in 10 s · peak 1,100 · id @TGS#launch');
    const down = feed(engine({ ...quiet, drop: { ...change, windowSeconds: 60 } }), [1100, 1200, 1200, 1000]);
    expect(down).toMatchObject([{ rule: 'drop', change: { people: -200, windowMs: 10_000 } }]);
  });

  it("does not count a stream's first audience as a spike, but does count what comes after its first window", () => {
    const e = engine({ ...quiet, spike: { ...change, windowSeconds: 60 } });
    // The stream starts at 10 s: the rise to 3,000 is its ramp; the rise to 5,000 at 80 s is news.
    const alerts = feed(e, [0, 100, 3000, 3000, 3000, 3000, 3000, 3000, 5000]);
    expect(brief(alerts)).toEqual(['spike:firing']);
    expect(alerts[0]).toMatchObject({ at: T0 + 80_000, change: { people: 2000, windowMs: 10_000 } });
  });

  it("reports a drop at once, even in a stream's first window", () => {
    const e = engine({ ...quiet, drop: { ...change, windowSeconds: 60 } });
    expect(brief(feed(e, [0, 5000, 1000]))).toEqual(['drop:firing']);
  });

  it('judges each rule over its own window: a slow rise is no spike, a slow fall over minutes is a drop', () => {
    const e = engine({
      ...quiet,
      spike: { ...change, windowSeconds: 30 },
      drop: { ...change, windowSeconds: 300 },
    });
    const rise = [1000, 1030, 1060, 1090, 1120, 1150];
    const fall = Array.from({ length: 12 }, (_, i) => 1140 - i * 10);
    const alerts = feed(e, [...rise, ...fall]);
    expect(brief(alerts)).toEqual(['drop:firing']);
    expect(alerts[0]).toMatchObject({
      at: T0 + 170_000,
      value: 1030,
      change: { people: -120, windowMs: 120_000 },
    });
  });
});

describe('sessions, peaks and milestones at their edges', () => {
  it('takes a first count exactly at a milestone as known', () => {
    expect(feed(engine({ ...quiet, milestones: [1000] }), [1000, 1100])).toEqual([]);
  });

  it('announces a milestone reached exactly, with the count now', () => {
    const alerts = feed(engine({ ...quiet, milestones: [1000] }), [500, 1000]);
    expect(alerts).toMatchObject([{ rule: 'milestone', title: 'Launch Day: passed 1,000 online' }]);
    expect(alerts[0]?.message).toBe('1,000 now · peak 1,000 · id @TGS#launch');
  });

  it('says a stream started with its count and no peak', () => {
    const alerts = feed(engine({ ...quiet, sessions: true }), [0, 500]);
    expect(alerts).toMatchObject([{ rule: 'session', title: 'Launch Day: stream started' }]);
    expect(alerts[0]?.message).toBe('500 online · id @TGS#launch');
  });

  it('announces a peak of exactly the smallest count, in words', () => {
    const alerts = feed(engine({ ...quiet, peak: { stepPercent: 10, minOnline: 100 } }), [50, 100]);
    expect(alerts).toMatchObject([{ rule: 'peak', title: 'Launch Day: new peak 100', value: 100 }]);
    expect(alerts[0]?.message).toBe('highest of this stream · peak 100 · id @TGS#launch');
  });

  it('announces no peak under the smallest count', () => {
    expect(feed(engine({ ...quiet, peak: { stepPercent: 10, minOnline: 100 } }), [50, 80])).toEqual([]);
  });

  it('announces a peak exactly the step above the last one', () => {
    const e = engine({ ...quiet, peak: { stepPercent: 10, minOnline: 10 } });
    expect(feed(e, [0, 100, 110]).map((a) => a.value)).toEqual([100, 110]);
  });

  it('never calls a count a new peak when the stream was higher before the rule was set', () => {
    const e = engine(quiet);
    feed(e, [1000, 2000, 1500]);
    e.configure({ rules: { ...quiet, peak: { stepPercent: 10, minOnline: 100 } } });
    expect(feed(e, [1500], T0 + 30_000)).toEqual([]);
  });

  it('announces peaks and milestones anew in the next stream', () => {
    const e = engine({ ...quiet, milestones: [1000], peak: { stepPercent: 10, minOnline: 100 } });
    const alerts = feed(e, [0, 1200, 0, 1200]);
    expect(alerts.map((a) => `${a.rule}@${(a.at - T0) / 1000}`)).toEqual([
      'peak@10',
      'milestone@10',
      'peak@30',
      'milestone@30',
    ]);
  });
  it('announces peaks and milestones anew when a closed room goes live again', () => {
    const e = engine({
      ...quiet,
      closed: false,
      milestones: [1000],
      peak: { stepPercent: 10, minOnline: 100 },
    });
    const alerts = [
      ...feed(e, [0, 1200]),
      ...e.handle(failure(10010, T0 + 20_000, 1)),
      ...e.handle(sample(1200, T0 + 30_000)),
    ];
    expect(alerts.map((a) => `${a.rule}@${(a.at - T0) / 1000}`)).toEqual([
      'peak@10',
      'milestone@10',
      'peak@30',
      'milestone@30',
    ]);
  });
});
