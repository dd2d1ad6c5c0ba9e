import { join } from 'node:path';
import type { Alert, Notifier } from '../core/alerts/alert';
import { AlertLog } from '../core/alerts/alert-log';
import { SnoozeBook } from '../core/alerts/snooze';
import { systemClock } from '../core/clock';
import type { FilePort } from '../core/file-port';
import { HistoryStore } from '../core/history/history-store';
import type { Settings } from '../core/settings/settings-schema';
import type { StorageHealth } from '../core/storage-health';
import {
  createMonitorService,
  type MonitorService,
  type MonitorServiceOptions,
} from '../service/monitor-service';
import type { OverlayControl } from '../service/overlay-control';
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
} from '../service/service-ports';
import { createAlerting } from './alerting';
import { nodeFilePort } from './file-port';
import { claimHistoryFolder } from './history-lock';
import { reportingFilePort } from './reporting-file-port';

/** What an edition (the tray app, `headcount serve`) brings to the service: its own adapters. */
export interface ServicePorts {
  /** The edition's name as another Headcount reads it in a notice ("the Headcount tray app"). */
  edition: string;
  profiles: ProfileStore;
  keys: KeyStore;
  openEngine: EngineFactory;
  /** Plays the demo show while no profile is set up; absent, the service starts empty. */
  startDemo?: DemoStarter | undefined;
  /** The settings the alert pipelines are built from, as they are now (rules, webhooks, quiet hours). */
  alertSettings: () => Settings;
  /** The settings the UI edits, and where a room's own rules are kept. */
  settings: SettingsPort;
  roomRules: RoomRulesStore;
  /** Where the rooms that show their count to viewers are kept (`rooms[groupId].push`). */
  roomPush: RoomPushStore;
  /** The snoozes as the settings hold them, and where a change is kept. */
  snoozes: { saved: unknown; save(book: SnoozeBook): void };
  /** The alert log's file. */
  alertLogPath: string;
  /** The folder the counts' history is kept in, or null to keep it in memory for this run. */
  historyFolder: string | null;
  /** Read the history's files behind the start (the tray app), rather than before it (serve). */
  readHistoryInBackground?: boolean;
  /** Desktop notifications, held by snoozes and quiet hours. */
  desktop: Notifier[];
  /** Each alert as the rules raise it (serve counts them for /metrics). */
  onAlert?: (profile: ProfileRecord, alert: Alert) => void;
  /** What the user should know from the start (a damaged settings file kept aside...). */
  notices?: readonly string[];
  /**
   * Whether the files can be written, and what was found damaged: told once in the UI with its
   * cause, and again on recovery. The edition's settings file reports here too.
   */
  health: StorageHealth;
  /** Writes again what a full disk refused of the edition's settings file (see reporting-settings.ts). */
  retryUnsavedSettings: () => void;
  /** How often writes that failed are tried again; half a minute unless told. */
  retryEveryMs?: number | undefined;
  /** The files' edge: Node's file system unless a test gives another (one that fails on cue). */
  files?: FilePort | undefined;
  /** How often counts go to the history files; a minute unless told. */
  historyFlushEveryMs?: number | undefined;
  activeShortcut?: MonitorServiceOptions['activeShortcut'];
  onSettingsChanged?: MonitorServiceOptions['onSettingsChanged'];
  /** The edition's OBS overlay: the tray app's switchable server, or serve's fixed one. */
  overlay?: OverlayControl | undefined;
}

/** Writes that failed (a full disk) are tried again this often, so a disk with room again gets them. */
const RETRY_EVERY_MS = 30_000;

/** The service with what it was built from, and how to stop it all in order. */
export interface AssembledService {
  service: MonitorService;
  /** The snoozes the service and the alert pipelines share (the tray's menu reads them). */
  snoozes: SnoozeBook;
  /** What the user should know (the history not kept on disk, and why); the service shows them too. */
  notices: string[];
  /** Whether the files can be written; the service shows its notices too. */
  health: StorageHealth;
  /** Stops polling, sends what the alert pipelines still gather, writes the history and lets its folder go. */
  close(): Promise<void>;
}

