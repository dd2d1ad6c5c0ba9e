import type { MonitorApi, MonitorPush, RoomView } from '../contract/monitor-api';
import type { OverlayCount } from '../contract/overlay-api';

/** Which room an overlay link names: a group id, and the app profile when two watch the same id. */
export interface OverlayRoom {
  groupId: string;
  profileId: string | null;
}

/** Past this age a count is not current any more, whatever the room's state says. */
export const OVERLAY_STALE_MS = 30_000;

type Listener = (count: OverlayCount) => void;
interface Watcher {
  room: OverlayRoom;
  listener: Listener;
  /** What it was last given, so that a push that changes nothing for it sends nothing. */
  last: string;
}

/**
 * The rooms' counts as overlay pages need them, kept from the service's pushes so that a page or a
 * stream opening costs a map lookup rather than a snapshot of every room. A room that stops being
 * watched keeps its last count, held; a page for a room not watched yet waits for it.
 */
export class OverlayFeed {
  private readonly rooms = new Map<string, RoomView>();
  /** When each view arrived, on `now`: a view's age was measured then, and grows until the next. */
  private readonly receivedAt = new Map<string, number>();
  private readonly listeners = new Map<string, Set<Watcher>>();
  private readonly unsubscribe: () => void;
  /** Resolves once the first snapshot is in: nothing is answered from an empty feed. */
  readonly ready: Promise<void>;

  constructor(
    api: Pick<MonitorApi, 'getSnapshot' | 'onPush'>,
    private readonly now: () => number = Date.now,
  ) {
    let ready = false;
    const queued: MonitorPush[] = [];
    // Subscribing and asking for the snapshot in one turn: no push falls between the two.
    this.unsubscribe = api.onPush((push) => (ready ? this.take(push) : queued.push(push)));
    this.ready = api.getSnapshot().then((snapshot) => {
      this.take({ type: 'snapshot', snapshot });
      ready = true;
      for (const push of queued.splice(0)) this.take(push);
    });
  }

  /** The count to show for `room` now. */
  current(room: OverlayRoom): OverlayCount {
    const view = this.find(room);
    if (!view || view.ageMs === null) return overlayCount(view);
    const waited = this.now() - (this.receivedAt.get(view.key) ?? this.now());
    return overlayCount({ ...view, ageMs: Math.round(view.ageMs + Math.max(0, waited)) });
  }

  /** Calls `listener` with each new count of `room`; returns the function that stops it. */
  watch(room: OverlayRoom, listener: Listener): () => void {
    const entry: Watcher = { room, listener, last: JSON.stringify(this.current(room)) };
    let watchers = this.listeners.get(room.groupId);
    if (!watchers) {
      watchers = new Set();
      this.listeners.set(room.groupId, watchers);
    }
    watchers.add(entry);
    return () => {
      watchers.delete(entry);
      if (watchers.size === 0) this.listeners.delete(room.groupId);
    };
  }

  close(): void {
    this.unsubscribe();
    this.listeners.clear();
  }

  private find({ groupId, profileId }: OverlayRoom): RoomView | undefined {
    if (profileId !== null) return this.rooms.get(`${profileId}/${groupId}`);
    for (const view of this.rooms.values()) if (view.groupId === groupId) return view;
    return undefined;
  }

  private take(push: MonitorPush): void {
    if (push.type === 'snapshot') {
      const watched = new Set(push.snapshot.rooms.map((room) => room.key));
      const gone = [...this.rooms.values()].filter((room) => !watched.has(room.key));
      for (const room of push.snapshot.rooms) this.keep(room);
      this.changed([...push.snapshot.rooms, ...gone.map((room) => this.hold(room))]);
    } else if (push.type === 'rooms') {
      for (const room of push.rooms) this.keep(room);
      this.changed(push.rooms);
    } else if (push.type === 'rooms-removed') {
      const removed = push.keys.flatMap((key) => {
        const room = this.rooms.get(key);
        return room ? [this.hold(room)] : [];
      });
      this.changed(removed);
    }
  }

  private keep(room: RoomView): void {
    this.rooms.set(room.key, room);
    this.receivedAt.set(room.key, this.now());
  }

  /** A room no longer watched: its last count stays, no longer current. */
  private hold(room: RoomView): RoomView {
    const held: RoomView = { ...room, status: 'stopped', error: null };
    this.rooms.set(room.key, held);
    return held;
  }

  private changed(rooms: readonly RoomView[]): void {
    for (const { groupId } of rooms) {
      for (const watcher of this.listeners.get(groupId) ?? []) {
        const count = this.current(watcher.room);
        const text = JSON.stringify(count);
        if (text === watcher.last) continue;
        watcher.last = text;
        watcher.listener(count);
      }
    }
  }
}

/** What an overlay shows of a room view; see {@link OverlayCount}. */
export function overlayCount(view: RoomView | undefined): OverlayCount {
  if (!view) return { online: null, ageMs: null, state: 'held' };
  const closed = view.status === 'stopped' && view.error?.kind === 'group-gone';
  const current = view.status === 'live' && view.ageMs !== null && view.ageMs <= OVERLAY_STALE_MS;
  return { online: view.online, ageMs: view.ageMs, state: closed ? 'closed' : current ? 'live' : 'held' };
}
