import { afterEach, describe, expect, it } from 'vitest';
import { ROOM_STATES } from '../../../main/common/room-states';
import { AppMonitor } from '../../../main/core/app-monitor';
import { CommandBudgets } from '../../../main/core/command-budgets';
import { imErrorFromCode } from '../../../main/core/error-kind';
import type { ApiResult } from '../../../main/core/im-client';
import { RateBudget } from '../../../main/core/rate-budget';
import { createServeMetrics, type RoomFacts } from '../../../main/node/serve/serve-metrics';
import { run, tool } from '../../deploy/support/tools';
import { FakeClock } from '../../support/fake-clock';
import { sample } from './serve-run';

const APP = '1400000001';
const INTERVAL = 10_000;
const monitors: AppMonitor[] = [];
afterEach(() => {
  for (const monitor of monitors.splice(0)) monitor.stop();
});

/** A real monitor on a fake clock, its rooms answering as `answer` says ('hang' never answers). */
function watch(
  rooms: string[],
  answer: (groupId: string, call: number) => ApiResult<number> | 'hang',
  facts?: () => RoomFacts,
) {
  const clock = new FakeClock();
  const budget = new RateBudget(clock, 200);
  const calls = new Map<string, number>();
  const monitor = new AppMonitor({
    source: {
      async getOnlineMemberNum(groupId) {
        const call = (calls.get(groupId) ?? 0) + 1;
        calls.set(groupId, call);
        const result = answer(groupId, call);
        return result === 'hang' ? new Promise(() => {}) : result;
      },
    },
    budget,
    clock,
    intervalMs: INTERVAL,
    random: () => 0.5,
  });
  monitors.push(monitor);
  monitor.addRooms(rooms);
  monitor.start();
  const metrics = createServeMetrics();
  metrics.track(APP, monitor, facts);
  const scrape = async () => (await metrics.render()).body;
  return { clock, monitor, metrics, scrape };
}

describe('/metrics: the totals rule', () => {
  it('exports no count for a room whose count is older than two intervals, while it was live or stale', async () => {
    const { clock, scrape } = watch(['steady', 'hung'], (groupId, call) =>
      groupId === 'hung' && call > 1 ? 'hang' : { ok: true, value: groupId === 'hung' ? 500 : 1_000 },
    );
    await clock.advance(INTERVAL);
    let text = await scrape();
    expect(sample(text, 'headcount_room_online', { app: APP, room: 'hung' })).toBe(500);
    expect(sample(text, 'headcount_room_online', { app: APP, room: 'steady' })).toBe(1_000);
    // Its later polls never answer: past two intervals its last count is history, not a current one.
    await clock.advance(2 * INTERVAL);
    text = await scrape();
    expect(sample(text, 'headcount_room_online', { app: APP, room: 'hung' })).toBeUndefined();
    expect(sample(text, 'headcount_room_online', { app: APP, room: 'steady' })).toBe(1_000);
    // Still absent once the engine marks it stale too.
    await clock.advance(2 * INTERVAL);
    text = await scrape();
    expect(sample(text, 'headcount_room_online', { app: APP, room: 'hung' })).toBeUndefined();
  });
});

const count = (online: number): ApiResult<number> => ({ ok: true, value: online });
const failure = (code: number): ApiResult<number> => ({ ok: false, error: imErrorFromCode(code, 'test') });

