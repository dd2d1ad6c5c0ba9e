import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../main/simulator/index';
import { imCall, onlineCount } from './im-call';

let sim: RunningSimulator;

beforeEach(async () => {
  sim = await startSimulator({
    rooms: [
      { groupId: '@TGS#aLive', name: 'Main Stage', audience: { kind: 'fixed', online: 1200 } },
      { groupId: 'club', name: 'Fan Club', type: 'Public', audience: { kind: 'fixed', online: 4 } },
      { groupId: 'unnamed', audience: { kind: 'fixed', online: 0 } },
    ],
  });
});
afterEach(() => sim.close());

const groupInfo = (body: unknown) => imCall(sim, 'get_group_info', body);

describe('get_group_info', () => {
  it('answers each group with its own code, type, name and member count', async () => {
    const result = await groupInfo({
      GroupIdList: ['@TGS#aLive', 'club', 'unnamed', 'missing', 'bad\u00e9'],
    });
    expect(result.json).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });
    const [live, club, unnamed, missing, bad] = result.json.GroupInfo;
    expect(live).toMatchObject({ GroupId: '@TGS#aLive', ErrorCode: 0, ErrorInfo: '', Type: 'AVChatRoom' });
    expect(live.Name).toBe('Main Stage');
    expect(club).toMatchObject({ ErrorCode: 0, Type: 'Public', Name: 'Fan Club' });
    expect(unnamed).toMatchObject({ ErrorCode: 0, Name: 'unnamed' });
    expect(missing).toMatchObject({ GroupId: 'missing', ErrorCode: 10010 });
    expect(bad).toMatchObject({ GroupId: 'bad\u00e9', ErrorCode: 10015 });
    expect(missing.ErrorInfo).not.toBe('');
  });

  it('gives a member count that is not the online count', async () => {
    const online = (await onlineCount(sim, '@TGS#aLive')).json.OnlineMemberNum;
    const [live] = (await groupInfo({ GroupIdList: ['@TGS#aLive'] })).json.GroupInfo;
    expect(Number.isInteger(live.MemberNum)).toBe(true);
    expect(live.MemberNum).not.toBe(online);
  });

  it('answers 10010 for a disbanded group', async () => {
    sim.control.disband('@TGS#aLive');
    const [live] = (await groupInfo({ GroupIdList: ['@TGS#aLive'] })).json.GroupInfo;
    expect(live.ErrorCode).toBe(10010);
  });

  it('returns only the fields named in ResponseFilter', async () => {
    const body = { GroupIdList: ['@TGS#aLive'], ResponseFilter: { GroupBaseInfoFilter: ['Type', 'Name'] } };
    const [live] = (await groupInfo(body)).json.GroupInfo;
    expect(live).toEqual({
      GroupId: '@TGS#aLive',
      ErrorCode: 0,
      ErrorInfo: '',
      Type: 'AVChatRoom',
      Name: 'Main Stage',
    });
  });

  it('takes up to 50 ids', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `g${i}`);
    const result = await groupInfo({ GroupIdList: ids });
    expect(result.json.ErrorCode).toBe(0);
    expect(result.json.GroupInfo).toHaveLength(50);
  });

  it.each([
    ['51 ids', { GroupIdList: Array.from({ length: 51 }, (_, i) => `g${i}`) }],
    ['an empty list', { GroupIdList: [] }],
    ['no list', {}],
    ['a list that is not an array', { GroupIdList: '@TGS#aLive' }],
    ['an id that is not a string', { GroupIdList: ['@TGS#aLive', 7] }],
    ['a malformed filter', { GroupIdList: ['@TGS#aLive'], ResponseFilter: { GroupBaseInfoFilter: 'Name' } }],
  ])('answers 10004 for %s', async (_what, body) => {
    expect((await groupInfo(body)).json).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 10004 });
  });
});
