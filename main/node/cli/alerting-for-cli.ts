import type { Alert } from '../../core/alerts/alert';
import { AlertLog } from '../../core/alerts/alert-log';
import { SnoozeBook } from '../../core/alerts/snooze';
import { systemClock } from '../../core/clock';
import type { Settings } from '../../core/settings/settings-schema';
import { type Alerting, createAlerting, profileLabel } from '../alerting';
import { nodeFilePort } from '../file-port';
import { createDesktopNotifier } from '../notify/desktop-notifier';
import type { SettingsStore } from '../settings-store';

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
  const log = await AlertLog.open(nodeFilePort, options.store.alertLogPath);
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
      await alerting.close();
    },
  };
}
