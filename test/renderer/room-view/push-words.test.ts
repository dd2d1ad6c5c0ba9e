import { describe, expect, it } from 'vitest';
import type { RoomPushView } from '../../../main/contract/monitor-api';
import { translator } from '../../../renderer/i18n/translator';
import { withViewWords } from '../../../renderer/i18n/view-words';
import { pushChoiceOf, pushProblem, pushStateLine } from '../../../renderer/room-view/push-words';
import { describeDetail, describeRoom } from '../../../renderer/rooms/room-rows';
import { budgetLines } from '../../../renderer/settings/budget-meter';
import { roomView } from '../support/room-view';

const en = withViewWords(translator('en'));
const zh = withViewWords(translator('zh-CN'));

const push = (overrides: Partial<RoomPushView>): RoomPushView => ({
  via: 'group-attr',
  key: 'online_member_num',
  state: 'ok',
  reason: null,
  error: null,
  written: { online: 4321, sampledAt: Date.UTC(2026, 0, 1, 12, 34), writtenAt: Date.UTC(2026, 0, 1, 12, 34) },
  ...overrides,
});

describe("a room's push, in words", () => {
  it('says nothing in the row while the push works, and "push failing" with the reason when not', () => {
    expect(pushProblem(null, en)).toBeNull();
    expect(pushProblem(push({}), en)).toBeNull();
    const failing = push({ state: 'failing', error: { kind: 'transient', code: 502 }, reason: 'HTTP 502' });
    expect(pushProblem(failing, en)).toBe(
      'push failing: The server or the network failed for a moment: Headcount retries with backoff. (code 502)',
    );
    expect(pushProblem(failing, zh)).toMatch(/^推送失败：/);
    const refused = push({
      state: 'refused',
      via: 'group-counter',
      error: { kind: 'not-live-room', code: 10007 },
    });
    expect(pushProblem(refused, en)).toMatch(/^push failing: .*Pro, Pro Plus or Enterprise edition/);
    expect(pushProblem(refused, zh)).toMatch(/专业版、专业版 Plus 或企业版/);
  });

  it('puts it in the row, its spoken words and its detail, beside the room’s own failure', () => {
    const failing = push({ state: 'failing', error: { kind: 'transient' } });
    const row = describeRoom(roomView({ push: failing }), en, 1000, '15m');
    expect(row.push).toMatch(/^push failing: /);
    expect(row.spoken).toMatch(/push failing: /);
    expect(describeRoom(roomView({ push: push({}) }), en, 1000, '15m').push).toBeNull();
    const detail = describeDetail(
      roomView({ push: failing, status: 'failing', error: { kind: 'rate-limited', message: 'slow' } }),
      'Events',
      en,
    );
    expect(detail.problem).toMatch(/^The app is over the API rate limit.* push failing: /);
  });

  it('tells the room view what was written and when, or why not', () => {
    expect(pushStateLine(push({}), en)).toMatch(/^Written: 4,321 \(counted at \d\d:\d\d\)\.$/);
    expect(pushStateLine(push({ state: 'waiting', written: null }), en)).toBe(
      'Waiting for a fresh count to write.',
    );
    expect(pushStateLine(push({ state: 'closed' }), zh)).toBe('直播间已不存在：不再写入。');
  });

  it('checks the form as the engine does: a key of 1 to 32 bytes, a message only once the quota is known', () => {
    expect(pushChoiceOf('off', '', false)).toEqual({ ok: true, push: null });
    expect(pushChoiceOf('group-attr', ' viewers ', false)).toEqual({
      ok: true,
      push: { via: 'group-attr', key: 'viewers' },
    });
    expect(pushChoiceOf('group-attr', '', false)).toEqual({ ok: false, problem: 'key' });
    // Eleven Chinese characters are 33 bytes.
    expect(pushChoiceOf('group-counter', '在线人数在线人数在线人', false)).toEqual({
      ok: false,
      problem: 'key',
    });
    expect(pushChoiceOf('message', 'online_member_num', false)).toEqual({
      ok: false,
      problem: 'acknowledge',
    });
    expect(pushChoiceOf('message', 'online_member_num', true).ok).toBe(true);
  });
});

describe('the budget of each API', () => {
  it('lists each command with its use and cap, and its limit while slowed', () => {
    const lines = budgetLines(
      [
        { command: 'get_online_member_num', capPerSecond: 200, limitPerSecond: 200, used: 145.4, waiting: 0 },
        { command: 'modify_group_attr', capPerSecond: 200, limitPerSecond: 150, used: 3, waiting: 2 },
      ],
      en,
    );
    expect(lines).toEqual([
      'get_online_member_num: 145 of 200',
      'modify_group_attr: 3 of 200, slowed to 150',
    ]);
  });
});
