import { beforeEach, describe, expect, it } from 'vitest';
import { createPopover } from '../../main/electron/popover-window';
import type { Size } from '../../main/shell/popover-bounds';
import { POPOVER_GAP } from '../../main/shell/popover-bounds';
import { app } from '../support/fake-electron/app';
import { BrowserWindow } from '../support/fake-electron/browser-window';
import { resetShellFakes } from '../support/fake-electron/reset-shell';
import { screen } from '../support/fake-electron/screen';

function sizeSetting(initial: Size) {
  const saved: Size[] = [];
  let value = initial;
  return {
    saved,
    port: {
      get: () => value,
      set: (next: Size) => {
        value = next;
        saved.push(next);
      },
    },
  };
}

function setup(platform: NodeJS.Platform = 'win32', now = () => 0) {
  const size = sizeSetting({ width: 380, height: 520 });
  const popover = createPopover({
    preloadPath: '/app/dist/electron/preload.cjs',
    pageUrl: 'app://headcount/index.html',
    size: size.port,
    platform,
    now,
  });
  return { popover, size, window: BrowserWindow.instances[0] as BrowserWindow };
}

beforeEach(() => {
  resetShellFakes();
  screen.displays = [
    {
      id: 1,
      bounds: { x: 0, y: 0, width: 1920, height: 1080 },
      workArea: { x: 0, y: 0, width: 1920, height: 1040 },
      scaleFactor: 1,
    },
    {
      id: 2,
      bounds: { x: -2560, y: -360, width: 2560, height: 1440 },
      workArea: { x: -2560, y: -360, width: 2560, height: 1400 },
      scaleFactor: 2,
    },
  ];
});

describe('createPopover', () => {
  it('is a frameless, sandboxed, isolated window with the preload and the app page', () => {
    const { window, popover } = setup();
    expect(window.options).toMatchObject({
      frame: false,
      show: false,
      skipTaskbar: true,
      width: 380,
      height: 520,
    });
    expect(window.options.webPreferences).toEqual({
      preload: '/app/dist/electron/preload.cjs',
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
      disableBlinkFeatures: 'Auxclick',
    });
    expect(window.loadedUrl).toBe('app://headcount/index.html');
    return popover.loaded;
  });

  it('loads and draws its page at the start while hidden, so the first click shows rows already drawn', () => {
    const { window } = setup();
    expect(window.visible).toBe(false);
    expect(window.loadedUrl).toBe('app://headcount/index.html');
    // Electron paints a window created with show: false unless paintWhenInitiallyHidden is false;
    // without that, the page would draw its rows only after the click that shows it.
    expect(window.options).not.toHaveProperty('paintWhenInitiallyHidden', false);
  });

  it('opens above the tray icon on the display that holds it', () => {
    const { window, popover } = setup('win32');
    popover.showAt({ x: -100, y: 1044, width: 24, height: 32 });
    expect(window.visible).toBe(true);
    expect(window.focused).toBe(true);
    // Kept inside the left display's work area, which ends at x = 0.
    expect(window.bounds).toEqual({ x: -4 - 380, y: 1040 - POPOVER_GAP - 520, width: 380, height: 520 });
  });

  it('opens at the screen edge nearest the cursor when the icon has no bounds (Linux)', () => {
    const { window, popover } = setup('linux');
    screen.cursor = { x: 1800, y: 5 };
    popover.showAt({ x: 0, y: 0, width: 0, height: 0 });
    expect(window.bounds).toMatchObject({ x: 1920 - 4 - 380, y: 5 + POPOVER_GAP });
  });

  it('hides when it loses focus and remembers its size', () => {
    const { window, popover, size } = setup();
    popover.showAt({ x: 1880, y: 1044, width: 24, height: 32 });
    window.setBounds({ width: 420, height: 600 });
    window.blur();
    expect(window.visible).toBe(false);
    expect(size.saved).toEqual([{ width: 420, height: 600 }]);
  });

  it('stays open on blur while its devtools have focus', () => {
    const { window, popover } = setup();
    popover.showAt(null);
    window.webContents.devToolsOpened = true;
    window.blur();
    expect(window.visible).toBe(true);
  });

  it('toggles on tray clicks, without reopening on the click that blurred it', () => {
    let now = 0;
    const { window, popover } = setup('win32', () => now);
    const tray = { x: 1880, y: 1044, width: 24, height: 32 };
    popover.toggleAt(tray);
    expect(window.visible).toBe(true);
    window.blur();
    now += 50;
    popover.toggleAt(tray);
    expect(window.visible).toBe(false);
    now += 1000;
    popover.toggleAt(tray);
    expect(window.visible).toBe(true);
    popover.toggleAt(tray);
    expect(window.visible).toBe(false);
  });

  it('hides instead of closing, until the app quits', () => {
    const { window, popover } = setup();
    popover.showAt(null);
    window.close();
    expect(window.destroyed).toBe(false);
    expect(window.visible).toBe(false);
    app.quit();
    window.close();
    expect(window.destroyed).toBe(true);
  });

  it('follows macOS into full-screen Spaces', () => {
    expect(setup('darwin').window.allWorkspaces).toEqual({
      visible: true,
      options: { visibleOnFullScreen: true },
    });
    resetShellFakes();
    expect(setup('win32').window.allWorkspaces).toBeNull();
  });
});
