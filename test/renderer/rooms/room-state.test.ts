import { describe, expect, it } from 'vitest';
import { ROOM_STATES } from '../../../main/common/room-states';
import { translator } from '../../../renderer/i18n/translator';
import { stateLine } from '../../../renderer/rooms/room-rows';
import { errorState, roomState } from '../../../renderer/rooms/room-state';
import { roomView } from '../support/room-view';

const en = translator('en');
const zh = translator('zh-CN');

describe('a room state in words', () => {
  it("shows the engine's state, never the app's condition", () => {
    expect(roomState(roomView())).toEqual({ key: 'live', tone: 'ok' });
    expect(roomState(roomView({ state: 'stale', current: false }))).toEqual({ key: 'stale', tone: 'warn' });
    expect(roomState(roomView({ state: 'closed', current: false }))).toEqual({
      key: 'closed',
      tone: 'muted',
    });
    expect(roomState(roomView({ state: 'not-found', online: null }))).toEqual({
      key: 'not-found',
      tone: 'bad',
    });
  });

  it('says a failing room with its kind, when a room closed, and what to do about an unknown id', () => {
    const failing = roomView({ state: 'failing', error: { kind: 'transient', message: '' } });
    expect(stateLine(failing, en)).toBe('failing: server or network, retrying');
    expect(stateLine(failing, zh)).toBe('获取失败：服务器或网络，正在重试');
    const closedAt = new Date(2026, 11, 3, 20, 14).getTime();
    expect(stateLine(roomView({ state: 'closed', stoppedAt: closedAt }), en)).toBe('closed at 20:14');
    expect(stateLine(roomView({ state: 'not-found' }), en)).toBe('not found: check the id');
    expect(stateLine(roomView({ state: 'invalid-group' }), en)).toBe('invalid id');
  });

  it('has words for every state in both languages', () => {
    for (const state of ROOM_STATES)
      for (const tr of [en, zh])
        expect(stateLine(roomView({ state }), tr)).not.toMatch(/^roomState\.|^row\./);
  });

  it('keeps the words alerts use for an error kind', () => {
    expect(errorState('group-gone')).toBe('roomClosed');
    expect(errorState('auth')).toBe('credentialsRejected');
    expect(errorState('transient')).toBe('failing');
  });
});
