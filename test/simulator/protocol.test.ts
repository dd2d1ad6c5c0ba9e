import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../main/simulator/index';
import { type CallOptions, fakeWall, imCall, onlineCount, signFor } from './im-call';

let sim: RunningSimulator;

beforeEach(async () => {
  sim = await startSimulator({
    rooms: [
      { groupId: '@TGS#aLive', name: 'Live', audience: { kind: 'fixed', online: 1234 } },
      { groupId: "q&a room #7 ('quoted')", audience: { kind: 'fixed', online: 7 } },
      { groupId: 'chat', type: 'Public', audience: { kind: 'fixed', online: 3 } },
    ],
  });
});
afterEach(() => sim.close());

describe('a valid request', () => {
  it('answers the online count in the OK envelope with HTTP 200 and application/json', async () => {
    const result = await onlineCount(sim, '@TGS#aLive');
    expect(result.status).toBe(200);
    expect(result.contentType).toBe('application/json');
    expect(result.json).toEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', OnlineMemberNum: 1234 });
  });

  it('accepts custom ids with spaces and symbols, and the largest random', async () => {
    const result = await onlineCount(sim, "q&a room #7 ('quoted')", { query: { random: '4294967295' } });
    expect(result.json.OnlineMemberNum).toBe(7);
  });

  it('uses a fresh 64-hex-char secret key for each simulator', async () => {
    const other = await startSimulator();
    try {
      expect(sim.credentials.secretKey).toMatch(/^[0-9a-f]{64}$/);
      expect(other.credentials.secretKey).not.toBe(sim.credentials.secretKey);
    } finally {
      await other.close();
    }
  });
});

describe('request checks', () => {
  it.each<[string, CallOptions & { command?: string }, number]>([
    ['GET instead of POST', { method: 'GET' }, 60002],
    ['PUT instead of POST', { method: 'PUT' }, 60002],
    ['no sdkappid', { query: { sdkappid: undefined } }, 60012],
    ['another sdkappid', { query: { sdkappid: '1400000001' } }, 70020],
    ['an empty usersig', { query: { usersig: '' } }, 70002],
    ['no usersig', { query: { usersig: undefined } }, 70002],
    ['no identifier', { query: { identifier: undefined } }, 60002],
    ['no random', { query: { random: undefined } }, 60002],
    ['a random over 32 bits', { query: { random: '4294967296' } }, 60002],
    ['a negative random', { query: { random: '-1' } }, 60002],
    ['no contenttype', { query: { contenttype: undefined } }, 60002],
    ['contenttype other than json', { query: { contenttype: 'xml' } }, 60002],
    ['an unknown command', { command: 'get_everything' }, 60009],
    ['an unknown service', { service: 'nope_svc' }, 60009],
    ['a body that is not JSON', { rawBody: '{"GroupId":' }, 60003],
    ['an empty body', { rawBody: '' }, 60003],
    ['a body that is not an object', { rawBody: '["@TGS#aLive"]' }, 10004],
  ])('refuses %s', async (_what, options, code) => {
    const command = options.command ?? 'get_online_member_num';
    const result = await imCall(sim, command, { GroupId: '@TGS#aLive' }, options);
    expect(result.status).toBe(200);
    expect(result.contentType).toBe('application/json');
    expect(result.json).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: code });
    expect(result.json.ErrorInfo).toEqual(expect.any(String));
  });
});

describe('UserSig checks', () => {
  const now = () => Math.floor(Date.now() / 1000);

  it.each([
    ['a UserSig that does not decode', () => 'not-a-usersig', undefined, 70003],
    ['a UserSig for another identifier', () => signFor(sim, { identifier: 'someone' }), undefined, 70013],
    ['a UserSig for another SDKAppID', () => signFor(sim, { sdkAppId: 1400000001 }), undefined, 70014],
    [
      'a UserSig signed with another key',
      () => signFor(sim, { secretKey: 'f'.repeat(64) }),
      undefined,
      70009,
    ],
    [
      'an expired UserSig',
      () => signFor(sim, { nowSeconds: now() - 90_000, expireSeconds: 86_400 }),
      undefined,
      70001,
    ],
    ['a valid UserSig of a non-admin', () => signFor(sim, { identifier: 'alice' }), 'alice', 70403],
  ])('refuses %s', async (_what, sign, identifier, code) => {
    const query = identifier ? { usersig: sign(), identifier } : { usersig: sign() };
    const result = await onlineCount(sim, '@TGS#aLive', { query });
    expect(result.json).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: code });
  });

  it('checks against the current key after setSecretKey', async () => {
    const oldSig = signFor(sim);
    sim.control.setSecretKey('a'.repeat(64));
    expect((await onlineCount(sim, '@TGS#aLive', { query: { usersig: oldSig } })).json.ErrorCode).toBe(70009);
    expect(sim.credentials.secretKey).toBe('a'.repeat(64));
    expect((await onlineCount(sim, '@TGS#aLive')).json.ErrorCode).toBe(0);
  });
});