describe('/metrics: states, names and totals', () => {
  it('exports each room state as a state-set, the total by the totals rule, and names on the info series only', async () => {
    const answers: Record<string, (call: number) => ApiResult<number>> = {
      launch: () => count(4_321),
      second: () => count(1_000),
      gone: (call) => (call === 1 ? count(500) : failure(10010)),
      typo: () => failure(10010),
      'not-live': () => failure(10007),
      'bad id': () => failure(10015),
      flaky: () => failure(10002),
    };
    const { clock, scrape } = watch(
      Object.keys(answers),
      (groupId, call) => answers[groupId]?.(call) ?? 'hang',
      () => ({
        name: (id) => (id === 'launch' ? 'Launch "Day"' : undefined),
        thresholds: (id) => (id === 'launch' ? { above: 4_000 } : {}),
      }),
    );
    await clock.advance(INTERVAL + 1);
    await clock.advance(INTERVAL);
    const text = await scrape();
    const state = (room: string) =>
      ROOM_STATES.filter((s) => sample(text, 'headcount_room_state', { app: APP, room, state: s }) === 1);
    expect(state('launch')).toEqual(['live']);
    expect(state('gone')).toEqual(['closed']);
    expect(state('typo')).toEqual(['not-found']);
    expect(state('not-live')).toEqual(['not-live-room']);
    expect(state('bad id')).toEqual(['invalid-group']);
    expect(state('flaky')).toEqual(['failing']);
    expect(sample(text, 'headcount_room_state', { app: APP, room: 'gone', state: 'live' })).toBe(0);
    expect(sample(text, 'headcount_room_error_kind', { app: APP, room: 'flaky', kind: 'transient' })).toBe(1);
    expect(text).not.toMatch(/^headcount_room_error_kind\{[^}]*room="gone"/m);

    // 4,321 and 1,000 live, one closed at 500: the total is 5,321, and the closed room has no count.
    expect(sample(text, 'headcount_app_online', { app: APP })).toBe(5_321);
    expect(sample(text, 'headcount_room_online', { app: APP, room: 'gone' })).toBeUndefined();
    expect(sample(text, 'headcount_room_sample_age_seconds', { app: APP, room: 'gone' })).toBeGreaterThan(0);
    const measured = sample(text, 'headcount_room_last_sample_timestamp_seconds', {
      app: APP,
      room: 'launch',
    });
    const age = sample(text, 'headcount_room_sample_age_seconds', { app: APP, room: 'launch' });
    expect((measured ?? 0) + (age ?? 0)).toBeCloseTo(clock.wall() / 1000, 3);

    expect(sample(text, 'headcount_room_info', { app: APP, room: 'launch', name: 'Launch \\"Day\\"' })).toBe(
      1,
    );
    expect(sample(text, 'headcount_room_info', { app: APP, room: 'second', name: 'second' })).toBe(1);
    const named = text.split('\n').filter((line) => /^\w+\{[^}]*\bname="/.test(line));
    expect(named.length).toBe(7);
    expect(named.every((line) => line.startsWith('headcount_room_info{'))).toBe(true);
    expect(sample(text, 'headcount_room_alert_threshold', { app: APP, room: 'launch', rule: 'above' })).toBe(
      4_000,
    );
    expect(sample(text, 'headcount_app_state', { app: APP, state: 'running' })).toBe(1);
    expect(sample(text, 'headcount_poll_interval_seconds', { app: APP })).toBe(10);
    // Answers within the budget's margin do not slow the pace: nothing to say.
    expect(sample(text, 'headcount_poll_answer_seconds', { app: APP })).toBeUndefined();

    const lint = await run(tool('promtool', 'prometheus'), ['check', 'metrics'], { input: text });
    expect(lint.stderr + lint.stdout).toBe('');
    expect(lint.code).toBe(0);
  });

  it('says how long answers take while that stretches the interval, and the interval they allow', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget(clock, 200);
    const monitor = new AppMonitor({
      source: {
        async getOnlineMemberNum() {
          const slot = await budget.reserve();
          slot.sent();
          await new Promise<void>((resolve) => clock.setTimer(resolve, 150));
          slot.done();
          return count(100);
        },
      },
      budget,
      clock,
      intervalMs: INTERVAL,
      random: () => 0.5,
    });
    monitors.push(monitor);
    monitor.addRooms(Array.from({ length: 2000 }, (_, i) => `room-${i}`));
    monitor.start();
    await clock.advance(5_000);
    const metrics = createServeMetrics();
    metrics.track(APP, monitor);
    const text = (await metrics.render()).body;
    expect(sample(text, 'headcount_poll_answer_seconds', { app: APP })).toBe(0.15);
    // 195 calls a window, each holding its place 1.15 s: 2,000 rooms every 11.8 s.
    expect(sample(text, 'headcount_poll_interval_seconds', { app: APP })).toBeCloseTo(11.79, 2);
  });

  it('counts every call by command and outcome, whatever the client makes of it', async () => {
    const { metrics } = watch([], () => 'hang');
    const answers = [
      { status: 200, body: '{"ActionStatus":"OK","ErrorCode":0,"OnlineMemberNum":3}' },
      { status: 200, body: '{"ActionStatus":"FAIL","ErrorCode":10010,"ErrorInfo":"gone"}' },
      { status: 200, body: '{"ActionStatus":"FAIL","ErrorCode":60007,"ErrorInfo":"slow down"}' },
    ];
    const post = metrics.timedPost(APP, async () => {
      const next = answers.shift();
      if (!next) throw new Error('connection refused');
      return next;
    });
    const url = 'http://127.0.0.1:1/v4/group_open_http_svc/get_online_member_num?usersig=x';
    for (let i = 0; i < 3; i++) await post({ url, body: '{}', timeoutMs: 1000 });
    await expect(post({ url, body: '{}', timeoutMs: 1000 })).rejects.toThrow('connection refused');
    const text = (await metrics.render()).body;
    const calls = (outcome: string) =>
      sample(text, 'headcount_calls_total', { app: APP, command: 'get_online_member_num', outcome });
    expect([calls('ok'), calls('group-gone'), calls('rate-limited'), calls('transient')]).toEqual([
      1, 1, 1, 1,
    ]);
    expect(
      sample(text, 'headcount_request_duration_seconds_count', {
        app: APP,
        command: 'get_online_member_num',
      }),
    ).toBe(4);
    expect(text).not.toContain('usersig');
  });
});

describe('/metrics: each command’s budget', () => {
  it('exports the cap, the limit now and the calls waiting per command, and passes promtool', async () => {
    const clock = new FakeClock();
    const budgets = new CommandBudgets(clock, 150);
    const { monitor } = watch(['launch'], () => count(10));
    const metrics = createServeMetrics();
    metrics.track(APP, monitor, undefined, budgets);
    budgets.of('send_group_msg').slowDown(60007);
    for (let i = 0; i < 3; i++) void budgets.acquire('get_appid_group_list');
    const text = (await metrics.render()).body;
    const cap = (command: string) =>
      sample(text, 'headcount_budget_cap_calls_per_second', { app: APP, command });
    const limit = (command: string) =>
      sample(text, 'headcount_budget_limit_calls_per_second', { app: APP, command });
    expect(cap('get_online_member_num')).toBe(150);
    expect(cap('modify_group_attr')).toBe(150);
    expect(cap('get_appid_group_list')).toBe(1);
    expect(limit('send_group_msg')).toBe(112);
    expect(limit('update_group_counter')).toBe(150);
    expect(
      sample(text, 'headcount_budget_waiting_calls', { app: APP, command: 'get_appid_group_list' }),
    ).toBe(2);
    expect(sample(text, 'headcount_budget_waiting_calls', { app: APP, command: 'get_group_info' })).toBe(0);
    const lint = await run(tool('promtool', 'prometheus'), ['check', 'metrics'], { input: text });
    expect(lint.stderr + lint.stdout).toBe('');
    expect(lint.code).toBe(0);
  });
});
