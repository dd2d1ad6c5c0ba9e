import { describe, expect, it } from 'vitest';
import type { ChangeWindow } from '../../../main/contract/monitor-api';
import { translator } from '../../../renderer/i18n/translator';
import { ageWords, describeDetail, describeRoom, describeTile } from '../../../renderer/rooms/room-rows';
import { roomView } from '../support/room-view';

const en = translator('en');
const zh = translator('zh-CN');

describe('room rows', () => {
  it('shows a live count with separators, its change with a direction, and its age', () => {
    const row = describeRoom(
      roomView({ label: 'Launch Day', online: 12345, change1m: -30 }),
      en,
      3000,
      '15m',
    );
    expect(row).toMatchObject({
      name: 'Launch Day',
      count: '12,345',
      hasCount: true,
      change: '−30',
      changeDirection: 'down',
      state: 'live',
      tone: 'ok',
      age: '3 s ago',
      windowChange: '−25',
      windowChangeDirection: 'down',
      window: '/ 15 min',
      spoken: '12,345 online, down 30 in the last minute, −25 in 15 min, live, 3 s ago',
    });
    expect(describeRoom(roomView({ change1m: 1500 }), en, 0, '15m')).toMatchObject({
      change: '+1,500',
      changeDirection: 'up',
    });
    expect(describeRoom(roomView({ change1m: 0 }), en, 0, '15m')).toMatchObject({
      change: '0',
      changeDirection: 'flat',
    });
  });

  it('shows the change over the chosen window signed and labelled "/ 15 min", and says the window', () => {
    const room = roomView({ change1m: 3, changes: { '5m': 0, '15m': 1200, '30m': null, '1h': -45_000 } });
    const over = (changeWindow: ChangeWindow) => describeRoom(room, en, 0, changeWindow);
    expect(over('15m')).toMatchObject({
      change: '+3',
      windowChange: '+1,200',
      windowChangeDirection: 'up',
      window: '/ 15 min',
      windowTitle: 'Change over 15 min',
      spoken: '1,234 online, up 3 in the last minute, +1,200 in 15 min, live, just now',
    });
    expect(over('1h')).toMatchObject({
      windowChange: '−45,000',
      windowChangeDirection: 'down',
      window: '/ 1 h',
      spoken: '1,234 online, up 3 in the last minute, −45,000 in 1 h, live, just now',
    });
    expect(over('5m')).toMatchObject({
      windowChange: '0',
      windowChangeDirection: 'flat',
      spoken: '1,234 online, up 3 in the last minute, no change in 5 min, live, just now',
    });
    // Not known yet over half an hour: a dash and why, never a bare number or a 0.
    expect(over('30m')).toMatchObject({
      windowChange: '—',
      windowChangeDirection: 'unknown',
      window: '/ 30 min',
      windowTitle: 'not enough history yet for a change over 30 min',
      spoken:
        '1,234 online, up 3 in the last minute, not enough history yet for a change over 30 min, live, just now',
    });
    expect(describeRoom(roomView({ change1m: null }), en, 0, '15m')).toMatchObject({
      change: '—',
      changeDirection: 'unknown',
    });
    expect(describeRoom(room, zh, 0, '1h').spoken).toBe(
      '1,234 人在线，近 1 分钟增加 3 人，近 1 小时减少 45,000 人，实时，刚刚',
    );
  });

  it('never shows a failure as 0', () => {
    const row = describeRoom(
      roomView({
        status: 'failing',
        state: 'failing',
        current: false,
        online: null,
        change1m: null,
        changes: { '5m': null, '15m': null, '30m': null, '1h': null },
        error: { kind: 'transient', message: '' },
      }),
      en,
      null,
      '15m',
    );
    expect(row).toMatchObject({
      count: '—',
      hasCount: false,
      change: '',
      changeDirection: 'unknown',
      windowChange: '',
      windowChangeDirection: 'unknown',
      state: 'failing: server or network, retrying',
      tone: 'bad',
      age: '',
      spoken: 'no count, failing: server or network, retrying',
    });
  });

  it("shows a closed room's last count as history: muted, never with a change, said as such", () => {
    const closedAt = new Date(2026, 11, 3, 20, 14).getTime();
    const row = describeRoom(
      roomView({ online: 500, state: 'closed', current: false, status: 'stopped', stoppedAt: closedAt }),
      en,
      60_000,
      '15m',
    );
    expect(row).toMatchObject({
      count: '500',
      historic: true,
      windowChange: '',
      state: 'closed at 20:14',
      tone: 'muted',
    });
    expect(row.spoken).toMatch(/^500 when it closed at 20:14, closed at 20:14/);
    expect(describeRoom(roomView(), en, 0, '15m').historic).toBe(false);
  });

  it("gives a wall's tile the same words as the room's row, in every state and both languages", () => {
    const closedAt = new Date(2026, 11, 3, 20, 14).getTime();
    const rooms = [
      roomView(),
      roomView({ label: 'Main stage', online: 1_234_567 }),
      roomView({ online: null, state: 'waiting', current: false, status: 'waiting' }),
      roomView({ state: 'failing', current: false, online: null, error: { kind: 'auth', message: '' } }),
      roomView({ state: 'failing', current: false, online: 80, error: null }),
      roomView({ state: 'closed', current: false, online: 500, stoppedAt: closedAt }),
      roomView({ state: 'closed', current: false, online: null, stoppedAt: null }),
      roomView({ state: 'stale', current: false, online: 42 }),
      roomView({ state: 'not-found', current: false, online: null }),
      roomView({ state: 'not-live-room', current: false, online: null }),
      roomView({ state: 'invalid-group', current: false, online: null }),
    ];
    for (const tr of [en, zh])
      for (const room of rooms) {
        const { name, count, countWords, state, stateKey, tone } = describeRoom(room, tr, 5000, '15m');
        expect(describeTile(room, tr)).toEqual({ name, count, countWords, state, stateKey, tone });
      }
  });

  it('falls back to the group id when a room has no label', () => {
    expect(describeRoom(roomView({ groupId: '@TGS#abc' }), en, 0, '15m').name).toBe('@TGS#abc');
  });

  it('speaks Chinese with the same numbers', () => {
    const row = describeRoom(roomView({ online: 12345, change1m: 120 }), zh, 65_000, '15m');
    expect(row).toMatchObject({
      count: '12,345',
      state: '实时',
      age: '1 分钟前',
      spoken: '12,345 人在线，近 1 分钟增加 120 人，近 15 分钟减少 25 人，实时，1 分钟前',
    });
  });

  it('words ages in seconds, minutes and hours', () => {
    expect(ageWords(400, en)).toBe('just now');
    expect(ageWords(1400, zh)).toBe('刚刚');
    expect(ageWords(2000, en)).toBe('2 s ago');
    expect(ageWords(59_400, en)).toBe('59 s ago');
    expect(ageWords(125_000, en)).toBe('2 min ago');
    expect(ageWords(7_200_000, zh)).toBe('2 小时前');
    expect(ageWords(null, en)).toBe('');
  });

  it('details where the room is, its peak, a snooze, the failure and whether it can be retried', () => {
    const peakAt = new Date(2025, 0, 1, 20, 15).getTime();
    const detail = describeDetail(
      roomView({
        groupId: '@TGS#a',
        status: 'stopped',
        peak: { online: 15000, at: peakAt },
        snoozedUntil: new Date(2025, 0, 1, 21, 0).getTime(),
        error: { kind: 'group-gone', code: 10010, message: 'The room does not exist.' },
      }),
      'Events SG',
      en,
    );
    expect(detail).toEqual({
      lines: ['Room id @TGS#a in Events SG', 'Peak 15,000 at 20:15', 'Alerts snoozed until 21:00'],
      problem: 'The room does not exist or was disbanded: polling it stopped. (code 10010)',
      canRetry: true,
    });
    expect(describeDetail(roomView(), 'Events SG', zh)).toEqual({
      lines: ['Events SG 中的房间 ID r'],
      problem: null,
      canRetry: false,
    });
  });
});
