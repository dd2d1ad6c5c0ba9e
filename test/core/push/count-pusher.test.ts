import { afterEach, describe, expect, it } from 'vitest';
import type { RoomSpec } from '../../../main/simulator';
import { startPushScenario } from '../../support/push-scenario';

type Scenario = Awaited<ReturnType<typeof startPushScenario>>;
let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.stop();
  scenario = undefined;
});

/** Waits (in real time, for loopback HTTP) until `condition` holds. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 2));
  expect(condition()).toBe(true);
}

const room = (groupId: string, online: number): RoomSpec => ({
  groupId,
  audience: { kind: 'fixed', online },
});
const KEY = 'online_member_num';
const seconds = (ms: number) => Math.floor(ms / 1000);

/** The count each write of `command` carried, with the time of the count it came from. */
function countRequests(s: Scenario, groupId: string) {
  return s.requests('get_online_member_num').filter((r) => r.groupId === groupId && r.errorCode === 0);
}

describe('writing the count into a room', () => {
  it('writes a group attribute as documented: {"online":N,"at":<sample seconds>} under the key', async () => {
    scenario = await startPushScenario({
      rooms: [room('live', 1234)],
      push: { live: { via: 'group-attr', key: KEY } },
    });
    await scenario.advance(1_000);
    const [write] = scenario.requests('modify_group_attr');
    const [count] = countRequests(scenario, 'live');
    expect(write?.errorCode).toBe(0);
    expect(write?.body).toEqual({
      GroupId: 'live',
      GroupAttr: [{ key: KEY, value: JSON.stringify({ online: 1234, at: seconds(count?.at ?? 0) }) }],
    });
    expect(JSON.parse(scenario.sim.control.audience('live').attributes[KEY] ?? '')).toEqual({
      online: 1234,
      at: seconds(count?.at ?? 0),
    });
  });

  it('sets a group counter to the plain count, Mode Set, on an edition that has counters', async () => {
    scenario = await startPushScenario({
      rooms: [room('live', 1234)],
      push: { live: { via: 'group-counter', key: 'viewers' } },
      edition: 'pro',
    });
    await scenario.advance(1_000);
    const [write] = scenario.requests('update_group_counter');
    expect(write?.body).toEqual({
      GroupId: 'live',
      GroupCounter: [{ Key: 'viewers', Value: 1234 }],
      Mode: 'Set',
    });
    expect(scenario.sim.control.audience('live').counters).toEqual({ viewers: 1234 });
  });

  it('sends a low-priority custom message that lights up nothing and calls no callback', async () => {
    scenario = await startPushScenario({
      rooms: [room('live', 1234)],
      push: { live: { via: 'message', key: KEY } },
      edition: 'standard',
    });
    await scenario.advance(1_000);
    const [write] = scenario.requests('send_group_msg');
    const [count] = countRequests(scenario, 'live');
    const body = write?.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(
      ['ForbidCallbackControl', 'GroupId', 'MsgBody', 'MsgPriority', 'Random', 'SendMsgControl'].sort(),
    );
    expect(body.GroupId).toBe('live');
    expect(
      Number.isInteger(body.Random) && (body.Random as number) >= 0 && (body.Random as number) < 2 ** 32,
    ).toBe(true);
    expect(body.MsgPriority).toBe('Low');
    expect(body.MsgBody).toEqual([
      {
        MsgType: 'TIMCustomElem',
        MsgContent: {
          Data: JSON.stringify({ online: 1234, at: seconds(count?.at ?? 0) }),
          Desc: KEY,
          Ext: '',
        },
      },
    ]);
    expect(body.SendMsgControl).toEqual(['NoUnread', 'NoLastMsg']);
    expect(body.ForbidCallbackControl).toEqual(['ForbidBeforeSendMsgCallback', 'ForbidAfterSendMsgCallback']);
    expect(scenario.sim.control.audience('live').messages.map((m) => m.data)).toEqual([
      JSON.stringify({ online: 1234, at: seconds(count?.at ?? 0) }),
    ]);
  });

  it('follows a change within two polls, and writes nothing while the count holds', async () => {
    scenario = await startPushScenario({
      rooms: [room('live', 100)],
      push: { live: { via: 'group-attr', key: KEY } },
    });
    await scenario.advance(30_000);
    expect(scenario.requests('modify_group_attr')).toHaveLength(1);
    scenario.sim.control.setOnline('live', 250);
    await scenario.advance(20_000);
    const seen = JSON.parse(scenario.sim.control.audience('live').attributes[KEY] ?? '{}');
    expect(seen.online).toBe(250);
    expect(scenario.requests('modify_group_attr')).toHaveLength(2);
  });

  it('sends a message at least every 60 s while the count holds, since a room keeps no message', async () => {
    scenario = await startPushScenario({
      rooms: [room('live', 100)],
      push: { live: { via: 'message', key: KEY } },
      edition: 'standard',
    });
    await scenario.advance(180_500);
    const sent = scenario.requests('send_group_msg').map((r) => r.at);
    const gaps = sent.slice(1).map((at, i) => at - (sent[i] as number));
    expect(sent.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(60_000);
    // Not one a poll: the count held.
    expect(sent.length).toBeLessThan(countRequests(scenario, 'live').length / 3);
  });

  it('writes nothing into a room that did not opt in', async () => {
    scenario = await startPushScenario({
      rooms: [room('shown', 100), room('private', 200)],
      push: { shown: { via: 'group-attr', key: KEY } },
    });
    scenario.sim.control.setOnline('private', 300);
    await scenario.advance(60_000);
    const writes = scenario.requests().filter((r) => r.command !== 'get_online_member_num');
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((r) => r.groupId === 'shown')).toBe(true);
    expect(scenario.sim.control.audience('private')).toMatchObject({
      attributes: {},
      counters: {},
      messages: [],
    });
  });

  it('stops writing into a room that closed', async () => {
    scenario = await startPushScenario({
      rooms: [room('live', 100)],
      push: { live: { via: 'group-attr', key: KEY } },
    });
    await scenario.advance(10_000);
    scenario.sim.control.disband('live');
    scenario.sim.control.resetLog();
    await scenario.advance(120_000);
    expect(scenario.requests('modify_group_attr')).toEqual([]);
    expect(scenario.engine.pusher.status('live')?.state).toBe('closed');
  });

  it('does not write the count that arrives after a pause', async () => {
    scenario = await startPushScenario({
      rooms: [room('live', 100)],
      push: { live: { via: 'group-attr', key: KEY } },
    });
    const s = scenario;
    await s.advance(10_000);
    s.sim.control.setOnline('live', 300);
    // The next count is answered slowly; the user pauses while it is on its way.
    s.sim.control.injectFault({ kind: 'slow', delayMs: 300, command: 'get_online_member_num', times: 1 });
    const polled = s.advance(10_000);
    await until(() => s.requests('get_online_member_num').some((r) => r.httpStatus === 0));
    s.engine.monitor.pause();
    await polled;
    expect(s.events.some((e) => e.type === 'sample' && e.online === 300)).toBe(true);
    expect(s.requests('modify_group_attr')).toHaveLength(1);
    await s.advance(60_000);
    expect(JSON.parse(s.sim.control.audience('live').attributes[KEY] ?? '{}').online).toBe(100);
  });

  it('never writes a count measured before a pause, nor one gone stale', async () => {
    scenario = await startPushScenario({
      rooms: [room('live', 100)],
      push: { live: { via: 'group-attr', key: KEY } },
    });
    await scenario.advance(10_000);
    scenario.engine.monitor.pause();
    scenario.sim.control.setOnline('live', 500);
    scenario.sim.control.resetLog();
    await scenario.advance(60_000);
    expect(scenario.requests()).toEqual([]);
    // Counts fail for a minute: the last count is stale, and nothing is written meanwhile.
    scenario.sim.control.injectFault({ kind: 'http-502', command: 'get_online_member_num' });
    scenario.engine.monitor.resume();
    await scenario.advance(60_000);
    expect(scenario.requests('modify_group_attr')).toEqual([]);
    scenario.sim.control.clearFaults();
    await scenario.advance(70_000);
    expect(JSON.parse(scenario.sim.control.audience('live').attributes[KEY] ?? '{}').online).toBe(500);
  });
});

