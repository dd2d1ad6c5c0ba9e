import { describe, expect, it } from 'vitest';
import { translator } from '../../renderer/i18n/translator';
import { RoomStore } from '../../renderer/room-store';
import { profileView, roomView } from './support/room-view';

describe('the room store', () => {
  it('tells whether a push may move rooms for the current sort', () => {
    const store = new RoomStore(() => 0);
    const room = roomView({ online: 10, change1m: 1 });
    expect(store.update([room], 'count')).toBe(true);
    expect(store.update([{ ...room, ageMs: 500 }], 'count')).toBe(false);
    expect(store.update([{ ...room, online: 11 }], 'count')).toBe(true);
    expect(store.update([{ ...room, online: 12 }], 'name')).toBe(false);
    expect(store.update([{ ...room, online: 12, change1m: 5 }], 'change')).toBe(true);
    expect(store.update([{ ...room, online: 12, change1m: 5, pinned: true }], 'name')).toBe(true);
    expect(store.update([{ ...room, online: 12, change1m: 5, pinned: true, label: 'New' }], 'name')).toBe(
      true,
    );
  });

  it('keeps the total as rooms change, come and go', () => {
    const store = new RoomStore(() => 0);
    store.replace([roomView({ online: 100 }), roomView({ groupId: 's', online: null })], []);
    expect(store.total()).toEqual({ online: 100, rooms: 2, missing: 1 });
    store.update(
      [roomView({ online: 250 }), roomView({ groupId: 's', online: 5 }), roomView({ groupId: 't' })],
      'count',
    );
    expect(store.total()).toEqual({ online: 250 + 5 + 1234, rooms: 3, missing: 0 });
    store.update([roomView({ online: null })], 'count');
    store.remove(['p/t', 'p/unknown']);
    expect(store.total()).toEqual({ online: 5, rooms: 2, missing: 1 });
  });

  it('ages a count from when its view came, not from the page clock', () => {
    let now = 1000;
    const store = new RoomStore(() => now);
    store.update([roomView({ ageMs: 3000 })], 'count');
    expect(store.ageOf('p/r')).toBe(3000);
    now = 8000;
    expect(store.ageOf('p/r')).toBe(10_000);
    store.update([roomView({ groupId: 'none', ageMs: null })], 'count');
    expect(store.ageOf('p/none')).toBeNull();
  });

  it('gives the list its rows, details and headings from what was pushed', () => {
    const store = new RoomStore(() => 0);
    store.replace(
      [roomView({ online: 100 }), roomView({ groupId: 's', online: null, status: 'waiting', ageMs: null })],
      [profileView({ state: 'auth-failed' })],
    );
    const source = store.source(() => translator('en'));
    expect(source.row('p/r')).toMatchObject({ count: '100', state: 'credentials rejected' });
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
