/** ipcMain, ipcRenderer and contextBridge, joined in memory: what one renderer sends, main handles. */

type Handler = (event: FakeIpcEvent, ...args: unknown[]) => unknown;

export interface FakeIpcEvent {
  senderFrame: { url: string; parent: unknown } | null;
  sender: { id: number; send: (channel: string, ...args: unknown[]) => void };
}

const handlers = new Map<string, Handler>();

const mainListeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();

export const ipcMain = {
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
    if (!mainListeners.has(channel)) mainListeners.set(channel, new Set());
    mainListeners.get(channel)?.add(listener);
    return ipcMain;
  },
  handle(channel: string, handler: Handler): void {
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    handlers.delete(channel);
  },
  /** Test helper: invoke a handler as a frame at `url` would. */
  async invokeAs(url: string, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const sent: unknown[] = [];
    return handler(
      { senderFrame: { url, parent: null }, sender: { id: 1, send: (...a) => sent.push(a) } },
      ...args,
    );
  },
  /** Test helper: forget every handler. */
  reset(): void {
    handlers.clear();
  },
  channels(): string[] {
    return [...handlers.keys()];
  },
};

const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();

export const ipcRenderer = {
  invoke: (channel: string, ...args: unknown[]) =>
    ipcMain.invokeAs('file:///app/renderer/index.html', channel, ...args),
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
    if (!listeners.has(channel)) listeners.set(channel, new Set());
    listeners.get(channel)?.add(listener);
    return ipcRenderer;
  },
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void) {
    listeners.get(channel)?.delete(listener);
    return ipcRenderer;
  },
  /** Test helper: deliver a message from main to the renderer. */
  emit(channel: string, ...args: unknown[]): void {
    for (const listener of listeners.get(channel) ?? []) listener({}, ...args);
  },
};

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    contextBridge.exposed.set(key, api);
  },
};
