import { afterEach, describe, expect, it } from 'vitest';
import { type RunningSimulator, type SimulatorOptions, startSimulator } from '../../main/simulator/index';
import { type FakeWall, fakeWall, imCall } from './im-call';

let sim: RunningSimulator;
let clock: FakeWall;

async function start(options: SimulatorOptions = {}) {
  clock = fakeWall();
  sim = await startSimulator({
    rooms: [
      { groupId: 'live', audience: { kind: 'fixed', online: 10 } },
      { groupId: 'other', audience: { kind: 'fixed', online: 3 } },
    ],
    clock,
    ...options,
  });
}
afterEach(() => sim.close());

const attr = (groupId: string, key: string, value: string) =>
  imCall(sim, 'modify_group_attr', { GroupId: groupId, GroupAttr: [{ key, value }] });
const counter = (groupId: string, key: string, value: number, Mode = 'Set') =>
  imCall(sim, 'update_group_counter', { GroupId: groupId, GroupCounter: [{ Key: key, Value: value }], Mode });
const message = (groupId: string, data: string, random: number, priority = 'Low') =>
  imCall(sim, 'send_group_msg', {
    GroupId: groupId,
    Random: random,
    MsgPriority: priority,
    MsgBody: [{ MsgType: 'TIMCustomElem', MsgContent: { Data: data, Desc: 'online_member_num', Ext: '' } }],
  });

describe('modify_group_attr', () => {
  it("keeps the attribute for the room's members, and logs the request body", async () => {
    await start();
    const answer = await attr('live', 'online_member_num', '{"online":10,"at":1717171717}');
    expect(answer.json).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });
    expect(sim.control.audience('live').attributes).toEqual({
      online_member_num: '{"online":10,"at":1717171717}',
    });
    expect(sim.control.audience('other').attributes).toEqual({});
    const [logged] = sim.control.requests();
    expect(logged).toMatchObject({ command: 'modify_group_attr', groupId: 'live', errorCode: 0 });
    expect(logged?.body).toEqual({
      GroupId: 'live',
      GroupAttr: [{ key: 'online_member_num', value: '{"online":10,"at":1717171717}' }],
    });
  });

  it('refuses a key over 32 bytes (10045), a value over 4 KB, a 17th key and more than 16 KB (10004)', async () => {
    await start();
    expect((await attr('live', 'k'.repeat(33), 'v')).json.ErrorCode).toBe(10045);
    expect((await attr('live', 'k', 'v'.repeat(4097))).json.ErrorCode).toBe(10004);
    // Sixteen keys of almost 1 KB each fit; the 17th key does not, and neither do 16 KB and more.
    for (let i = 0; i < 16; i++) {
      clock.now += 1000;
      expect((await attr('live', `k${i}`, 'v'.repeat(1000))).json.ErrorCode).toBe(0);
    }
    clock.now += 1000;
    expect((await attr('live', 'k16', 'v')).json.ErrorCode).toBe(10004);
    expect((await attr('live', 'k0', 'v'.repeat(1500))).json.ErrorCode).toBe(10004);
    expect(Object.keys(sim.control.audience('live').attributes)).toHaveLength(16);
  });

  it('takes five attribute writes a second per group, then answers 10049', async () => {
    await start();
    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await attr('live', 'n', String(i))).json.ErrorCode);
    expect(codes).toEqual([0, 0, 0, 0, 0, 10049]);
    // Another group has its own five.
    expect((await attr('other', 'n', '1')).json.ErrorCode).toBe(0);
    clock.now += 1000;
    expect((await attr('live', 'n', '6')).json.ErrorCode).toBe(0);
    expect(sim.control.audience('live').attributes.n).toBe('6');
  });

  it('answers 10010 for a disbanded room and 60007 past 200 writes a second', async () => {
    await start();
    sim.control.disband('other');
    expect((await attr('other', 'n', '1')).json.ErrorCode).toBe(10010);
    // The refused write took its slot too: 200 more make one over the cap.
    const rooms = Array.from({ length: 200 }, (_, i) => `r${i}`);
    for (const groupId of rooms) sim.control.addRoom({ groupId, audience: { kind: 'fixed', online: 1 } });
    const codes = await Promise.all(rooms.map((groupId) => attr(groupId, 'n', '1')));
    expect(codes.filter((answer) => answer.json.ErrorCode === 60007)).toHaveLength(1);
  });
});

