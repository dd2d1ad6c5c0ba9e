import { describe, expect, it } from 'vitest';
import { translator } from '../../../renderer/i18n/translator';
import { RoomStore } from '../../../renderer/rooms/room-store';
import { profileView, roomView } from '../support/room-view';

describe('the room store', () => {
  it('tells whether a push may move rooms for the current sort', () => {
    const store = new RoomStore(() => 0);
    const room = roomView({ online: 10, change1m: 1 });
    expect(store.update([room], 'count', '15m')).toBe(true);
    expect(store.update([{ ...room, ageMs: 500 }], 'count', '15m')).toBe(false);
    expect(store.update([{ ...room, online: 11 }], 'count', '15m')).toBe(true);
    expect(store.update([{ ...room, online: 12 }], 'name', '15m')).toBe(false);
    expect(store.update([{ ...room, online: 12, pinned: true }], 'name', '15m')).toBe(true);
    expect(store.update([{ ...room, online: 12, pinned: true, label: 'New' }], 'name', '15m')).toBe(true);
  });

  it('re-sorts by change only when the change over the chosen window moved', () => {
    const store = new RoomStore(() => 0);
    const room = roomView({ change1m: 1, changes: { '5m': 40, '15m': -25, '30m': null, '1h': null } });
    store.update([room], 'change', '15m');
    // The last minute's change alone moves nothing: the order is by the chosen window.
    expect(store.update([{ ...room, change1m: 9 }], 'change', '15m')).toBe(false);
    const fiveMinutesMoved = { ...room, changes: { ...room.changes, '5m': 70 } };
    expect(store.update([fiveMinutesMoved], 'change', '15m')).toBe(false);
    expect(
      store.update([{ ...fiveMinutesMoved, changes: { ...room.changes, '5m': 90 } }], 'change', '5m'),
    ).toBe(true);
    expect(store.update([{ ...room, changes: { ...room.changes, '15m': 300 } }], 'change', '15m')).toBe(true);
    expect(store.update([{ ...room, changes: { ...room.changes, '1h': 5 } }], 'change', '1h')).toBe(true);
  });

  it('keeps the total as rooms change, come and go', () => {
    const store = new RoomStore(() => 0);
    store.replace([roomView({ online: 100 }), roomView({ groupId: 's', online: null })], []);
    expect(store.total()).toEqual({ online: 100, rooms: 2, missing: 1 });
    store.update(
      [roomView({ online: 250 }), roomView({ groupId: 's', online: 5 }), roomView({ groupId: 't' })],
      'count',
      '15m',
    );
    expect(store.total()).toEqual({ online: 250 + 5 + 1234, rooms: 3, missing: 0 });
    store.update([roomView({ online: null })], 'count', '15m');
    store.remove(['p/t', 'p/unknown']);
    expect(store.total()).toEqual({ online: 5, rooms: 2, missing: 1 });
  });

  it('ages a count from when its view came, not from the page clock', () => {
    let now = 1000;
    const store = new RoomStore(() => now);
    store.update([roomView({ ageMs: 3000 })], 'count', '15m');
    expect(store.ageOf('p/r')).toBe(3000);
    now = 8000;
    expect(store.ageOf('p/r')).toBe(10_000);
    store.update([roomView({ groupId: 'none', ageMs: null })], 'count', '15m');
    expect(store.ageOf('p/none')).toBeNull();
  });

  it('gives the list its rows, details and headings from what was pushed', () => {
    const store = new RoomStore(() => 0);
    store.replace(
      [
        roomView({ online: 100 }),
        roomView({ groupId: 's', online: null, status: 'waiting', state: 'waiting', ageMs: null }),
      ],
      // The app's condition is said once, in the banner: the room keeps its own state.
      [profileView({ state: 'rate-limited' })],
    );
    const source = store.source(
      () => translator('en'),
      () => '15m',
    );
    expect(source.row('p/r')).toMatchObject({
      count: '100',
      state: 'live',
      windowChange: '−25',
      window: '/ 15 min',
    });
    expect(source.row('p/missing')).toBeNull();
    expect(source.detail('p/r')?.lines).toEqual(['Room id r in Events']);
    expect(
      source.heading({ kind: 'heading', id: 'profile:p', profileId: 'p', keys: ['p/r', 'p/s'] }),
    ).toEqual({
      title: 'Events',
      meta: '2 rooms, 100 online',
    });
    store.remove(['p/r']);
    expect(source.row('p/r')).toBeNull();
  });
});
