import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import Conf from 'conf';
import envPaths from 'env-paths';
import { ConfigError } from '../core/config-error';
import { parseSettingsJson, SettingsJsonError } from '../core/settings/settings-json';
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
  // conf would make a missing folder readable by every account; the settings, the alert log and
  // the history beside them are this account's alone. conf's own rule finds the default folder.
  makePrivateFolder(file ? dirname(file) : envPaths('headcount', { suffix: '' }).config);
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
      // A byte-order mark is dropped and an empty file means the defaults; the file is not quoted.
      deserialize: (text) => parseSettingsJson(text) as Record<string, unknown>,
    });
  } catch (error) {
    const where = file ?? 'the settings file';
    if (error instanceof SettingsJsonError) {
      throw new ConfigError(
        `The settings file ${where} is ${error.message}: fix it there, or move it away to start from the defaults.`,
      );
    }
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

/** Creates a missing folder (and its missing parents) for this account alone: mode 0700. */
function makePrivateFolder(folder: string): void {
  if (existsSync(folder)) return;
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch {
    // conf says why when it cannot create it either.
  }
}
