import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trayText } from '../../main/shell/tray-text';
import { roomView } from './room-view';

const failure = { kind: 'transient' as const, message: 'The server did not answer; retrying.' };

describe('trayText, the sum', () => {
  it('adds up every counted room', () => {
    const text = trayText([roomView('a', 12_000), roomView('b', 345)], 'sum');
    expect(text).toEqual({
      icon: '12k',
      title: '12.3k',
      tooltip: '12,345 online in 2 rooms',
      failing: false,
    });
  });

  it('says how many rooms are failing and keeps their last real count', () => {
    const rooms = [roomView('a', 1_000), roomView('b', 200, { status: 'failing', error: failure })];
    const text = trayText(rooms, 'sum');
    expect(text.title).toBe('1,200');
    expect(text.tooltip).toBe('1,200 online in 2 rooms · 1 failing');
    expect(text.failing).toBe(true);
  });

  it('leaves out rooms that are gone and rooms with no count yet', () => {
    const rooms = [
      roomView('a', 1_000),
      roomView('b', 500, { status: 'stopped', error: { kind: 'group-gone', message: 'Disbanded.' } }),
      roomView('c', null),
    ];
    expect(trayText(rooms, 'sum').tooltip).toBe('1,000 online in 1 of 3 rooms · 1 failing');
  });

  it('mentions stale counts', () => {
    const text = trayText([roomView('a', 10), roomView('b', 5, { status: 'stale' })], 'sum');
    expect(text.tooltip).toBe('15 online in 2 rooms · 1 stale');
  });

  it('shows "!" rather than 0 when every room is failing', () => {
    const rooms = [
      roomView('a', null, { status: 'failing', error: failure }),
      roomView('b', null, { status: 'failing' }),
    ];
    expect(trayText(rooms, 'sum')).toEqual({
      icon: '!',
      title: '!',
      tooltip: 'No count: 2 rooms failing',
      failing: true,
    });
  });

  it('shows "—" while waiting for the first counts, and nothing with no rooms', () => {
    expect(trayText([roomView('a', null)], 'sum').icon).toBe('—');
    expect(trayText([], 'sum')).toEqual({ icon: '', title: '', tooltip: 'No rooms yet', failing: false });
  });

  it('never reads 0 unless some room really counted 0', () => {
    const room = fc.record({
      online: fc.option(fc.integer({ min: 1, max: 1e6 }), { nil: null }),
      status: fc.constantFrom('waiting', 'live', 'stale', 'failing', 'stopped' as const),
    });
    fc.assert(
      fc.property(fc.array(room, { maxLength: 8 }), (specs) => {
        const rooms = specs.map((spec, i) =>
          roomView(`g${i}`, spec.online, {
            status: spec.online === null && spec.status !== 'failing' ? 'waiting' : spec.status,
          }),
        );
        const text = trayText(rooms, 'sum');
        expect(text.icon).not.toBe('0');
        expect(text.title).not.toBe('0');
      }),
    );
  });
});

describe('trayText, one pinned room', () => {
  const rooms = [roomView('a', 12_345, { label: 'Launch Day' }), roomView('b', 7)];

  it('shows that room with its label', () => {
    expect(trayText(rooms, { roomKey: 'p/a' })).toEqual({
      icon: '12k',
      title: '12.3k',
      tooltip: 'Launch Day: 12,345 online',
      failing: false,
    });
  });

  it('falls back to the sum when the room is no longer watched', () => {
    expect(trayText(rooms, { roomKey: 'p/gone' }).tooltip).toBe('12,352 online in 2 rooms');
  });

  it('keeps a failing room’s last count and says it is not current', () => {
    const text = trayText([roomView('a', 900, { status: 'failing', error: failure })], { roomKey: 'p/a' });
    expect(text).toEqual({
      icon: '900',
      title: '900',
      tooltip: 'a: 900 online (last count; failing)',
      failing: true,
    });
  });

  it('shows "!" with the reason for a room that is gone or never counted', () => {
    const gone = roomView('a', 900, {
      status: 'stopped',
      error: { kind: 'group-gone', message: 'The room was disbanded.' },
    });
    expect(trayText([gone], { roomKey: 'p/a' })).toEqual({
      icon: '!',
      title: '!',
      tooltip: 'a: The room was disbanded.',
      failing: true,
    });
    const never = roomView('a', null, { status: 'failing', error: failure });
    expect(trayText([never], { roomKey: 'p/a' }).icon).toBe('!');
  });

  it('shows "—" for a room waiting for its first count', () => {
    expect(trayText([roomView('a', null)], { roomKey: 'p/a' }).tooltip).toBe(
      'a: waiting for the first count',
    );
  });
});