describe('a write waiting for its turn', () => {
  it('is not sent once the room is opted out, nor once its count went stale', async () => {
    scenario = await startPushScenario({
      rooms: [room('kept', 100), room('dropped', 200)],
      push: {
        kept: { via: 'group-attr', key: KEY },
        dropped: { via: 'group-attr', key: KEY },
      },
    });
    // The attribute budget stops for a minute (as after 70050): both rooms' first writes wait.
    scenario.engine.budgets.of('modify_group_attr').slowDown(70050);
    await scenario.advance(10_000);
    expect(scenario.requests('modify_group_attr')).toEqual([]);
    scenario.engine.pusher.configure('dropped', null);
    scenario.sim.control.setOnline('kept', 150);
    await scenario.advance(70_000);
    const writes = scenario.requests('modify_group_attr');
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every((write) => write.groupId === 'kept')).toBe(true);
    // Each value written was counted at most two intervals before it went: the first count, an
    // hour in the budget's terms, was held back, not sent late.
    for (const write of writes) {
      const body = write.body as { GroupAttr: Array<{ value: string }> };
      const { at } = JSON.parse(body.GroupAttr[0]?.value ?? '{}');
      expect(write.at / 1000 - at).toBeLessThanOrEqual(20);
    }
    expect(JSON.parse(scenario.sim.control.audience('kept').attributes[KEY] ?? '{}').online).toBe(150);
  });
});

