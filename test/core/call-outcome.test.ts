import { describe, expect, it } from 'vitest';
import { callOutcome } from '../../main/core/call-outcome';

const answer = (body: unknown, status = 200) => ({ status, body: JSON.stringify(body) });

describe('the outcome of one call', () => {
  it('is ok for an OK envelope, and the kind of the error code otherwise', () => {
    const ok = answer({ ActionStatus: 'OK', ErrorCode: 0, OnlineMemberNum: 5 });
    expect(callOutcome('get_online_member_num', ok)).toBe('ok');
    const fail = (code: number) => answer({ ActionStatus: 'FAIL', ErrorCode: code, ErrorInfo: 'x' });
    expect(callOutcome('get_online_member_num', fail(10010))).toBe('group-gone');
    expect(callOutcome('get_online_member_num', fail(60007))).toBe('rate-limited');
    expect(callOutcome('get_online_member_num', fail(70001))).toBe('auth');
    expect(callOutcome('get_online_member_num', fail(99999))).toBe('unknown');
  });

  it('is transient without an answer or with a gateway error, and protocol for nonsense', () => {
    expect(callOutcome('get_online_member_num', null)).toBe('transient');
    expect(callOutcome('get_online_member_num', { status: 502, body: '<html>' })).toBe('transient');
    expect(callOutcome('get_online_member_num', { status: 200, body: '<html>' })).toBe('protocol');
  });

  it("does not fail a group-info batch for one group's error inside it", () => {
    const batch = answer({ ActionStatus: 'OK', ErrorCode: 10010, GroupInfo: [] });
    expect(callOutcome('get_group_info', batch)).toBe('ok');
    expect(callOutcome('get_online_member_num', batch)).toBe('group-gone');
  });
});
