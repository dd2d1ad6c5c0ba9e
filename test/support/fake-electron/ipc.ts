/** ipcMain, ipcRenderer and contextBridge, joined in memory: what one renderer sends, main handles. */

type Handler = (event: FakeIpcEvent, ...args: unknown[]) => unknown;

/** A frame a call can come from: a page's top frame, or a subframe inside another frame. */
export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

export interface FakeIpcEvent {
  /** Null when the frame is gone (navigated away or destroyed) by the time main looks, as in Electron. */
  senderFrame: FakeFrame | null;
  sender: { id: number; send: (channel: string, ...args: unknown[]) => void };
}

/** The top frame of a page at `url`. */
export const topFrame = (url: string): FakeFrame => ({ url, parent: null });

/** A frame at `url` (an iframe, say) inside the top frame of a page at `parentUrl`. */
export const subframe = (url: string, parentUrl: string): FakeFrame => ({ url, parent: topFrame(parentUrl) });

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
  /** Test helper: invoke a handler as the top frame of a page at `url` would. */
  invokeAs(url: string, channel: string, ...args: unknown[]): Promise<unknown> {
    return ipcMain.invokeFrom(topFrame(url), channel, ...args);
  },
  /** Test helper: invoke a handler from `frame`, or with no frame (null) as after a navigation. */
  async invokeFrom(frame: FakeFrame | null, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    const sent: unknown[] = [];
    return handler({ senderFrame: frame, sender: { id: 1, send: (...a) => sent.push(a) } }, ...args);
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
