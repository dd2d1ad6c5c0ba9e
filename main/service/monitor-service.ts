import type { RuleSettings } from '../common/rule-settings';
import type { AlertEntryQuery, AlertEntryView } from '../contract/alert-api';
import type {
  AddRoomsResult,
  AlertView,
  ChartData,
  ChartRange,
  ConnectionTestResult,
  MonitorApi,
  MonitorPush,
  MonitorSnapshot,
  ProfileInput,
  ProfileView,
  RoomKey,
  SnoozeChoice,
  SnoozeTarget,
} from '../contract/monitor-api';
import type { OverlayChange, OverlayView } from '../contract/overlay-api';
import type { LiveRoomsPage, PollingInput, SettingsPatch, SettingsView } from '../contract/settings-api';
import type { AlertLog } from '../core/alerts/alert-log';
import { type SnoozeBook, type SnoozeScope, snoozeUntil } from '../core/alerts/snooze';
import type { Clock } from '../core/clock';
import { HistoryStore } from '../core/history/history-store';
import { REGIONS } from '../core/regions';
import type { StorageHealth } from '../core/storage-health';
import { AlertQueries } from './alert-queries';
import { storedKeyRefusal } from './key-binding';
import { GroupListPacer, liveRoomsPage } from './live-rooms';
import { LiveViews } from './live-views';
import { fixedOverlay, type OverlayControl } from './overlay-control';
import { checkProfileInput, testConnection } from './profile-form';
import { ProfileRuntimes, type Runtime } from './profile-runtimes';
import { PushBatcher } from './push-batcher';
import { admitRooms } from './room-admission';
import { CHART_SPAN_MS, chartCsv, roomChart, roomExport } from './room-chart';
import { nameUnlabelledRooms } from './room-names';
import { memoryRoomRules } from './room-rules';
import { MAX_SPARKLINE_KEYS, roomSparkline } from './room-sparkline';
import type {
  AlertSinkFactory,
  DemoStarter,
  EngineFactory,
  KeyStore,
  ProfileRecord,
  ProfileStore,
  RoomRulesStore,
  SettingsPort,
} from './service-ports';
import { applySettingsPatch, type EditableSettings, webhookViews } from './settings-edit';
import { snoozeViews } from './snooze-views';
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

/**
 * The engine behind the UI, whatever carries it (Electron IPC or `headcount serve`): one runtime per
 * app profile (its key, engine, alerts), the demo while no profile is set up, and the MonitorApi.
 */
export class MonitorService implements MonitorApi {
  private readonly runtimes: ProfileRuntimes;
  private readonly listeners = new Set<(push: MonitorPush) => void>();
  private readonly batcher: PushBatcher;
  private readonly history: HistoryStore;
  private readonly alerts: AlertQueries;
  private readonly settings: SettingsPort;
  private readonly roomRules: RoomRulesStore;
  private readonly views: LiveViews;
  private readonly overlay: OverlayControl;
  private groupListPacer: GroupListPacer | null = null;
  private paused = false;

