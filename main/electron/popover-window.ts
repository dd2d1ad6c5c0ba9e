import { app, BrowserWindow, type Rectangle, screen } from 'electron';
import { popoverBounds, type Size } from '../shell/popover-bounds';
import { PopoverToggle } from '../shell/popover-toggle';
import type { SettingPort } from '../shell/setting-port';

/** What the popover needs from the wiring. */
export interface PopoverOptions {
  /** The sandboxed preload bundle (one CommonJS file). */
  preloadPath: string;
  /** The page to show, e.g. appPageUrl('index.html'). */
  pageUrl: string;
  /** The remembered size, saved whenever the popover hides. */
  size: SettingPort<Size>;
  platform?: NodeJS.Platform;
  /** Monotonic milliseconds. */
  now?: () => number;
}

/** The popover window at the tray. */
export interface Popover {
  readonly window: BrowserWindow;
  /** Settles when the page has loaded, or rejects with why it did not. */
  readonly loaded: Promise<void>;
  /** Shows it at the tray icon; with empty bounds (Linux, a shortcut) at the edge nearest the cursor. */
  showAt(trayBounds: Rectangle | null): void;
  /** What a click on the tray icon does: show, or hide when open. */
  toggleAt(trayBounds: Rectangle | null): void;
  hide(): void;
}

/** The smallest size the popover can be resized to. */
export const POPOVER_MIN: Size = { width: 280, height: 240 };

function isEmpty(rect: Rectangle | null): boolean {
  return !rect || (rect.width <= 0 && rect.height <= 0);
}

/**
 * Creates the hidden popover: frameless, off the taskbar, hidden when it loses focus, and placed at
 * the tray on whichever display holds it.
 */
export function createPopover({
  preloadPath,
  pageUrl,
  size,
  platform = process.platform,
  now = () => performance.now(),
}: PopoverOptions): Popover {
  const saved = size.get();
  const window = new BrowserWindow({
    width: Math.max(saved.width, POPOVER_MIN.width),
    height: Math.max(saved.height, POPOVER_MIN.height),
    minWidth: POPOVER_MIN.width,
    minHeight: POPOVER_MIN.height,
    show: false,
    frame: false,
    resizable: true,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    title: 'Headcount',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A middle click would otherwise open links in new windows past the window-open handler.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (platform === 'darwin') {
    // A menu bar popover must also appear over full-screen apps and on every Space.
    window.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
  }

  const toggle = new PopoverToggle(now);
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });

  const hide = () => {
    if (window.isDestroyed() || !window.isVisible()) return;
    const [width = saved.width, height = saved.height] = window.getSize();
    size.set({ width, height });
    window.hide();
  };

  window.on('blur', () => {
    if (window.webContents.isDevToolsOpened()) return;
    hide();
    toggle.hiddenByBlur();
  });
  // Alt+F4 or Cmd+W would destroy the only window the tray opens; keep it and hide instead.
  window.on('close', (event) => {
    if (quitting) return;
    event.preventDefault();
    hide();
  });

  const showAt = (trayBounds: Rectangle | null) => {
    const cursor = screen.getCursorScreenPoint();
    const anchor = isEmpty(trayBounds) ? { ...cursor, width: 0, height: 0 } : (trayBounds as Rectangle);
    const display = isEmpty(trayBounds)
      ? screen.getDisplayNearestPoint(cursor)
      : screen.getDisplayMatching(anchor);
    const [width = saved.width, height = saved.height] = window.getSize();
    window.setBounds(popoverBounds(anchor, { width, height }, display.workArea, platform));
    window.show();
    window.focus();
  };

  return {
    window,
    loaded: window.loadURL(pageUrl),
    showAt,
    toggleAt(trayBounds) {
      const action = toggle.onClick(window.isVisible());
      if (action === 'show') showAt(trayBounds);
      else if (action === 'hide') hide();
    },
    hide,
  };
}
