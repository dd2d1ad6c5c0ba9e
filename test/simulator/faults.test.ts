import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../main/simulator/index';
import { imCall, onlineCount } from './im-call';

let sim: RunningSimulator;

beforeEach(async () => {
  sim = await startSimulator({
    rooms: [
      { groupId: 'a', audience: { kind: 'fixed', online: 1 } },
      { groupId: 'b', audience: { kind: 'fixed', online: 2 } },
    ],
  });
});
afterEach(() => sim.close());

describe('fault kinds', () => {
  it('http-502 answers HTTP 502 with an HTML body', async () => {
    sim.control.injectFault({ kind: 'http-502' });
    const result = await onlineCount(sim, 'a');
    expect(result.status).toBe(502);
    expect(result.contentType).toBe('text/html');
    expect(result.text).toContain('502 Bad Gateway');
    expect(sim.control.requests()[0]).toMatchObject({ httpStatus: 502, errorCode: -1 });
  });

  it('truncated-json answers HTTP 200 with the first half of the real JSON', async () => {
    const whole = (await onlineCount(sim, 'a')).text;
    sim.control.injectFault({ kind: 'truncated-json' });
    const result = await onlineCount(sim, 'a');
    expect(result.status).toBe(200);
    expect(result.json).toBeUndefined();
    expect(result.text).toBe(whole.slice(0, Math.floor(whole.length / 2)));
  });

  it('error-code answers the FAIL envelope with the code, 10002 by default', async () => {
    sim.control.injectFault({ kind: 'error-code', code: 60011, times: 1 });
    sim.control.injectFault({ kind: 'error-code', times: 1 });
    expect((await onlineCount(sim, 'a')).json).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 60011 });
    expect((await onlineCount(sim, 'a')).json).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 10002 });
    expect((await onlineCount(sim, 'a')).json.ErrorCode).toBe(0);
  });

  it('slow answers normally after delayMs', async () => {
    sim.control.injectFault({ kind: 'slow', delayMs: 300 });
    const started = performance.now();
    const result = await onlineCount(sim, 'a');
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(result.json.OnlineMemberNum).toBe(1);
  });

  it('hang keeps the request pending until close(), which returns promptly', async () => {
    sim.control.injectFault({ kind: 'hang' });
    let settled = false;
    const pending = onlineCount(sim, 'a').finally(() => {
      settled = true;
    });
    pending.catch(() => undefined);
    await vi.waitFor(() => expect(sim.control.requests()).toHaveLength(1));
    expect(settled).toBe(false);
    expect(sim.control.requests()[0]).toMatchObject({ command: 'get_online_member_num', httpStatus: 0 });
    const started = performance.now();
    await sim.close();
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(pending).rejects.toThrow();
  });

  it('close() also ends a slow request that is still waiting', async () => {
    sim.control.injectFault({ kind: 'slow', delayMs: 60_000 });
    const pending = onlineCount(sim, 'a');
    pending.catch(() => undefined);
    await vi.waitFor(() => expect(sim.control.requests()).toHaveLength(1));
    const started = performance.now();
    await sim.close();
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(pending).rejects.toThrow();
  });
});

describe('fault targeting', () => {
  it('hits only requests for its group, counted by times', async () => {
    sim.control.injectFault({ kind: 'error-code', code: 10002, groupId: 'b', times: 2 });
    expect((await onlineCount(sim, 'a')).json.ErrorCode).toBe(0);
    expect((await onlineCount(sim, 'b')).json.ErrorCode).toBe(10002);
    expect((await imCall(sim, 'get_group_info', { GroupIdList: ['a', 'b'] })).json.ErrorCode).toBe(10002);
    expect((await onlineCount(sim, 'b')).json.ErrorCode).toBe(0);
  });

  it('hits every command until clearFaults()', async () => {
    sim.control.injectFault({ kind: 'http-502' });
    expect((await onlineCount(sim, 'a')).status).toBe(502);
    expect((await imCall(sim, 'get_appid_group_list', {})).status).toBe(502);
    expect((await imCall(sim, 'get_group_info', { GroupIdList: ['a'] })).status).toBe(502);
    sim.control.clearFaults();
    expect((await onlineCount(sim, 'a')).json.ErrorCode).toBe(0);
  });

  it('refuses a fault it cannot apply', () => {
    expect(() => sim.control.injectFault({ kind: 'explode' } as never)).toThrow(/fault kind/);
    expect(() => sim.control.injectFault({ kind: 'hang', times: 0 })).toThrow(/times/);
  });
});
