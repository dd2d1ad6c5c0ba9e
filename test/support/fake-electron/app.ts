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

  /** Test helper: back to a fresh app. */
  reset(): void {
    this.removeAllListeners();
    this.lockAvailable = true;
    this.quitCalls = 0;
    this.quitted = false;
    this.isPackaged = false;
    this.loginItemSettings.length = 0;
    this.dock.hidden = false;
  }
}

export const app = new FakeApp();
