import type { ProfileView, RoomKey, RoomView } from '../contract/monitor-api';
import type { SnoozeBook } from '../core/alerts/snooze';
import type { Clock } from '../core/clock';
import { changeOverMinute } from '../core/history/count-change';
import type { HistoryStore } from '../core/history/history-store';
import type { ProfileRuntimes, Runtime } from './profile-runtimes';
import { roomChanges } from './room-changes';
import { roomPushView } from './room-push';
import type { KeyStore } from './service-ports';
import { roomSnoozedUntil } from './snooze-views';
import { parseRoomKey, profileView, roomKey, roomView } from './views';

export interface LiveViewsOptions {
  runtimes: ProfileRuntimes;
  history: HistoryStore;
  snoozes: SnoozeBook;
  keys: KeyStore;
  clock: Clock;
}

/** The rooms and profiles as the UI sees them now, made from the running engines when asked. */
export class LiveViews {
  constructor(private readonly options: LiveViewsOptions) {}

  /** Every room of every profile. */
  allRooms(): RoomView[] {
    return this.options.runtimes.all().flatMap((runtime) => this.roomsOf(runtime));
  }

  /** The rooms with these keys; keys of rooms no longer watched are skipped. */
  rooms(keys: readonly RoomKey[]): RoomView[] {
    const byProfile = new Map<string, Set<string>>();
    for (const key of keys) {
      const parsed = parseRoomKey(key);
      if (!parsed) continue;
      if (!byProfile.has(parsed.profileId)) byProfile.set(parsed.profileId, new Set());
      byProfile.get(parsed.profileId)?.add(parsed.groupId);
    }
    return [...byProfile].flatMap(([profileId, groupIds]) => {
      const runtime = this.options.runtimes.get(profileId);
      return runtime ? this.roomsOf(runtime, groupIds) : [];
    });
  }

  profiles(): ProfileView[] {
    return this.options.runtimes
      .all()
      .map(({ profile, engine, demo }) =>
        profileView(
          profile,
          demo
            ? { keyStorage: 'this-run-only', note: 'Demo credentials of the built-in simulator.' }
            : this.options.keys.storage(profile.id),
          engine?.monitor.status() ?? null,
          engine?.budgets?.readings() ?? [],
        ),
      );
  }

  private roomsOf(runtime: Runtime, only?: ReadonlySet<string>): RoomView[] {
    const { engine, profile } = runtime;
    if (!engine) return [];
    const { clock, snoozes, history } = this.options;
    const now = clock.wall();
    return engine.monitor
      .snapshot()
      .filter((room) => !only || only.has(room.groupId))
      .map((room) =>
        roomView(profile, room, {
          snoozedUntil: roomSnoozedUntil(snoozes, profile.label, room.groupId, now),
          change1m: changeOverMinute(history, roomKey(profile.id, room.groupId), room.online, now),
          changes: roomChanges(history, roomKey(profile.id, room.groupId), room.online, now),
          push: roomPushView(engine.pusher?.status(room.groupId)),
        }),
      );
  }
}
