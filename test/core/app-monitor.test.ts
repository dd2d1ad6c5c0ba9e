import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppMonitor, type OnlineCountSource, SEND_AHEAD_MS } from '../../main/core/app-monitor';
import { type ImError, imErrorFromCode } from '../../main/core/error-kind';
import type { ApiResult } from '../../main/core/im-client';
import type { MonitorEvent } from '../../main/core/monitor-events';
import { RateBudget } from '../../main/core/rate-budget';
import { maxInAnyWindow } from '../support/call-windows';
import { FakeClock } from '../support/fake-clock';

type Answer = (groupId: string, call: number) => ApiResult<number> | 'hang';

/**
 * A stand-in for the IM service (the edge the monitor polls), recording when each room was asked. Like
 * the real client it takes a slot of the app's rate budget for every call.
 */
class FakeService implements OnlineCountSource {
  readonly calls: Array<{ groupId: string; at: number }> = [];
  constructor(
    private readonly clock: FakeClock,
    private readonly budget: RateBudget,
    public answer: Answer = () => ({ ok: true, value: 100 }),
  ) {}

  async getOnlineMemberNum(groupId: string): Promise<ApiResult<number>> {
    await this.budget.acquire();
    this.calls.push({ groupId, at: this.clock.monotonic() });
    const result = this.answer(groupId, this.calls.filter((c) => c.groupId === groupId).length);
    return result === 'hang' ? new Promise(() => {}) : Promise.resolve(result);
  }

  callsOf(groupId: string): number[] {
    return this.calls.filter((c) => c.groupId === groupId).map((c) => c.at);
  }
}

function fail(code: number): ApiResult<number> {
  return { ok: false, error: imErrorFromCode(code, 'from the test') };
}

function setup(options: { rooms: number; cap?: number; intervalMs?: number; answer?: Answer }) {
  const clock = new FakeClock();
  const budget = new RateBudget(clock, options.cap ?? 200);
  const service = new FakeService(clock, budget, options.answer);
  const monitor = new AppMonitor({
    source: service,
    budget,
    clock,
    intervalMs: options.intervalMs ?? 10_000,
    random: () => 0.5,
  });
  const events: MonitorEvent[] = [];
  monitor.on((event) => events.push(event));
  const ids = Array.from({ length: options.rooms }, (_, i) => `room-${i}`);
  monitor.addRooms(ids);
  monitor.start();
  return { clock, service, budget, monitor, events, ids };
}

const errorsOf = (events: MonitorEvent[]) => events.filter((e) => e.type === 'error');
const statesOf = (events: MonitorEvent[]) =>
  events.flatMap((e) => (e.type === 'status' ? [e.status.state] : []));

