import { randomBytes } from 'node:crypto';
import type {
  AddRoomsResult,
  AlertView,
  ConnectionTestResult,
  MonitorApi,
  MonitorPush,
  MonitorSnapshot,
  ProfileInput,
  ProfileView,
  RoomKey,
  RoomView,
  SnoozeChoice,
  SnoozeTarget,
} from '../contract/monitor-api';
import type { Alert } from '../core/alerts/alert';
import type { AlertLog } from '../core/alerts/alert-log';
import { type SnoozeBook, type SnoozeScope, snoozeUntil } from '../core/alerts/snooze';
import type { Clock } from '../core/clock';
import { ConfigError } from '../core/config-error';
import { resolveEndpoint } from '../core/regions';
import { PushBatcher } from './push-batcher';
import { admitRooms } from './room-admission';
import type {
  AlertSink,
  AlertSinkFactory,
  DemoStarter,
  EngineFactory,
  KeyStore,
  ProfileEngine,
  ProfileRecord,
  ProfileStore,
} from './service-ports';
import { parseRoomKey, profileView, roomKey, roomView } from './views';

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
  alertLog?: Pick<AlertLog, 'list'>;
  /** Things to tell the user at start (a damaged settings file kept aside, weak key storage...). */
  notices?: string[];
}

interface Runtime {
  profile: ProfileRecord;
  engine: ProfileEngine | null;
  sink: AlertSink | null;
  demo?: { close(): Promise<void> };
}

const PUSH_EVERY_MS = 250;

/**
 * The engine behind the UI, whatever carries it (Electron IPC or `headcount serve`): one runtime per
 * app profile (its key, engine, alerts), the demo while no profile is set up, and the MonitorApi.
 */
export class MonitorService implements MonitorApi {
  private readonly runtimes = new Map<string, Runtime>();
  private readonly listeners = new Set<(push: MonitorPush) => void>();
  private readonly batcher: PushBatcher;
  private paused = false;

  constructor(private readonly options: MonitorServiceOptions) {
    this.batcher = new PushBatcher(options.clock, PUSH_EVERY_MS, (keys) => this.pushRooms(keys));
  }

  /** Starts every saved profile, or the demo when there is none. */
  async start(): Promise<void> {
    const saved = this.options.profiles.list();
    for (const profile of saved) await this.startProfile(profile);
    if (saved.length === 0) await this.startDemo();
  }

  async stop(): Promise<void> {
    this.batcher.stop();
    for (const id of [...this.runtimes.keys()]) await this.stopProfile(id);
  }

  /** The machine woke up: counts are stale, poll again at once. */
  wake(): void {
    for (const { engine } of this.runtimes.values()) engine?.monitor.wake();
  }

  get isDemo(): boolean {
    return [...this.runtimes.values()].some((runtime) => runtime.demo);
  }