  constructor(private readonly options: MonitorServiceOptions) {
    this.history = options.history ?? HistoryStore.inMemory(options.clock);
    this.alerts = new AlertQueries(options.alertLog, () => this.profiles());
    this.settings = options.settings ?? memorySettings();
    this.roomRules = options.roomRules ?? memoryRoomRules();
    this.overlay = options.overlay ?? fixedOverlay(null);
    this.batcher = new PushBatcher(options.clock, PUSH_EVERY_MS, (keys) => this.pushRooms(keys));
    this.runtimes = new ProfileRuntimes({
      keys: options.keys,
      openEngine: options.openEngine,
      startDemo: options.startDemo,
      alerts: options.alerts,
      history: this.history,
      paused: () => this.paused,
      onAlert: (alert) => this.emit({ type: 'alert', alert: this.alerts.view(alert) }),
      onEvent: (profile, event) => {
        if (event.type === 'status') this.emit({ type: 'profiles', profiles: this.views.profiles() });
        else if (event.type === 'sample' || event.type === 'error')
          this.batcher.mark(roomKey(profile.id, event.groupId));
        else if (event.type === 'room') this.batcher.mark(roomKey(profile.id, event.room.groupId));
      },
    });
    const { keys, snoozes, clock } = options;
    this.views = new LiveViews({ runtimes: this.runtimes, history: this.history, snoozes, keys, clock });
    options.health?.onNews(
      () => void this.getSnapshot().then((snapshot) => this.emit({ type: 'snapshot', snapshot })),
    );
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

  get isDemo(): boolean {
    return this.runtimes.isDemo;
  }

  async getSnapshot(): Promise<MonitorSnapshot> {
    return {
      demo: this.isDemo,
      paused: this.paused,
      profiles: this.views.profiles(),
      rooms: this.views.allRooms(),
      notices: [...(this.options.notices ?? []), ...(this.options.health?.notices() ?? [])],
      regions: REGIONS.map(({ key, label }) => ({ key, label })),
    };
  }

  onPush(listener: (push: MonitorPush) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async addRooms(profileId: string, groupIds: string[]): Promise<AddRoomsResult> {
    const runtime = this.runtime(profileId);
    const watched = new Set(runtime.profile.rooms.map((room) => room.groupId));
    const { admitted, refused } = await admitRooms(groupIds, watched, runtime.engine);
    const rooms = [...runtime.profile.rooms, ...admitted.map((a) => ({ groupId: a.groupId, label: a.name }))];
    this.saveProfile_(runtime, { ...runtime.profile, rooms });
    runtime.engine?.monitor.addRooms(admitted.map((a) => a.groupId));
    const added = admitted.map((a) => roomKey(profileId, a.groupId));
    for (const key of added) this.batcher.mark(key);
    return { added, refused };
  }

  async retryRoom(key: RoomKey): Promise<void> {
    const { runtime, groupId } = this.room(key);
    runtime.engine?.monitor.retryRoom(groupId);
  }

  async setPinned(key: RoomKey, pinned: boolean): Promise<void> {
    const { runtime, groupId } = this.room(key);
    const rooms = runtime.profile.rooms.map((r) => (r.groupId === groupId ? { ...r, pinned } : r));
    this.saveProfile_(runtime, { ...runtime.profile, rooms });
    this.batcher.mark(key);
  }

  async setPaused(paused: boolean): Promise<void> {
    this.paused = paused;
    for (const { engine } of this.runtimes.all()) {
      if (paused) engine?.monitor.pause();
      else engine?.monitor.resume();
    }
    this.emit({ type: 'snapshot', snapshot: await this.getSnapshot() });
  }

  async snooze(target: SnoozeTarget, choice: SnoozeChoice): Promise<void> {
    this.options.snoozes.snooze(this.scopeOf(target), snoozeUntil(choice, this.options.clock.wall()));
    this.snoozesChanged();
  }

  async unsnooze(target: SnoozeTarget): Promise<void> {
    this.options.snoozes.unsnooze(this.scopeOf(target));
    this.snoozesChanged();
  }

  async saveProfile(input: ProfileInput): Promise<ProfileView> {
    const previous = input.id ? this.runtimes.get(input.id)?.profile : undefined;
    const profile = this.checkedProfile(input, previous);
    const refusal = storedKeyRefusal(input, previous);
    if (refusal) throw new Error(refusal);
    if (input.secretKey)
      await this.options.keys.saveKey(profile.id, input.secretKey, {
        allowWeakStorage: input.allowWeakStorage === true,
      });
    await this.runtimes.stopDemo();
    await this.runtimes.stop(profile.id);
    this.options.profiles.save(profile);
    await this.runtimes.start(profile, input.secretKey);
    this.nameRooms();
    this.emit({ type: 'snapshot', snapshot: await this.getSnapshot() });
    return this.views.profiles().find((view) => view.id === profile.id) as ProfileView;
  }

  async removeProfile(profileId: string): Promise<void> {
    this.runtime(profileId);
    await this.runtimes.stop(profileId);
    this.options.keys.forget(profileId);
    this.options.profiles.remove(profileId);
    if (this.runtimes.size === 0) await this.runtimes.startDemo();
    this.emit({ type: 'snapshot', snapshot: await this.getSnapshot() });
  }

  async testConnection(input: ProfileInput): Promise<ConnectionTestResult> {
    let profile: ProfileRecord;
    try {
      profile = this.checkedProfile(input, undefined);
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    const refusal = storedKeyRefusal(input, input.id ? this.runtimes.get(input.id)?.profile : undefined);
    if (refusal) throw new Error(refusal);
    const saved = input.id ? this.options.keys.readKey(input.id) : null;
    const key = input.secretKey ?? (saved?.ok ? saved.key : null);
    if (!key) return { ok: false, message: 'Enter the secret key first.' };
    return testConnection(this.options.openEngine, profile, key);
  }

  async listAlertEntries(query: AlertEntryQuery): Promise<AlertEntryView[]> {
    return this.alerts.entries(query);
  }

  async acknowledgeAlert(id: string): Promise<void> {
    await this.alerts.acknowledge(id);
  }

  async findLiveRooms(profileId: string, next?: string): Promise<LiveRoomsPage> {
    const runtime = this.runtime(profileId);
    this.groupListPacer ??= new GroupListPacer(this.options.clock);
    await this.groupListPacer.turn(profileId);
    const watched = new Set(runtime.profile.rooms.map((room) => room.groupId));
    return liveRoomsPage(runtime.engine, watched, next);
  }

  async setPolling(profileId: string, polling: PollingInput): Promise<void> {
    const runtime = this.runtime(profileId);
    this.saveProfile_(runtime, {
      ...runtime.profile,
      intervalSeconds: polling.intervalSeconds,
      maxRate: polling.maxRate,
    });
    runtime.engine?.monitor.setIntervalMs(polling.intervalSeconds * 1000);
    runtime.engine?.budget?.setCap(polling.maxRate);
    this.emit({ type: 'profiles', profiles: this.views.profiles() });
  }

  async getSettings(): Promise<SettingsView> {
    const { webhooks, ...rest } = this.settings.read();
    const snoozes = snoozeViews(this.options.snoozes, this.options.clock.wall(), this.profiles());
    const active = this.options.activeShortcut;
    return {
      ...rest,
      webhooks: webhookViews(webhooks),
      snoozes,
      ...(active ? { activeShortcut: active() } : {}),
    };
  }

  async updateSettings(patch: SettingsPatch): Promise<SettingsView> {
    const next = applySettingsPatch(this.settings.read(), patch);
    this.settings.write(next);
    if (patch.rules || patch.webhooks || patch.quietHours !== undefined) await this.runtimes.restartAlerts();
    this.options.onSettingsChanged?.(next, patch);
    return this.getSettings();
  }

  async listAlerts(query: { sinceMs?: number; key?: RoomKey; limit?: number }): Promise<AlertView[]> {
    return this.alerts.list(query);
  }

  async getChart(key: RoomKey, range: ChartRange): Promise<ChartData> {
    const { runtime, groupId } = this.room(key);
    const now = this.options.clock.wall();
    const alerts = this.alerts.ofRoom(runtime.profile, groupId, now - CHART_SPAN_MS[range]);
    return roomChart(this.history, key, range, now, alerts);
  }

  async exportCsv(key: RoomKey, range: ChartRange): Promise<string> {
    this.room(key);
    return chartCsv(roomExport(this.history, key, range, this.options.clock.wall()));
  }

  async getSparklines(keys: RoomKey[]): Promise<Record<RoomKey, Array<number | null>>> {
    const now = this.options.clock.wall();
    const lines: Record<RoomKey, Array<number | null>> = {};
    // A room removed while the request was on its way is left out rather than failing the batch.
    for (const key of keys.slice(0, MAX_SPARKLINE_KEYS)) {
      if (this.isWatched(key)) lines[key] = roomSparkline(this.history, key, now);
    }
    return lines;
  }

  async getRoomRules(key: RoomKey): Promise<RuleSettings | null> {
    const { groupId } = this.room(key);
    return this.roomRules.read(groupId) ?? null;
  }

  async setRoomRules(key: RoomKey, rules: RuleSettings | null): Promise<void> {
    const { groupId } = this.room(key);
    this.roomRules.write(groupId, rules);
    // The settings key room rules by group id alone, so every profile watching it takes them.
    for (const runtime of this.runtimes.all()) runtime.sink?.configureRoom?.(groupId, rules);
  }

  async getOverlay(): Promise<OverlayView> {
    return this.overlay.view();
  }

  async setOverlay(change: OverlayChange): Promise<OverlayView> {
    return this.overlay.change(change);
  }

  private isWatched(key: RoomKey): boolean {
    const parsed = parseRoomKey(key);
    const runtime = parsed ? this.runtimes.get(parsed.profileId) : undefined;
    return runtime?.profile.rooms.some((r) => r.groupId === parsed?.groupId) ?? false;
  }

  /** Validates a profile from the form: region or endpoint as the CLI checks them, a unique label. */
  private checkedProfile(input: ProfileInput, previous: ProfileRecord | undefined): ProfileRecord {
    const labels = new Map(
      this.runtimes
        .all()
        .filter((r) => !r.demo)
        .map((r) => [r.profile.label, r.profile.id]),
    );
    return checkProfileInput(input, previous, labels);
  }

  private saveProfile_(runtime: Runtime, profile: ProfileRecord): void {
    runtime.profile = profile;
    if (!runtime.demo) this.options.profiles.save(profile);
  }

  private runtime(profileId: string): Runtime {
    const runtime = this.runtimes.get(profileId);
    if (!runtime) throw new Error(`There is no app profile "${profileId}".`);
    return runtime;
  }

  private room(key: RoomKey): { runtime: Runtime; groupId: string } {
    const parsed = parseRoomKey(key);
    const runtime = parsed ? this.runtimes.get(parsed.profileId) : undefined;
    if (!parsed || !runtime?.profile.rooms.some((r) => r.groupId === parsed.groupId)) {
      throw new Error(`There is no room ${JSON.stringify(key)}.`);
    }
    return { runtime, groupId: parsed.groupId };
  }

  private scopeOf(target: SnoozeTarget): SnoozeScope {
    if (target.kind === 'all') return { kind: 'all' };
    if (target.kind === 'profile')
      return { kind: 'profile', profile: this.runtime(target.profileId).profile.label };
    const { runtime, groupId } = this.room(target.key);
    return { kind: 'room', profile: runtime.profile.label, groupId };
  }

  private snoozesChanged(): void {
    this.options.saveSnoozes(this.options.snoozes);
    for (const runtime of this.runtimes.all()) {
      for (const room of runtime.profile.rooms) this.batcher.mark(roomKey(runtime.profile.id, room.groupId));
    }
  }

  /** Rooms from a command line, or saved before names were kept, are named behind the first polls. */
  private nameRooms(): void {
    void nameUnlabelledRooms({
      runtimes: this.runtimes,
      save: (runtime, profile) => this.saveProfile_(runtime, profile),
      named: (profileId, groupId) => this.batcher.mark(roomKey(profileId, groupId)),
    });
  }

  private profiles(): ProfileRecord[] {
    return this.runtimes.all().map((runtime) => runtime.profile);
  }

  private pushRooms(keys: string[]): void {
    const rooms = this.views.rooms(keys);
    if (rooms.length > 0) this.emit({ type: 'rooms', rooms });
  }

  private emit(push: MonitorPush): void {
    for (const listener of this.listeners) {
      try {
        listener(push);
      } catch {
        // One broken window must not stop the others or the engine.
      }
    }
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
