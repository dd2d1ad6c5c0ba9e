import { describe, expect, it } from 'vitest';
import { imErrorFromCode } from '../../main/core/error-kind';
import { parseGroupInfoList, parseGroupList } from '../../main/core/group-answers';

const senseless = (what: string) => ({
  ok: false,
  error: {
    kind: 'protocol',
    message: `The server's answer did not make sense (${what}). Headcount retries; if this keeps happening, check that the endpoint is a Tencent IM REST host.`,
  },
});

describe('parseGroupInfoList', () => {
  it('judges each group by its own ErrorCode, and takes a missing name as none', () => {
    const result = parseGroupInfoList(
      {
        GroupInfo: [
          { GroupId: 'a', ErrorCode: 0, Type: 'AVChatRoom', Name: 'Main stage' },
          { GroupId: 'b', ErrorCode: 0, Type: 'Public' },
          { GroupId: 'c', ErrorCode: 10010, ErrorInfo: 'group not found' },
          { GroupId: 'd', ErrorCode: 10015 },
        ],
      },
      imErrorFromCode,
    );
    expect(result).toEqual({
      ok: true,
      value: [
        { groupId: 'a', ok: true, type: 'AVChatRoom', name: 'Main stage' },
        { groupId: 'b', ok: true, type: 'Public', name: '' },
        { groupId: 'c', ok: false, error: imErrorFromCode(10010, 'group not found') },
        { groupId: 'd', ok: false, error: imErrorFromCode(10015, '') },
      ],
    });
  });

  it('says in words what is wrong with a list or an item that makes no sense', () => {
    expect(parseGroupInfoList({}, imErrorFromCode)).toEqual(senseless('GroupInfo is missing or not a list'));
    expect(parseGroupInfoList({ GroupInfo: {} }, imErrorFromCode)).toEqual(
      senseless('GroupInfo is missing or not a list'),
    );
    for (const item of [null, 'a', { GroupId: 7 }, {}]) {
      expect(parseGroupInfoList({ GroupInfo: [item] }, imErrorFromCode)).toEqual(
        senseless('a GroupInfo item has no GroupId'),
      );
    }
    const items = (entry: Record<string, unknown>) => {
      const result = parseGroupInfoList({ GroupInfo: [{ GroupId: 'a', ...entry }] }, imErrorFromCode);
      return result.ok ? result.value[0] : result;
    };
    for (const code of [undefined, '0', 1.5, Number.MAX_SAFE_INTEGER + 1]) {
      expect(items({ ErrorCode: code, Type: 'AVChatRoom' })).toEqual({
        groupId: 'a',
        ...senseless('the group has no integer ErrorCode'),
      });
    }
    expect(items({ ErrorCode: 0, Type: 3 })).toEqual({ groupId: 'a', ...senseless('the group has no Type') });
  });
});

describe('parseGroupList', () => {
  const page = (body: Record<string, unknown>) => parseGroupList(body, JSON.stringify(body));

  it('reads a page: the total, the ids and the exact next cursor', () => {
    const text =
      '{"TotalCount":3,"GroupIdList":[{"GroupId":"a"},{"GroupId":"b"}],"Next":18446744073709551615}';
    expect(parseGroupList(JSON.parse(text), text)).toEqual({
      ok: true,
      value: { totalCount: 3, groupIds: ['a', 'b'], next: '18446744073709551615' },
    });
    expect(page({ TotalCount: 0, GroupIdList: [], Next: '0' })).toEqual({
      ok: true,
      value: { totalCount: 0, groupIds: [], next: '0' },
    });
  });

  it('says in words what is wrong with a page that makes no sense', () => {
    const total = senseless('TotalCount is missing or not a non-negative integer');
    for (const count of [undefined, '3', -1, 2.5, Number.MAX_SAFE_INTEGER + 1]) {
      expect(page({ TotalCount: count, GroupIdList: [], Next: 0 })).toEqual(total);
    }
    expect(page({ TotalCount: 1, GroupIdList: 'a', Next: 0 })).toEqual(
      senseless('GroupIdList is missing or not a list'),
    );
    for (const item of [null, 'a', { GroupId: 1 }]) {
      expect(page({ TotalCount: 1, GroupIdList: [item], Next: 0 })).toEqual(
        senseless('a GroupIdList item has no GroupId'),
      );
    }
    const next = senseless('Next is missing or not an unsigned 64-bit integer');
    for (const value of [undefined, null, true, -1, 1.5, 'x', '18446744073709551616']) {
      expect(page({ TotalCount: 0, GroupIdList: [], Next: value })).toEqual(next);
    }
  });
});
