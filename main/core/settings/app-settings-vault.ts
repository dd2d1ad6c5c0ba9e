import type { VaultRecordStore } from '../vault/vault-record';
import type { AppSettings } from './app-settings';

/** The settings as the vault needs them: read, and changed as a whole. */
export interface AppSettingsAccess {
  read(): AppSettings;
  /** Writes what `change` returns; returning `current` itself writes nothing. */
  update(change: (current: AppSettings) => AppSettings): void;
}

/** The `vault` section of the app's settings as the credential vault's record store. */
export function vaultRecordsIn(settings: AppSettingsAccess): VaultRecordStore {
  return {
    all: () => settings.read().vault,
    put: (profileId, record) =>
      settings.update((current) => ({ ...current, vault: { ...current.vault, [profileId]: record } })),
    remove: (profileId) =>
      settings.update((current) => {
        if (!(profileId in current.vault)) return current;
        const { [profileId]: _removed, ...vault } = current.vault;
        return { ...current, vault };
      }),
  };
}
