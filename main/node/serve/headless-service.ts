import { dirname, join } from 'node:path';
import { SnoozeBook } from '../../core/alerts/snooze';
import { systemClock } from '../../core/clock';
import type { FilePort } from '../../core/file-port';
import type { PushTarget } from '../../core/push/push-target';
import type { Settings } from '../../core/settings/settings-schema';
import { StorageHealth } from '../../core/storage-health';
import type { OverlayControl } from '../../service/overlay-control';
import { overriddenRoomPush } from '../../service/room-push';
import type { EngineFactory, ProfileRecord } from '../../service/service-ports';
import { assembleService } from '../assemble-service';
import { createDesktopNotifier } from '../notify/desktop-notifier';
import { profileEngineFactory, startDemoProfile } from '../profile-engine';
import { reportingSettingsStore } from '../reporting-settings';
import type { SettingsStore } from '../settings-store';
import { metricsRoomFacts } from './metrics-room-facts';
import { RunKeyStore, RunProfileStore } from './run-stores';
import type { RoomFacts, ServeMetrics } from './serve-metrics';
import { settingsInServe } from './serve-settings';

/** What the headless service is built from. */
export interface HeadlessServiceOptions {
  store: SettingsStore;
  settings: Settings;
  /** The app profile from the command's credentials and its key; null plays the demo show instead. */
  seed: { profile: ProfileRecord; secretKey: string } | null;
  ca?: string | undefined;
  /** Desktop notifications through node-notifier, held by snoozes and quiet hours. */
  notify: boolean;
  metrics: ServeMetrics;
  /** The OBS overlay: on while HEADCOUNT_OVERLAY_TOKEN is set. */
  overlay?: OverlayControl;
  /** The files' edge: Node's file system unless a test gives another (one that fails on cue). */
  files?: FilePort;
  /** How often counts go to the history files; a minute unless told. */
  historyFlushEveryMs?: number;
  /** How often writes that failed are tried again; half a minute unless told. */
  retryEveryMs?: number;
  /** Rooms that show their count to viewers for this run, as `--push` says, over the settings. */
  pushOverrides?: ReadonlyMap<string, PushTarget>;
}

/**
 * The MonitorService of the headless edition: one profile from the credentials (or the demo), keys
 * in memory, engines timed for /metrics, alerts by the settings' rules into the log beside the
 * settings file, the count history in `history/` beside it too (the demo's in memory, and in memory
 * too while another Headcount writes that folder), a room's own rules and the snoozes kept in that
 * file, the snoozes followed as other processes change them. `notices` says what the user should
 * know (the history not kept on disk, and why); the dashboard shows them too.
 */
export async function createHeadlessService(options: HeadlessServiceOptions) {
  const { settings, metrics, seed } = options;
  // Every failure to read or write a file is told once, with its cause, and so is the recovery.
  const health = new StorageHealth(systemClock);
  const store = reportingSettingsStore(options.store, health);
  const keys = new RunKeyStore();
  if (seed) keys.seed(seed.profile.id, seed.secretKey);
  const edited = settingsInServe(store, settings);
  const profiles = new RunProfileStore(seed ? [seed.profile] : []);
  const assembled = await assembleService({
    edition: 'headcount serve',
    profiles,
    keys,
    openEngine: timedEngines(metrics, options.ca, (profile) =>
      metricsRoomFacts(profile, profiles, edited.current),
    ),
    ...(seed ? {} : { startDemo: startDemoProfile }),
    alertSettings: edited.current,
    settings: edited.port,
    roomRules: edited.roomRules,
    roomPush: overriddenRoomPush(edited.roomPush, options.pushOverrides ?? new Map()),
    snoozes: { saved: settings.snoozes, save: (book) => store.set('snoozes', book.toJSON()) },
    alertLogPath: store.alertLogPath,
    historyFolder: seed ? join(dirname(store.path), 'history') : null,
    desktop: options.notify ? [createDesktopNotifier()] : [],
    onAlert: (profile, alert) => metrics.countAlert(String(profile.sdkAppId), alert),
    overlay: options.overlay,
    health,
    retryUnsavedSettings: () => store.retryUnsaved(),
    retryEveryMs: options.retryEveryMs,
    files: options.files,
    historyFlushEveryMs: options.historyFlushEveryMs,
  });
  const stopFollowing = store.onChange(() => {
    // A file broken mid-edit keeps the snoozes already known; the next good save is followed.
    try {
      replaceSnoozes(assembled.snoozes, store.read().snoozes);
    } catch {}
  });
  return {
    service: assembled.service,
    notices: assembled.notices,
    health,
    async close(): Promise<void> {
      stopFollowing();
      await assembled.close();
    },
  };
}

/** Engines whose calls are timed and whose monitors are followed by the metrics. */
function timedEngines(
  metrics: ServeMetrics,
  ca: string | undefined,
  roomFacts: (profile: ProfileRecord) => () => RoomFacts,
): EngineFactory {
  return (profile, secretKey, engineOptions) => {
    const app = String(profile.sdkAppId);
    const open = profileEngineFactory({ ca, wrapPost: (post) => metrics.timedPost(app, post) });
    const engine = open(profile, secretKey, engineOptions);
    const untrack = metrics.track(app, engine.monitor, roomFacts(profile), engine.budgets);
    return {
      client: engine.client,
      monitor: engine.monitor,
      budgets: engine.budgets,
      pusher: engine.pusher,
      close(): void {
        untrack();
        engine.close();
      },
    };
  };
}

/** Makes `book` hold exactly the snoozes saved in the file (the alert pipelines share `book`). */
function replaceSnoozes(book: SnoozeBook, saved: unknown): void {
  for (const { scope } of book.toJSON().snoozes) book.unsnooze(scope);
  for (const { scope, until } of SnoozeBook.fromJSON(saved).toJSON().snoozes) book.snooze(scope, until);
}
