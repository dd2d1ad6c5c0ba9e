/**
 * Settings writes that may fail (a full disk) without losing the change: the change holds in
 * memory, reads see it, the failure is told to the storage health once, and `retryUnsaved` (called
 * now and then) writes it when the disk has room again, which is told too.
 */
import type { StorageHealth } from '../core/storage-health';
import type { SafeStore } from './safe-store';
import type { SettingsStore } from './settings-store';

/** The headless settings file, with failed writes kept and tried again. */
export function reportingSettingsStore(
  store: SettingsStore,
  health: StorageHealth,
): SettingsStore & { retryUnsaved(): void } {
  const unsaved = new Map<string, unknown>();
  const writeAll = (): boolean => {
    try {
      for (const [key, value] of unsaved) {
        store.set(key as never, value as never);
        unsaved.delete(key);
      }
    } catch (error) {
      health.failed('settings', store.path, error);
      return false;
    }
    health.succeeded('settings', store.path);
    return true;
  };
  return {
    ...store,
    // The file as it is, with what could not be written yet on top.
    read: () => (unsaved.size === 0 ? store.read() : { ...store.read(), ...Object.fromEntries(unsaved) }),
    set(key, value) {
      unsaved.set(key, value);
      writeAll();
    },
    retryUnsaved() {
      if (unsaved.size > 0) writeAll();
    },
  };
}

/** The tray app's settings file, with a failed write kept and tried again. */
export function reportingSafeStore<T>(
  store: SafeStore<T>,
  health: StorageHealth,
): SafeStore<T> & { retryUnsaved(): void } {
  let unsaved: { value: T } | null = null;
  const writeNow = (value: T): void => {
    unsaved = { value };
    try {
      store.write(value);
    } catch (error) {
      health.failed('settings', store.path, error);
      return;
    }
    unsaved = null;
    health.succeeded('settings', store.path);
  };
  const read = () => (unsaved ? unsaved.value : store.read());
  return {
    path: store.path,
    notices: store.notices,
    read,
    write: writeNow,
    update(change) {
      const current = read();
      const next = change(current);
      if (next !== current) writeNow(next);
      return read();
    },
    retryUnsaved() {
      if (unsaved) writeNow(unsaved.value);
    },
  };
}
