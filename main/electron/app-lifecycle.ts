import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname } from 'node:path';
import { app, net, powerMonitor } from 'electron';
import { type LoginEnvironment, loginItemPlan } from '../shell/login-item';
import { ShutdownSequence } from '../shell/shutdown';
import { type SystemEventHandlers, SystemEvents } from '../shell/system-events';

/**
 * Makes this the only running copy. A second launch ends at once and calls `onSecondLaunch` in the
 * first (the wiring opens the popover). Returns false in the second copy, which is already quitting.
 */
export function claimSingleInstance(onSecondLaunch: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => onSecondLaunch());
  return true;
}

/**
 * A tray app has no windows to keep it alive: without a listener Electron quits when the last
 * window closes. On macOS the dock icon is hidden too (a packaged build already has LSUIElement;
 * this covers development runs).
 */
export function runAsTrayApp(platform: NodeJS.Platform = process.platform): void {
  app.on('window-all-closed', () => {});
  if (platform === 'darwin') app.dock?.hide();
}

/** Starts (or stops starting) the app at login: a login item on macOS and Windows, an autostart entry on Linux. */
export async function applyLaunchAtLogin(
  enabled: boolean,
  env: Partial<LoginEnvironment> = {},
): Promise<void> {
  const plan = loginItemPlan(enabled, {
    platform: process.platform,
    execPath: process.execPath,
    appImage: process.env.APPIMAGE,
    home: homedir(),
    xdgConfigHome: process.env.XDG_CONFIG_HOME,
    ...env,
  });
  if (plan.kind === 'login-item') {
    app.setLoginItemSettings({ openAtLogin: plan.openAtLogin });
  } else if (plan.contents === null) {
    await rm(plan.path, { force: true });
  } else {
    await mkdir(dirname(plan.path), { recursive: true });
    await writeFile(plan.path, plan.contents, { mode: 0o644 });
  }
}

/**
 * Passes sleep, wake and the network coming and going to `handlers` (the engine's wake()). Electron
 * has no main-process event for connectivity, so `net.isOnline()` is polled. Returns the stop function.
 */
export function watchSystemEvents(handlers: SystemEventHandlers, pollMs = 5000): () => void {
  const events = new SystemEvents(handlers, Date.now);
  const suspend = () => events.suspend();
  const resume = () => events.resume();
  powerMonitor.on('suspend', suspend);
  powerMonitor.on('resume', resume);
  events.connectivity(net.isOnline());
  const timer = setInterval(() => events.connectivity(net.isOnline()), pollMs);
  return () => {
    clearInterval(timer);
    powerMonitor.removeListener('suspend', suspend);
    powerMonitor.removeListener('resume', resume);
  };
}

/**
 * Holds the first quit until `stop` (stop polling, flush state) has finished or `timeoutMs` passed,
 * then quits. Also on a system shutdown (Linux, macOS), which delays it while the app stops.
 */
export function installCleanShutdown(
  stop: () => Promise<void>,
  onError: (error: unknown) => void = () => {},
  timeoutMs = 5000,
): ShutdownSequence {
  const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
  const sequence = new ShutdownSequence(stop, wait, onError, timeoutMs);
  app.on('before-quit', (event) => {
    if (sequence.request(() => app.quit())) event.preventDefault();
  });
  powerMonitor.on('shutdown', (event?: { preventDefault(): void }) => {
    if (sequence.request(() => app.quit())) event?.preventDefault();
  });
  return sequence;
}
