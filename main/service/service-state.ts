import type { MonitorPush, MonitorSnapshot, RoomKey, SettingsPatch } from '../contract/monitor-api';
import type { AlertLog } from '../core/alerts/alert-log';
import type { SnoozeBook } from '../core/alerts/snooze';
import type { Clock } from '../core/clock';
import { HistoryStore } from '../core/history/history-store';
import { REGIONS } from '../core/regions';
import type { StorageHealth } from '../core/storage-health';
import { AlertQueries } from './alert-queries';
import { LiveViews } from './live-views';
import { fixedOverlay, type OverlayControl } from './overlay-control';
import { ProfileRuntimes, type Runtime, roomNames } from './profile-runtimes';
import { PushBatcher } from './push-batcher';
import { holdWatchedRooms, trayRoomOf } from './room-attention';
import { nameUnlabelledRooms } from './room-names';
import { applyRoomPushes, memoryRoomPush } from './room-push';
import { memoryRoomRules } from './room-rules';
import type {
  AlertSinkFactory,
  DemoStarter,
  EngineFactory,
  KeyStore,
  ProfileRecord,
  ProfileStore,
  RoomPushStore,
  RoomRulesStore,
  SettingsPort,
} from './service-ports';
import type { EditableSettings } from './settings-edit';
import { parseRoomKey, roomKey } from './views';

export interface MonitorServiceOptions {
  clock: Clock;
  profiles: ProfileStore;
  keys: KeyStore;
  openEngine: EngineFactory;
  /** The snoozes, shared with the alert pipelines, and where to keep them. */
  snoozes: SnoozeBook;
  saveSnoozes: (book: SnoozeBook) => void;
  startDemo?: DemoStarter;
  alerts?: AlertSinkFactory;
  alertLog?: Pick<AlertLog, 'list' | 'acknowledge'>;
  /** The rooms' count history, fed by every profile and closed by stop(); in memory only when absent. */
  history?: HistoryStore;
  /** Things to tell the user at start (a damaged settings file kept aside, weak key storage...). */
  notices?: string[];
  /** Whether the files can be written, and what was found damaged: shown with the notices, pushed as it changes. */
  health?: Pick<StorageHealth, 'notices' | 'onNews'>;
  /** Where rules written for one room are kept; in memory for this run when absent. */
  roomRules?: RoomRulesStore;
  /** Where the rooms that show their count to viewers are kept; in memory for this run when absent. */
  roomPush?: RoomPushStore;
  /** Where the settings the UI edits are kept; in memory for this run when absent. */
  settings?: SettingsPort;
  /** The global shortcut registered now, where the edition has one (the tray app). */
  activeShortcut?: () => string | null;
  /** Called after a settings change is kept, to apply what the service cannot (tray, login item, shortcut). */
  onSettingsChanged?: (settings: EditableSettings, patch: SettingsPatch) => void;
  /** The OBS overlay of this edition; off (no token) when absent. */
  overlay?: OverlayControl;
}

const PUSH_EVERY_MS = 250;

/** The pushes after which the summary may have changed (a snapshot carries its own). */
const CHANGES_SUMMARY: ReadonlySet<MonitorPush['type']> = new Set(['rooms', 'rooms-removed', 'profiles']);

/**
 * What the service's parts share: one runtime per app profile (its key, engine, alerts), the demo
 * while no profile is set up, the history every profile feeds, the views made from them, and the
 * pushes to every window that listens.
 */
export class ServiceState {
  readonly runtimes: ProfileRuntimes;
  readonly history: HistoryStore;
  readonly alerts: AlertQueries;
  readonly settings: SettingsPort;
  readonly roomRules: RoomRulesStore;
  readonly roomPush: RoomPushStore;
  readonly views: LiveViews;
  readonly batcher: PushBatcher;
  readonly overlay: OverlayControl;
  /** Polling is paused app-wide (a profile started meanwhile starts paused). */
  paused = false;
  private readonly listeners = new Set<(push: MonitorPush) => void>();
  /** The summary as last pushed, to push it again only when it changed. */
  private lastSummary = '';

  constructor(readonly options: MonitorServiceOptions) {
    this.history = options.history ?? HistoryStore.inMemory(options.clock);
    this.alerts = new AlertQueries(options.alertLog, () => this.profiles());
    this.settings = options.settings ?? memorySettings();
    this.roomRules = options.roomRules ?? memoryRoomRules();
    this.roomPush = options.roomPush ?? memoryRoomPush();
    this.overlay = options.overlay ?? fixedOverlay(null);
    this.batcher = new PushBatcher(options.clock, PUSH_EVERY_MS, (keys) => this.pushRooms(keys));
    this.runtimes = new ProfileRuntimes({
      keys: options.keys,
      openEngine: options.openEngine,
      startDemo: options.startDemo,
      alerts: options.alerts,
      history: this.history,
      paused: () => this.paused,
      onStarted: (runtime) => {
        applyRoomPushes(
          runtime.engine,
          this.pushStoreOf(runtime),
          runtime.profile.rooms.map((r) => r.groupId),
        );
        holdWatchedRooms(runtime, trayRoomOf(this.settings.read()));
      },
      onAlert: (alert) => this.emit({ type: 'alert', alert: this.alerts.view(alert) }),
      onEvent: (profile, event) => {
        if (event.type === 'status') this.emit({ type: 'profiles', profiles: this.views.profiles() });
        else if (event.type === 'sample' || event.type === 'error')
          this.batcher.mark(roomKey(profile.id, event.groupId));
        else if (event.type === 'room') this.batcher.mark(roomKey(profile.id, event.room.groupId));
        else if (event.type === 'push') this.batcher.mark(roomKey(profile.id, event.push.groupId));
      },
    });
    const { keys, snoozes, clock } = options;
    this.views = new LiveViews({ runtimes: this.runtimes, history: this.history, snoozes, keys, clock });
    options.health?.onNews(() => this.emit({ type: 'snapshot', snapshot: this.snapshot() }));
  }

