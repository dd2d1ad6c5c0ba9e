import type { Alert } from '../../core/alerts/alert';
import { systemClock } from '../../core/clock';
import { recordInto } from '../../core/history/history-recorder';
import { HistoryStore } from '../../core/history/history-store';
import { longTimeout } from '../../core/long-timeout';
import type { PushTarget } from '../../core/push/push-target';
import type { Alerting } from '../alerting';
import type { Engine } from '../engine';
import { terminalText } from './terminal-text';
import { alertJsonLine, alertTextLine, clearScreen, jsonLine, renderScreen, textLine } from './watch-view';

export interface WatchRun {
  engine: Engine;
  groupIds: string[];
  /** The rooms that show their count to viewers, and how. */
  pushes?: ReadonlyMap<string, PushTarget>;
  json: boolean;
  durationMs?: number | undefined;
  /** Shown above the live table. */
  title: string;
  /** Rules, the alert log and notifications; the watch prints each alert as it is raised. */
  alerting?: (onAlert: (alert: Alert) => void) => Promise<Alerting>;
}

const REDRAW_MS = 1000;
const ALERTS_ON_SCREEN = 8;

/**
 * Watches rooms until the duration ends, SIGINT or SIGTERM (exit 0), or the server rejects the
 * credentials or the account (exit 2: nothing more can be learned without new ones). Alerts still
 * gathered for a notification are sent, and logged, before it exits.
 */
export async function watchRooms(run: WatchRun): Promise<number> {
  const { monitor } = run.engine;
  // The counts' history, for the table's change over a minute: in memory, as the service keeps it.
  const history = HistoryStore.inMemory(systemClock);
  monitor.on(recordInto(history, (groupId) => groupId));
  const write = (text: string) => process.stdout.write(text);
  const live = !run.json && process.stdout.isTTY === true;
  const recentAlerts: string[] = [];
  const alerting = await run.alerting?.((alert) => {
    if (run.json) write(`${alertJsonLine(alert)}\n`);
    else if (live) recentAlerts.push(alertTextLine(alert));
    else write(`${alertTextLine(alert)}\n`);
  });
  return new Promise((resolve) => {
    const timers: NodeJS.Timeout[] = [];
    let finished = false;
    const redraw = () => {
      clearScreen(write);
      const alerts = recentAlerts.slice(-ALERTS_ON_SCREEN);
      write(
        `${renderScreen(run.engine, history, run.title)}\n${alerts.length ? `\nRecent alerts:\n${alerts.join('\n')}\n` : ''}`,
      );
    };
    const finish = async (code: number) => {
      if (finished) return;
      finished = true;
      for (const timer of timers) clearTimeout(timer);
      ends?.cancel();
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      if (live) redraw();
      run.engine.close();
      await history.close();
      await alerting?.close();
      resolve(code);
    };
    const stop = () => void finish(0);
    monitor.on((event) => {
      if (finished) return;
      const line = run.json
        ? jsonLine(event, () => run.engine.budgets.readings())
        : live
          ? null
          : textLine(event);
      if (line !== null) write(`${line}\n`);
      alerting?.handle(event);
      if (event.type === 'status' && event.status.error) {
        if (!run.json) process.stderr.write(`headcount: ${terminalText(event.status.error.message)}\n`);
        void finish(2);
      }
    });
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    // A month's run is longer than one timer holds: the wait is chained.
    const ends = run.durationMs === undefined ? null : longTimeout(stop, run.durationMs);
    if (live) timers.push(setInterval(redraw, REDRAW_MS));
    for (const [groupId, target] of run.pushes ?? []) run.engine.pusher.configure(groupId, target);
    monitor.addRooms(run.groupIds);
    monitor.start();
  });
}