describe('AppMonitor scheduling', () => {
  it('polls every room once per interval, spread evenly rather than in a burst', async () => {
    const { clock, service, ids } = setup({ rooms: 100 });
    await clock.advance(30_000 - 1);
    for (const id of ids) expect(service.callsOf(id)).toHaveLength(3);
    const firstRound = service.calls.slice(0, 100).map((c) => c.at);
    const gaps = firstRound.slice(1).map((at, i) => at - (firstRound[i] as number));
    expect(Math.min(...gaps)).toBeCloseTo(100, 5);
    expect(Math.max(...gaps)).toBeCloseTo(100, 5);
    expect(maxInAnyWindow(service.calls.map((c) => c.at))).toBe(10);
  });

  it('sends the rooms due in the next few milliseconds together, none earlier than that, each on its grid', async () => {
    // 1,500 rooms at 10 s: 6.67 ms apart, each of them woke the process for its own call. (At 2,000 the
    // rooms fill the budget, which then holds a few calls of a group back: its window is full.)
    const { clock, service, monitor, ids } = setup({ rooms: 1500 });
    const interval = monitor.status().plan.effectiveIntervalMs;
    const spacing = interval / ids.length;
    const start = clock.monotonic();
    await clock.advance(3 * interval - SEND_AHEAD_MS - 1);
    ids.forEach((id, i) => {
      const times = service.callsOf(id);
      expect(times).toHaveLength(3);
      times.forEach((at, round) => {
        const due = start + i * spacing + round * interval;
        expect(at).toBeLessThanOrEqual(due + 1e-6);
        expect(at).toBeGreaterThanOrEqual(due - SEND_AHEAD_MS - 1e-6);
      });
    });
    // About four calls at each moment calls leave, where there was one.
    const moments = new Set(service.calls.map((c) => c.at)).size;
    expect(moments).toBeLessThanOrEqual(service.calls.length / 3);
    expect(maxInAnyWindow(service.calls.map((c) => c.at))).toBeLessThanOrEqual(154);
  });

  it('sends a room with no other due soon after it on time, not early', async () => {
    const { clock, service } = setup({ rooms: 2, intervalMs: 10_000 });
    const from = clock.monotonic();
    await clock.advance(20_000 - 1);
    expect(service.callsOf('room-0')).toEqual([from, from + 10_000]);
    expect(service.callsOf('room-1')).toEqual([from + 5_000, from + 15_000]);
  });

  it('stretches the interval when the rooms do not fit the cap, and says by how much', async () => {
    // A tenth of a full app (3000 rooms at 200 calls/s) runs the same sums in a tenth of the time.
    const { clock, service, monitor } = setup({ rooms: 300, cap: 20 });
    const plan = monitor.status().plan;
    // 300 rooms at 20 calls/s (a cap this small keeps no headroom), each second counted with its 25 ms
    // margin for network jitter.
    expect(plan.effectiveIntervalMs).toBe(15_375);
    expect(plan.stretch).toBe(1.5375);
    await clock.advance(45_000);
    expect(maxInAnyWindow(service.calls.map((c) => c.at))).toBeLessThanOrEqual(20);
    expect(service.calls.length).toBeGreaterThanOrEqual(870);
  });

  it('keeps each room fresh: a live count, its age and its peak', async () => {
    let online = 10;
    const { clock, monitor } = setup({ rooms: 1, answer: () => ({ ok: true, value: online++ }) });
    await clock.advance(25_000);
    const room = monitor.room('room-0');
    expect(room).toMatchObject({ status: 'live', online: 12, consecutiveFailures: 0, error: null });
    expect(room?.ageMs).toBe(5_000);
    expect(room?.peak?.online).toBe(12);
  });
});

