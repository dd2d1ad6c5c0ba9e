/**
 * The tray app's entry: it only wires things together, in the order Electron needs them. Every
 * decision lives in the engine (main/core), the service (main/service) and the shell (main/shell).
 */
import { join } from 'node:path';
import { app } from 'electron';
import type { Alert } from '../core/alerts/alert';
import { AlertLog } from '../core/alerts/alert-log';
import { SnoozeBook } from '../core/alerts/snooze';
import { systemClock } from '../core/clock';
import { HistoryStore } from '../core/history/history-store';
import { vaultRecordsIn } from '../core/settings/app-settings-vault';
import { StorageHealth } from '../core/storage-health';
import { CredentialVault } from '../core/vault/credential-vault';
import { createAlerting } from '../node/alerting';
import { nodeFilePort } from '../node/file-port';
import { claimHistoryFolder } from '../node/history-lock';
import { overlaySettingsIn, TrayOverlay } from '../node/overlay/tray-overlay';
import { profileEngineFactory, startDemoProfile } from '../node/profile-engine';
import { reportingFilePort } from '../node/reporting-file-port';
import { reportingSafeStore } from '../node/reporting-settings';
import { MonitorService } from '../service/monitor-service';
import { withRoomRules } from '../service/room-rules';
import { settingsInApp } from '../service/settings-in-app';
import { profilesIn } from '../service/settings-profiles';
import { roomKey } from '../service/views';
import { APP_ORIGIN, appPageUrl, isAppUrl } from '../shell/app-page';
import {
  applyLaunchAtLogin,
  claimSingleInstance,
  installCleanShutdown,
  runAsTrayApp,
  watchSystemEvents,
} from './app-lifecycle';
import { openAppSettingsStore } from './app-settings-store';
import { createElectronNotifier } from './electron-notifier';
import { pushTo, registerMonitorApi } from './ipc';
import { createPopover, type Popover } from './popover-window';
import { safeStorageCipher } from './safe-storage-cipher';
import { installSecurity, registerAppScheme, serveAppPages } from './security';
import { createGlobalShortcut } from './shortcut';
import { createTray, trayAssetsDir } from './tray';
import { keepTrayCurrent } from './tray-updates';

/** Writes a full disk refused are tried again this often. */
const STORAGE_RETRY_MS = 30_000;

let popover: Popover | null = null;
let showPopover = () => popover?.showAt(null);

registerAppScheme();
if (claimSingleInstance(() => showPopover())) {
  app.whenReady().then(start, (error: unknown) => fail(error));
}

