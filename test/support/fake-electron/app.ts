/** `app`: events, the single-instance lock, quit (with before-quit that can hold it), dock and login items. */
import { EventEmitter } from 'node:events';
import { fakeEvent } from './fake-event';

export class FakeApp extends EventEmitter {
  /** What requestSingleInstanceLock() answers: false plays a second launch. */
  lockAvailable = true;
  /** How many times quit() was called, and whether a quit went through. */
  quitCalls = 0;
  quitted = false;
  isPackaged = false;
  readonly loginItemSettings: Array<{ openAtLogin?: boolean }> = [];
  readonly dock = {
    hidden: false,
    hide(): void {
      this.hidden = true;
    },
  };

  requestSingleInstanceLock(): boolean {
    return this.lockAvailable;
  }

  /** As Electron: before-quit (a listener may hold the quit), then will-quit, then the app is gone. */
  quit(): void {
    this.quitCalls++;
    const event = fakeEvent();
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    this.emit('will-quit', fakeEvent());
    this.quitted = true;
  }

  setLoginItemSettings(settings: { openAtLogin?: boolean }): void {
    this.loginItemSettings.push(settings);
  }

  getAppPath(): string {
    return process.cwd();
  }

  /** Where getPath('userData') and the like point: set by a test to a temporary folder. */
  paths: Record<string, string> = {};
  exitCode: number | null = null;
  readonly appUserModelIds: string[] = [];

  whenReady(): Promise<void> {
    return Promise.resolve();
  }

  getPath(name: string): string {
    const path = this.paths[name];
    if (!path) throw new Error(`The test set no path for '${name}'.`);
    return path;
  }

  getVersion(): string {
    return '0.0.0-test';
  }

  getName(): string {
    return 'Headcount';
  }

  exit(code = 0): void {
    this.exitCode = code;
  }

  setAppUserModelId(id: string): void {
    this.appUserModelIds.push(id);
  }

  /** Test helper: back to a fresh app. */
  reset(): void {
    this.removeAllListeners();
    this.lockAvailable = true;
    this.quitCalls = 0;
    this.quitted = false;
    this.isPackaged = false;
    this.loginItemSettings.length = 0;
    this.dock.hidden = false;
    this.paths = {};
    this.exitCode = null;
    this.appUserModelIds.length = 0;
  }
}

export const app = new FakeApp();
