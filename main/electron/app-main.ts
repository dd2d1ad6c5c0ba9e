/**
 * The tray app's entry: its setup steps, in the order Electron needs them (app-setup.ts). Every
 * decision lives in the engine (main/core), the service (main/service) and the shell (main/shell).
 */
import { app } from 'electron';
import { claimSingleInstance } from './app-lifecycle';
import {
  fail,
  setupLoginItem,
  setupOverlay,
  setupPopover,
  setupSecurity,
  setupService,
  setupSettings,
  setupShortcut,
  setupShutdown,
  setupSystemEvents,
  setupTray,
} from './app-setup';
import { DesktopParts } from './desktop-parts';
import { registerAppScheme } from './security';

const parts = new DesktopParts();

registerAppScheme();
if (claimSingleInstance(() => parts.showPopover())) {
  app.whenReady().then(onReady, fail);
}

async function onReady(): Promise<void> {
  setupSecurity();
  const { settings, health } = await setupSettings();
  const assembled = await setupService(settings, health, parts);
  setupPopover(settings, assembled.service, parts);
  setupTray(settings, assembled, parts);
  setupShortcut(settings, parts);
  setupLoginItem(settings);
  setupSystemEvents(assembled.service);
  setupShutdown(assembled);
  await assembled.service.start();
  await setupOverlay(assembled);
}
