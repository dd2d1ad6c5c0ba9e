import { basename, dirname, extname, join } from 'node:path';
import Conf from 'conf';
import { ConfigError } from '../core/config-error';
import { parseSettings } from '../core/settings/settings-rules';
import type { Settings } from '../core/settings/settings-schema';

/** The headless edition's settings file, read and written through conf (what electron-store is built on). */
export interface SettingsStore {
  /** Where the file is (it may not exist yet: then everything is default). */
  readonly path: string;
  /** The alert log kept beside the settings. */
  readonly alertLogPath: string;
  /** The settings, validated; a broken file is a ConfigError naming the problem. */
  read(): Settings;
  /** Replaces one top-level entry and writes the file (mode 0600). */
  set<K extends keyof Settings>(key: K, value: Settings[K]): void;
  /** Calls back when another process changes the file (e.g. `headcount snooze` beside a running watch). */
  onChange(callback: () => void): () => void;
  close(): void;
}

/**
 * Opens the settings at `path`, else `HEADCOUNT_CONFIG`, else `headcount/config.json` in the user's
 * config folder. The file is meant to be edited by hand, so a mistake is reported, never wiped.
 */
export function openSettingsStore(path?: string, options: { watch?: boolean } = {}): SettingsStore {
  const file = path ?? process.env.HEADCOUNT_CONFIG;
  let conf: Conf<Record<string, unknown>>;
  try {
    conf = new Conf<Record<string, unknown>>({
      ...(file
        ? {
            cwd: dirname(file),
            configName: basename(file, extname(file)),
            fileExtension: extname(file).slice(1) || 'json',
          }
        : { projectName: 'headcount', projectSuffix: '' }),
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      configFileMode: 0o600,
      watch: options.watch === true,
    });
  } catch (error) {
    const where = file ?? 'the settings file';
    throw new ConfigError(`Cannot read ${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    path: conf.path,
    alertLogPath: join(dirname(conf.path), 'alerts.jsonl'),
    read: () => parseSettings(conf.store, conf.path),
    set: (key, value) => {
      if (value === undefined) conf.delete(key);
      else conf.set(key, value);
    },
    onChange: (callback) => conf.onDidAnyChange(() => callback()),
    close: () => conf._closeWatcher(),
  };
}