  /** Starts every saved profile, or the demo when there is none. */
  async start(): Promise<void> {
    const saved = this.options.profiles.list();
    for (const profile of saved) await this.runtimes.start(profile);
    if (saved.length === 0) await this.runtimes.startDemo();
    this.nameRooms();
  }

  async stop(): Promise<void> {
    this.batcher.stop();
    await this.runtimes.stopAll();
    await this.history.close();
  }

  /** The machine woke up: counts are stale, poll again at once. */
  wake(): void {
    for (const { engine } of this.runtimes.all()) engine?.monitor.wake();
  }

  snapshot(): MonitorSnapshot {
    // Not remembered as pushed: one window asking for a snapshot must not keep a change from the others.
    const summary = this.views.summary();
    return {
      demo: this.runtimes.isDemo,
      paused: this.paused,
      profiles: this.views.profiles(),
      rooms: this.views.allRooms(),
      summary,
      notices: [...(this.options.notices ?? []), ...(this.options.health?.notices() ?? [])],
      regions: REGIONS.map(({ key, label }) => ({ key, label })),
    };
  }

  subscribe(listener: (push: MonitorPush) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(push: MonitorPush): void {
    for (const listener of this.listeners) {
      try {
        listener(push);
      } catch {
        // One broken window must not stop the others or the engine.
      }
    }
    if (CHANGES_SUMMARY.has(push.type)) this.pushSummaryIfChanged();
  }

  /** Pushes the summary after rooms or apps changed, when its figures moved. */
  private pushSummaryIfChanged(): void {
    const summary = this.views.summary();
    const text = JSON.stringify(summary);
    if (text === this.lastSummary) return;
    this.lastSummary = text;
    this.emit({ type: 'summary', summary });
  }

  /** The runtime of a profile, or an error the UI shows. */
  runtime(profileId: string): Runtime {
    const runtime = this.runtimes.get(profileId);
    if (!runtime) throw new Error(`There is no app profile "${profileId}".`);
    return runtime;
  }

  /** The runtime and group id of a watched room, or an error the UI shows. */
  room(key: RoomKey): { runtime: Runtime; groupId: string } {
    const parsed = parseRoomKey(key);
    const runtime = parsed ? this.runtimes.get(parsed.profileId) : undefined;
    if (!parsed || !runtime?.profile.rooms.some((r) => r.groupId === parsed.groupId)) {
      throw new Error(`There is no room ${JSON.stringify(key)}.`);
    }
    return { runtime, groupId: parsed.groupId };
  }

  isWatched(key: RoomKey): boolean {
    const parsed = parseRoomKey(key);
    const runtime = parsed ? this.runtimes.get(parsed.profileId) : undefined;
    return runtime?.profile.rooms.some((r) => r.groupId === parsed?.groupId) ?? false;
  }

  /** Where a profile's rooms keep their push: the demo's own store, else the settings. */
  pushStoreOf(runtime: Runtime): RoomPushStore {
    return runtime.demo?.pushes ?? this.roomPush;
  }

  /** Every profile's record as it runs now. */
  profiles(): ProfileRecord[] {
    return this.runtimes.all().map((runtime) => runtime.profile);
  }

  /** Takes a changed profile record into its runtime and keeps it (the demo's is never kept). */
  keep(runtime: Runtime, profile: ProfileRecord): void {
    runtime.profile = profile;
    holdWatchedRooms(runtime, trayRoomOf(this.settings.read()));
    // A room named or renamed is named so in its next alert too.
    runtime.sink?.nameRooms?.(roomNames(profile));
    if (!runtime.demo) this.options.profiles.save(profile);
  }

  /** Rooms from a command line, or saved before names were kept, are named behind the first polls. */
  nameRooms(): void {
    void nameUnlabelledRooms({
      runtimes: this.runtimes,
      save: (runtime, profile) => this.keep(runtime, profile),
      named: (profileId, groupId) => this.batcher.mark(roomKey(profileId, groupId)),
    });
  }

  private pushRooms(keys: string[]): void {
    const rooms = this.views.rooms(keys);
    if (rooms.length > 0) this.emit({ type: 'rooms', rooms });
  }
}

/** Settings kept in memory for this run, where no file keeps them (the demo, tests). */
function memorySettings(): SettingsPort {
  let settings: EditableSettings = { rules: {}, webhooks: [], quietHours: null, app: null };
  return {
    read: () => settings,
    write: (next) => {
      settings = next;
    },
  };
}
