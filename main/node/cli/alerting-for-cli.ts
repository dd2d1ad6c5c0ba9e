import type { Alert } from '../../core/alerts/alert';
import { AlertLog } from '../../core/alerts/alert-log';
import { SnoozeBook } from '../../core/alerts/snooze';
import { systemClock } from '../../core/clock';
import type { Settings } from '../../core/settings/settings-schema';
import { StorageHealth } from '../../core/storage-health';
import { type Alerting, createAlerting, profileLabel } from '../alerting';
import { nodeFilePort } from '../file-port';
import { createDesktopNotifier } from '../notify/desktop-notifier';
import { reportingFilePort } from '../reporting-file-port';
import type { SettingsStore } from '../settings-store';
import { tellStorage } from './storage-news';

/** Alert lines a full disk kept back are tried again this often. */
const RETRY_EVERY_MS = 30_000;

/**
 * The alert pipeline of a headless run: the log beside the settings file, node-notifier for the
 * desktop when asked for, and snoozes followed as another process changes them.
 */
export async function alertingForCli(options: {
  store: SettingsStore;
  settings: Settings;
  where: string;
  notify: boolean;
  onAlert: (alert: Alert) => void;
}): Promise<Alerting> {
  // A log that cannot be written is said on stderr once, with why, and again when it can be.
  const health = new StorageHealth(systemClock);
  const stopTelling = tellStorage(health);
  const log = await AlertLog.open(
    reportingFilePort(nodeFilePort, health, 'alert log'),
    options.store.alertLogPath,
  );
  for (const message of log.problems().messages) health.problem('alert log', message);
  const retrying = setInterval(() => void log.retryUnsaved(), RETRY_EVERY_MS);
  retrying.unref();
  const alerting = createAlerting({
    settings: options.settings,
    profile: profileLabel(options.settings),
    where: options.where,
    log,
    snoozes: SnoozeBook.fromJSON(options.settings.snoozes),
    desktop: options.notify ? [createDesktopNotifier()] : [],
    clock: systemClock,
    onAlert: options.onAlert,
  });
  const stopFollowing = options.store.onChange(() => {
    alerting.setSnoozes(SnoozeBook.fromJSON(options.store.read().snoozes));
  });
  return {
    ...alerting,
    async close() {
      stopFollowing();
      clearInterval(retrying);
      await alerting.close();
      await log.retryUnsaved();
      if (log.unsavedLines() > 0) {
        process.stderr.write(
          `headcount: ${log.unsavedLines()} alert log line(s) could not be written to ${options.store.alertLogPath} before exiting.\n`,
        );
      }
      stopTelling();
    },
  };
}