async function start(): Promise<void> {
  runAsTrayApp();
  installSecurity();
  const appPath = app.getAppPath();
  serveAppPages(join(appPath, 'dist', 'renderer'));

  // Every failure to read or write a file is told once in the popover and the tray, with its cause.
  const health = new StorageHealth(systemClock);
  const settings = reportingSafeStore(await openAppSettingsStore(), health);
  const vault = await CredentialVault.open({
    cipher: safeStorageCipher(),
    records: vaultRecordsIn(settings),
  });
  const log = await AlertLog.open(
    reportingFilePort(nodeFilePort, health, 'alert log'),
    join(app.getPath('userData'), 'alerts.jsonl'),
  );
  for (const message of log.problems().messages) health.problem('alert log', message);
  const snoozes = SnoozeBook.fromJSON(settings.read().snoozes);
  const historyFolder = join(app.getPath('userData'), 'history');
  // One writer per history folder: a headcount serve pointed at it keeps this run's counts in memory.
  const claim = await claimHistoryFolder(historyFolder, { by: 'the Headcount tray app' });
  const history = claim.ok
    ? HistoryStore.start({
        clock: systemClock,
        folder: {
          port: reportingFilePort(nodeFilePort, health, 'history'),
          pathOf: (name) => join(historyFolder, name),
        },
        pauseWhileReading: () => new Promise((resolve) => setImmediate(resolve)),
      })
    : HistoryStore.inMemory(systemClock);
  void history.ready.then(() => {
    for (const message of history.problems()?.messages ?? []) health.problem('history', message);
  });
  const retrying = setInterval(() => {
    void log.retryUnsaved();
    settings.retryUnsaved();
  }, STORAGE_RETRY_MS);

  const focus = (alert: Alert) => {
    showPopover();
    const profile = settings.read().profiles.find((p) => p.label === alert.profile);
    if (profile && alert.groupId !== undefined) {
      const contents = popover?.window.webContents;
      if (contents) pushTo(contents, { type: 'focus', key: roomKey(profile.id, alert.groupId) });
    }
  };
  const notifier = createElectronNotifier({ onClick: focus });
  // Set once the tray exists; a settings change before that has nothing to refresh.
  let trayView: { refresh(): void } | null = null;
  // The OBS overlay's loopback server, started only while the streamer has it on; the popover's
  // room view frames it for its preview.
  const overlay = new TrayOverlay({
    settings: overlaySettingsIn(settings),
    api: (): MonitorService => service,
    pageRoot: join(appPath, 'dist', 'renderer'),
    frameAncestors: [APP_ORIGIN],
  });

  const service = new MonitorService({
    clock: systemClock,
    profiles: profilesIn(settings),
    keys: vault,
    openEngine: profileEngineFactory(),
    snoozes,
    saveSnoozes: (book) => settings.update((current) => ({ ...current, snoozes: book.toJSON() })),
    startDemo: startDemoProfile,
    alerts: async (profile, onAlert) =>
      createAlerting({
        settings: settings.read(),
        profile: profile.label,
        where: profile.region ?? profile.endpoint ?? profile.label,
        log,
        snoozes,
        desktop: [notifier],
        clock: systemClock,
        onAlert,
      }),
    alertLog: log,
    history,
    notices: [...settings.notices, ...(claim.ok ? [] : [claim.message])],
    health,
    settings: settingsInApp(settings),
    roomRules: {
      read: (groupId) => settings.read().rooms?.[groupId]?.rules,
      write: (groupId, rules) => settings.update((current) => withRoomRules(current, groupId, rules)),
    },
    activeShortcut: () => shortcut.active,
    onSettingsChanged: (now, patch) => {
      if (patch.app?.launchAtLogin !== undefined) void applyLaunchAtLogin(patch.app.launchAtLogin);
      if (patch.app?.shortcut !== undefined) shortcut.apply(now.app?.shortcut ?? null);
      if (patch.app?.trayNumber !== undefined || patch.app?.shortcut !== undefined) trayView?.refresh();
    },
    overlay,
  });

  popover = createPopover({
    preloadPath: join(appPath, 'dist', 'electron', 'preload.cjs'),
    pageUrl: appPageUrl('index.html'),
    size: {
      get: () => settings.read().popover,
      set: (size) => void settings.update((current) => ({ ...current, popover: size })),
    },
  });
  popover.loaded.catch((error: unknown) => fail(error));
  registerMonitorApi(service, isAppUrl);
  service.onPush((push) => {
    if (popover) pushTo(popover.window.webContents, push);
  });

  const shortcut = createGlobalShortcut(() => popover?.toggleAt(tray.bounds()));
  const tray = createTray({
    assetsDir: trayAssetsDir(app.isPackaged, appPath, process.resourcesPath),
    onClick: (bounds) => popover?.toggleAt(bounds),
    actions: {
      open: () => showPopover(),
      setPaused: (paused) => void service.setPaused(paused),
      snooze: (choice) => void service.snooze({ kind: 'all' }, choice),
      resumeNotifications: () => void service.unsnooze({ kind: 'all' }),
      openSettings: () => {
        showPopover();
        if (popover) pushTo(popover.window.webContents, { type: 'show', view: 'settings' });
      },
      quit: () => app.quit(),
    },
  });
  showPopover = () => popover?.showAt(tray.bounds());
  trayView = keepTrayCurrent({
    api: service,
    tray,
    choice: () => settings.read().tray.number,
    snoozedUntil: () => snoozes.active(Date.now()).find((s) => s.scope.kind === 'all')?.until ?? null,
    // The menu names the shortcut that works, not a saved one the system refused.
    shortcut: () => shortcut.active,
  });

  shortcut.apply(settings.read().shortcut);
  void applyLaunchAtLogin(settings.read().launchAtLogin);
  watchSystemEvents({ resumed: () => service.wake(), online: () => service.wake() });
  installCleanShutdown(async () => {
    clearInterval(retrying);
    await overlay.stop();
    await service.stop();
    if (claim.ok) await claim.release();
  });
  await service.start();
  await overlay.start();
}

function fail(error: unknown): void {
  process.stderr.write(
    `Headcount could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  app.exit(1);
}
