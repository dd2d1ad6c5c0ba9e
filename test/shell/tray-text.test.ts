import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROOM_STATES } from '../../main/common/room-states';
import type { RoomView } from '../../main/contract/monitor-api';
import { trayText } from '../../main/shell/tray-text';
import { summaryOf } from '../support/view-parts';
import { roomView } from './room-view';

const failure = { kind: 'transient' as const, message: 'The server did not answer; retrying.' };
const gone = { kind: 'group-gone' as const, message: 'The room does not exist or was disbanded.' };
const snapshot = (rooms: RoomView[]) => ({ rooms, summary: summaryOf(rooms) });
const off = (state: RoomView['state'], fields: Partial<RoomView> = {}): Partial<RoomView> => ({
  state,
  current: false,
  ...fields,
});

describe('trayText, the sum by the totals rule', () => {
  it('adds up every room with a current count', () => {
    const text = trayText(snapshot([roomView('a', 12_000), roomView('b', 345)]), 'sum');
    expect(text).toEqual({
      icon: '12k',
      title: '12.3k',
      tooltip: '12,345 online in 2 rooms',
      failing: false,
    });
  });

  it('leaves out a closed room’s last count: 4,321 and 1,000 live with one closed at 500 make 5,321', () => {
    const rooms = [
      roomView('a', 4_321),
      roomView('b', 1_000),
      roomView('c', 500, off('closed', { status: 'stopped', error: gone })),
    ];
    const text = trayText(snapshot(rooms), 'sum');
    expect(text.title).toBe('5,321');
    expect(text.tooltip).toBe('5,321 online in 2 of 3 rooms · 1 closed');
    // A room that ended is news, not a fault: the number is true.
    expect(text.failing).toBe(false);
  });

  it('leaves out failing and stale counts, and says how many rooms are in each state', () => {
    const rooms = [
      roomView('a', 1_000),
      roomView('b', 200, off('failing', { status: 'failing', error: failure })),
      roomView('c', 70, off('stale', { status: 'stale' })),
      roomView('d', null, off('not-found', { status: 'stopped', error: gone })),
      roomView('e', null),
    ];
    const text = trayText(snapshot(rooms), 'sum');
    expect(text.title).toBe('1,000');
    expect(text.tooltip).toBe('1,000 online in 1 of 5 rooms · 1 stale · 1 failing · 1 not found · 1 waiting');
    expect(text.failing).toBe(true);
  });

  it('shows "!" rather than 0 when no room has a current count because they fail', () => {
    const rooms = [
      roomView('a', null, off('failing', { status: 'failing', error: failure })),
      roomView('b', 40, off('failing', { status: 'failing' })),
    ];
    expect(trayText(snapshot(rooms), 'sum')).toEqual({
      icon: '!',
      title: '!',
      tooltip: 'No current count · 2 failing',
      failing: true,
    });
  });

  it('shows "—" while waiting for the first counts or while paused, and nothing with no rooms', () => {
    expect(trayText(snapshot([roomView('a', null)]), 'sum').icon).toBe('—');
    const paused = trayText(snapshot([roomView('a', 5, off('paused'))]), 'sum');
    expect(paused).toMatchObject({ icon: '—', tooltip: 'No current count · 1 paused', failing: false });
    expect(trayText(snapshot([]), 'sum')).toEqual({
      icon: '',
      title: '',
      tooltip: 'No rooms yet',
      failing: false,
    });
  });

  it('never reads 0 unless some room with a current count really counted 0', () => {
    const room = fc.record({
      online: fc.option(fc.integer({ min: 1, max: 1e6 }), { nil: null }),
      state: fc.constantFrom(...ROOM_STATES),
    });
    fc.assert(
      fc.property(fc.array(room, { maxLength: 8 }), (specs) => {
        const rooms = specs.map((spec, i) =>
          roomView(`g${i}`, spec.online, {
            state: spec.online === null && spec.state === 'live' ? 'waiting' : spec.state,
            current: spec.online !== null && spec.state === 'live',
          }),
        );
        const text = trayText(snapshot(rooms), 'sum');
        expect(text.icon).not.toBe('0');
        expect(text.title).not.toBe('0');
      }),
    );
  });
});

describe('trayText, one pinned room', () => {
  const rooms = [roomView('a', 12_345, { label: 'Launch Day' }), roomView('b', 7)];

  it('shows that room with its label', () => {
    expect(trayText(snapshot(rooms), { roomKey: 'p/a' })).toEqual({
      icon: '12k',
      title: '12.3k',
      tooltip: 'Launch Day: 12,345 online',
      failing: false,
    });
  });

  it('falls back to the sum when the room is no longer watched', () => {
    expect(trayText(snapshot(rooms), { roomKey: 'p/gone' }).tooltip).toBe('12,352 online in 2 rooms');
  });

  it('keeps a failing room’s last count and says it is not current', () => {
    const failingRoom = roomView('a', 900, off('failing', { status: 'failing', error: failure }));
    expect(trayText(snapshot([failingRoom]), { roomKey: 'p/a' })).toEqual({
      icon: '900',
      title: '900',
      tooltip: 'a: 900 online (last count; failing) - The server did not answer; retrying.',
      failing: true,
    });
  });

  it('says a closed room’s last count as history, and "!" for an id that was never found', () => {
    const stoppedAt = new Date(2026, 11, 3, 20, 14).getTime();
    const closed = roomView(
      'a',
      900,
      off('closed', { status: 'stopped', error: gone, label: 'Encore', stoppedAt }),
    );
    expect(trayText(snapshot([closed]), { roomKey: 'p/a' })).toEqual({
      icon: '—',
      title: '—',
      tooltip: 'Encore: closed at 20:14, 900 when it closed',
      failing: false,
    });
    const never = roomView('a', null, off('not-found', { status: 'stopped', error: gone }));
    expect(trayText(snapshot([never]), { roomKey: 'p/a' })).toEqual({
      icon: '!',
      title: '!',
      tooltip: 'a: The room does not exist or was disbanded.',
      failing: true,
    });
  });

  it('shows "—" for a room waiting for its first count', () => {
    expect(trayText(snapshot([roomView('a', null)]), { roomKey: 'p/a' }).tooltip).toBe(
      'a: waiting for the first count',
    );
  });
});