describe('when writes fail', () => {
  it('slows a room down on 10049, and the counts go on at their pace', async () => {
    scenario = await startPushScenario({
      rooms: [room('live', 100)],
      push: { live: { via: 'group-attr', key: KEY } },
      intervalMs: 2_000,
    });
    scenario.sim.control.injectFault({
      kind: 'error-code',
      code: 10049,
      command: 'modify_group_attr',
      times: 3,
    });
    await scenario.advance(20_000);
    const writes = scenario.requests('modify_group_attr').map((r) => ({ at: r.at, code: r.errorCode }));
    expect(writes.map((w) => w.code)).toEqual([10049, 10049, 10049, 0]);
    // One, two and four seconds between the tries: the group's five writes a second are not hammered.
    const gaps = writes.slice(1).map((w, i) => w.at - (writes[i]?.at ?? 0));
    expect(gaps).toEqual([1_000, 2_000, 4_000]);
    expect(scenario.pushes().some((p) => p.state === 'failing')).toBe(false);
    expect(countRequests(scenario, 'live').length).toBeGreaterThanOrEqual(10);
  });

  it('slows the command down on 60007 without touching the count budget', async () => {
    scenario = await startPushScenario({
      rooms: [room('live', 100)],
      push: { live: { via: 'group-attr', key: KEY } },
    });
    scenario.sim.control.injectFault({
      kind: 'error-code',
      code: 60007,
      command: 'modify_group_attr',
      times: 1,
    });
    await scenario.advance(1_500);
    const limits = Object.fromEntries(
      scenario.engine.budgets.readings().map((reading) => [reading.command, reading.limitPerSecond]),
    );
    expect(limits.modify_group_attr).toBeLessThan(200);
    expect(limits.get_online_member_num).toBe(200);
    expect(scenario.requests('modify_group_attr').map((r) => r.errorCode)).toEqual([60007, 0]);
  });

  it('backs off on transient failures, says why, and raises push-failing once with its recovery', async () => {
    scenario = await startPushScenario({
      rooms: [room('live', 100)],
      push: { live: { via: 'group-attr', key: KEY } },
    });
    scenario.sim.control.injectFault({ kind: 'http-502', command: 'modify_group_attr' });
    await scenario.advance(60_000);
    const failing = scenario.engine.pusher.status('live');
    expect(failing?.state).toBe('failing');
    expect(failing?.reason).toMatch(/HTTP 502/);
    const tries = scenario.requests('modify_group_attr').map((r) => r.at);
    const gaps = tries.slice(1).map((at, i) => at - (tries[i] as number));
    // Doubling from 2 s (with jitter), not a write per poll.
    expect(tries.length).toBeLessThan(8);
    expect(gaps.every((gap, i) => i === 0 || gap >= (gaps[i - 1] as number) * 0.9 || gap >= 15_000)).toBe(
      true,
    );
    scenario.sim.control.clearFaults();
    scenario.sim.control.setOnline('live', 120);
    await scenario.advance(60_000);
    expect(scenario.engine.pusher.status('live')?.state).toBe('ok');
    expect(JSON.parse(scenario.sim.control.audience('live').attributes[KEY] ?? '{}').online).toBe(120);
  });

  it('stops on an edition refusal and says what to change', async () => {
    scenario = await startPushScenario({
      rooms: [room('live', 100)],
      push: { live: { via: 'group-counter', key: KEY } },
      edition: 'trial',
    });
    scenario.sim.control.setOnline('live', 150);
    await scenario.advance(60_000);
    expect(scenario.requests('update_group_counter')).toHaveLength(1);
    const refused = scenario.engine.pusher.status('live');
    expect(refused?.state).toBe('refused');
    expect(refused?.reason).toMatch(/Pro, Pro Plus or Enterprise edition/);
    expect(refused?.reason).toMatch(/group-attr/);
  });
});
