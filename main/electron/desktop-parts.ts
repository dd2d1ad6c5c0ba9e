import type { RoomKey, SettingsPatch } from '../contract/monitor-api';
import type { EditableSettings } from '../service/settings-edit';
import type { ShortcutBinding } from '../shell/shortcut-binding';
import { applyLaunchAtLogin } from './app-lifecycle';
import { pushTo } from './ipc';
import type { Popover } from './popover-window';
import type { TrayHandle } from './tray';

/**
 * What a person sees and touches of the tray app: the popover, the tray icon with its menu, and the
 * global shortcut. Each setup step puts its part here; until a part exists, what asks for it
 * (a second launch, a notification clicked while the app starts) finds the popover where it can.
 */
export class DesktopParts {
  popover: Popover | null = null;
  tray: TrayHandle | null = null;
  /** Redraws the tray's number and menu from the engine's state. */
  trayView: { refresh(): void } | null = null;
  shortcut: ShortcutBinding | null = null;

  /** Shows the popover at the tray icon (at the cursor's edge before the tray exists, or on Linux). */
  showPopover(): void {
    this.popover?.showAt(this.tray?.bounds() ?? null);
  }

  /** What the global shortcut does: show the popover, or hide it when open. */
  togglePopover(): void {
    this.popover?.toggleAt(this.tray?.bounds() ?? null);
  }

  /** Shows the popover on one room (a notification about it was clicked), or just shows it. */
  focusRoom(key: RoomKey | null): void {
    this.showPopover();
    if (key !== null && this.popover) pushTo(this.popover.window.webContents, { type: 'focus', key });
  }

  /** Shows the popover's settings (the tray menu's Settings…). */
  showSettings(): void {
    this.showPopover();
    if (this.popover) pushTo(this.popover.window.webContents, { type: 'show', view: 'settings' });
  }

  /** The global shortcut that works now: the menu and the settings name it, not a refused one. */
  activeShortcut(): string | null {
    return this.shortcut?.active ?? null;
  }

  /** Applies what the service cannot after a settings change: the login item, the shortcut, the tray. */
  settingsChanged(now: EditableSettings, patch: SettingsPatch): void {
    if (patch.app?.launchAtLogin !== undefined) void applyLaunchAtLogin(patch.app.launchAtLogin);
    if (patch.app?.shortcut !== undefined) this.shortcut?.apply(now.app?.shortcut ?? null);
    if (patch.app?.trayNumber !== undefined || patch.app?.shortcut !== undefined) this.trayView?.refresh();
  }
}
