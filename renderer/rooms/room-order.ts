/** The order of the room list: filter, sort, pinned rooms first, a heading per app profile. Pure. */
import type { ChangeWindow, RoomKey, RoomState, RoomView } from '../../main/contract/monitor-api';
import { attentionComparator } from './attention-order';
import { roomName } from './room-rows';
import { stateMatches } from './state-words';

/**
 * The rooms that need a person first, most online first (current counts only), biggest change
 * over the chosen window first (either way), or by name.
 */
export type SortKey = 'attention' | 'count' | 'change' | 'name';

/** One line of the list: a room, or a heading over the rooms that follow it. */
export type ListEntry =
  | { kind: 'room'; key: RoomKey }
  /** `profileId` null heads the pinned rooms; `keys` are the rooms under the heading. */
  | { kind: 'heading'; id: string; profileId: string | null; keys: RoomKey[] };

/** How to arrange the list: the sort, the filter text, and the profiles' order and names' collation. */
export interface ArrangeOptions {
  sort: SortKey;
  /** The window "by change" compares. */
  changeWindow: ChangeWindow;
  query: string;
  /** App profiles in the order their groups are shown. */
  profileOrder: readonly string[];
  /** Name comparison for the UI's language. */
  compare: (a: string, b: string) => number;
  /** Only rooms in this state (a state chip), or every room. */
  state?: RoomState | null;
  /** The rooms with an alert firing now, for "Needs attention". */
  firing?: ReadonlySet<RoomKey>;
  /** Epoch ms now, for "closed in the last hour". */
  now?: number;
  /** One sorted list with no pinned rooms first and no headings (the table and the wall). */
  flat?: boolean;
  /** "Needs attention" with the calm rooms by name, so that counts moving do not reshuffle them (the wall). */
  steady?: boolean;
  /**
   * Each room's place in name order, from {@link nameOrderOf} with the same `compare`: a sort of
   * 2,000 rooms then compares numbers rather than collating names tens of thousands of times.
   */
  nameOrder?: ReadonlyMap<RoomKey, number>;
}

/** Each room's place among `rooms` by name (the locale's way), ties by key: see {@link ArrangeOptions.nameOrder}. */
export function nameOrderOf(
  rooms: Iterable<RoomView>,
  compare: (a: string, b: string) => number,
): Map<RoomKey, number> {
  const named = [...rooms].map((room) => ({ key: room.key, name: roomName(room) }));
  named.sort((a, b) => compare(a.name, b.name) || (a.key < b.key ? -1 : 1));
  return new Map(named.map((room, place) => [room.key, place]));
}

/**
 * Whether a room's label or id contains the query, ignoring case and surrounding spaces, or the
 * query names the room's state in either language ("failing", "closed", "获取失败").
 */
export function matchesQuery(room: Pick<RoomView, 'label' | 'groupId' | 'state'>, query: string): boolean {
  const needle = query.trim().toLocaleLowerCase();
  if (!needle) return true;
  return (
    room.groupId.toLocaleLowerCase().includes(needle) ||
    (room.label?.toLocaleLowerCase().includes(needle) ?? false) ||
    stateMatches(room.state, needle)
  );
}

/**
 * The comparison of two rooms for a sort, ties broken by name and then key so the order is stable.
 * "By change" compares the change over `changeWindow`.
 */
export function roomComparator(
  sort: SortKey,
  compare: (a: string, b: string) => number,
  changeWindow: ChangeWindow,
  attention: { firing: ReadonlySet<RoomKey>; now: number; steady?: boolean } = { firing: new Set(), now: 0 },
  nameOrder?: ReadonlyMap<RoomKey, number>,
): (a: RoomView, b: RoomView) => number {
  const collated = (a: RoomView, b: RoomView) =>
    compare(roomName(a), roomName(b)) || (a.key < b.key ? -1 : 1);
  const byName = (a: RoomView, b: RoomView) => {
    const first = nameOrder?.get(a.key);
    const second = nameOrder?.get(b.key);
    return first === undefined || second === undefined ? collated(a, b) : first - second;
  };
  if (sort === 'name') return byName;
  // A count that is history (a closed room's last) is not "online": it sorts with the rooms without one.
  const current = (room: RoomView) => (room.current ? (room.online ?? -1) : -1);
  if (sort === 'count') return (a, b) => current(b) - current(a) || byName(a, b);
  if (sort === 'attention')
    return attentionComparator(
      changeWindow,
      attention,
      attention.steady ? byName : (a, b) => current(b) - current(a) || byName(a, b),
    );
  // Rooms without a known change go last; among equal swings, a rise comes before a drop.
  return (a, b) => {
    const before = a.changes[changeWindow];
    const after = b.changes[changeWindow];
    return (
      (after === null ? -1 : Math.abs(after)) - (before === null ? -1 : Math.abs(before)) ||
      (after ?? 0) - (before ?? 0) ||
      byName(a, b)
    );
  };
}

/**
 * The list as shown: the rooms matching the query, sorted, pinned ones first. With rooms of more than
 * one app profile, each profile gets a heading and the pinned rooms one of their own at the top.
 */
export function arrangeRooms(rooms: Iterable<RoomView>, options: ArrangeOptions): ListEntry[] {
  const all = [...rooms];
  const profiles = new Set(all.map((room) => room.profileId));
  const shown = all.filter(shownBy(options));
  shown.sort(comparatorFor(options));
  return entriesOf(shown, profiles, options);
}

/** Whether a room is shown with these options: in the chosen state, if any, and matching the query. */
export function shownBy(options: Pick<ArrangeOptions, 'state' | 'query'>): (room: RoomView) => boolean {
  const state = options.state ?? null;
  return (room) => (state === null || room.state === state) && matchesQuery(room, options.query);
}

/** The comparison {@link arrangeRooms} sorts by. */
export function comparatorFor(options: ArrangeOptions): (a: RoomView, b: RoomView) => number {
  return roomComparator(
    options.sort,
    options.compare,
    options.changeWindow,
    { firing: options.firing ?? new Set(), now: options.now ?? 0, steady: options.steady === true },
    options.nameOrder,
  );
}

/**
 * The entries of rooms already filtered and sorted: pinned ones first and, where `profiles` (the
 * app profiles of every room, shown or not) are more than one, a heading over each group.
 */
export function entriesOf(
  shown: readonly RoomView[],
  profiles: ReadonlySet<string>,
  options: Pick<ArrangeOptions, 'flat' | 'profileOrder'>,
): ListEntry[] {
  const entry = (room: RoomView): ListEntry => ({ kind: 'room', key: room.key });
  if (options.flat) return shown.map(entry);
  const pinned = shown.filter((room) => room.pinned);
  const rest = shown.filter((room) => !room.pinned);
  if (profiles.size <= 1) return [...pinned, ...rest].map(entry);

  const entries: ListEntry[] = [];
  const group = (id: string, profileId: string | null, members: RoomView[]) => {
    if (members.length === 0) return;
    entries.push({ kind: 'heading', id, profileId, keys: members.map((room) => room.key) });
    for (const member of members) entries.push(entry(member));
  };
  group('pinned', null, pinned);
  const order = [
    ...options.profileOrder,
    ...[...profiles].filter((id) => !options.profileOrder.includes(id)),
  ];
  for (const profileId of order)
    group(
      `profile:${profileId}`,
      profileId,
      rest.filter((room) => room.profileId === profileId),
    );
  return entries;
}
