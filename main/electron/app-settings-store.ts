import type { AppSettings } from '../core/settings/app-settings';
import { appSettingsDocument } from '../core/settings/app-settings-load';
import { openSafeStore, type SafeStore, type SafeStoreOptions } from '../node/safe-store';

/** The file name of the tray app's settings, in Electron's `userData` folder. */
export const APP_SETTINGS_NAME = 'settings';

export interface AppSettingsStoreOptions extends SafeStoreOptions {
  /** The folder; Electron's `userData` by default. */
  cwd?: string;
}

/**
 * The tray app's settings in electron-store: opened safely (a damaged, invalid or newer file is
 * kept aside and said so in `notices`), written with mode 0600. Call after the app's `ready` event.
 */
export async function openAppSettingsStore(
  options: AppSettingsStoreOptions = {},
): Promise<SafeStore<AppSettings>> {
  // electron-store loads `electron` as it is imported; importing it here rather than at the top
  // keeps the modules that import this one loadable where Electron cannot run (unit tests).
  const { default: ElectronStore } = await import('electron-store');
  return openSafeStore(
    (confOptions) =>
      new ElectronStore<Record<string, unknown>>({
        ...confOptions,
        name: APP_SETTINGS_NAME,
        ...(options.cwd ? { cwd: options.cwd } : {}),
      }),
    appSettingsDocument,
    options,
  );
}
