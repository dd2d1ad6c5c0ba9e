import { afterEach, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../main/simulator/index';
import { type FakeWall, fakeWall, imCall, onlineCount } from './im-call';

let sim: RunningSimulator;
let clock: FakeWall;

async function start(ratePerSecond?: number): Promise<void> {
  clock = fakeWall();
  sim = await startSimulator({
    clock,
    ...(ratePerSecond === undefined ? {} : { ratePerSecond }),
    rooms: [{ groupId: 'room', audience: { kind: 'fixed', online: 10 } }],
  });
}

async function burst(n: number): Promise<number[]> {
  const results = await Promise.all(Array.from({ length: n }, () => onlineCount(sim, 'room')));
  return results.map((result) => result.json.ErrorCode);
}

const count = (codes: number[], code: number) => codes.filter((c) => c === code).length;

afterEach(() => sim.close());

describe('the get_online_member_num rate cap', () => {
  it('serves 200 per second by default and refuses the rest of a burst with 60007', async () => {
    await start();
    const codes = await burst(250);
    expect(count(codes, 0)).toBe(200);
    expect(count(codes, 60007)).toBe(50);
    const stats = sim.control.stats();
    expect(stats.total).toBe(250);
    expect(stats.byErrorCode).toEqual({ '0': 200, '60007': 50 });
    expect(stats.maxInAnyWindow).toBe(250);
  });

  it('counts in fixed one-second windows of the wall clock', async () => {
    await start(5);
    clock.now += 999;
    const late = await burst(8);
    expect(count(late, 60007)).toBe(3);
    clock.now += 1;
    const next = await burst(8);
    expect(count(next, 0)).toBe(5);
    expect(count(next, 60007)).toBe(3);
    expect(sim.control.stats().maxInAnyWindow).toBe(16);
  });

  it('follows setRate', async () => {
    await start();
    sim.control.setRate(2);
    expect(count(await burst(5), 0)).toBe(2);
    clock.now += 1000;
    sim.control.setRate(4);
    expect(count(await burst(5), 0)).toBe(4);
  });

  it('measures maxInAnyWindow over a sliding 1000 ms window', async () => {
    await start();
    for (const step of [0, 400, 400, 300, 1000]) {
      clock.now += step;
      await onlineCount(sim, 'room');
    }
    expect(sim.control.stats().maxInAnyWindow).toBe(3);
    sim.control.resetLog();
    expect(sim.control.stats()).toEqual({ total: 0, byErrorCode: {}, maxInAnyWindow: 0 });
    expect(sim.control.requests()).toEqual([]);
  });

  it('logs each request with its time, command, group and outcome', async () => {
    await start(1);
    await burst(2);
    await imCall(sim, 'get_group_info', { GroupIdList: ['room'] });
    expect(sim.control.requests()).toEqual([
      { at: clock.now, command: 'get_online_member_num', groupId: 'room', errorCode: 0, httpStatus: 200 },
      { at: clock.now, command: 'get_online_member_num', groupId: 'room', errorCode: 60007, httpStatus: 200 },
      { at: clock.now, command: 'get_group_info', groupId: 'room', errorCode: 0, httpStatus: 200 },
    ]);
  });
});