  async getSnapshot(): Promise<MonitorSnapshot> {
    return {
      demo: this.isDemo,
      paused: this.paused,
      profiles: this.profileViews(),
      rooms: [...this.runtimes.values()].flatMap((runtime) => this.roomViews(runtime)),
      notices: this.options.notices ?? [],
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

  async removeRoom(key: RoomKey): Promise<void> {
    const { runtime, groupId } = this.room(key);
    this.saveProfile_(runtime, {
      ...runtime.profile,
      rooms: runtime.profile.rooms.filter((r) => r.groupId !== groupId),
    });
    runtime.engine?.monitor.removeRoom(groupId);
    this.emit({ type: 'rooms-removed', keys: [key] });
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

  async getHistory(key: RoomKey, sinceMs?: number): Promise<Array<{ at: number; online: number }>> {
    const { runtime, groupId } = this.room(key);
    return runtime.engine?.monitor.history(groupId, sinceMs) ?? [];
  }

  async setPaused(paused: boolean): Promise<void> {
    this.paused = paused;
    for (const { engine } of this.runtimes.values()) {
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
    if (input.secretKey)
      this.options.keys.saveKey(profile.id, input.secretKey, {
        allowWeakStorage: input.allowWeakStorage === true,
      });
    await this.stopDemo();
    await this.stopProfile(profile.id);
    this.options.profiles.save(profile);
    await this.startProfile(profile, input.secretKey);
    this.emit({ type: 'snapshot', snapshot: await this.getSnapshot() });
    return this.profileViews().find((view) => view.id === profile.id) as ProfileView;
  }

  async removeProfile(profileId: string): Promise<void> {
    this.runtime(profileId);
    await this.stopProfile(profileId);
    this.options.keys.forget(profileId);
    this.options.profiles.remove(profileId);
    if (this.runtimes.size === 0) await this.startDemo();
    this.emit({ type: 'snapshot', snapshot: await this.getSnapshot() });
  }

  async testConnection(input: ProfileInput): Promise<ConnectionTestResult> {
    let profile: ProfileRecord;
    try {
      profile = this.checkedProfile(input, undefined);
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
    const saved = input.id ? this.options.keys.readKey(input.id) : null;
    const key = input.secretKey ?? (saved?.ok ? saved.key : null);
    if (!key) return { ok: false, message: 'Enter the secret key first.' };
    const engine = this.options.openEngine({ ...profile, rooms: [] }, key);
    try {
      const page = await engine.client.getAppidGroupList({ limit: 1 });
      if (page.ok) {
        const rooms = page.value.totalCount;
        return {
          ok: true,
          message: `Connected: the app has ${rooms} live-stream room${rooms === 1 ? '' : 's'}.`,
        };
      }
      const { kind, code, message } = page.error;
      return { ok: false, message, kind, ...(code === undefined ? {} : { code }) };
    } finally {
      engine.close();
    }
  }

  async listAlerts(query: { sinceMs?: number; key?: RoomKey; limit?: number }): Promise<AlertView[]> {
    const log = this.options.alertLog;
    if (!log) return [];
    const room = query.key ? parseRoomKey(query.key) : null;
    const entries = log.list({
      ...(query.sinceMs === undefined ? {} : { since: query.sinceMs }),
      ...(room ? { groupId: room.groupId } : {}),
      limit: query.limit ?? 100,
    });
    return entries.map((entry) => this.alertView(entry.alert));
  }

  private async startProfile(profile: ProfileRecord, freshKey?: string): Promise<void> {
    const key = freshKey ?? this.readKey(profile.id);
    const runtime: Runtime = { profile, engine: null, sink: null };
    this.runtimes.set(profile.id, runtime);
    if (!key) return;
    await this.startEngine(runtime, key);
  }

  private async startEngine(runtime: Runtime, key: string): Promise<void> {
    const { profile } = runtime;
    const engine = this.options.openEngine(profile, key);
    runtime.engine = engine;
    runtime.sink =
      (await this.options.alerts?.(profile, (alert) =>
        this.emit({ type: 'alert', alert: this.alertView(alert) }),
      )) ?? null;
    engine.monitor.on((event) => {
      runtime.sink?.handle(event);
      if (event.type === 'status') this.emit({ type: 'profiles', profiles: this.profileViews() });
      else if (event.type === 'sample' || event.type === 'error')
        this.batcher.mark(roomKey(profile.id, event.groupId));
      else if (event.type === 'room') this.batcher.mark(roomKey(profile.id, event.room.groupId));
    });
    engine.monitor.addRooms(profile.rooms.map((room) => room.groupId));
    if (this.paused) engine.monitor.pause();
    engine.monitor.start();
  }

  private async stopProfile(profileId: string): Promise<void> {
    const runtime = this.runtimes.get(profileId);
    if (!runtime) return;
    this.runtimes.delete(profileId);
    runtime.engine?.close();
    await runtime.sink?.close();
    await runtime.demo?.close();
  }

  private async startDemo(): Promise<void> {
    if (!this.options.startDemo) return;
    const demo = await this.options.startDemo();
    const runtime: Runtime = { profile: demo.profile, engine: null, sink: null, demo };
    this.runtimes.set(demo.profile.id, runtime);
    await this.startEngine(runtime, demo.secretKey);
  }

  private async stopDemo(): Promise<void> {
    for (const [id, runtime] of this.runtimes) if (runtime.demo) await this.stopProfile(id);
  }

  private readKey(profileId: string): string | null {
    const read = this.options.keys.readKey(profileId);
    return read.ok ? read.key : null;
  }

  /** Validates a profile from the form: region or endpoint as the CLI checks them, a unique label. */
  private checkedProfile(input: ProfileInput, previous: ProfileRecord | undefined): ProfileRecord {
    try {
      resolveEndpoint({ region: input.region, endpoint: input.endpoint });
    } catch (error) {
      if (error instanceof ConfigError) throw new Error(error.message);
      throw error;
    }
    const clash = [...this.runtimes.values()].find(
      (r) => r.profile.label === input.label && r.profile.id !== input.id && !r.demo,
    );
    if (clash) throw new Error(`Another app profile is already called "${input.label}".`);
    return {
      id: input.id ?? `app-${randomBytes(4).toString('hex')}`,
      label: input.label,
      sdkAppId: input.sdkAppId,
      identifier: input.identifier,
      region: input.region,
      endpoint: input.endpoint,
      intervalSeconds: previous?.intervalSeconds,
      maxRate: previous?.maxRate,
      rooms: previous?.rooms ?? [],
    };
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
    for (const runtime of this.runtimes.values())
      for (const room of runtime.profile.rooms) this.batcher.mark(roomKey(runtime.profile.id, room.groupId));
  }

  private roomViews(runtime: Runtime, only?: ReadonlySet<string>): RoomView[] {
    const { engine, profile } = runtime;
    if (!engine) return [];
    const now = this.options.clock.wall();
    return engine.monitor
      .snapshot()
      .filter((room) => !only || only.has(room.groupId))
      .map((room) =>
        roomView(profile, room, engine.monitor, now, this.snoozedUntil(profile.label, room.groupId, now)),
      );
  }

  private snoozedUntil(profile: string, groupId: string, now: number): number | null {
    const probe: Alert = {
      id: '',
      rule: 'failing',
      phase: 'firing',
      severity: 'info',
      profile,
      groupId,
      title: '',
      message: '',
      at: now,
    };
    return this.options.snoozes.heldUntil(probe, now);
  }

  private profileViews(): ProfileView[] {
    return [...this.runtimes.values()].map(({ profile, engine, demo }) =>
      profileView(
        profile,
        demo
          ? { keyStorage: 'this-run-only', note: 'Demo credentials of the built-in simulator.' }
          : this.options.keys.storage(profile.id),
        engine?.monitor.status() ?? null,
      ),
    );
  }

  private pushRooms(keys: string[]): void {
    const byProfile = new Map<string, Set<string>>();
    for (const key of keys) {
      const parsed = parseRoomKey(key);
      if (!parsed) continue;
      if (!byProfile.has(parsed.profileId)) byProfile.set(parsed.profileId, new Set());
      byProfile.get(parsed.profileId)?.add(parsed.groupId);
    }
    const rooms = [...byProfile].flatMap(([profileId, groupIds]) => {
      const runtime = this.runtimes.get(profileId);
      return runtime ? this.roomViews(runtime, groupIds) : [];
    });
    if (rooms.length > 0) this.emit({ type: 'rooms', rooms });
  }

  private alertView(alert: Alert): AlertView {
    const runtime = [...this.runtimes.values()].find((r) => r.profile.label === alert.profile);
    const profileId = runtime?.profile.id ?? alert.profile;
    return {
      id: alert.id,
      rule: alert.rule,
      phase: alert.phase,
      severity: alert.severity,
      profileId,
      roomKey: alert.groupId === undefined ? null : roomKey(profileId, alert.groupId),
      title: alert.title,
      message: alert.message,
      at: alert.at,
    };
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
