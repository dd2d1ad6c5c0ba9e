/**
 * A small stand-in for the `electron` module, for unit tests of the Electron adapter (the real one
 * cannot run here: its runtime binary is downloaded on first launch). Only the APIs the adapter
 * uses, each in its own file, recording what was called so tests can assert the wiring. Vitest
 * resolves `electron` to this file (vitest.config.ts).
 */

export * from './app';
export * from './browser-window';
export * from './global-shortcut';
export * from './ipc';
export * from './menu';
export * from './native-image';
export * from './notification';
export * from './power-monitor';
export * from './protocol';
export * from './safe-storage';
export * from './screen';
export * from './session';
export * from './shell';
export * from './tray';

import { app as fakeApp } from './app';
import { ipcMain as fakeIpcMain } from './ipc';
import { shell as fakeShell } from './shell';

/** electron-store reads `app`, `ipcMain` and `shell` from the default export. */
export default { app: fakeApp, ipcMain: fakeIpcMain, shell: fakeShell };
