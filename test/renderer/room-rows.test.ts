import { describe, expect, it } from 'vitest';
import type { ProfileView, RoomView } from '../../main/contract/monitor-api';
import { ageWords, banners, roomRow, sortRooms, total } from '../../renderer/room-rows';

function room(overrides: Partial<RoomView>): RoomView {
  return {
    key: 'p/r',
    profileId: 'p',
    groupId: 'r',
    label: null,
    status: 'live',
    online: 1234,
    measuredAt: 0,
    ageMs: 3000,
    change1m: 12,
    error: null,
    peak: null,
    pinned: false,
    snoozedUntil: null,
    ...overrides,
  };
}

describe('room rows', () => {
  it('shows a live count with separators, its change and age', () => {
    expect(roomRow(room({ label: 'Launch Day', change1m: -30 }))).toMatchObject({
      name: 'Launch Day',
      count: '1,234',
      change: '−30',
      changeDirection: 'down',
      state: 'live',
      tone: 'ok',
      age: '3 s ago',
    });
  });

  it('never shows a failure as 0', () => {
    const failing = roomRow(room({ status: 'failing', online: null, change1m: null, ageMs: null }));
    expect(failing).toMatchObject({ count: '—', state: 'failing, retrying', tone: 'bad', change: '' });
  });

  it('says why a room stopped', () => {
    const error = (kind: 'group-gone' | 'not-live-room' | 'invalid-group') => ({ kind, message: '' });
    expect(roomRow(room({ status: 'stopped', error: error('group-gone') })).state).toBe('room closed');
    expect(roomRow(room({ status: 'stopped', error: error('not-live-room') })).state).toBe('not a live room');
    expect(roomRow(room({ status: 'stopped', error: error('invalid-group') })).state).toBe(
      'not a valid room id',
    );
  });

  it('puts pinned rooms first, then the biggest, rooms without a count last', () => {
    const order = sortRooms([
      room({ key: 'a', groupId: 'a', online: 5 }),
      room({ key: 'b', groupId: 'b', online: null }),
      room({ key: 'c', groupId: 'c', online: 900 }),
      room({ key: 'd', groupId: 'd', online: 1, pinned: true }),
    ]).map((r) => r.key);
    expect(order).toEqual(['d', 'c', 'a', 'b']);
  });

  it('totals what is measured and says how many rooms have no count', () => {
    expect(total([room({ online: 1000 }), room({ online: 234 }), room({ online: null })])).toEqual({
      text: '1,234',
      missing: 1,
    });
    expect(ageWords(125_000)).toBe('2 min ago');
  });

  it('explains demo mode, a missing key and a stretched interval above the list', () => {
    const profile = (overrides: Partial<ProfileView>): ProfileView => ({
      id: 'p',
      label: 'Events',
      sdkAppId: 1,
      identifier: 'admin',
      region: 'singapore',
      endpoint: null,
      keyStorage: 'protected',
      keyStorageNote: '',
      state: 'running',
      reason: null,
      plan: {
        rooms: 3000,
        requestedIntervalS: 10,
        effectiveIntervalS: 15.375,
        stretched: false,
        callsPerSecond: 195,
        capPerSecond: 200,
      },
      ...overrides,
    });
    const lines = banners({ demo: true, paused: false, notices: [] }, [
      profile({ keyStorage: 'needs-key' }),
      profile({ label: 'Big', plan: { ...profile({}).plan, stretched: true } }),
    ]);
    expect(lines).toEqual([
      'Demo mode: the built-in simulator plays a show. Add your app in Settings to watch real rooms.',
      'Events: enter the secret key in Settings to start polling.',
      'Big: 3000 rooms do not fit 200 calls/s, so each is polled every 15.4 s.',
    ]);
  });
});
