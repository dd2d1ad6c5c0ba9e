/**
 * `BrowserWindow` with its `webContents`: keeps the constructor options, bounds and visibility, and
 * announces each new webContents on `app` ('web-contents-created') as Electron does.
 */
import { EventEmitter } from 'node:events';
import { app } from './app';
import { fakeEvent } from './fake-event';
import { ipcRenderer } from './ipc';

interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class WebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null;
  devToolsOpened = false;
  /** Every message main sent to the page, in order. */
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];

  constructor(private readonly windowDestroyed: () => boolean = () => false) {
    super();
  }

  /** As Electron: a message to the page, which its ipcRenderer receives. Throws once destroyed. */
  send(channel: string, ...args: unknown[]): void {
    if (this.isDestroyed()) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
    ipcRenderer.emit(channel, ...args);
  }

  isDestroyed(): boolean {
    return this.windowDestroyed();
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  isDevToolsOpened(): boolean {
    return this.devToolsOpened;
  }

  /** Test helper: the page tries to go to `url`; true when a listener stopped it. */
  navigate(url: string, event: 'will-navigate' | 'will-redirect' = 'will-navigate'): boolean {
    const details = fakeEvent({ url });
    this.emit(event, details, url);
    return details.defaultPrevented;
  }

  /** Test helper: the page calls window.open(url); the handler's answer ('allow' when none is set). */
  open(url: string): 'allow' | 'deny' {
    return this.windowOpenHandler ? this.windowOpenHandler({ url }).action : 'allow';
  }

  /** Test helper: the page holds a <webview>; true when a listener stopped it. */
  attachWebview(): boolean {
    const event = fakeEvent();
    this.emit('will-attach-webview', event, {}, {});
    return event.defaultPrevented;
  }
}

export class BrowserWindow extends EventEmitter {
  /** Every window created since the last reset. */
  static readonly instances: BrowserWindow[] = [];

  readonly webContents = new WebContents(() => this.destroyed);
  bounds: Bounds;
  visible = false;
  focused = false;
  destroyed = false;
  loadedUrl: string | null = null;
  allWorkspaces: { visible: boolean; options: unknown } | null = null;

  constructor(readonly options: Record<string, unknown> & { width?: number; height?: number }) {
    super();
    this.bounds = { x: 0, y: 0, width: options.width ?? 800, height: options.height ?? 600 };
    BrowserWindow.instances.push(this);
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }

  show(): void {
    this.visible = true;
    this.emit('show');
  }

  hide(): void {
    this.visible = false;
    this.emit('hide');
  }

  focus(): void {
    this.focused = true;
  }

  isVisible(): boolean {
    return this.visible;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  getSize(): number[] {
    return [this.bounds.width, this.bounds.height];
  }

  getBounds(): Bounds {
    return { ...this.bounds };
  }

  setBounds(bounds: Partial<Bounds>): void {
    this.bounds = { ...this.bounds, ...bounds };
  }

  setVisibleOnAllWorkspaces(visible: boolean, options?: unknown): void {
    this.allWorkspaces = { visible, options };
  }

  /** As Electron: 'close' may be prevented; otherwise the window is destroyed. */
  close(): void {
    const event = fakeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    this.visible = false;
    this.emit('closed');
  }

  /** Test helper: the window loses focus. */
  blur(): void {
    this.focused = false;
    this.emit('blur');
  }

  static reset(): void {
    BrowserWindow.instances.length = 0;
  }
}
