import { join } from 'node:path';
import {
  Menu,
  type MenuItemConstructorOptions,
  type NativeImage,
  nativeImage,
  type Rectangle,
  Tray,
} from 'electron';
import { renderCountIcon } from '../shell/count-icon';
import { encodePng } from '../shell/png';
import type { TrayAppearance } from '../shell/tray-appearance';
import {
  menuSignature,
  type TrayActions,
  type TrayMenuItem,
  type TrayMenuState,
  trayMenu,
} from '../shell/tray-menu';
import type { TrayState } from '../shell/tray-state';

/** What the tray needs from the wiring. */
export interface TrayOptions {
  /** The folder with mac/, win/ and linux/ tray images (see trayAssetsDir). */
  assetsDir: string;
  actions: TrayActions;
  /** A click on the icon, with its bounds (macOS and Windows; Linux opens from the menu). */
  onClick(bounds: Rectangle): void;
  platform?: NodeJS.Platform;
}

/** The tray icon, updated by the wiring as snapshots arrive. */
export interface TrayHandle {
  /** Shows `appearance`, touching only what changed: the icon is redrawn only for a new number or state. */
  show(appearance: TrayAppearance): void;
  /** Rebuilds the menu, only when its labels changed. */
  setMenu(state: TrayMenuState): void;
  /** The icon's bounds (empty on Linux). */
  bounds(): Rectangle;
  destroy(): void;
}

/** Where the tray images are: beside the app when packaged (electron-builder extraResources), else in assets/. */
export function trayAssetsDir(isPackaged: boolean, appPath: string, resourcesPath: string): string {
  return isPackaged ? join(resourcesPath, 'tray') : join(appPath, 'assets', 'tray');
}

function stateImage(dir: string, platform: NodeJS.Platform, state: TrayState): NativeImage {
  if (platform === 'darwin') {
    const image = nativeImage.createFromPath(join(dir, 'mac', `${state}Template.png`));
    image.setTemplateImage(true);
    return image;
  }
  return nativeImage.createFromPath(
    join(dir, platform === 'win32' ? 'win' : 'linux', `${state}.${platform === 'win32' ? 'ico' : 'png'}`),
  );
}

function countImage(text: string, state: TrayState): NativeImage {
  const image = nativeImage.createEmpty();
  for (const scale of [1, 2]) {
    image.addRepresentation({
      scaleFactor: scale,
      buffer: encodePng(renderCountIcon({ text, state, size: 16, scale })),
    });
  }
  return image;
}

function toTemplate(items: readonly TrayMenuItem[]): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    if (item.type === 'separator') return { type: 'separator' };
    if (item.type === 'submenu') return { id: item.id, label: item.label, submenu: toTemplate(item.items) };
    return {
      id: item.id,
      label: item.label,
      enabled: item.enabled,
      // The shortcut is global and registered elsewhere: the menu only shows it.
      ...(item.accelerator ? { accelerator: item.accelerator, registerAccelerator: false } : {}),
      ...(item.run ? { click: item.run } : {}),
    };
  });
}

/**
 * Creates the tray icon. On macOS the state is a template image and the number the title; on
 * Windows and Linux the number is drawn into the icon. Linux shows the menu on click: its tray
 * (StatusNotifierItem) does not report clicks to the app (electron#20858), so "Open" is the menu's
 * first item there.
 */
export function createTray({
  assetsDir,
  actions,
  onClick,
  platform = process.platform,
}: TrayOptions): TrayHandle {
  const tray = new Tray(stateImage(assetsDir, platform, 'normal'));
  let imageKey = platform === 'darwin' ? 'normal' : 'normal|';
  let title = '';
  let tooltip = '';
  let signature = '';
  let menu: Menu | null = null;

  tray.on('click', (_event, bounds) => onClick(bounds));
  if (platform === 'darwin') {
    // With a context menu set, macOS opens it on every click and never emits 'click'.
    tray.on('right-click', () => {
      if (menu) tray.popUpContextMenu(menu);
    });
    tray.setIgnoreDoubleClickEvents(true);
  }

  return {
    show(appearance) {
      const nextKey = platform === 'darwin' ? appearance.state : `${appearance.state}|${appearance.icon}`;
      if (nextKey !== imageKey) {
        imageKey = nextKey;
        tray.setImage(
          platform === 'darwin' || appearance.icon === ''
            ? stateImage(assetsDir, platform, appearance.state)
            : countImage(appearance.icon, appearance.state),
        );
      }
      if (platform === 'darwin' && appearance.title !== title) {
        title = appearance.title;
        tray.setTitle(title, { fontType: 'monospacedDigit' });
      }
      if (appearance.tooltip !== tooltip) {
        tooltip = appearance.tooltip;
        tray.setToolTip(tooltip);
      }
    },
    setMenu(state) {
      const items = trayMenu(state, actions);
      const next = menuSignature(items);
      if (next === signature) return;
      signature = next;
      menu = Menu.buildFromTemplate(toTemplate(items));
      if (platform !== 'darwin') tray.setContextMenu(menu);
    },
    bounds: () => tray.getBounds(),
    destroy: () => tray.destroy(),
  };
}
