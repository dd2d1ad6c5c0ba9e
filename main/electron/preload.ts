/**
 * The popover's bridge to the engine: one object, checked against the contract at compile time,
 * exposed as `window.headcount`. The renderer never gets ipcRenderer itself. Bundled as one
 * self-contained CommonJS file, since a sandboxed preload cannot load modules.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channelOf, type MonitorApi, type MonitorPush, PUSH_CHANNEL } from '../contract/monitor-api';

const invoke =
  <M extends Exclude<keyof MonitorApi, 'onPush'>>(method: M) =>
  (...args: Parameters<MonitorApi[M]>) =>
    ipcRenderer.invoke(channelOf(method), ...args) as ReturnType<MonitorApi[M]>;

const api = {
  getSnapshot: invoke('getSnapshot'),
  onPush(listener: (push: MonitorPush) => void) {
    const forward = (_event: unknown, push: MonitorPush) => listener(push);
    ipcRenderer.on(PUSH_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(PUSH_CHANNEL, forward);
    };
  },
  addRooms: invoke('addRooms'),
  removeRoom: invoke('removeRoom'),
  retryRoom: invoke('retryRoom'),
  setPinned: invoke('setPinned'),
  setPaused: invoke('setPaused'),
  snooze: invoke('snooze'),
  unsnooze: invoke('unsnooze'),
  saveProfile: invoke('saveProfile'),
  removeProfile: invoke('removeProfile'),
  testConnection: invoke('testConnection'),
  listAlerts: invoke('listAlerts'),
  listAlertEntries: invoke('listAlertEntries'),
  acknowledgeAlert: invoke('acknowledgeAlert'),
  findLiveRooms: invoke('findLiveRooms'),
  setPolling: invoke('setPolling'),
  getSettings: invoke('getSettings'),
  updateSettings: invoke('updateSettings'),
  getChart: invoke('getChart'),
  exportCsv: invoke('exportCsv'),
  getSparklines: invoke('getSparklines'),
  getRoomRules: invoke('getRoomRules'),
  setRoomRules: invoke('setRoomRules'),
  getOverlay: invoke('getOverlay'),
  setOverlay: invoke('setOverlay'),
} satisfies MonitorApi;

contextBridge.exposeInMainWorld('headcount', api);
