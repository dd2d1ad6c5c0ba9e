/**
 * The tray app's setup steps, each wiring one part: app-main.ts calls them in the order Electron
 * needs. They decide nothing: the engine (main/core), the service (main/service), its composition
 * (main/node/assemble-service.ts) and the shell (main/shell) do.
 */
import { join } from 'node:path';
import { app } from 'electron';
import { systemClock } from '../core/clock';
import type { AppSettings } from '../core/settings/app-settings';
import { vaultRecordsIn } from '../core/settings/app-settings-vault';
import { StorageHealth } from '../core/storage-health';
import { CredentialVault } from '../core/vault/credential-vault';
import { type AssembledService, assembleService } from '../node/assemble-service';
import { overlaySettingsIn, TrayOverlay } from '../node/overlay/tray-overlay';
import { profileEngineFactory, startDemoProfile } from '../node/profile-engine';
import { reportingSafeStore } from '../node/reporting-settings';
import type { SafeStore } from '../node/safe-store';
import type { MonitorService } from '../service/monitor-service';
import { withRoomPush } from '../service/room-push';
import { withRoomRules } from '../service/room-rules';
import { settingsInApp } from '../service/settings-in-app';
import { profilesIn } from '../service/settings-profiles';
import { roomKey } from '../service/views';
import { APP_ORIGIN, appPageUrl, isAppUrl } from '../shell/app-page';
import { applyLaunchAtLogin, installCleanShutdown, runAsTrayApp, watchSystemEvents } from './app-lifecycle';
import { openAppSettingsStore } from './app-settings-store';
import type { DesktopParts } from './desktop-parts';
import { createElectronNotifier } from './electron-notifier';
import { pushTo, registerMonitorApi } from './ipc';
import { createPopover } from './popover-window';
import { safeStorageCipher } from './safe-storage-cipher';
import { installSecurity, serveAppPages } from './security';
import { createGlobalShortcut } from './shortcut';
import { createTray, trayAssetsDir } from './tray';
import { keepTrayCurrent } from './tray-updates';

type AppSettingsStore = SafeStore<AppSettings> & { retryUnsaved(): void };

/** The tray app's service, and its OBS overlay. */
export type TrayService = AssembledService & { overlay: TrayOverlay };

/**
 * The app's settings file, its failed writes kept and tried again; every file's failure is told
 * once, with its cause, in the popover and the tray (`health`).
 */
export async function setupSettings(): Promise<{ settings: AppSettingsStore; health: StorageHealth }> {
  const health = new StorageHealth(systemClock);
  return { settings: reportingSafeStore(await openAppSettingsStore(), health), health };
}

/** A tray app with no window of its own, the security rules, and the app's pages on app://. */
export function setupSecurity(): void {
  runAsTrayApp();
  installSecurity();
  serveAppPages(join(app.getAppPath(), 'dist', 'renderer'));
}

/**
 * The service over the app's settings file: keys in the credential vault (safeStorage), alerts as
 * Electron notifications (a click opens the room), the history and the alert log in userData.
 */
export async function setupService(
  settings: AppSettingsStore,
  health: StorageHealth,
  parts: DesktopParts,
): Promise<TrayService> {
  const userData = app.getPath('userData');
  // The OBS overlay's loopback server, started only while the streamer has it on; the popover's
  // room view frames it for its preview. It asks for the service once it first serves a page.
  const overlay = new TrayOverlay({
    settings: overlaySettingsIn(settings),
    api: () => assembled.service,
    pageRoot: join(app.getAppPath(), 'dist', 'renderer'),
    frameAncestors: [APP_ORIGIN],
  });
  const notifier = createElectronNotifier({
    onClick: (alert) => {
      const profile = settings.read().profiles.find((p) => p.label === alert.profile);
      parts.focusRoom(profile && alert.groupId !== undefined ? roomKey(profile.id, alert.groupId) : null);
    },
  });
  const assembled = await assembleService({
    edition: 'the Headcount tray app',
    profiles: profilesIn(settings),
    keys: await CredentialVault.open({ cipher: safeStorageCipher(), records: vaultRecordsIn(settings) }),
    openEngine: profileEngineFactory(),
    startDemo: startDemoProfile,
    alertSettings: () => settings.read(),
    settings: settingsInApp(settings),
    roomRules: {
      read: (groupId) => settings.read().rooms?.[groupId]?.rules,
      write: (groupId, rules) => settings.update((current) => withRoomRules(current, groupId, rules)),
    },
    roomPush: {
      read: (groupId) => settings.read().rooms?.[groupId]?.push,
      reader: () => {
        const { rooms } = settings.read();
        return (groupId) => rooms?.[groupId]?.push;
      },
      write: (groupId, push) => settings.update((current) => withRoomPush(current, groupId, push)),
    },
    snoozes: {
      saved: settings.read().snoozes,
      save: (book) => settings.update((current) => ({ ...current, snoozes: book.toJSON() })),
    },
    alertLogPath: join(userData, 'alerts.jsonl'),
    historyFolder: join(userData, 'history'),
    readHistoryInBackground: true,
    desktop: [notifier],
    notices: settings.notices,
    health,
    retryUnsavedSettings: () => settings.retryUnsaved(),
    activeShortcut: () => parts.activeShortcut(),
    onSettingsChanged: (now, patch) => parts.settingsChanged(now, patch),
    overlay,
  });
  return { ...assembled, overlay };
}

