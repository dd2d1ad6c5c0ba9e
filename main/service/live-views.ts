import type {
  AppConditionView,
  MonitorSummary,
  ProfileView,
  RoomKey,
  RoomView,
} from '../contract/monitor-api';
import type { SnoozeBook } from '../core/alerts/snooze';
import type { Clock } from '../core/clock';
import { changeOverMinute } from '../core/history/count-change';
import type { HistoryStore } from '../core/history/history-store';
import type { AppStatus, RoomSnapshot } from '../core/monitor-events';
import { type AppFacts, judgeRoom, type RoomJudgement } from '../core/room-state';
import { addToTally, emptyTally } from '../core/room-tally';
import type { ProfileRuntimes, Runtime } from './profile-runtimes';
import { roomChanges } from './room-changes';
import { roomPushView } from './room-push';
import type { KeyStore, ProfileRecord } from './service-ports';
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
  /** Each profile's room entries by group id, kept for as long as its list of rooms lives. */
  private readonly records = new WeakMap<ProfileRecord['rooms'], ReadonlyMap<string, RoomRecord>>();

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
      return runtime ? this.viewsOf(runtime, runtime.engine?.monitor.roomsNamed(groupIds) ?? []) : [];
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

  /**
   * The totals and counts by state over every room, and the apps not simply running: made from the
   * same judgement as each room's view, so a surface's figures always match its rows.
   */
  summary(): MonitorSummary {
    const tally = emptyTally();
    for (const runtime of this.options.runtimes.all()) {
      const engine = runtime.engine;
      if (!engine) continue;
      const app = appFacts(engine.monitor.status());
      // One room at a time: this runs at every push, and an array of 2,000 snapshots and their
      // judgements each time was most of what a push left behind.
      engine.monitor.eachRoom((room) => {
        const { condition, current } = this.judge(runtime, room, app);
        addToTally(tally, { state: condition.state, current, online: room.online });
      });
    }
    return { ...tally, conditions: this.profiles().flatMap(conditionOf) };
  }

  /**
   * The room's state and whether its count is current. A room stopped by 10010 before any count this
   * run is `closed`, not `not-found`, when its history holds a count: it answered in an earlier run.
   */
  private judge(runtime: Runtime, room: RoomSnapshot, app: AppFacts): RoomJudgement {
    const unanswered = room.status === 'stopped' && room.online === null;
    // Judged as it is unless it never answered: a copy of every room, at every push, for a flag
    // only a stopped room reads was the most of this process's time spent in one function.
    if (!unanswered) return judgeRoom(room, app);
    const answeredBefore =
      this.options.history.firstCountSince(roomKey(runtime.profile.id, room.groupId), 0) !== null;
    return judgeRoom({ ...room, answeredBefore }, app);
  }

  private roomsOf(runtime: Runtime): RoomView[] {
    return this.viewsOf(runtime, runtime.engine?.monitor.snapshot() ?? []);
  }

  /** The views of these rooms of `runtime`. */
  private viewsOf(runtime: Runtime, rooms: readonly RoomSnapshot[]): RoomView[] {
    const { engine, profile } = runtime;
    if (!engine) return [];
    const { clock, snoozes, history } = this.options;
    const now = clock.wall();
    const app = appFacts(engine.monitor.status());
    const records = this.recordsOf(profile);
    return rooms.map((room) => {
      // One key for the history's lookups of this room, hashed once rather than at each.
      const key = roomKey(profile.id, room.groupId);
      return roomView(profile, records.get(room.groupId), room, this.judge(runtime, room, app), {
        snoozedUntil: roomSnoozedUntil(snoozes, profile.label, room.groupId, now),
        change1m: changeOverMinute(history, key, room.online, now),
        changes: roomChanges(history, key, room.online, now),
        push: roomPushView(engine.pusher?.status(room.groupId)),
      });
    });
  }

  /**
   * The profile's room entries by group id: one lookup table rather than a search of every entry
   * for each room, kept while the profile's list of rooms is the same (a change to a room's entry,
   * a pin or a label, makes a new list), not made again at every push.
   */
  private recordsOf(profile: ProfileRecord): ReadonlyMap<string, RoomRecord> {
    let records = this.records.get(profile.rooms);
    if (!records) {
      records = new Map(profile.rooms.map((record) => [record.groupId, record]));
      this.records.set(profile.rooms, records);
    }
    return records;
  }
}

type RoomRecord = ProfileRecord['rooms'][number];

/** What a room's judgement reads of its app. */
function appFacts(status: AppStatus): AppFacts {
  return { state: status.state, effectiveIntervalMs: status.plan.effectiveIntervalMs };
}

/** The profile's condition, where it is not simply running. */
function conditionOf(profile: ProfileView): AppConditionView[] {
  if (profile.state === 'running') return [];
  return [
    {
      profileId: profile.id,
      label: profile.label,
      condition: profile.state,
      reason: profile.reason,
      error: profile.error,
      ...(profile.retryAt === undefined ? {} : { retryAt: profile.retryAt }),
    },
  ];
}