describe('the lock after repeated bad UserSigs', () => {
  it('locks the app for 60 s with 70050 after more than 30 bad UserSigs in 60 s', async () => {
    const clock = fakeWall();
    const locked = await startSimulator({
      clock,
      rooms: [{ groupId: 'g', audience: { kind: 'fixed', online: 1 } }],
    });
    try {
      const bad = { query: { usersig: signFor(locked, { secretKey: 'wrong' }) } };
      for (let i = 0; i < 30; i++) {
        expect((await onlineCount(locked, 'g', bad)).json.ErrorCode).toBe(70009);
      }
      expect((await onlineCount(locked, 'g')).json.ErrorCode).toBe(0);
      expect((await onlineCount(locked, 'g', bad)).json.ErrorCode).toBe(70009);
      expect((await onlineCount(locked, 'g')).json.ErrorCode).toBe(70050);
      clock.now += 59_999;
      expect((await onlineCount(locked, 'g')).json.ErrorCode).toBe(70050);
      clock.now += 1;
      expect((await onlineCount(locked, 'g')).json.ErrorCode).toBe(0);
    } finally {
      await locked.close();
    }
  });

  it('forgets bad UserSigs older than 60 s', async () => {
    const clock = fakeWall();
    const app = await startSimulator({
      clock,
      rooms: [{ groupId: 'g', audience: { kind: 'fixed', online: 1 } }],
    });
    try {
      const bad = { query: { usersig: 'garbage' } };
      for (let i = 0; i < 30; i++) await onlineCount(app, 'g', bad);
      clock.now += 60_000;
      expect((await onlineCount(app, 'g', bad)).json.ErrorCode).toBe(70003);
      expect((await onlineCount(app, 'g')).json.ErrorCode).toBe(0);
    } finally {
      await app.close();
    }
  });
});

describe('get_online_member_num body checks', () => {
  it.each([
    ['no GroupId', {}, 10004],
    ['a GroupId that is not a string', { GroupId: 42 }, 10004],
    ['an empty GroupId', { GroupId: '' }, 10015],
    ['a GroupId over 48 bytes', { GroupId: 'x'.repeat(49) }, 10015],
    ['a GroupId with non-ASCII characters', { GroupId: 'café' }, 10015],
    ['a GroupId with a control character', { GroupId: 'a\tb' }, 10015],
    ['an unknown group', { GroupId: '@TGS#aNobody' }, 10010],
    ['a group that is not an AVChatRoom', { GroupId: 'chat' }, 10007],
  ])('answers %s', async (_what, body, code) => {
    const result = await imCall(sim, 'get_online_member_num', body);
    expect(result.json).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: code });
  });

  it('accepts a 48-byte id', async () => {
    sim.control.addRoom({ groupId: 'y'.repeat(48), audience: { kind: 'fixed', online: 48 } });
    expect((await onlineCount(sim, 'y'.repeat(48))).json.OnlineMemberNum).toBe(48);
  });

  it('answers 10010 for a disbanded or removed room', async () => {
    sim.control.disband('@TGS#aLive');
    expect((await onlineCount(sim, '@TGS#aLive')).json.ErrorCode).toBe(10010);
    sim.control.removeRoom('chat');
    expect((await onlineCount(sim, 'chat')).json.ErrorCode).toBe(10010);
  });

  it('throws from control methods that name an unknown room', () => {
    expect(() => sim.control.disband('nobody')).toThrow(/no room/);
    expect(() => sim.control.setOnline('nobody', 1)).toThrow(/no room/);
    expect(() => sim.control.addRoom({ groupId: 'é', audience: { kind: 'fixed', online: 1 } })).toThrow(
      /invalid group id/,
    );
  });
});