/** The popover window with the preload bridge, the IPC handlers, and the service's pushes sent to it. */
export function setupPopover(settings: AppSettingsStore, service: MonitorService, parts: DesktopParts): void {
  const popover = createPopover({
    preloadPath: join(app.getAppPath(), 'dist', 'electron', 'preload.cjs'),
    pageUrl: appPageUrl('index.html'),
    size: {
      get: () => settings.read().popover,
      set: (size) => void settings.update((current) => ({ ...current, popover: size })),
    },
  });
  popover.loaded.catch((error: unknown) => fail(error));
  registerMonitorApi(service, isAppUrl);
  service.onPush((push) => pushTo(popover.window.webContents, push));
  parts.popover = popover;
}

/** The tray icon, its menu, and its number kept current from the engine. */
export function setupTray(
  settings: AppSettingsStore,
  assembled: AssembledService,
  parts: DesktopParts,
): void {
  const { service, snoozes } = assembled;
  const tray = createTray({
    assetsDir: trayAssetsDir(app.isPackaged, app.getAppPath(), process.resourcesPath),
    onClick: (bounds) => parts.popover?.toggleAt(bounds),
    actions: {
      open: () => parts.showPopover(),
      setPaused: (paused) => void service.setPaused(paused),
      snooze: (choice) => void service.snooze({ kind: 'all' }, choice),
      resumeNotifications: () => void service.unsnooze({ kind: 'all' }),
      openSettings: () => parts.showSettings(),
      quit: () => app.quit(),
    },
  });
  parts.tray = tray;
  parts.trayView = keepTrayCurrent({
    api: service,
    tray,
    choice: () => settings.read().tray.number,
    snoozedUntil: () => snoozes.active(Date.now()).find((s) => s.scope.kind === 'all')?.until ?? null,
    shortcut: () => parts.activeShortcut(),
  });
}

/** The global shortcut that opens the popover, as the settings name it. */
export function setupShortcut(settings: AppSettingsStore, parts: DesktopParts): void {
  parts.shortcut = createGlobalShortcut(() => parts.togglePopover());
  parts.shortcut.apply(settings.read().shortcut);
}

/** Starting at login, as the settings say. */
export function setupLoginItem(settings: AppSettingsStore): void {
  void applyLaunchAtLogin(settings.read().launchAtLogin);
}

/** After sleep, or when the network comes back, counts are stale: poll again at once. */
export function setupSystemEvents(service: MonitorService): void {
  watchSystemEvents({ resumed: () => service.wake(), online: () => service.wake() });
}

/** The overlay's server, where the streamer left it on. */
export async function setupOverlay(tray: TrayService): Promise<void> {
  await tray.overlay.start();
}

/** Quitting closes the overlay's pages, waits for polling to stop, alerts to go out and the history to be written. */
export function setupShutdown(tray: TrayService): void {
  installCleanShutdown(async () => {
    await tray.overlay.stop();
    await tray.close();
  });
}

/** Says why the app could not start, and ends it. */
export function fail(error: unknown): void {
  process.stderr.write(
    `Headcount could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  app.exit(1);
}
