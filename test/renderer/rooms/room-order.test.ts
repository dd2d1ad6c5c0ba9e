import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoomView } from '../../../main/contract/monitor-api';
import { translator } from '../../../renderer/i18n/translator';
import {
  arrangeRooms,
  type ListEntry,
  matchesQuery,
  nameOrderOf,
  roomComparator,
  type SortKey,
} from '../../../renderer/rooms/room-order';
import { roomView } from '../support/room-view';

const compare = translator('en').compare;
const room = (groupId: string, overrides: Partial<RoomView> = {}) => roomView({ groupId, ...overrides });
const keys = (rooms: RoomView[]) => rooms.map((r) => r.groupId);
/** Changes over 5 and 15 minutes; none known over 30 minutes and an hour. */
const changes = (m5: number | null, m15: number | null): RoomView['changes'] => ({
  '5m': m5,
  '15m': m15,
  '30m': null,
  '1h': null,
});
const shown = (entries: ListEntry[]) =>
  entries.map((entry) => (entry.kind === 'room' ? entry.key : `# ${entry.profileId ?? 'pinned'}`));

describe('the order of the room list', () => {
  const rooms = [
    room('a', { online: 5, change1m: -40, changes: changes(10, -400) }),
    room('b', { online: null, change1m: null, changes: changes(null, null) }),
    room('c', { online: 900, change1m: 10, changes: changes(-300, 10) }),
    room('d', { online: 40, change1m: 400, changes: changes(300, 400), label: 'Zebra' }),
    room('e', { online: 40, change1m: 0, changes: changes(null, 0), label: 'Apple' }),
  ];

  it('sorts by count, biggest first, rooms without a count last, ties by name', () => {
    expect(keys([...rooms].sort(roomComparator('count', compare, '15m')))).toEqual(['c', 'e', 'd', 'a', 'b']);
  });

  it('sorts by the size of the change over the chosen window, a rise before an equal drop, unknown last', () => {
    expect(keys([...rooms].sort(roomComparator('change', compare, '15m')))).toEqual([
      'd',
      'a',
      'c',
      'e',
      'b',
    ]);
    expect(keys([...rooms].sort(roomComparator('change', compare, '5m')))).toEqual(['d', 'c', 'a', 'e', 'b']);
    // Nothing known over an hour yet: every room ties, and the names decide.
    expect(keys([...rooms].sort(roomComparator('change', compare, '1h')))).toEqual(['a', 'e', 'b', 'c', 'd']);
    const arranged = (changeWindow: '5m' | '15m') =>
      arrangeRooms(rooms, { sort: 'change', changeWindow, query: '', profileOrder: ['p'], compare });
    expect(shown(arranged('15m'))).toEqual(['p/d', 'p/a', 'p/c', 'p/e', 'p/b']);
    expect(shown(arranged('5m'))).toEqual(['p/d', 'p/c', 'p/a', 'p/e', 'p/b']);
  });

  it('sorts by name (the label, else the id) the locale way', () => {
    expect(keys([...rooms].sort(roomComparator('name', compare, '15m')))).toEqual(['a', 'e', 'b', 'c', 'd']);
    const zh = [room('x', { label: '北京' }), room('y', { label: '阿里' })];
    expect(keys(zh.sort(roomComparator('name', translator('zh-CN').compare, '15m')))).toEqual(['y', 'x']);
  });

  it('filters by label or id, ignoring case and surrounding spaces', () => {
    expect(matchesQuery({ label: 'Launch Day', groupId: '@TGS#1', state: 'live' }, '  launch ')).toBe(true);
    expect(matchesQuery({ label: null, groupId: '@TGS#AbC', state: 'live' }, 'tgs#abc')).toBe(true);
    expect(matchesQuery({ label: 'Launch Day', groupId: '@TGS#1', state: 'live' }, 'yoga')).toBe(false);
    expect(matchesQuery({ label: null, groupId: 'x', state: 'live' }, '   ')).toBe(true);
  });

  it('also matches state words, in English and in Chinese whatever the UI language', () => {
    const failing = { label: 'Launch Day', groupId: '@TGS#1', state: 'failing' as const };
    expect(matchesQuery(failing, 'failing')).toBe(true);
    expect(matchesQuery(failing, '获取失败')).toBe(true);
    expect(matchesQuery(failing, 'closed')).toBe(false);
    expect(matchesQuery({ ...failing, state: 'not-found' }, 'not found')).toBe(true);
    expect(matchesQuery({ ...failing, state: 'closed' }, '已关闭')).toBe(true);
  });

  it('filters to exactly the rooms of a state chip', () => {
    const mixed = [
      room('a', { state: 'failing', current: false }),
      room('b'),
      room('c', { state: 'failing', current: false, label: 'Failing too' }),
      room('d', { state: 'stale', current: false }),
    ];
    const entries = arrangeRooms(mixed, {
      sort: 'name',
      changeWindow: '15m',
      query: '',
      profileOrder: ['p'],
      compare,
      state: 'failing',
    });
    expect(shown(entries)).toEqual(['p/a', 'p/c']);
  });

  it('"Needs attention": firing alerts, failing, closed in the last hour, unknown ids, stale, drops, then the rest', () => {
    const now = Date.UTC(2026, 11, 3, 14, 0);
    const mixed = [
      room('big', { online: 90_000, changes: changes(0, 500) }),
      room('drop-small', { online: 800, changes: changes(0, -20) }),
      room('closed-old', { online: 500, state: 'closed', current: false, stoppedAt: now - 3 * 3_600_000 }),
      room('stale', { online: 70, state: 'stale', current: false }),
      room('drop-big', { online: 700, changes: changes(0, -2700) }),
      room('typo', { online: null, state: 'not-found', current: false }),
      room('closed-new', { online: 500, state: 'closed', current: false, stoppedAt: now - 600_000 }),
      room('failing', { online: null, state: 'failing', current: false }),
      room('alerting', { online: 4321 }),
      room('small', { online: 5, changes: changes(0, 3) }),
    ];
    const entries = arrangeRooms(mixed, {
      sort: 'attention',
      changeWindow: '15m',
      query: '',
      profileOrder: ['p'],
      compare,
      firing: new Set(['p/alerting']),
      now,
    });
    expect(shown(entries)).toEqual([
      'p/alerting',
      'p/failing',
      'p/closed-new',
      'p/typo',
      'p/stale',
      'p/drop-big',
      'p/drop-small',
      'p/big',
      'p/small',
      'p/closed-old',
    ]);
  });

  it('sorts "Most online" by current counts only: a closed room\'s last count is not online', () => {
    const mixed = [
      room('closed', { online: 9000, state: 'closed', current: false }),
      room('live', { online: 10 }),
    ];
    expect(keys(mixed.sort(roomComparator('count', compare, '15m')))).toEqual(['live', 'closed']);
  });

  it('puts pinned rooms first and, with one app profile, shows no headings', () => {
    const entries = arrangeRooms([...rooms, room('f', { online: 1, pinned: true })], {
      sort: 'count',
      changeWindow: '15m',
      query: '',
      profileOrder: ['p'],
      compare,
    });
    expect(shown(entries)).toEqual(['p/f', 'p/c', 'p/e', 'p/d', 'p/a', 'p/b']);
  });

  it('heads each app profile and the pinned rooms when rooms of several profiles are listed', () => {
    const mixed = [
      room('a', { profileId: 'one', online: 10 }),
      room('b', { profileId: 'two', online: 30 }),
      room('c', { profileId: 'one', online: 20, pinned: true }),
      room('d', { profileId: 'two', online: 5, label: 'Yoga' }),
      room('e', { profileId: 'three', online: 1 }),
    ];
    const entries = arrangeRooms(mixed, {
      sort: 'count',
      changeWindow: '15m',
      query: '',
      profileOrder: ['two', 'one'],
      compare,
    });
    expect(shown(entries)).toEqual([
      '# pinned',
      'one/c',
      '# two',
      'two/b',
      'two/d',
      '# one',
      'one/a',
      '# three',
      'three/e',
    ]);
    expect(entries[2]).toEqual({
      kind: 'heading',
      id: 'profile:two',
      profileId: 'two',
      keys: ['two/b', 'two/d'],
    });

    const filtered = arrangeRooms(mixed, {
      sort: 'count',
      changeWindow: '15m',
      query: 'yoga',
      profileOrder: ['two', 'one'],
      compare,
    });
    expect(shown(filtered)).toEqual(['# two', 'two/d']);
  });
});

