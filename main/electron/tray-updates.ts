import type { MonitorApi } from '../contract/monitor-api';
import { FiringAlerts } from '../shell/firing-alerts';
import { trayAppearance } from '../shell/tray-appearance';
import type { TrayNumberChoice } from '../shell/tray-text';
import type { TrayHandle } from './tray';

export interface TrayUpdateOptions {
  api: Pick<MonitorApi, 'getSnapshot' | 'onPush'>;
  tray: TrayHandle;
  /** Which number the tray shows (a setting). */
  choice: () => TrayNumberChoice;
  /** When the snooze of every room ends, or null. */
  snoozedUntil: () => number | null;
  shortcut: () => string | null;
}

/** Changes are gathered this long before the tray is redrawn: a poll answer is not a repaint. */
const SETTLE_MS = 500;
/** The menu's "until 14:30" and an ended snooze are refreshed at least this often. */
const AT_LEAST_EVERY_MS = 30_000;

/** Keeps the tray's number, state, tooltip and menu in step with what the engine pushes. */
export function keepTrayCurrent(options: TrayUpdateOptions): { refresh(): void; stop(): void } {
  const firing = new FiringAlerts();
  let pending: NodeJS.Timeout | null = null;
  const redraw = async () => {
    pending = null;
    const snapshot = await options.api.getSnapshot();
    options.tray.show(trayAppearance({ snapshot, choice: options.choice(), alerting: firing.count > 0 }));
    options.tray.setMenu({
      paused: snapshot.paused,
      snoozedUntil: options.snoozedUntil(),
      shortcut: options.shortcut(),
      now: Date.now(),
    });
  };
  const refresh = () => {
    pending ??= setTimeout(() => void redraw(), SETTLE_MS);
  };
  const stopPushes = options.api.onPush((push) => {
    if (push.type === 'alert') firing.observe(push.alert);
    if (push.type === 'rooms-removed') firing.forgetRooms(push.keys);
    refresh();
  });
  const heartbeat = setInterval(refresh, AT_LEAST_EVERY_MS);
  refresh();
  return {
    refresh,
    stop() {
      stopPushes();
      clearInterval(heartbeat);
      if (pending) clearTimeout(pending);
    },
  };
}