describe('AppMonitor failures', () => {
  it('backs off a room with transient failures and recovers on the next success', async () => {
    const { clock, service, monitor, events } = setup({
      rooms: 1,
      answer: (_, call) => (call >= 2 && call <= 4 ? fail(10002) : { ok: true, value: 5 }),
    });
    await clock.advance(10_000);
    expect(monitor.room('room-0')).toMatchObject({ status: 'failing', consecutiveFailures: 1, online: 5 });
    await clock.advance(60_000);
    const times = service.callsOf('room-0');
    const retryGaps = times.slice(1, 5).map((at, i) => at - (times[i] as number));
    // First poll, the regular one at 10 s, then retries after 1.5 s, 3 s and 6 s (2 s doubling, jitter at 0.75).
    expect(retryGaps).toEqual([10_000, 1_500, 3_000, 6_000]);
    expect(monitor.room('room-0')).toMatchObject({ status: 'live', consecutiveFailures: 0, error: null });
    expect(errorsOf(events)).toHaveLength(3);
  });

  it('stops polling a room that is gone and keeps it visible with the reason', async () => {
    const { clock, service, monitor } = setup({
      rooms: 2,
      answer: (id) => (id === 'room-1' ? fail(10010) : { ok: true, value: 1 }),
    });
    await clock.advance(60_000);
    expect(service.callsOf('room-1')).toHaveLength(1);
    expect(service.callsOf('room-0')).toHaveLength(7);
    const gone = monitor.room('room-1');
    expect(gone?.status).toBe('stopped');
    expect(gone?.online).toBeNull();
    expect(gone?.error?.kind).toBe('group-gone');
  });

  it('pauses the whole app on rejected credentials, reports it once, and resumes with new ones', async () => {
    const { clock, service, budget, monitor, events } = setup({ rooms: 50, answer: () => fail(70009) });
    // One call, then nothing until the credentials are tried again, a minute or so later.
    await clock.advance(30_000);
    expect(service.calls).toHaveLength(1);
    expect(monitor.status().state).toBe('auth-failed');
    expect(monitor.status().error?.kind).toBe('auth');
    expect(errorsOf(events)).toHaveLength(1);
    const fixed = new FakeService(clock, budget);
    monitor.setSource(fixed);
    await clock.advance(10_000 - 1);
    expect(fixed.calls).toHaveLength(50);
    expect(monitor.status().state).toBe('running');
  });

  it('treats an account problem like credentials: paused, with the reason', async () => {
    const { clock, service, monitor } = setup({ rooms: 5, answer: () => fail(60020) });
    await clock.advance(30_000);
    expect(service.calls).toHaveLength(1);
    expect(monitor.status()).toMatchObject({ state: 'paused', error: { kind: 'account', code: 60020 } });
  });

  it('slows the whole app down on rate-limited answers, then recovers', async () => {
    let limited = true;
    let calls = 0;
    const { clock, service, monitor, events } = setup({
      rooms: 2000,
      answer: () => (limited && ++calls % 50 === 0 ? fail(60007) : { ok: true, value: 1 }),
    });
    await clock.advance(5_000);
    expect(statesOf(events)).toContain('rate-limited');
    limited = false;
    await clock.advance(30_000);
    expect(monitor.status().state).toBe('running');
    expect(statesOf(events).at(-1)).toBe('running');
    const recovered = service.calls.length;
    await clock.advance(10_000);
    expect(service.calls.length - recovered).toBeGreaterThan(1_900);
    expect(maxInAnyWindow(service.calls.map((c) => c.at))).toBeLessThanOrEqual(200);
  });

  it('marks a count stale once no fresh answer came for two intervals, the totals rule', async () => {
    const { clock, monitor } = setup({
      rooms: 1,
      answer: (_, call) => (call === 1 ? { ok: true, value: 7 } : 'hang'),
    });
    await clock.advance(20_000);
    expect(monitor.room('room-0')).toMatchObject({ status: 'live', ageMs: 20_000 });
    await clock.advance(1_000);
    expect(monitor.room('room-0')).toMatchObject({ status: 'stale', online: 7, ageMs: 21_000 });
  });
});

describe('AppMonitor after the machine sleeps', () => {
  it('marks every count stale, counts the sleep in ages, and polls again at once without a burst', async () => {
    const { clock, service, monitor, events } = setup({ rooms: 2000 });
    await clock.advance(20_000);
    const before = service.calls.length;
    clock.sleepMachine(3_600_000);
    await clock.advance(1_000);
    expect(events.some((e) => e.type === 'resumed')).toBe(true);
    const snapshot = monitor.snapshot();
    const stale = snapshot.filter((room) => room.status === 'stale');
    expect(stale.length).toBeGreaterThan(1_700);
    expect(Math.min(...stale.map((room) => room.ageMs ?? 0))).toBeGreaterThan(3_600_000);
    await clock.advance(monitor.status().plan.effectiveIntervalMs);
    expect(monitor.snapshot().every((room) => room.status === 'live')).toBe(true);
    expect(service.calls.length - before).toBeGreaterThanOrEqual(2_000);
    expect(maxInAnyWindow(service.calls.map((c) => c.at))).toBeLessThanOrEqual(200);
  });
});

describe('AppMonitor errors in its own subscribers', () => {
  it('keeps polling when a subscriber throws', async () => {
    const { clock, service, monitor } = setup({ rooms: 3 });
    monitor.on(() => {
      throw new Error('subscriber bug');
    });
    await clock.advance(20_000);
    expect(service.calls.length).toBe(7);
    const error: ImError | null = monitor.room('room-0')?.error ?? null;
    expect(error).toBeNull();
  });
});

