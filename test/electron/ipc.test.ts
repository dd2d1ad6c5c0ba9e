import { contextBridge, ipcMain, ipcRenderer, type WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelOf, MONITOR_METHODS, type MonitorApi, PUSH_CHANNEL } from '../../main/contract/monitor-api';
import { pushTo, registerMonitorApi } from '../../main/electron/ipc';
import { BrowserWindow } from '../support/fake-electron/browser-window';
import { type FakeFrame, subframe } from '../support/fake-electron/ipc';

const APP_PAGE = 'file:///app/renderer/index.html';
const fakeIpc = ipcMain as unknown as {
  invokeAs(url: string, channel: string, ...args: unknown[]): Promise<unknown>;
  invokeFrom(frame: FakeFrame | null, channel: string, ...args: unknown[]): Promise<unknown>;
  reset(): void;
  channels(): string[];
};

/** A MonitorApi that records its calls: the IPC layer under test must pass them through unchanged. */
function recordingApi() {
  const calls: Array<[string, unknown[]]> = [];
  const api = Object.fromEntries(
    MONITOR_METHODS.map((method) => [
      method,
      (...args: unknown[]) => {
        calls.push([method, args]);
        return Promise.resolve(`${method} done`);
      },
    ]),
  ) as unknown as MonitorApi;
  return { api, calls };
}

let unregister: () => void = () => {};
beforeEach(() => fakeIpc.reset());
afterEach(() => unregister());

describe('the IPC layer', () => {
  it('registers one checked handler per contract method, and removes them', () => {
    unregister = registerMonitorApi(recordingApi().api, (url) => url === APP_PAGE);
    expect(fakeIpc.channels().sort()).toEqual(MONITOR_METHODS.map((m) => channelOf(m)).sort());
    unregister();
    expect(fakeIpc.channels()).toEqual([]);
  });

  it('passes a valid call from the app page through to the engine', async () => {
    const { api, calls } = recordingApi();
    unregister = registerMonitorApi(api, (url) => url === APP_PAGE);
    await expect(fakeIpc.invokeAs(APP_PAGE, channelOf('addRooms'), 'p1', ['@TGS#a', 'b'])).resolves.toBe(
      'addRooms done',
    );
    await fakeIpc.invokeAs(APP_PAGE, channelOf('snooze'), { kind: 'room', key: 'p1/@TGS#a' }, '1h');
    expect(calls).toEqual([
      ['addRooms', ['p1', ['@TGS#a', 'b']]],
      ['snooze', [{ kind: 'room', key: 'p1/@TGS#a' }, '1h']],
    ]);
  });

  it('refuses calls from any other page, before the engine sees them', async () => {
    const { api, calls } = recordingApi();
    unregister = registerMonitorApi(api, (url) => url === APP_PAGE);
    await expect(fakeIpc.invokeAs('https://evil.example/', channelOf('setPaused'), true)).rejects.toThrow(
      /Refused setPaused: the call did not come from the Headcount window/,
    );
    expect(calls).toEqual([]);
  });

  it('refuses a call from a frame inside the app page, even one showing an app URL', async () => {
    const { api, calls } = recordingApi();
    unregister = registerMonitorApi(api, (url) => url === APP_PAGE);
    await expect(fakeIpc.invokeFrom(subframe(APP_PAGE, APP_PAGE), channelOf('getSnapshot'))).rejects.toThrow(
      /^Refused getSnapshot: the call did not come from the Headcount window/,
    );
    await expect(
      fakeIpc.invokeFrom(subframe('https://evil.example/', APP_PAGE), channelOf('addRooms'), 'p1', ['x']),
    ).rejects.toThrow(/^Refused addRooms: /);
    expect(calls).toEqual([]);
  });

  it('refuses a call whose frame is gone by the time main looks (the page navigated away)', async () => {
    const { api, calls } = recordingApi();
    unregister = registerMonitorApi(api, (url) => url === APP_PAGE);
    await expect(fakeIpc.invokeFrom(null, channelOf('setPaused'), true)).rejects.toThrow(
      /^Refused setPaused: the call did not come from the Headcount window/,
    );
    expect(calls).toEqual([]);
  });

  it.each([
    ['a missing argument', 'setPaused', []],
    ['a wrong type', 'setPaused', ['yes']],
    [
      'an extra field (a key smuggled in)',
      'saveProfile',
      [{ label: 'a', sdkAppId: 1, identifier: 'x', secret: 'k' }],
    ],
    ['an unknown snooze choice', 'snooze', [{ kind: 'all' }, 'forever']],
    ['a negative SDKAppID', 'testConnection', [{ label: 'a', sdkAppId: -1, identifier: 'x' }]],
  ])('refuses %s with a message, before the engine sees it', async (_, method, args) => {
    const { api, calls } = recordingApi();
    unregister = registerMonitorApi(api, (url) => url === APP_PAGE);
    await expect(fakeIpc.invokeAs(APP_PAGE, channelOf(method as 'setPaused'), ...args)).rejects.toThrow(
      new RegExp(`^Refused ${method}: `),
    );
    expect(calls).toEqual([]);
  });
});

describe('pushes to the popover', () => {
  it('reach the page, and a window that is gone is skipped without an error', () => {
    const popover = new BrowserWindow({});
    const received: unknown[] = [];
    const forward = (_event: unknown, push: unknown) => received.push(push);
    ipcRenderer.on(PUSH_CHANNEL, forward);
    pushTo(popover.webContents as unknown as WebContents, { type: 'focus', key: 'p1/x' });
    popover.close();
    expect(() =>
      pushTo(popover.webContents as unknown as WebContents, { type: 'focus', key: 'p1/y' }),
    ).not.toThrow();
    ipcRenderer.removeListener(PUSH_CHANNEL, forward);
    expect(received).toEqual([{ type: 'focus', key: 'p1/x' }]);
    expect(popover.webContents.sent).toEqual([
      { channel: PUSH_CHANNEL, args: [{ type: 'focus', key: 'p1/x' }] },
    ]);
  });
});

describe('the preload bridge', () => {
  it('exposes the contract as window.headcount, over IPC, with pushes and unsubscribe', async () => {
    const { api, calls } = recordingApi();
    unregister = registerMonitorApi(api, (url) => url === APP_PAGE);
    await import('../../main/electron/preload');
    const bridge = (contextBridge as unknown as { exposed: Map<string, MonitorApi> }).exposed.get(
      'headcount',
    );
    expect(Object.keys(bridge ?? {}).sort()).toEqual([...MONITOR_METHODS, 'onPush'].sort());
    await expect(bridge?.retryRoom('p1/x')).resolves.toBe('retryRoom done');
    expect(calls).toEqual([['retryRoom', ['p1/x']]]);

    const pushes: unknown[] = [];
    const stop = bridge?.onPush((push) => pushes.push(push));
    const emit = (ipcRenderer as unknown as { emit(channel: string, ...args: unknown[]): void }).emit;
    emit(PUSH_CHANNEL, { type: 'focus', key: 'p1/x' });
    stop?.();
    emit(PUSH_CHANNEL, { type: 'focus', key: 'p1/y' });
    expect(pushes).toEqual([{ type: 'focus', key: 'p1/x' }]);
  });
});
