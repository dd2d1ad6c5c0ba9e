import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RoomKey, RoomView } from '../../../main/contract/monitor-api';
import { translator } from '../../../renderer/i18n/translator';
import {
  type ArrangeOptions,
  arrangeRooms,
  nameOrderOf,
  type SortKey,
} from '../../../renderer/rooms/room-order';
import { SortedRooms } from '../../../renderer/rooms/sorted-rooms';
import { roomView } from '../support/room-view';

const HOUR = 3_600_000;
const STATES: RoomView['state'][] = [
  'live',
  'live',
  'live',
  'failing',
  'closed',
  'stale',
  'not-found',
  'waiting',
];
const LABELS = [null, 'Apple', 'apple', 'Zebra 10', 'Zebra 9', '北京', 'Ünder'];
const SORTS: SortKey[] = ['attention', 'count', 'change', 'name'];

/** A small random number generator with a seed, so that a failure can be run again. */
function seeded(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  return {
    next,
    int: (below: number) => Math.floor(next() * below),
    pick: <T>(values: readonly T[]) => values[Math.floor(next() * values.length)] as T,
  };
}

type Random = ReturnType<typeof seeded>;

/** A room as a push might send it: any state, count, change, name, pin, and a close up to 2 h ago. */
function randomRoom(random: Random, groupId: string, profileId: string, now: number): RoomView {
  const state = random.pick(STATES);
  const change = random.next() < 0.2 ? null : random.int(41) - 20;
  return roomView({
    groupId,
    profileId,
    label: random.pick(LABELS),
    state,
    current: state === 'live',
    online: random.next() < 0.1 ? null : random.int(60),
    stoppedAt: state === 'closed' ? (random.next() < 0.2 ? null : now - random.int(2 * HOUR)) : null,
    pinned: random.next() < 0.1,
    changes: {
      '5m': change,
      '15m': random.next() < 0.5 ? change : random.int(41) - 20,
      '30m': null,
      '1h': null,
    },
  });
}

/**
 * Runs `steps` random steps on `rooms` (pushes of a few rooms, rooms added and removed, alerts
 * starting and stopping, the clock moving past closed rooms' hour, now and then another sort or
 * filter, the clock set back), and after each expects the kept order to be the full sort's.
 */
function checkAgainstFullSort(seed: number, size: number, steps: number, withNameOrder: boolean) {
  const random = seeded(seed);
  const compare = translator(random.pick(['en', 'zh-CN'])).compare;
  let now = 10 * HOUR;
  const rooms = new Map<RoomKey, RoomView>();
  let next = 0;
  const add = () => {
    const room = randomRoom(random, `@TGS#${next++}`, random.pick(['p', 'q', 'r']), now);
    rooms.set(room.key, room);
  };
  for (let i = 0; i < size; i++) add();
  let firing = new Set<RoomKey>();
  let options: Omit<ArrangeOptions, 'firing' | 'now' | 'nameOrder' | 'compare'> = {
    sort: 'attention',
    changeWindow: '15m',
    query: '',
    profileOrder: ['q', 'p'],
  };
  // Made again only when names change, as the page does: the same map stands until then.
  let names = nameOrderOf(rooms.values(), compare);
  const sorted = new SortedRooms();
  for (let step = 0; step < steps; step++) {
    const roll = random.next();
    let renamed = false;
    if (roll < 0.6) {
      // A push: a few rooms with new views (a new name now and then).
      const keys = [...rooms.keys()];
      for (let n = 1 + random.int(Math.max(1, size / 20)); n > 0 && keys.length > 0; n--) {
        const key = random.pick(keys);
        const before = rooms.get(key) as RoomView;
        const room = randomRoom(random, before.groupId, before.profileId, now);
        const label = random.next() < 0.9 ? before.label : room.label;
        renamed ||= label !== before.label;
        rooms.set(key, { ...room, label });
      }
    } else if (roll < 0.67) {
      for (let n = 1 + random.int(3); n > 0; n--) add();
      renamed = true;
    } else if (roll < 0.72) {
      const keys = [...rooms.keys()];
      for (let n = 1 + random.int(3); n > 0 && rooms.size > 0; n--) rooms.delete(random.pick(keys));
    } else if (roll < 0.82) {
      firing = new Set(firing);
      const key = random.pick([...rooms.keys()]);
      if (key !== undefined) {
        if (firing.has(key)) firing.delete(key);
        else firing.add(key);
      }
    } else if (roll < 0.94) {
      // Mostly forward; a clock set back now and then.
      now += random.next() < 0.1 ? -random.int(2 * HOUR) : random.int(HOUR / 2);
    } else if (roll < 0.97) {
      options = { ...options, sort: random.pick(SORTS), changeWindow: random.pick(['5m', '15m']) };
    } else {
      options = {
        ...options,
        query: random.pick(['', '', 'zebra', '1', 'failing']),
        state: random.pick([null, null, 'live', 'closed']),
      };
    }
    if (renamed) names = nameOrderOf(rooms.values(), compare);
    const nameOrder = withNameOrder ? names : undefined;
    for (const view of [
      { flat: true, steady: random.next() < 0.5 },
      { flat: false, steady: false },
    ]) {
      const full = { ...options, ...view, firing, now, compare, nameOrder };
      // The same options again: once arranged with other ones, the next arrangement sorts again.
      const wanted = arrangeRooms(rooms.values(), full);
      expect(sorted.arrange(rooms, full), `seed ${seed}, step ${step}`).toEqual(wanted);
      expect(sorted.arrange(rooms, full), `seed ${seed}, step ${step}, again`).toEqual(wanted);
    }
  }
}

describe('the order kept from one arrangement to the next', () => {
  it('is the full sort after each of many random pushes, with and without a name order', () => {
    for (let seed = 1; seed <= 12; seed++) checkAgainstFullSort(seed, 300, 150, seed % 2 === 0);
  });

  it('is the full sort with 10,000 rooms and pushes of a few hundred', () => {
    checkAgainstFullSort(2026, 10_000, 40, true);
  });

  it('is the full sort for any small set of rooms and steps (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 0, max: 40 }),
        fc.boolean(),
        (seed, size, withNameOrder) => checkAgainstFullSort(seed, size, 30, withNameOrder),
      ),
      { numRuns: 60 },
    );
  });

  it('moves a room closed in the last hour among the old closed rooms when its hour ends, with no push', () => {
    const compare = translator('en').compare;
    const closedAt = 5 * HOUR;
    const rooms = new Map(
      [
        roomView({ groupId: 'closed', state: 'closed', current: false, stoppedAt: closedAt }),
        roomView({ groupId: 'live', online: 10 }),
      ].map((room) => [room.key, room]),
    );
    const sorted = new SortedRooms();
    const options = {
      sort: 'attention' as const,
      changeWindow: '15m' as const,
      query: '',
      profileOrder: [],
      compare,
    };
    const order = (now: number) =>
      sorted.arrange(rooms, { ...options, now }).map((entry) => (entry.kind === 'room' ? entry.key : ''));
    expect(order(closedAt + HOUR - 1)).toEqual(['p/closed', 'p/live']);
    expect(order(closedAt + HOUR + 1)).toEqual(['p/live', 'p/closed']);
  });
});
