/**
 * The rooms in the list's order, kept from one arrangement to the next: a push of a few hundred of
 * ten thousand rooms re-places those few (each found by a binary search among the others) rather
 * than sorting all of them again. The result is the same as {@link arrangeRooms}' every time.
 *
 * Which rooms changed is found by comparing each room's view with the one of the last arrangement
 * (the store puts a new object for every view pushed), the firing rooms with the last ones, and the
 * rooms closed in the last hour with the clock. Anything else the order depends on (the sort, its
 * window, the filter, the names' order and language) sorts every room again when it changes.
 */
import type { RoomKey, RoomView } from '../../main/contract/monitor-api';
import { closedInTheLastHour } from './attention-order';
import { type ArrangeOptions, comparatorFor, entriesOf, type ListEntry, shownBy } from './room-order';

/** Past this share of the rooms changed, one sort of all is cheaper than placing each. */
const RESORT_SHARE = 0.25;

/** The options that, changed, make every room's place another. */
type Basis = Pick<ArrangeOptions, 'sort' | 'changeWindow' | 'query' | 'state' | 'compare' | 'nameOrder'> & {
  steady: boolean;
};

export class SortedRooms {
  /** The rooms shown, in order, as of the last arrangement. */
  private sorted: RoomView[] = [];
  /** Every room's view as of the last arrangement, shown or not. */
  private readonly seen = new Map<RoomKey, RoomView>();
  /** How many rooms of each app profile there are (headings go over profiles, shown or not). */
  private readonly profiles = new Map<string, number>();
  /** The rooms that were closed in the last hour at the last arrangement: the clock moves them. */
  private readonly recentlyClosed = new Set<RoomKey>();
  private firing: ReadonlySet<RoomKey> = new Set();
  private now = Number.NEGATIVE_INFINITY;
  private basis: Basis | null = null;

  /** The entries for `rooms` with `options`, as {@link arrangeRooms} gives them. */
  arrange(rooms: ReadonlyMap<RoomKey, RoomView>, options: ArrangeOptions): ListEntry[] {
    const now = options.now ?? 0;
    const firing = options.firing ?? new Set<RoomKey>();
    const basis: Basis = {
      sort: options.sort,
      changeWindow: options.changeWindow,
      query: options.query,
      state: options.state ?? null,
      compare: options.compare,
      nameOrder: options.nameOrder,
      steady: options.steady === true,
    };
    const changed = this.changes(rooms, firing, now);
    this.now = now;
    this.firing = new Set(firing);
    const comparator = comparatorFor(options);
    const shown = shownBy(options);
    if (!this.sameBasis(basis) || changed.size > this.seen.size * RESORT_SHARE) {
      this.basis = basis;
      this.sorted = [...rooms.values()].filter(shown).sort(comparator);
    } else if (changed.size > 0) {
      const incoming: RoomView[] = [];
      for (const key of changed) {
        const room = rooms.get(key);
        if (room && shown(room)) incoming.push(room);
      }
      incoming.sort(comparator);
      this.sorted = merged(
        this.sorted.filter((room) => !changed.has(room.key)),
        incoming,
        comparator,
      );
    }
    return entriesOf(this.sorted, new Set(this.profiles.keys()), options);
  }

  /**
   * The rooms whose place may have moved since the last arrangement: their view is another (or
   * they came or went), their alert started or stopped firing, or the hour since they closed ended.
   * Keeps what it compares with up to date.
   */
  private changes(rooms: ReadonlyMap<RoomKey, RoomView>, firing: ReadonlySet<RoomKey>, now: number) {
    const changed = new Set<RoomKey>();
    let kept = 0;
    // forEach rather than for…of: no [key, room] pair made for each of ten thousand rooms.
    rooms.forEach((room, key) => {
      const before = this.seen.get(key);
      if (before !== undefined) kept++;
      if (before !== room) changed.add(key);
    });
    if (kept < this.seen.size) for (const key of this.seen.keys()) if (!rooms.has(key)) changed.add(key);
    for (const key of firing) if (!this.firing.has(key)) changed.add(key);
    for (const key of this.firing) if (!firing.has(key)) changed.add(key);
    // The clock going back could bring closed rooms back into the hour: every room is placed again.
    if (now < this.now) for (const key of rooms.keys()) changed.add(key);
    for (const key of this.recentlyClosed) {
      const room = this.seen.get(key);
      if (!room || !closedInTheLastHour(room, now)) changed.add(key);
    }
    for (const key of changed) {
      const before = this.seen.get(key);
      const room = rooms.get(key);
      if (before) this.count(before.profileId, -1);
      this.recentlyClosed.delete(key);
      if (room) {
        this.seen.set(key, room);
        this.count(room.profileId, 1);
        if (closedInTheLastHour(room, now)) this.recentlyClosed.add(key);
      } else this.seen.delete(key);
    }
    return changed;
  }

  private count(profileId: string, step: 1 | -1): void {
    const count = (this.profiles.get(profileId) ?? 0) + step;
    if (count > 0) this.profiles.set(profileId, count);
    else this.profiles.delete(profileId);
  }

  private sameBasis(basis: Basis): boolean {
    const before = this.basis;
    return (
      before !== null && (Object.keys(basis) as Array<keyof Basis>).every((key) => before[key] === basis[key])
    );
  }
}

/**
 * `kept` and `incoming`, both in `comparator`'s order, as one list in that order: each incoming room
 * goes where a binary search among the kept rooms finds its place.
 */
function merged(
  kept: readonly RoomView[],
  incoming: readonly RoomView[],
  comparator: (a: RoomView, b: RoomView) => number,
): RoomView[] {
  if (incoming.length === 0) return kept as RoomView[];
  const out: RoomView[] = [];
  let from = 0;
  for (const room of incoming) {
    let low = from;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (comparator(kept[middle] as RoomView, room) < 0) low = middle + 1;
      else high = middle;
    }
    for (let i = from; i < low; i++) out.push(kept[i] as RoomView);
    out.push(room);
    from = low;
  }
  for (let i = from; i < kept.length; i++) out.push(kept[i] as RoomView);
  return out;
}