/**
 * The one composition of the service, for every edition: the alert log, the snoozes, the history
 * (on disk when its folder is free: one Headcount writes a history folder at a time, and a second
 * one keeps its counts in memory and says why), the alert pipelines of each profile, and the
 * MonitorService over them, all from the edition's ports.
 */
export async function assembleService(ports: ServicePorts): Promise<AssembledService> {
  const clock = systemClock;
  const { health } = ports;
  const files = ports.files ?? nodeFilePort;
  const log = await AlertLog.open(reportingFilePort(files, health, 'alert log'), ports.alertLogPath);
  for (const message of log.problems().messages) health.problem('alert log', message);
  const snoozes = SnoozeBook.fromJSON(ports.snoozes.saved);
  const notices = [...(ports.notices ?? [])];
  const folder = ports.historyFolder;
  const claim = folder === null ? null : await claimHistoryFolder(folder, { by: ports.edition });
  if (claim && !claim.ok) notices.push(claim.message);
  const history =
    folder !== null && claim?.ok
      ? await openHistory(reportingFilePort(files, health, 'history'), folder, ports)
      : HistoryStore.inMemory(clock);
  void history.ready.then(() => {
    for (const message of history.problems()?.messages ?? []) health.problem('history', message);
  });
  const retrying = setInterval(() => {
    void log.retryUnsaved();
    ports.retryUnsavedSettings();
  }, ports.retryEveryMs ?? RETRY_EVERY_MS);
  retrying.unref();

  const alerts: AlertSinkFactory = async (profile, onAlert) =>
    createAlerting({
      settings: ports.alertSettings(),
      profile: profile.label,
      where: whereOf(profile),
      log,
      snoozes,
      desktop: ports.desktop,
      clock,
      onAlert: (alert) => {
        ports.onAlert?.(profile, alert);
        onAlert(alert);
      },
    });

  const service = createMonitorService({
    clock,
    profiles: ports.profiles,
    keys: ports.keys,
    openEngine: ports.openEngine,
    snoozes,
    saveSnoozes: (book) => ports.snoozes.save(book),
    ...(ports.startDemo ? { startDemo: ports.startDemo } : {}),
    alerts,
    alertLog: log,
    history,
    notices,
    health,
    settings: ports.settings,
    roomRules: ports.roomRules,
    roomPush: ports.roomPush,
    ...(ports.activeShortcut ? { activeShortcut: ports.activeShortcut } : {}),
    ...(ports.onSettingsChanged ? { onSettingsChanged: ports.onSettingsChanged } : {}),
    ...(ports.overlay ? { overlay: ports.overlay } : {}),
  });
  return {
    service,
    snoozes,
    notices,
    health,
    async close(): Promise<void> {
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

/** The history in `folder`: read before the start, or behind it, yielding between lines as it reads. */
function openHistory(
  port: FilePort,
  folder: string,
  ports: Pick<ServicePorts, 'readHistoryInBackground' | 'historyFlushEveryMs'>,
): Promise<HistoryStore> | HistoryStore {
  const options = {
    clock: systemClock,
    folder: { port, pathOf: (name: string) => join(folder, name) },
    ...(ports.historyFlushEveryMs ? { flushEveryMs: ports.historyFlushEveryMs } : {}),
  };
  if (ports.readHistoryInBackground !== true) return HistoryStore.open(options);
  return HistoryStore.start({
    ...options,
    pauseWhileReading: () => new Promise<void>((resolve) => setImmediate(resolve)),
  });
}

/** Where a profile's rooms are, for grouped alerts: its region, else its endpoint's host. */
export function whereOf(profile: ProfileRecord): string {
  if (profile.region) return profile.region;
  try {
    return profile.endpoint ? new URL(profile.endpoint).host : profile.label;
  } catch {
    return profile.label;
  }
}