describe('AppMonitor under any mix of rooms, answers and sleeps', () => {
  it('never sends more calls than the cap in any one-second window', async () => {
    const answers: Array<() => ApiResult<number> | 'hang'> = [
      () => ({ ok: true, value: 3 }),
      () => fail(10002),
      () => fail(60007),
      () => fail(10010),
      () => 'hang',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 100, max: 20_000 }),
        fc.integer({ min: 1, max: 60 }),
        fc.array(fc.nat({ max: answers.length - 1 }), { minLength: 1, maxLength: 50 }),
        fc.array(
          fc.record({ afterMs: fc.integer({ min: 0, max: 5_000 }), sleepMs: fc.nat({ max: 7_200_000 }) }),
          {
            maxLength: 3,
          },
        ),
        async (rooms, intervalMs, cap, pattern, sleeps) => {
          let call = 0;
          const { clock, service, monitor } = setup({
            rooms,
            cap,
            intervalMs,
            answer: () =>
              (answers[pattern[call++ % pattern.length] as number] as () => ApiResult<number> | 'hang')(),
          });
          for (const { afterMs, sleepMs } of sleeps) {
            await clock.advance(afterMs);
            clock.sleepMachine(sleepMs);
          }
          await clock.advance(20_000);
          monitor.stop();
          expect(maxInAnyWindow(service.calls.map((c) => c.at))).toBeLessThanOrEqual(cap);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('AppMonitor, what a caller changes while it runs', () => {
  it('stops telling a listener that unsubscribed', async () => {
    const { clock, monitor } = setup({ rooms: 1 });
    const heard: string[] = [];
    const unsubscribe = monitor.on((event) => heard.push(event.type));
    await clock.advance(10_000);
    expect(heard).toContain('sample');
    unsubscribe();
    const before = heard.length;
    await clock.advance(20_000);
    expect(heard).toHaveLength(before);
  });

  it('starts once however often it is started, and leaves no timer behind when stopped', async () => {
    const { clock, service, monitor } = setup({ rooms: 3 });
    await clock.advance(1_000);
    const timers = clock.pendingTimers;
    monitor.start();
    expect(clock.pendingTimers).toBe(timers);
    await clock.advance(9_000);
    expect(service.calls).toHaveLength(4);
    monitor.stop();
    expect(clock.pendingTimers).toBe(0);
    await clock.advance(30_000);
    expect(service.calls).toHaveLength(4);
  });

  it('spreads the polled rooms over a new interval from now, the one due next first, leaving stopped ones out', async () => {
    const { clock, service, monitor } = setup({
      rooms: 3,
      answer: (id) => (id === 'room-0' ? fail(10010) : { ok: true, value: 1 }),
    });
    // Due at 0, 3.3 s and 6.7 s into the first interval: room-0 stops, room-1 is polled, room-2 is next.
    await clock.advance(5_000);
    const changedAt = clock.monotonic();
    const before = service.calls.length;
    monitor.setIntervalMs(30_000);
    await clock.advance(20_000);
    expect(service.calls.slice(before)).toEqual([
      { groupId: 'room-2', at: changedAt },
      { groupId: 'room-1', at: changedAt + 15_000 },
    ]);
  });

  it('tells a room event when a room changes state, and only then', async () => {
    const { clock, monitor, events } = setup({
      rooms: 1,
      answer: (_, call) => (call === 3 ? fail(10002) : { ok: true, value: 5 }),
    });
    await clock.advance(25_000);
    const changes = events.flatMap((e) => (e.type === 'room' ? [e.room.status] : []));
    expect(changes).toEqual(['live', 'failing', 'live']);
    expect(monitor.room('room-0')?.status).toBe('live');
  });

  it('keeps a room added again as it was: its count, and one poll per interval', async () => {
    let online = 10;
    const { clock, service, monitor } = setup({ rooms: 1, answer: () => ({ ok: true, value: online++ }) });
    await clock.advance(10_000);
    monitor.addRooms(['room-0', 'room-0']);
    expect(monitor.snapshot()).toHaveLength(1);
    expect(monitor.room('room-0')).toMatchObject({ status: 'live', online: 11 });
    await clock.advance(10_000);
    expect(service.callsOf('room-0')).toHaveLength(3);
  });

  it('forgets a removed room: no more polls, no snapshot, and its answer on the way is dropped', async () => {
    const { clock, service, monitor, events } = setup({
      rooms: 2,
      answer: (id, call) => (id === 'room-1' && call === 2 ? 'hang' : { ok: true, value: 4 }),
    });
    await clock.advance(20_000);
    expect(service.callsOf('room-1')).toHaveLength(2);
    monitor.removeRoom('room-1');
    expect(monitor.room('room-1')).toBeUndefined();
    expect(monitor.snapshot().map((room) => room.groupId)).toEqual(['room-0']);
    expect(monitor.status().plan.rooms).toBe(1);
    expect(events.at(-1)).toMatchObject({ type: 'status', status: { plan: { rooms: 1 } } });
    const heard = events.length;
    await clock.advance(30_000);
    expect(service.callsOf('room-1')).toHaveLength(2);
    expect(events.slice(heard).some((e) => 'groupId' in e && e.groupId === 'room-1')).toBe(false);
  });

  it('gives the rooms asked for by id, in that order, as the whole snapshot has them, and skips ids not watched', async () => {
    const { clock, monitor } = setup({ rooms: 5, answer: (id) => ({ ok: true, value: 10 * id.length }) });
    await clock.advance(4_000);
    monitor.removeRoom('room-2');
    const whole = new Map(monitor.snapshot().map((room) => [room.groupId, room]));
    const named = monitor.roomsNamed(['room-4', 'room-2', 'nowhere', 'room-0']);
    expect(named.map((room) => room.groupId)).toEqual(['room-4', 'room-0']);
    expect(named).toEqual([whole.get('room-4'), whole.get('room-0')]);
    expect(monitor.roomsNamed([])).toEqual([]);
  });

  it('walks every room one at a time, each as the snapshot has it', async () => {
    const { clock, monitor } = setup({
      rooms: 4,
      answer: (id) => (id === 'room-1' ? fail(10010) : { ok: true, value: 7 }),
    });
    await clock.advance(9_000);
    const walked: unknown[] = [];
    monitor.eachRoom((room) => walked.push(room));
    expect(walked).toEqual(monitor.snapshot());
    expect(walked).toHaveLength(4);
  });

  it('polls a stopped room again at once when asked: waiting without a count, stale with one', async () => {
    let gone = true;
    const { clock, service, monitor } = setup({
      rooms: 2,
      answer: (id, call) => (gone && (id === 'room-0' || call > 1) ? fail(10010) : { ok: true, value: 9 }),
    });
    await clock.advance(20_000);
    expect(monitor.room('room-0')).toMatchObject({ status: 'stopped', online: null });
    expect(monitor.room('room-1')).toMatchObject({ status: 'stopped', online: 9 });
    gone = false;
    const now = clock.monotonic();
    monitor.retryRoom('room-0');
    monitor.retryRoom('room-1');
    monitor.retryRoom('room-9');
    expect(monitor.room('room-0')?.status).toBe('waiting');
    expect(monitor.room('room-1')?.status).toBe('stale');
    await clock.advance(0);
    expect(service.callsOf('room-0').at(-1)).toBe(now);
    expect(service.callsOf('room-1').at(-1)).toBe(now);
    expect(monitor.room('room-0')).toMatchObject({ status: 'live', online: 9 });
    expect(monitor.room('room-9')).toBeUndefined();
  });

  it('polls a failing room again at once when asked, before its backoff is over', async () => {
    const { clock, service, monitor } = setup({
      rooms: 1,
      answer: (_, call) => (call === 1 ? fail(10002) : { ok: true, value: 3 }),
    });
    // The first retry would wait 1.5 s (2 s, jitter at 0.75).
    await clock.advance(1_000);
    expect(service.callsOf('room-0')).toHaveLength(1);
    expect(monitor.room('room-0')?.status).toBe('failing');
    const now = clock.monotonic();
    monitor.retryRoom('room-0');
    await clock.advance(0);
    expect(service.callsOf('room-0').slice(1)).toEqual([now]);
    expect(monitor.room('room-0')?.status).toBe('live');
  });

  it('tries rejected credentials again at once when a room is retried, and when polling resumes', async () => {
    let rejected = true;
    const { clock, service, monitor } = setup({
      rooms: 1,
      answer: () => (rejected ? fail(70009) : { ok: true, value: 2 }),
    });
    await clock.advance(10_000);
    expect(service.calls).toHaveLength(1);
    monitor.retryRoom('room-0');
    await clock.advance(0);
    expect(service.calls).toHaveLength(2);
    expect(monitor.status().state).toBe('auth-failed');
    monitor.pause();
    rejected = false;
    const resumedAt = clock.monotonic();
    monitor.resume();
    await clock.advance(0);
    expect(service.calls.at(-1)?.at).toBe(resumedAt);
    expect(monitor.status().state).toBe('running');
  });
});

/** A source whose answers the test hands out, one held call at a time. */
class HeldSource implements OnlineCountSource {
  readonly held: Array<{ groupId: string; answer: (result: ApiResult<number>) => void }> = [];
  getOnlineMemberNum(groupId: string): Promise<ApiResult<number>> {
    return new Promise((answer) => this.held.push({ groupId, answer }));
  }
}

/** A started monitor of `rooms` over a HeldSource. */
function heldMonitor(rooms: string[]) {
  const clock = new FakeClock();
  const source = new HeldSource();
  const monitor = new AppMonitor({ source, budget: new RateBudget(clock, 200), clock, random: () => 0.5 });
  monitor.addRooms(rooms);
  monitor.start();
  return { clock, source, monitor };
}

describe('AppMonitor, answers that arrive too late', () => {
  function heldSetup() {
    const clock = new FakeClock();
    const budget = new RateBudget(clock, 200);
    const old = new HeldSource();
    const monitor = new AppMonitor({ source: old, budget, clock, intervalMs: 10_000, random: () => 0.5 });
    const samples: number[] = [];
    monitor.on((event) => {
      if (event.type === 'sample') samples.push(event.online);
    });
    monitor.addRooms(['room-0']);
    monitor.start();
    return { clock, budget, old, monitor, samples };
  }

  it('drops an answer to a call sent before a stop, also once new credentials have started it again', async () => {
    const { clock, budget, old, monitor, samples } = heldSetup();
    await clock.advance(0);
    expect(old.held).toHaveLength(1);
    monitor.stop();
    monitor.setSource(new FakeService(clock, budget, () => 'hang'));
    monitor.start();
    old.held[0]?.answer({ ok: true, value: 666 });
    await clock.advance(0);
    expect(samples).toEqual([]);
    expect(monitor.room('room-0')?.online).toBeNull();
  });

  it('polls a room again after a stop and a start, when its call was still out at the stop', async () => {
    const answer: Answer = (_, call) => (call === 1 ? 'hang' : { ok: true, value: 7 });
    const { clock, service, monitor } = setup({ rooms: 1, answer });
    await clock.advance(0);
    monitor.stop();
    monitor.start();
    await clock.advance(10_000);
    expect(service.callsOf('room-0').length).toBeGreaterThanOrEqual(2);
    expect(monitor.room('room-0')?.online).toBe(7);
  });

  it('drops an answer to the old credentials, also after a stop and a start', async () => {
    const { clock, budget, old, monitor, samples } = heldSetup();
    await clock.advance(0);
    monitor.setSource(new FakeService(clock, budget, () => 'hang'));
    monitor.stop();
    monitor.start();
    old.held[0]?.answer({ ok: true, value: 666 });
    await clock.advance(0);
    expect(samples).toEqual([]);
  });

  it('turns a source that throws into a failing room, with the cause in words', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget(clock, 200);
    const source: OnlineCountSource = {
      getOnlineMemberNum: () => Promise.reject(new Error('socket closed')),
    };
    const monitor = new AppMonitor({ source, budget, clock, random: () => 0.5 });
    monitor.addRooms(['room-0']);
    monitor.start();
    await clock.advance(0);
    expect(monitor.room('room-0')).toMatchObject({
      status: 'failing',
      error: { kind: 'unknown', message: 'Polling failed inside Headcount: socket closed' },
    });
  });
});

describe('AppMonitor, credentials tried again', () => {
  it('makes one probe call at a time, and none once stopped', async () => {
    const { clock, source, monitor } = heldMonitor(['room-0', 'room-1']);
    await clock.advance(0);
    source.held[0]?.answer(fail(70009));
    await clock.advance(0);
    expect(monitor.status().state).toBe('auth-failed');
    monitor.retryRoom('room-0');
    monitor.retryRoom('room-1');
    await clock.advance(0);
    expect(source.held).toHaveLength(2);
    source.held[1]?.answer(fail(70009));
    await clock.advance(0);
    monitor.stop();
    monitor.retryRoom('room-0');
    await clock.advance(0);
    expect(source.held).toHaveLength(2);
  });

  it('keeps the probe call the only one out when an older poll answers meanwhile', async () => {
    const { clock, source, monitor } = heldMonitor(['room-0', 'room-1']);
    await clock.advance(5_000);
    expect(source.held.map((call) => call.groupId)).toEqual(['room-0', 'room-1']);
    source.held[0]?.answer(fail(70009));
    await clock.advance(0);
    monitor.retryRoom('room-0');
    await clock.advance(0);
    expect(source.held).toHaveLength(3);
    source.held[1]?.answer(fail(70009));
    await clock.advance(0);
    monitor.retryRoom('room-1');
    await clock.advance(0);
    expect(source.held).toHaveLength(3);
  });

  it('stays stopped when a poll sent before the rejection answers with a count, and records the count', async () => {
    const { clock, source, monitor } = heldMonitor(['room-0', 'room-1']);
    await clock.advance(5_000);
    source.held[0]?.answer(fail(70009));
    source.held[1]?.answer({ ok: true, value: 12 });
    await clock.advance(0);
    expect(monitor.status()).toMatchObject({ state: 'auth-failed', error: { kind: 'auth' } });
    expect(monitor.room('room-1')?.online).toBe(12);
  });

  it('reports a rejection once, however many calls out at the time are rejected', async () => {
    const { clock, source, monitor } = heldMonitor(['room-0', 'room-1']);
    const errors: MonitorEvent[] = [];
    monitor.on((event) => event.type === 'error' && errors.push(event));
    await clock.advance(5_000);
    source.held[0]?.answer(fail(70009));
    source.held[1]?.answer(fail(70003));
    await clock.advance(0);
    expect(errors).toHaveLength(1);
    expect(monitor.status().error?.code).toBe(70009);
    expect(monitor.status().retryAt).toBe(clock.wall() + 45_000);
  });

  it('keeps the rejection as the reason when a probe gets no answer or a passing failure', async () => {
    const { clock, source, monitor } = heldMonitor(['room-0']);
    await clock.advance(0);
    source.held[0]?.answer(fail(70009));
    await clock.advance(0);
    monitor.retryRoom('room-0');
    await clock.advance(0);
    source.held[1]?.answer(fail(10002));
    await clock.advance(0);
    expect(monitor.status()).toMatchObject({ state: 'auth-failed', error: { kind: 'auth', code: 70009 } });
    monitor.retryRoom('room-0');
    await clock.advance(0);
    source.held[2]?.answer(fail(60020));
    await clock.advance(0);
    expect(monitor.status()).toMatchObject({ state: 'paused', error: { kind: 'account', code: 60020 } });
  });

  it('tries again, a minute or so later, credentials that were still rejected after they changed', async () => {
    let rejected = true;
    const { clock, budget, monitor } = setup({ rooms: 1, answer: () => fail(70009) });
    await clock.advance(1_000);
    const changed = new FakeService(clock, budget, () => (rejected ? fail(70009) : { ok: true, value: 8 }));
    monitor.setSource(changed);
    await clock.advance(1_000);
    expect(changed.calls).toHaveLength(1);
    expect(monitor.status().state).toBe('auth-failed');
    rejected = false;
    await clock.advance(120_000);
    expect(changed.calls.length).toBeGreaterThanOrEqual(2);
    expect(monitor.status().state).toBe('running');
  });

  it('makes no call while paused by the user, and tries at once on resuming', async () => {
    let rejected = true;
    const { clock, service, monitor } = setup({
      rooms: 1,
      answer: () => (rejected ? fail(70009) : { ok: true, value: 8 }),
    });
    await clock.advance(1_000);
    monitor.pause();
    rejected = false;
    await clock.advance(30 * 60_000);
    expect(service.calls).toHaveLength(1);
    const resumedAt = clock.monotonic();
    monitor.resume();
    await clock.advance(0);
    expect(service.calls[1]?.at).toBe(resumedAt);
    expect(monitor.status().state).toBe('running');
  });
});
