/** Puts every fake the shell's tests use back to a fresh state (call in beforeEach). */
import { app } from './app';
import { BrowserWindow } from './browser-window';
import { globalShortcut } from './global-shortcut';
import { Menu } from './menu';
import { net, powerMonitor } from './power-monitor';
import { protocol } from './protocol';
import { screen } from './screen';
import { session } from './session';
import { shell } from './shell';
import { Tray } from './tray';

export function resetShellFakes(): void {
  app.reset();
  BrowserWindow.reset();
  globalShortcut.reset();
  Menu.reset();
  powerMonitor.removeAllListeners();
  net.online = true;
  protocol.reset();
  screen.reset();
  session.reset();
  shell.reset();
  Tray.reset();
}
