import { type IpcMainInvokeEvent, ipcMain, type WebContents } from 'electron';
import { z } from 'zod';
import {
  channelOf,
  MONITOR_METHODS,
  type MonitorApi,
  type MonitorMethod,
  type MonitorPush,
  PUSH_CHANNEL,
} from '../contract/monitor-api';
import { MONITOR_ARGUMENTS } from '../service/monitor-api-schemas';

/** Whether a frame's URL is the app's own page (and so may call the engine). */
export type AppFrameCheck = (url: string) => boolean;

/**
 * The only place that touches ipcMain: one handler per contract method, each checking that the call
 * comes from the top frame of the app's own page and that its arguments fit the contract before the
 * method runs. Returns the function that unregisters them.
 */
export function registerMonitorApi(api: MonitorApi, isAppFrame: AppFrameCheck): () => void {
  for (const method of MONITOR_METHODS) {
    ipcMain.handle(channelOf(method), (event, ...args: unknown[]) =>
      call(api, method, isAppFrame, event, args),
    );
  }
  return () => {
    for (const method of MONITOR_METHODS) ipcMain.removeHandler(channelOf(method));
  };
}

function call(
  api: MonitorApi,
  method: MonitorMethod,
  isAppFrame: AppFrameCheck,
  event: IpcMainInvokeEvent,
  args: unknown[],
) {
  const frame = event.senderFrame;
  // A message from a subframe, a navigated-away page or anything not ours is dropped (electron/fiddle does the same).
  if (!frame || frame.parent !== null || !isAppFrame(frame.url)) {
    throw new Error(`Refused ${method}: the call did not come from the Headcount window.`);
  }
  const parsed = MONITOR_ARGUMENTS[method].safeParse(args);
  if (!parsed.success) throw new Error(`Refused ${method}: ${z.prettifyError(parsed.error)}`);
  const run = api[method] as (...values: unknown[]) => Promise<unknown>;
  return run.apply(api, parsed.data as unknown[]);
}

/** Sends a push to the popover (a window that is gone is skipped). */
export function pushTo(contents: WebContents, push: MonitorPush): void {
  if (!contents.isDestroyed()) contents.send(PUSH_CHANNEL, push);
}
