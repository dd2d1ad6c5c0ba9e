/**
 * The tray app's own path to the engine, in Chromium: the built preload bundle
 * (dist/electron/preload.cjs) runs in the page before the page's scripts, and its `electron` is a
 * stand-in whose ipcRenderer reaches, through a Playwright binding, the real IPC handlers
 * (main/electron/ipc.ts) on the fake ipcMain (the tests' `electron`), as the frame that called,
 * and receives what main sends to the page's webContents. Only Electron itself is left out.
 */
import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { type FakeFrame, ipcMain } from './fake-electron/ipc';

const PRELOAD_BUNDLE = 'dist/electron/preload.cjs';

/** The page's webContents as main's `pushTo` uses it. */
export interface PageContents {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/** What `electron` is to the preload: contextBridge, and an ipcRenderer over the binding. */
const ELECTRON_STAND_IN = `
  const listeners = new Map();
  const ipcRenderer = {
    // Electron words a handler's error this way; the page takes the prefix off (form-field.ts).
    invoke: (channel, ...args) =>
      window.headcountIpcInvoke(channel, args).catch((error) => {
        throw new Error("Error invoking remote method '" + channel + "': " + error);
      }),
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
      return ipcRenderer;
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };
  Object.defineProperty(window, 'headcountIpcDeliver', {
    value: (channel, args) => {
      for (const listener of [...(listeners.get(channel) ?? [])]) listener({}, ...args);
    },
  });
  const contextBridge = {
    exposeInMainWorld(key, api) {
      Object.defineProperty(window, key, { value: Object.freeze({ ...api }) });
    },
  };
  const require = (id) => {
    if (id === 'electron') return { contextBridge, ipcRenderer };
    throw new Error('A sandboxed preload can load nothing but electron, not ' + id);
  };
`;

function frameOf(frame: Frame): FakeFrame {
  const parent = frame.parentFrame();
  return { url: frame.url(), parent: parent ? frameOf(parent) : null };
}

/**
 * Installs the preload in `page`, before it loads anything. Returns the page's webContents as main
 * sees it, and every answer and push the page was given, as text.
 */
export async function bridgePreload(page: Page): Promise<{ contents: PageContents; received: string[] }> {
  const received: string[] = [];
  await page.exposeBinding('headcountIpcInvoke', async ({ frame }, channel: string, args: unknown[]) => {
    const answer = await ipcMain.invokeFrom(frameOf(frame), channel, ...args);
    received.push(JSON.stringify(answer) ?? '');
    return answer;
  });
  // The bundle is pasted in rather than evaluated: the page's CSP allows no eval.
  const bundle = readFileSync(PRELOAD_BUNDLE, 'utf8');
  await page.addInitScript({
    content: `(() => {${ELECTRON_STAND_IN}
  const module = { exports: {} };
  (function (require, module, exports) {\n${bundle}\n})(require, module, module.exports);
})();`,
  });
  const contents: PageContents = {
    isDestroyed: () => page.isClosed(),
    send(channel, ...args) {
      received.push(JSON.stringify(args));
      // A push before the page has its listener is lost, as it is in the tray app.
      page
        .evaluate(
          ([name, values]) => {
            const page = globalThis as { headcountIpcDeliver?: (channel: string, args: unknown[]) => void };
            page.headcountIpcDeliver?.(name as string, values as unknown[]);
          },
          [channel, args] as const,
        )
        .catch(() => {});
    },
  };
  return { contents, received };
}
