import type { AppSettingsAccess } from '../core/settings/app-settings-vault';
import type { SettingsPort } from './service-ports';

/**
 * The tray app's settings file as the service's settings port: the shared rules, webhooks and quiet
 * hours, and the app's tray, login, shortcut, language and theme.
 */
export function settingsInApp(settings: AppSettingsAccess): SettingsPort {
  return {
    read() {
      const current = settings.read();
      return {
        rules: current.rules ?? {},
        webhooks: current.webhooks ?? [],
        quietHours: current.quietHours ?? null,
        app: {
          launchAtLogin: current.launchAtLogin,
          trayNumber: current.tray.number,
          shortcut: current.shortcut,
          language: current.language,
          theme: current.theme,
        },
      };
    },
    write({ rules, webhooks, quietHours, app }) {
      settings.update((current) => ({
        ...current,
        rules,
        webhooks,
        quietHours,
        ...(app
          ? {
              launchAtLogin: app.launchAtLogin,
              tray: { number: app.trayNumber },
              shortcut: app.shortcut,
              language: app.language,
              theme: app.theme,
            }
          : {}),
      }));
    },
  };
}
