import type { Engine } from '../engine';
import { clearScreen, jsonLine, renderScreen, textLine } from './watch-view';

export interface WatchRun {
  engine: Engine;
  groupIds: string[];
  json: boolean;
  durationMs?: number | undefined;
  /** Shown above the live table. */
  title: string;
}

const REDRAW_MS = 1000;

/**
 * Watches rooms until the duration ends, SIGINT or SIGTERM (exit 0), or the server rejects the
 * credentials or the account (exit 2: nothing more can be learned without new ones).
 */
export function watchRooms(run: WatchRun): Promise<number> {
  const { monitor } = run.engine;
  const write = (text: string) => process.stdout.write(text);
  const live = !run.json && process.stdout.isTTY === true;
  return new Promise((resolve) => {
    const timers: NodeJS.Timeout[] = [];
    const redraw = () => {
      clearScreen(write);
      write(`${renderScreen(monitor, run.title)}\n`);
    };
    const finish = (code: number) => {
      for (const timer of timers) clearTimeout(timer);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      if (live) redraw();
      run.engine.close();
      resolve(code);
    };
    const stop = () => finish(0);
    monitor.on((event) => {
      const line = run.json ? jsonLine(event) : live ? null : textLine(event);
      if (line !== null) write(`${line}\n`);
      if (event.type === 'status' && event.status.error) {
        if (!run.json) process.stderr.write(`headcount: ${event.status.error.message}\n`);
        finish(2);
      }
    });
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (run.durationMs !== undefined) timers.push(setTimeout(stop, run.durationMs));
    if (live) timers.push(setInterval(redraw, REDRAW_MS));
    monitor.addRooms(run.groupIds);
    monitor.start();
  });
}