describe('update_group_counter', () => {
  it('refuses counters unless the app is on the Pro, Pro Plus or Enterprise edition', async () => {
    await start();
    const refused = await counter('live', 'online_member_num', 10);
    expect(refused.json.ErrorCode).toBe(10007);
    expect(refused.json.ErrorInfo).toMatch(/Pro, Pro Plus or Enterprise/);
    sim.control.setEdition('pro');
    const set = await counter('live', 'online_member_num', 10);
    expect(set.json).toMatchObject({ ErrorCode: 0, GroupCounter: [{ Key: 'online_member_num', Value: 10 }] });
    await counter('live', 'online_member_num', 5, 'Increase');
    expect(sim.control.audience('live').counters).toEqual({ online_member_num: 15 });
  });

  it('needs a Mode and integer values, and holds at most 20 counters', async () => {
    await start({ edition: 'enterprise' });
    expect((await counter('live', 'n', 1, 'Replace')).json.ErrorCode).toBe(10004);
    expect((await counter('live', 'n', 1.5)).json.ErrorCode).toBe(10004);
    for (let i = 0; i < 20; i++) expect((await counter('live', `c${i}`, i)).json.ErrorCode).toBe(0);
    expect((await counter('live', 'c20', 1)).json.ErrorCode).toBe(10004);
  });
});

describe('send_group_msg', () => {
  it('delivers a custom message once per Random, and tells its time and sequence', async () => {
    await start({ edition: 'standard' });
    const sent = await message('live', '{"online":10,"at":1717171717}', 7);
    expect(sent.json).toMatchObject({ ErrorCode: 0, MsgTime: 1717171717, MsgSeq: 1 });
    await message('live', '{"online":10,"at":1717171717}', 7);
    const { messages } = sim.control.audience('live');
    expect(messages).toEqual([
      {
        at: clock.now,
        random: 7,
        priority: 'Low',
        data: '{"online":10,"at":1717171717}',
        desc: 'online_member_num',
        ext: '',
      },
    ]);
  });

  it("drops low-priority messages past the room's 40 a second, and refuses OnlineOnlyFlag in a live room", async () => {
    await start({ edition: 'standard' });
    for (let i = 0; i < 45; i++) expect((await message('live', String(i), i)).json.ErrorCode).toBe(0);
    const view = sim.control.audience('live');
    expect(view.messages).toHaveLength(40);
    expect(view.dropped).toBe(5);
    const flagged = await imCall(sim, 'send_group_msg', {
      GroupId: 'live',
      Random: 1,
      OnlineOnlyFlag: 1,
      MsgBody: [{ MsgType: 'TIMCustomElem', MsgContent: { Data: 'x' } }],
    });
    expect(flagged.json.ErrorCode).toBe(10004);
  });

  it('sends 1,000 messages a day on the trial edition, then refuses until the next day', async () => {
    await start();
    const codes = new Map<number, number>();
    // In batches of the command's 200 a second, a second apart.
    for (let batch = 0; batch < 5; batch++) {
      clock.now += 1000;
      const sent = await Promise.all(
        Array.from({ length: 200 }, (_, i) => message('live', String(i), batch * 200 + i)),
      );
      for (const { json } of sent) codes.set(json.ErrorCode, (codes.get(json.ErrorCode) ?? 0) + 1);
    }
    clock.now += 1000;
    expect((await message('live', 'one more', 4000)).json.ErrorCode).toBe(60020);
    expect(Object.fromEntries(codes)).toEqual({ 0: 1000 });
    clock.now += 86_400_000;
    expect((await message('live', 'tomorrow', 5000)).json.ErrorCode).toBe(0);
  });
});

describe('the audience control endpoint', () => {
  it("reads what a room's members would see now, and says when there is no such room", async () => {
    await start({ edition: 'pro' });
    await attr('live', 'online_member_num', '{"online":10,"at":1}');
    await counter('live', 'online_member_num', 10);
    const response = await fetch(`${sim.baseUrl}/_sim/audience?groupId=live`);
    expect(await response.json()).toEqual({
      groupId: 'live',
      attributes: { online_member_num: '{"online":10,"at":1}' },
      counters: { online_member_num: 10 },
      messages: [],
      dropped: 0,
    });
    const missing = await fetch(`${sim.baseUrl}/_sim/audience?groupId=nowhere`);
    expect(missing.status).toBe(404);
  });
});
