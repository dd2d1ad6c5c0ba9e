import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTray, trayAssetsDir } from '../../main/electron/tray';
import type { TrayAppearance } from '../../main/shell/tray-appearance';
import type { TrayActions } from '../../main/shell/tray-menu';
import { TRAY_STATES } from '../../main/shell/tray-state';
import { decodePng } from '../shell/decode-png';
import { Menu } from '../support/fake-electron/menu';
import type { NativeImage } from '../support/fake-electron/native-image';
import { resetShellFakes } from '../support/fake-electron/reset-shell';
import { Tray } from '../support/fake-electron/tray';

const ASSETS = join(process.cwd(), 'assets', 'tray');
const NOW = Date.UTC(2026, 10, 26, 12, 0);

function actions(calls: string[]): TrayActions {
  return {
    open: () => calls.push('open'),
    setPaused: (paused) => calls.push(`paused:${paused}`),
    snooze: (choice) => calls.push(`snooze:${choice}`),
    resumeNotifications: () => calls.push('resume'),
    openSettings: () => calls.push('settings'),
    quit: () => calls.push('quit'),
  };
}

function look(fields: Partial<TrayAppearance> = {}): TrayAppearance {
  return {
    state: 'normal',
    icon: '12k',
    title: '12.3k',
    tooltip: 'Headcount\n12,345 online in 2 rooms',
    ...fields,
  };
}

function image(tray: Tray): NativeImage {
  return tray.image;
}

function setup(platform: NodeJS.Platform, calls: string[] = [], clicks: unknown[] = []) {
  const handle = createTray({
    assetsDir: ASSETS,
    actions: actions(calls),
    onClick: (b) => clicks.push(b),
    platform,
  });
  const tray = Tray.instances[0] as Tray;
  return { handle, tray };
}

beforeEach(() => resetShellFakes());

describe('createTray on Windows and Linux', () => {
  it('draws the number into the icon, @1x and @2x, with the tooltip', () => {
    const { handle, tray } = setup('win32');
    handle.show(look());
    const reps = image(tray).representations;
    expect(reps.map((rep) => rep.scaleFactor)).toEqual([1, 2]);
    expect(reps.map((rep) => decodePng(rep.buffer).width)).toEqual([16, 32]);
    expect(tray.tooltip).toBe('Headcount\n12,345 online in 2 rooms');
    expect(tray.count('setTitle')).toBe(0);
  });

  it('redraws the icon only when the number or the state changes', () => {
    const { handle, tray } = setup('linux');
    handle.show(look());
    handle.show(look({ tooltip: 'Headcount\n12,346 online in 2 rooms' }));
    handle.show(look({ tooltip: 'Headcount\n12,346 online in 2 rooms' }));
    expect(tray.count('setImage')).toBe(1);
    expect(tray.count('setToolTip')).toBe(2);
    handle.show(look({ icon: '13k' }));
    handle.show(look({ icon: '13k', state: 'alerting' }));
    expect(tray.count('setImage')).toBe(3);
  });

  it('shows the state image from assets when there is no number', () => {
    const { handle, tray } = setup('win32');
    handle.show(look({ icon: '', state: 'paused' }));
    expect(image(tray).path).toBe(join(ASSETS, 'win', 'paused.ico'));
    expect(image(tray).fileExists).toBe(true);
  });

  it('puts the menu on the icon, so Linux (which reports no clicks) opens from it', () => {
    const calls: string[] = [];
    const { handle, tray } = setup('linux', calls);
    handle.setMenu({ paused: false, snoozedUntil: null, shortcut: null, now: NOW });
    const menu = tray.contextMenu as Menu;
    expect(menu.labels()[0]).toBe('Open Headcount');
    menu.click('open');
    menu.click('pause-polling');
    menu.click('snooze-1h');
    menu.click('settings');
    menu.click('quit');
    expect(calls).toEqual(['open', 'paused:true', 'snooze:1h', 'settings', 'quit']);
  });

  it('rebuilds the menu only when its labels change', () => {
    const { handle, tray } = setup('win32');
    const state = { paused: false, snoozedUntil: null, shortcut: 'CmdOrCtrl+Alt+H', now: NOW };
    handle.setMenu(state);
    handle.setMenu({ ...state, now: NOW + 1000 });
    expect(Menu.built).toHaveLength(1);
    handle.setMenu({ ...state, paused: true });
    expect(Menu.built).toHaveLength(2);
    expect(tray.count('setContextMenu')).toBe(2);
    expect((tray.contextMenu as Menu).item('open')).toMatchObject({
      accelerator: 'CmdOrCtrl+Alt+H',
      registerAccelerator: false,
    });
  });

  it('passes a click with the icon’s bounds on', () => {
    const clicks: unknown[] = [];
    const { tray } = setup('win32', [], clicks);
    tray.emit('click', {}, { x: 1, y: 2, width: 3, height: 4 });
    expect(clicks).toEqual([{ x: 1, y: 2, width: 3, height: 4 }]);
  });
});

describe('createTray on macOS', () => {
  it('shows the state as a template image and the number as the title', () => {
    const { handle, tray } = setup('darwin');
    handle.show(look({ state: 'alerting' }));
    expect(image(tray).path).toBe(join(ASSETS, 'mac', 'alertingTemplate.png'));
    expect(image(tray).isTemplateImage()).toBe(true);
    expect(tray.title).toBe('12.3k');
    expect(tray.titleOptions).toEqual({ fontType: 'monospacedDigit' });
  });

  it('changes the image only with the state, and the title only with the number', () => {
    const { handle, tray } = setup('darwin');
    handle.show(look());
    handle.show(look({ icon: '13k', title: '12.4k' }));
    expect(tray.count('setImage')).toBe(0);
    expect(tray.count('setTitle')).toBe(2);
    handle.show(look({ title: '12.4k', state: 'error' }));
    expect(tray.count('setImage')).toBe(1);
    expect(tray.count('setTitle')).toBe(2);
  });

  it('opens the popover on click and the menu on right click', () => {
    const clicks: unknown[] = [];
    const { handle, tray } = setup('darwin', [], clicks);
    handle.setMenu({ paused: false, snoozedUntil: null, shortcut: null, now: NOW });
    expect(tray.contextMenu).toBeNull();
    tray.emit('click', {}, { x: 10, y: 0, width: 22, height: 22 });
    tray.emit('right-click', {}, { x: 10, y: 0, width: 22, height: 22 });
    expect(clicks).toHaveLength(1);
    expect(tray.poppedUp).toEqual([Menu.built[0]]);
    expect(tray.ignoreDoubleClicks).toBe(true);
  });
});

describe('tray assets', () => {
  it('exist for every state and OS at the paths the tray loads', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      resetShellFakes();
      const { handle, tray } = setup(platform);
      for (const state of TRAY_STATES) {
        handle.show(look({ state, icon: '' }));
        expect(image(tray).fileExists, `${platform} ${state}`).toBe(true);
      }
    }
  });

  it('are found beside a packaged app and in assets/ otherwise', () => {
    expect(trayAssetsDir(true, '/app.asar', '/res')).toBe(join('/res', 'tray'));
    expect(trayAssetsDir(false, '/src', '/res')).toBe(join('/src', 'assets', 'tray'));
  });
});
