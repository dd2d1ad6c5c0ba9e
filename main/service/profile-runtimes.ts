import type { Alert } from '../core/alerts/alert';
import { FiringRooms } from '../core/alerts/firing-rooms';
import { recordInto } from '../core/history/history-recorder';
import type { HistoryStore } from '../core/history/history-store';
import type { MonitorEvent } from '../core/monitor-events';
import type {
  AlertSink,
  AlertSinkFactory,
  DemoRun,
  DemoStarter,
  EngineFactory,
  KeyStore,
  ProfileEngine,
  ProfileRecord,
} from './service-ports';
import { roomKey } from './views';

/** One app profile while the app runs: its record, and its engine and alerts once it has a key. */
export interface Runtime {
  profile: ProfileRecord;
  engine: ProfileEngine | null;
  sink: AlertSink | null;
  /** Set for the demo profile, which closes its simulator. */
  demo?: DemoRun;
  /** The rooms with an alert firing, which its monitor keeps at the requested interval. */
  firing?: FiringRooms;
}

export interface ProfileRuntimesOptions {
  keys: KeyStore;
  openEngine: EngineFactory;
  startDemo?: DemoStarter | undefined;
  alerts?: AlertSinkFactory | undefined;
  /** Where every profile's counts are kept, each room under its room key. */
  history: Pick<HistoryStore, 'record'>;
  /** Every monitor event of every profile. */
  onEvent: (profile: ProfileRecord, event: MonitorEvent) => void;
  onAlert: (alert: Alert) => void;
  /** Whether polling is paused app-wide (a profile started meanwhile starts paused). */
  paused: () => boolean;
  /** A profile's engine was started, its rooms added: set up what else its rooms need. */
  onStarted?: (runtime: Runtime) => void;
}

/** Starts and stops the runtime of each profile, and the demo's. */
export class ProfileRuntimes {
  private readonly runtimes = new Map<string, Runtime>();

  constructor(private readonly options: ProfileRuntimesOptions) {}

  get(profileId: string): Runtime | undefined {
    return this.runtimes.get(profileId);
  }

  all(): Runtime[] {
    return [...this.runtimes.values()];
  }

  get size(): number {
    return this.runtimes.size;
  }

  get isDemo(): boolean {
    return this.all().some((runtime) => runtime.demo);
  }

  /** Starts a profile with the key given, else the one in the vault; without one it waits for a key. */
  async start(profile: ProfileRecord, freshKey?: string): Promise<void> {
    const saved = freshKey ? null : this.options.keys.readKey(profile.id);
    const key = freshKey ?? (saved?.ok ? saved.key : null);
    const runtime: Runtime = { profile, engine: null, sink: null };
    this.runtimes.set(profile.id, runtime);
    if (key) await this.startEngine(runtime, key);
  }

  async stop(profileId: string): Promise<void> {
    const runtime = this.runtimes.get(profileId);
    if (!runtime) return;
    this.runtimes.delete(profileId);
    runtime.engine?.close();
    await runtime.sink?.close();
    await runtime.demo?.close();
  }

  async stopAll(): Promise<void> {
    for (const id of [...this.runtimes.keys()]) await this.stop(id);
  }

  async startDemo(): Promise<void> {
    if (!this.options.startDemo) return;
    const demo = await this.options.startDemo();
    const runtime: Runtime = { profile: demo.profile, engine: null, sink: null, demo };
    this.runtimes.set(demo.profile.id, runtime);
    await this.startEngine(runtime, demo.secretKey);
  }

  async stopDemo(): Promise<void> {
    for (const runtime of this.all()) if (runtime.demo) await this.stop(runtime.profile.id);
  }

  /**
   * Rebuilds every running profile's alert pipeline from the settings as they now are (rules,
   * webhooks, quiet hours). Alerts still gathered by the old pipeline are sent first.
   */
  async restartAlerts(): Promise<void> {
    for (const runtime of this.all()) {
      if (!runtime.engine || !this.options.alerts) continue;
      const old = runtime.sink;
      // The new pipeline judges every room afresh: none is held for an alert of the old one.
      runtime.firing = new FiringRooms();
      runtime.engine.monitor.hold('alert', []);
      runtime.sink = await this.options.alerts(runtime.profile, (alert) => this.alertSeen(runtime, alert));
      runtime.sink.nameRooms?.(roomNames(runtime.profile));
      await old?.close();
    }
  }

  private async startEngine(runtime: Runtime, key: string): Promise<void> {
    const engine = this.options.openEngine(runtime.profile, key);
    runtime.engine = engine;
    runtime.sink =
      (await this.options.alerts?.(runtime.profile, (alert) => this.alertSeen(runtime, alert))) ?? null;
    runtime.sink?.nameRooms?.(roomNames(runtime.profile));
    engine.monitor.on(recordInto(this.options.history, (groupId) => roomKey(runtime.profile.id, groupId)));
    engine.monitor.on((event) => {
      runtime.sink?.handle(event);
      this.options.onEvent(runtime.profile, event);
    });
    engine.monitor.addRooms(runtime.profile.rooms.map((room) => room.groupId));
    this.options.onStarted?.(runtime);
    if (this.options.paused()) engine.monitor.pause();
    engine.monitor.start();
  }

  /** An alert of the profile: its room stays fast while the alert fires, and the UI hears of it. */
  private alertSeen(runtime: Runtime, alert: Alert): void {
    runtime.firing ??= new FiringRooms();
    if (runtime.firing.observe(alert)) runtime.engine?.monitor.hold('alert', runtime.firing.rooms());
    this.options.onAlert(alert);
  }
}

/** The names a profile's rooms go by (their label, or the group Name kept as one), for the alert texts. */
export function roomNames(profile: ProfileRecord): Record<string, string> {
  const names: Record<string, string> = {};
  for (const room of profile.rooms) if (room.label) names[room.groupId] = room.label;
  return names;
}
