import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RoomSpec, type RunningSimulator, startSimulator } from '../../main/simulator/index';
import { type FakeWall, fakeWall, imCall } from './im-call';

let sim: RunningSimulator;
let clock: FakeWall;

const room = (groupId: string, type?: RoomSpec['type']): RoomSpec => ({
  groupId,
  ...(type ? { type } : {}),
  audience: { kind: 'fixed', online: 1 },
});

beforeEach(async () => {
  clock = fakeWall();
  sim = await startSimulator({
    clock,
    rooms: [room('@TGS#a1'), room('b2'), room('club', 'Public'), room('@TGS#d4'), room('e 5')],
  });
});
afterEach(() => sim.close());

/** One call per second, as the API allows: each call moves the fake clock on a second first. */
function groupList(bodyText: string) {
  clock.now += 1000;
  return imCall(sim, 'get_appid_group_list', undefined, { rawBody: bodyText });
}

/** `Next` exactly as the JSON text spells it. */
function rawNext(text: string): string {
  const match = /"Next":(\d+)/.exec(text);
  if (!match?.[1]) throw new Error(`no Next in ${text}`);
  return match[1];
}

describe('get_appid_group_list', () => {
  it('pages with Next tokens above 2^53 that must come back exactly', async () => {
    const seen: string[] = [];
    let next = '0';
    for (let page = 0; page < 10; page++) {
      const result = await groupList(`{"Limit":2,"Next":${next}}`);
      expect(result.json).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0, TotalCount: 5 });
      seen.push(...result.json.GroupIdList.map((item: { GroupId: string }) => item.GroupId));
      next = rawNext(result.text);
      if (next === '0') break;
      expect(BigInt(next) > 2n ** 53n).toBe(true);
      expect(String(JSON.parse(next))).not.toBe(next);
    }
    expect(next).toBe('0');
    expect(seen).toEqual(['@TGS#a1', 'b2', 'club', '@TGS#d4', 'e 5']);
  });

  it('refuses a Next that went through a double', async () => {
    const first = await groupList('{"Limit":2}');
    const rounded = JSON.stringify(JSON.parse(first.text).Next);
    expect((await groupList(`{"Limit":2,"Next":${rounded}}`)).json.ErrorCode).toBe(10004);
    expect((await groupList(`{"Limit":2,"Next":${rawNext(first.text)}}`)).json.ErrorCode).toBe(0);
  });

  it('filters by GroupType', async () => {
    const result = await groupList('{"GroupType":"Public"}');
    expect(result.json).toMatchObject({ TotalCount: 1, GroupIdList: [{ GroupId: 'club' }] });
    expect(rawNext(result.text)).toBe('0');
  });

  it('leaves out disbanded and removed groups', async () => {
    sim.control.disband('b2');
    sim.control.removeRoom('club');
    const result = await groupList('{}');
    expect(result.json.TotalCount).toBe(3);
  });

  it.each([
    ['an unknown Next', '{"Next":1152921504606846977}'],
    ['a Next beyond uint64', '{"Next":18446744073709551616}'],
    ['a negative Next', '{"Next":-5}'],
    ['a fractional Next', '{"Next":1.5}'],
    ['a Next in a string', '{"Next":"0"}'],
    ['Limit 0', '{"Limit":0}'],
    ['Limit over 10000', '{"Limit":10001}'],
    ['an unknown GroupType', '{"GroupType":"Stadium"}'],
    ['a body that is not an object', '[]'],
  ])('answers 10004 for %s', async (_what, body) => {
    expect((await groupList(body)).json).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 10004 });
  });

  it('reads the top-level Next even when strings and nested objects mention Next', async () => {
    const first = await groupList('{"Limit":1}');
    const token = rawNext(first.text);
    const body = `{"GroupType":"AVChatRoom","x":{"Next":5,"s":"\\"Next\\":7"},"Limit":1, "Next" : ${token} }`;
    const result = await groupList(body);
    expect(result.json.ErrorCode).toBe(0);
    expect(result.json.GroupIdList).toEqual([{ GroupId: 'b2' }]);
  });

  it('allows one call per second', async () => {
    const first = await groupList('{}');
    const second = await imCall(sim, 'get_appid_group_list', {});
    expect(first.json.ErrorCode).toBe(0);
    expect(second.json.ErrorCode).toBe(60007);
  });
});
