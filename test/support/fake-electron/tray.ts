/** `Tray`: keeps what was set on it and counts each setter, so tests can see what was redrawn. */
import { EventEmitter } from 'node:events';
import type { NativeImage } from './native-image';

interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class Tray extends EventEmitter {
  /** Every tray created since the last reset. */
  static readonly instances: Tray[] = [];

  image: NativeImage;
  title = '';
  titleOptions: unknown = undefined;
  tooltip = '';
  contextMenu: unknown = null;
  ignoreDoubleClicks = false;
  destroyed = false;
  /** What getBounds() answers; Linux answers all zeros. */
  bounds: Bounds = { x: 0, y: 0, width: 0, height: 0 };
  /** Setter names in call order. */
  readonly calls: string[] = [];
  readonly poppedUp: unknown[] = [];

  constructor(image: NativeImage) {
    super();
    this.image = image;
    Tray.instances.push(this);
  }

  setImage(image: NativeImage): void {
    this.calls.push('setImage');
    this.image = image;
  }

  setTitle(title: string, options?: unknown): void {
    this.calls.push('setTitle');
    this.title = title;
    this.titleOptions = options;
  }

  setToolTip(tooltip: string): void {
    this.calls.push('setToolTip');
    this.tooltip = tooltip;
  }

  setContextMenu(menu: unknown): void {
    this.calls.push('setContextMenu');
    this.contextMenu = menu;
  }

  popUpContextMenu(menu?: unknown): void {
    this.poppedUp.push(menu);
  }

  setIgnoreDoubleClickEvents(ignore: boolean): void {
    this.ignoreDoubleClicks = ignore;
  }

  getBounds(): Bounds {
    return { ...this.bounds };
  }

  destroy(): void {
    this.destroyed = true;
  }

  /** Test helper: how many times a setter ran. */
  count(method: string): number {
    return this.calls.filter((call) => call === method).length;
  }

  static reset(): void {
    Tray.instances.length = 0;
  }
}
