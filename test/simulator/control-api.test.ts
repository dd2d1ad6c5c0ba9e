import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../main/simulator/index';
import { onlineCount, signFor } from './im-call';

let sim: RunningSimulator;

beforeEach(async () => {
  sim = await startSimulator({ rooms: [{ groupId: 'a', audience: { kind: 'fixed', online: 10 } }] });
});
afterEach(() => sim.close());

async function control(path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST') {
  const response = await fetch(`${sim.baseUrl}/_sim/${path}`, {
    method,
    ...(method === 'POST' ? { body: JSON.stringify(body ?? {}) } : {}),
  });
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON
  return { status: response.status, json: (await response.json()) as any };
}

describe('the /_sim/ control API', () => {
  it('adds rooms, sets counts, disbands and removes them', async () => {
    const added = await control('add-room', { groupId: 'b', audience: { kind: 'fixed', online: 3 } });
    expect(added).toEqual({ status: 200, json: { ok: true } });
    expect((await onlineCount(sim, 'b')).json.OnlineMemberNum).toBe(3);
    await control('set-online', { groupId: 'b', online: 99 });
    expect((await onlineCount(sim, 'b')).json.OnlineMemberNum).toBe(99);
    await control('disband', { groupId: 'b' });
    expect((await onlineCount(sim, 'b')).json.ErrorCode).toBe(10010);
    await control('remove-room', { groupId: 'a' });
    expect((await onlineCount(sim, 'a')).json.ErrorCode).toBe(10010);
  });

  it('injects and clears faults', async () => {
    await control('inject-fault', { kind: 'error-code', code: 70500 });
    expect((await onlineCount(sim, 'a')).json.ErrorCode).toBe(70500);
    await control('clear-faults', {});
    expect((await onlineCount(sim, 'a')).json.ErrorCode).toBe(0);
  });

  it('sets the rate and the secret key', async () => {
    await control('set-rate', { perSecond: 0 });
    expect((await onlineCount(sim, 'a')).json.ErrorCode).toBe(60007);
    await control('set-rate', { perSecond: 200 });
    const oldSig = signFor(sim);
    await control('set-secret-key', { secretKey: 'b'.repeat(64) });
    expect((await onlineCount(sim, 'a', { query: { usersig: oldSig } })).json.ErrorCode).toBe(70009);
    expect((await onlineCount(sim, 'a')).json.ErrorCode).toBe(0);
  });

  it('reads the request log and stats, and resets them', async () => {
    await onlineCount(sim, 'a');
    await onlineCount(sim, 'nobody');
    const requests = await control('requests');
    expect(requests.json).toEqual([
      expect.objectContaining({
        command: 'get_online_member_num',
        groupId: 'a',
        errorCode: 0,
        httpStatus: 200,
      }),
      expect.objectContaining({ groupId: 'nobody', errorCode: 10010 }),
    ]);
    expect((await control('stats')).json).toEqual({
      total: 2,
      byErrorCode: { '0': 1, '10010': 1 },
      maxInAnyWindow: 2,
    });
    await control('reset-log', {});
    expect((await control('stats')).json.total).toBe(0);
    expect((await control('requests')).json).toEqual([]);
  });

  it('needs no UserSig and leaves the IM request log alone', async () => {
    await control('stats');
    await control('set-rate', { perSecond: 5 });
    expect(sim.control.requests()).toEqual([]);
  });

  it.each([
    ['an unknown endpoint', 'explode', {}, 'POST', 404],
    ['a change sent with GET', 'clear-faults', undefined, 'GET', 405],
    ['a read sent with POST', 'stats', {}, 'POST', 405],
    ['a bad room', 'add-room', { groupId: '', audience: { kind: 'fixed', online: 1 } }, 'POST', 400],
    ['an unknown room', 'disband', { groupId: 'nobody' }, 'POST', 400],
    ['a missing argument', 'set-online', { groupId: 'a' }, 'POST', 400],
    ['a bad fault', 'inject-fault', { kind: 'meteor' }, 'POST', 400],
  ])('refuses %s', async (_what, path, body, method, status) => {
    const result = await control(path, body, method);
    expect(result.status).toBe(status);
    expect(result.json.error).toEqual(expect.any(String));
  });

  it('refuses a body that is not JSON with 400', async () => {
    const response = await fetch(`${sim.baseUrl}/_sim/add-room`, { method: 'POST', body: '{oops' });
    expect(response.status).toBe(400);
  });
});
