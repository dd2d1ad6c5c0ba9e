import type { Alert } from '../../core/alerts/alert';
import { FiringRooms } from '../../core/alerts/firing-rooms';
import { systemClock } from '../../core/clock';
import { recordInto } from '../../core/history/history-recorder';
import { HistoryStore } from '../../core/history/history-store';
import { longTimeout } from '../../core/long-timeout';
import type { PushTarget } from '../../core/push/push-target';
import type { Alerting } from '../alerting';
import type { Engine } from '../engine';
import { terminalText } from './terminal-text';
import { renderWatchScreen } from './watch-screen';
import { alertJsonLine, alertTextLine, clearScreen, jsonLine, textLine } from './watch-view';

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
  /** Said on stderr when the run ends because its duration is over (not when it is stopped). */
  endNote?: string;
  /** Rooms' labels from the settings; the others are named by their group Name once it is known. */
  labels?: Readonly<Record<string, string>>;
}

const REDRAW_MS = 1000;
/**
 * How long lines for a log or a pipe wait to be written together while more keep coming. Standard
 * output to a file or a pipe is written synchronously: a line a call made about 190 writes a second
 * at 2,000 rooms, each a system call with the stream's work around it; together they make a few.
 */
export const LINE_BATCH_MS = 100;
/**
 * When no line comes after them, the lines waiting are written by a timer this long after the
 * first: while lines keep coming, the line that finds them {@link LINE_BATCH_MS} old writes them,
 * and the timer, cleared before it is due, wakes nothing.
 */
export const LINE_BATCH_LAST_MS = 250;
/** Lines waiting beyond this many characters are written at once. */
const LINE_BATCH_CHARS = 64 * 1024;
const WATCH_HISTORY_MS = 10 * 60_000;
/** How far back `headcount watch` keeps counts: ten minutes, at every resolution. */
export const WATCH_HISTORY_WINDOWS = {
  fullResolutionMs: WATCH_HISTORY_MS,
  minutesMs: WATCH_HISTORY_MS,
  tenMinutesMs: WATCH_HISTORY_MS,
};
const ALERTS_KEPT = 8;

/**
 * Watches rooms until the duration ends, SIGINT or SIGTERM (exit 0), or the server rejects the
 * credentials or the account (exit 2: nothing more can be learned without new ones). Alerts still
 * gathered for a notification are sent, and logged, before it exits.
 */
export async function watchRooms(run: WatchRun): Promise<number> {
  const { monitor } = run.engine;
  // The counts' history, for the live table's change over a minute: in memory, and no longer than that
  // change needs (with room for a stretched interval), so a run of days holds no more than its first
  // minutes: the service's windows would keep six hours of every room's counts here.
  const history = HistoryStore.inMemory(systemClock, WATCH_HISTORY_WINDOWS);
  const live = !run.json && process.stdout.isTTY === true;
  // Only the live screen shows that change: lines for a log or a pipe keep no history.
  if (live) monitor.on(recordInto(history, (groupId) => groupId));
  // A live screen is drawn at once, once a second; lines for a log or a pipe are gathered.
  const lines = live ? null : new LineBatch((text) => process.stdout.write(text));
  const write = (text: string) => (lines ? lines.write(text) : process.stdout.write(text));
  const recentAlerts: string[] = [];
  // Rooms with an alert firing keep the requested interval when the rooms do not fit the cap.
  const firing = new FiringRooms();
  const alerting = await run.alerting?.((alert) => {
    if (firing.observe(alert)) monitor.hold('alert', firing.rooms());
    if (run.json) write(`${alertJsonLine(alert)}\n`);
    else if (live) recentAlerts.push(alertTextLine(alert, 'local'));
    else write(`${alertTextLine(alert)}\n`);
    if (recentAlerts.length > ALERTS_KEPT) recentAlerts.shift();
  });
  const names = new Map(Object.entries(run.labels ?? {}));
  void nameRooms(run, names, alerting);
  return new Promise((resolve) => {
    const timers: NodeJS.Timeout[] = [];
    let finished = false;
    let timeUp = false;
    const redraw = () => {
      clearScreen(write);
      const { columns, rows } = process.stdout;
      const screen = renderWatchScreen({
        title: run.title,
        engine: run.engine,
        history,
        nameOf: (groupId) => names.get(groupId),
        alerts: recentAlerts,
        now: Date.now(),
        size: columns && rows ? { columns, rows } : null,
      });
      write(screen);
    };
    const finish = async (code: number) => {
      if (finished) return;
      finished = true;
      for (const timer of timers) clearTimeout(timer);
      ends?.cancel();
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.stdout.off('resize', redraw);
      if (live) {
        redraw();
        write('\n');
      }
      lines?.close();
      // After the last screen, which would wipe it.
      if (timeUp && run.endNote) process.stderr.write(`${run.endNote}\n`);
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
        // The lines before it first, as a terminal showing both would have had them.
        lines?.flush();
        if (!run.json) process.stderr.write(`headcount: ${terminalText(event.status.error.message)}\n`);
        void finish(2);
      }
    });
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    // A month's run is longer than one timer holds: the wait is chained.
    const ends =
      run.durationMs === undefined
        ? null
        : longTimeout(() => {
            timeUp = true;
            stop();
          }, run.durationMs);
    if (live) {
      timers.push(setInterval(redraw, REDRAW_MS));
      // A window made smaller or larger is filled again at once, not at the next tick.
      process.stdout.on('resize', redraw);
    }
    for (const [groupId, target] of run.pushes ?? []) run.engine.pusher.configure(groupId, target);
    monitor.addRooms(run.groupIds);
    monitor.start();
  });
}

/**
 * Names the rooms without a label by their group Name (get_group_info, 50 rooms a call, behind the
 * first polls), for the screen and the alert texts.
 */
async function nameRooms(run: WatchRun, names: Map<string, string>, alerting: Alerting | undefined) {
  const unnamed = run.groupIds.filter((groupId) => !names.has(groupId));
  if (unnamed.length > 0) {
    const answer = await run.engine.client.getGroupInfo(unnamed).catch(() => null);
    if (answer?.ok)
      for (const item of answer.value) if (item.ok && item.name) names.set(item.groupId, item.name);
  }
  alerting?.nameRooms(Object.fromEntries(names));
}

/**
 * Lines gathered and written together, in the order written: by the first line that finds them
 * {@link LINE_BATCH_MS} old, else {@link LINE_BATCH_LAST_MS} after the first of them. Written at once
 * when {@link LINE_BATCH_CHARS} wait, on close, and as the process exits however it ends.
 */
class LineBatch {
  private pending = '';
  /** When the first line waiting was written. */
  private since = 0;
  private timer: NodeJS.Timeout | null = null;
  /** Set once closed: nothing waits any more, as nothing would write it at exit. */
  private closed = false;
  /** Writes what waits now. */
  readonly flush = (): void => {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending === '') return;
    const text = this.pending;
    this.pending = '';
    this.out(text);
  };

  constructor(private readonly out: (text: string) => void) {
    process.once('exit', this.flush);
  }

  write(text: string): void {
    if (this.closed) {
      this.out(text);
      return;
    }
    const now = performance.now();
    if (this.pending === '') this.since = now;
    this.pending += text;
    if (this.pending.length >= LINE_BATCH_CHARS || now - this.since >= LINE_BATCH_MS) this.flush();
    else this.timer ??= setTimeout(this.flush, LINE_BATCH_LAST_MS);
  }

  /** Writes what waits; later lines go out at once. */
  close(): void {
    this.closed = true;
    this.flush();
    process.off('exit', this.flush);
  }
}
