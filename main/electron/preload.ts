/**
 * The popover's bridge to the engine: one object, made from the contract's method list and checked
 * against it at compile time, exposed as `window.headcount`. The renderer never gets ipcRenderer
 * itself. Bundled as one self-contained CommonJS file, since a sandboxed preload cannot load modules.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { forwardMethods } from '../common/method-bridge';
import {
  channelOf,
  MONITOR_METHODS,
  type MonitorApi,
  type MonitorMethod,
  type MonitorPush,
  PUSH_CHANNEL,
} from '../contract/monitor-api';

const api = {
  ...forwardMethods<MonitorApi, MonitorMethod>(MONITOR_METHODS, (method, args) =>
    ipcRenderer.invoke(channelOf(method), ...args),
  ),
  onPush(listener: (push: MonitorPush) => void) {
    const forward = (_event: unknown, push: MonitorPush) => listener(push);
    ipcRenderer.on(PUSH_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(PUSH_CHANNEL, forward);
    };
  },
} satisfies MonitorApi;

contextBridge.exposeInMainWorld('headcount', api);
