import { dirname, join } from 'node:path';
import { AlertLog } from '../../core/alerts/alert-log';
import { SnoozeBook } from '../../core/alerts/snooze';
import { systemClock } from '../../core/clock';
import type { FilePort } from '../../core/file-port';
import { HistoryStore } from '../../core/history/history-store';
import type { Settings } from '../../core/settings/settings-schema';
import { StorageHealth } from '../../core/storage-health';
import { MonitorService } from '../../service/monitor-service';
import type { OverlayControl } from '../../service/overlay-control';
import type { AlertSinkFactory, EngineFactory, ProfileRecord } from '../../service/service-ports';
import { createAlerting } from '../alerting';
import { nodeFilePort } from '../file-port';
import { claimHistoryFolder } from '../history-lock';
import { createDesktopNotifier } from '../notify/desktop-notifier';
import { profileEngineFactory, startDemoProfile } from '../profile-engine';
import { reportingFilePort } from '../reporting-file-port';
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
}

/** Writes that failed (a full disk) are tried again this often, so a disk with room again gets them. */
const RETRY_EVERY_MS = 30_000;

/**
 * The MonitorService of the headless edition: one profile from the credentials (or the demo), keys
 * in memory, engines timed for /metrics, alerts by the settings' rules into the log beside the
 * settings file, the count history in `history/` beside it too (the demo's in memory, and in memory
 * too while another Headcount writes that folder), a room's own rules and the snoozes kept in that
 * file, the snoozes followed as other processes change them. `notices` says what the user should
 * know (the history not kept on disk, and why); the dashboard shows them too.
 */
export async function createHeadlessService(options: HeadlessServiceOptions) {
  const { settings, metrics } = options;
  // Every failure to read or write a file is told once, with its cause, and so is the recovery.
  const health = new StorageHealth(systemClock);
  const files = options.files ?? nodeFilePort;
  const store = reportingSettingsStore(options.store, health);
  const log = await AlertLog.open(reportingFilePort(files, health, 'alert log'), store.alertLogPath);
  for (const message of log.problems().messages) health.problem('alert log', message);
  const snoozes = SnoozeBook.fromJSON(settings.snoozes);
  const stopFollowing = store.onChange(() => {
    // A file broken mid-edit keeps the snoozes already known; the next good save is followed.
    try {
      replaceSnoozes(snoozes, store.read().snoozes);
    } catch {}
  });
  const keys = new RunKeyStore();
  if (options.seed) keys.seed(options.seed.profile.id, options.seed.secretKey);
  const desktop = options.notify ? [createDesktopNotifier()] : [];
  const notices: string[] = [];
  const historyFolder = join(dirname(store.path), 'history');
  const claim = options.seed ? await claimHistoryFolder(historyFolder, { by: 'headcount serve' }) : null;
  if (claim && !claim.ok) notices.push(claim.message);
  const history = claim?.ok
    ? await HistoryStore.open({
        clock: systemClock,
        folder: {
          port: reportingFilePort(files, health, 'history'),
          pathOf: (name) => join(historyFolder, name),
        },
        ...(options.historyFlushEveryMs ? { flushEveryMs: options.historyFlushEveryMs } : {}),
      })
    : HistoryStore.inMemory(systemClock);
  for (const message of history.problems()?.messages ?? []) health.problem('history', message);
  const retrying = setInterval(() => {
    void log.retryUnsaved();
    store.retryUnsaved();
  }, options.retryEveryMs ?? RETRY_EVERY_MS);
  retrying.unref();

  const edited = settingsInServe(store, settings);
  const alerts: AlertSinkFactory = async (profile, onAlert) =>
    createAlerting({
      settings: edited.current(),
      profile: profile.label,
      where: whereOf(profile),
      log,
      snoozes,
      desktop,
      clock: systemClock,
      onAlert: (alert) => {
        metrics.countAlert(String(profile.sdkAppId), alert);
        onAlert(alert);
      },
    });

  const profiles = new RunProfileStore(options.seed ? [options.seed.profile] : []);
  const service = new MonitorService({
    clock: systemClock,
    profiles,
    keys,
    openEngine: timedEngines(metrics, options.ca, (profile) =>
      metricsRoomFacts(profile, profiles, edited.current),
    ),
    snoozes,
    saveSnoozes: (book) => store.set('snoozes', book.toJSON()),
    ...(options.seed ? {} : { startDemo: startDemoProfile }),
    alerts,
    alertLog: log,
    history,
    settings: edited.port,
    roomRules: edited.roomRules,
    notices,
    ...(options.overlay ? { overlay: options.overlay } : {}),
    health,
  });
  return {
    service,
    notices,
    health,
    async close(): Promise<void> {
      stopFollowing();
      clearInterval(retrying);
      try {
        await service.stop();
        await log.flush();
      } finally {
        // Only once the history's last batch is written (stop closes it) may another take over.
        if (claim?.ok) await claim.release();
      }
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
    const untrack = metrics.track(app, engine.monitor, roomFacts(profile));
    return {
      client: engine.client,
      monitor: engine.monitor,
      budget: engine.budget,
      close(): void {
        untrack();
        engine.close();
      },
    };
  };
}

/** Where a profile's rooms are, for grouped alerts: its region, else its endpoint's host. */
function whereOf(profile: ProfileRecord): string {
  if (profile.region) return profile.region;
  try {
    return profile.endpoint ? new URL(profile.endpoint).host : profile.label;
  } catch {
    return profile.label;
  }
}

/** Makes `book` hold exactly the snoozes saved in the file (the alert pipelines share `book`). */
function replaceSnoozes(book: SnoozeBook, saved: unknown): void {
  for (const { scope } of book.toJSON().snoozes) book.unsnooze(scope);
  for (const { scope, until } of SnoozeBook.fromJSON(saved).toJSON().snoozes) book.snooze(scope, until);
}
