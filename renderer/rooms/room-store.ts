/**
 * The rooms and app profiles as last pushed, and the words of each row drawn from them. No DOM:
 * the list reads it through {@link RoomStore.source}.
 */
import type { ChangeWindow, ProfileView, RoomKey, RoomView } from '../../main/contract/monitor-api';
import type { Translator } from '../i18n/translator';
import type { HeadingEntry, RoomListSource } from './room-list-source';
import type { SortKey } from './room-order';
import { describeDetail, describeRoom } from './room-rows';
import type { Total } from './summary';

/** The rooms and profiles as pushed, with the running total and each count's age. */
export class RoomStore {
  readonly rooms = new Map<RoomKey, RoomView>();
  readonly profiles = new Map<string, ProfileView>();
  /** When each view arrived, on `clock`, so a count's age keeps growing until the next one. */
  private readonly receivedAt = new Map<RoomKey, number>();
  /** Kept as rooms come and go, so a push of a few rooms does not re-add two thousand. */
  private sum = { online: 0, missing: 0 };
  /** Counts the changes to the rooms' names (a room added, a label changed): a name order made before is stale. */
  namesVersion = 0;

  constructor(private readonly clock: () => number) {}

  replace(rooms: RoomView[], profiles: ProfileView[]): void {
    this.rooms.clear();
    this.receivedAt.clear();
    this.sum = { online: 0, missing: 0 };
    this.update(rooms, 'name', '15m');
    this.setProfiles(profiles);
  }

  setProfiles(profiles: ProfileView[]): void {
    this.profiles.clear();
    for (const profile of profiles) this.profiles.set(profile.id, profile);
  }

  /**
   * Takes changed rooms; true when the list's order may have changed for `sort` (by change: the
   * change over `changeWindow`), so that a push that moves nothing costs no re-sort.
   */
  update(rooms: RoomView[], sort: SortKey, changeWindow: ChangeWindow): boolean {
    const now = this.clock();
    let moved = false;
    for (const room of rooms) {
      const before = this.rooms.get(room.key);
      if (before) this.count(before, -1);
      this.count(room, 1);
      this.rooms.set(room.key, room);
      this.receivedAt.set(room.key, now);
      if (!before || before.label !== room.label) this.namesVersion++;
      moved ||=
        !before ||
        before.pinned !== room.pinned ||
        before.label !== room.label ||
        (sort === 'count' && before.online !== room.online) ||
        (sort === 'attention' &&
          (before.state !== room.state ||
            before.online !== room.online ||
            before.changes[changeWindow] !== room.changes[changeWindow])) ||
        (sort === 'change' && before.changes[changeWindow] !== room.changes[changeWindow]);
    }
    return moved;
  }

  remove(keys: RoomKey[]): void {
    for (const key of keys) {
      const room = this.rooms.get(key);
      if (room) this.count(room, -1);
      this.rooms.delete(key);
      this.receivedAt.delete(key);
    }
  }

  /** The total across every room. */
  total(): Total {
    return { online: this.sum.online, rooms: this.rooms.size, missing: this.sum.missing };
  }

  /** Only a current count is added (the totals rule); any other room is one without a current count. */
  private count(room: RoomView, sign: 1 | -1): void {
    if (room.online === null || !room.current) this.sum.missing += sign;
    else this.sum.online += sign * room.online;
  }

  /** The count's age now: the engine's age when it sent the view, plus the time since it came. */
  ageOf(key: RoomKey): number | null {
    const room = this.rooms.get(key);
    if (!room || room.ageMs === null) return null;
    return room.ageMs + Math.max(0, this.clock() - (this.receivedAt.get(key) ?? this.clock()));
  }

  /** The app profiles in the order the engine lists them. */
  profileOrder(): string[] {
    return [...this.profiles.keys()];
  }

  /** What the list reads: rows in the UI's language, with the change over the chosen window. */
  source(translator: () => Translator, changeWindow: () => ChangeWindow): RoomListSource {
    return {
      translator,
      row: (key) => {
        const room = this.rooms.get(key);
        return room ? describeRoom(room, translator(), this.ageOf(key), changeWindow()) : null;
      },
      detail: (key) => {
        const room = this.rooms.get(key);
        const profile = room && (this.profiles.get(room.profileId)?.label ?? room.profileId);
        return room && profile !== undefined ? describeDetail(room, profile, translator()) : null;
      },
      heading: (entry) => this.heading(entry, translator()),
    };
  }

  private heading(entry: HeadingEntry, tr: Translator) {
    let online = 0;
    for (const key of entry.keys) {
      const room = this.rooms.get(key);
      if (room?.current) online += room.online ?? 0;
    }
    return {
      title:
        entry.profileId === null
          ? tr.t('list.pinned')
          : (this.profiles.get(entry.profileId)?.label ?? entry.profileId),
      meta: tr.t('group.meta', { rooms: tr.plural('rooms', entry.keys.length), count: online }),
    };
  }
}