describe('the order by a name order made once', () => {
  const STATES: RoomView['state'][] = ['live', 'live', 'live', 'failing', 'closed', 'stale', 'not-found'];
  const labels = [null, 'Apple', 'apple', '北京', '阿里', 'Zebra 10', 'Zebra 9', 'Ünder'];
  const roomArb = fc.record({
    label: fc.constantFrom(...labels),
    online: fc.option(fc.integer({ min: 0, max: 50 })),
    change: fc.option(fc.integer({ min: -20, max: 20 })),
    state: fc.constantFrom(...STATES),
    pinned: fc.boolean(),
    profile: fc.constantFrom('p', 'q'),
  });

  it('arranges exactly as collating names each time, for every sort and language', () => {
    fc.assert(
      fc.property(
        fc.array(roomArb, { maxLength: 40 }),
        fc.constantFrom<SortKey>('attention', 'count', 'change', 'name'),
        fc.constantFrom('en', 'zh-CN'),
        fc.boolean(),
        (specs, sort, locale, steady) => {
          const rooms = specs.map((spec, i) =>
            roomView({
              groupId: `@TGS#${(i * 7) % 11}-${i}`,
              profileId: spec.profile,
              label: spec.label,
              online: spec.online,
              current: spec.state === 'live',
              state: spec.state,
              pinned: spec.pinned,
              stoppedAt: spec.state === 'closed' ? 0 : null,
              changes: changes(spec.change, spec.change),
            }),
          );
          const { compare } = translator(locale);
          const options = {
            sort,
            changeWindow: '15m' as const,
            query: '',
            profileOrder: ['p', 'q'],
            compare,
          };
          for (const flat of [false, true]) {
            const plain = arrangeRooms(rooms, { ...options, flat, steady });
            const ordered = arrangeRooms(rooms, {
              ...options,
              flat,
              steady,
              nameOrder: nameOrderOf(rooms, compare),
            });
            expect(ordered).toEqual(plain);
          }
        },
      ),
    );
  });
});
