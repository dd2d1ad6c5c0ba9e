/**
 * Opens a versioned settings file through conf (the headless edition and tests) or electron-store
 * (the tray app, built on conf) so that a bad file never stops the app: a file that is not JSON, not
 * valid, or from a newer version is kept aside beside it, the app starts with what could be kept (or
 * the defaults), and a notice says what happened and where the old file is.
 */
import { chmodSync, existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { parseSettingsJson, SettingsJsonError } from '../core/settings/settings-json';
import type { SettingsDocument } from '../core/settings/settings-load';

const FILE_MODE = 0o600;

/** The part of a conf (or electron-store) instance used here; reads go through the file itself. */
export interface ConfFile {
  readonly path: string;
  store: Record<string, unknown>;
}

/** Options every store is opened with; the factory adds where the file is. */
export interface SafeConfOptions {
  configFileMode: number;
  clearInvalidConfig: false;
  accessPropertiesByDotNotation: false;
  watch: false;
  deserialize: (text: string) => Record<string, unknown>;
}

/** Makes the conf or electron-store instance: `(options) => new Conf({ ...options, cwd, configName })`. */
export type ConfFactory = (options: SafeConfOptions) => ConfFile;

/** A settings file opened safely. */
export interface SafeStore<T> {
  /** Where the file is (it may not exist yet). */
  readonly path: string;
  /** What the user should be told about this start (a file kept aside and why); empty when all was well. */
  readonly notices: readonly string[];
  read(): T;
  /** Replaces the settings and writes the file (mode 0600). */
  write(value: T): void;
  /** Writes what `change` returns; returning `current` itself writes nothing. Returns the new settings. */
  update(change: (current: T) => T): T;
}

export interface SafeStoreOptions {
  /** Epoch ms, for the names of kept-aside files; `Date.now` by default. */
  now?: () => number;
}

// conf would throw on a file that is not JSON before the path is known; the file is read and judged
// here instead, so conf is only asked to write.
const tolerantParse = (text: string): Record<string, unknown> => {
  try {
    return parseSettingsJson(text) as Record<string, unknown>;
  } catch {
    return {};
  }
};

/** Opens the settings described by `document` in the file the factory's store uses. */
export function openSafeStore<T>(
  factory: ConfFactory,
  document: SettingsDocument<T>,
  options: SafeStoreOptions = {},
): SafeStore<T> {
  const now = options.now ?? Date.now;
  let conf: ConfFile;
  try {
    conf = factory({
      configFileMode: FILE_MODE,
      clearInvalidConfig: false,
      accessPropertiesByDotNotation: false,
      watch: false,
      deserialize: tolerantParse,
    });
  } catch (error) {
    // conf reads the file as it is made: a file that cannot be read at all (a folder in its place,
    // no permission) fails here, before the store exists to write it.
    const path = (error as NodeJS.ErrnoException | null)?.path ?? '';
    return memoryStore(path, document.defaults(), [
      `The settings file ${path ? `${path} ` : ''}could not be opened (${errorCode(error)}). Headcount started with ` +
        'default settings and will not save changes this run.',
    ]);
  }
  const path = conf.path;
  const opened = openFile(path, document, now);
  if (opened.unsaved) return memoryStore(path, opened.value, opened.notices);
  let current = opened.value;
  const write = (value: T): void => {
    conf.store = { ...(value as Record<string, unknown>) };
    current = value;
  };
  if (opened.write) write(current);
  return {
    path,
    notices: opened.notices,
    read: () => current,
    write,
    update(change) {
      const next = change(current);
      if (next !== current) write(next);
      return current;
    },
  };
}

interface Opened<T> {
  value: T;
  notices: string[];
  /** The file should be written now (migrated, or what was kept of an invalid one). */
  write: boolean;
  /** The file can be neither read nor moved aside: keep settings in memory only. */
  unsaved?: boolean;
}

function openFile<T>(path: string, document: SettingsDocument<T>, now: () => number): Opened<T> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { value: document.defaults(), notices: [], write: false };
    return damaged(path, `it could not be read: ${errorCode(error)}`, document, now);
  }
  // An empty file (or one with only a byte-order mark) means the defaults, as no file does.
  if (text.replace(/^\uFEFF/, '').trim() === '')
    return { value: document.defaults(), notices: [], write: false };
  let raw: unknown;
  try {
    raw = parseSettingsJson(text);
  } catch (error) {
    // Where, not what: the file may hold webhook tokens, so none of it is quoted.
    const where = error instanceof SettingsJsonError ? error.message : 'not valid JSON';
    return damaged(path, `it is ${where}: cut short, or broken by an edit`, document, now);
  }
  const outcome = document.load(raw);
  if (outcome.kind === 'ok') {
    restrictMode(path);
    return { value: outcome.value, notices: [], write: outcome.migrated };
  }
  if (outcome.kind === 'newer') {
    const backup = keepAside(path, `newer-v${outcome.version}`, now);
    if (!backup) return unsaved(path, outcome.value);
    return {
      value: outcome.value,
      notices: [
        `The settings file ${path} was written by a newer version of Headcount (settings version ` +
          `${outcome.version}). It is kept unchanged as ${backup}, and this version started with default ` +
          `settings. To use it again, install the newer version and rename it back to ${basename(path)}.`,
      ],
      write: false,
    };
  }
  const backup = keepAside(path, 'invalid', now);
  if (!backup) return unsaved(path, outcome.value);
  return {
    value: outcome.value,
    notices: [
      `Some settings in ${path} were not valid and were left out (${outcome.problems.join('; ')}). ` +
        `Everything else was kept; the file as it was is kept as ${backup}.`,
    ],
    write: true,
  };
}

function damaged<T>(path: string, why: string, document: SettingsDocument<T>, now: () => number): Opened<T> {
  const backup = keepAside(path, 'corrupt', now);
  if (!backup) return unsaved(path, document.defaults());
  return {
    value: document.defaults(),
    notices: [
      `The settings file ${path} could not be used (${why}). Headcount started with default settings; ` +
        `the damaged file is kept as ${backup}.`,
    ],
    write: false,
  };
}

function unsaved<T>(path: string, value: T): Opened<T> {
  return {
    value,
    notices: [
      `The settings file ${path} could not be used or moved aside. Headcount started with default settings ` +
        'and will not save changes this run.',
    ],
    write: false,
    unsaved: true,
  };
}

/** Renames the file to `<name>.<label>-<time>.json` beside it (mode 0600); null when it cannot. */
function keepAside(path: string, label: string, now: () => number): string | null {
  const extension = extname(path);
  const stem = join(dirname(path), `${basename(path, extension)}.${label}-${fileTime(now())}`);
  let backup = `${stem}${extension}`;
  for (let n = 2; existsSync(backup); n++) backup = `${stem}-${n}${extension}`;
  try {
    renameSync(path, backup);
  } catch {
    return null;
  }
  // The old file may hold encrypted keys and webhook tokens: no wider than the settings themselves.
  restrictMode(backup);
  return backup;
}

/** ISO time that is also a file name on Windows (no colons). */
function fileTime(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-');
}

function restrictMode(path: string): void {
  try {
    if ((statSync(path).mode & 0o777) !== FILE_MODE) chmodSync(path, FILE_MODE);
  } catch {
    // Windows has no such modes; the file is in the user's profile there.
  }
}

function memoryStore<T>(path: string, initial: T, notices: string[]): SafeStore<T> {
  let current = initial;
  return {
    path,
    notices,
    read: () => current,
    write: (value) => {
      current = value;
    },
    update(change) {
      current = change(current);
      return current;
    },
  };
}

function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : 'unknown error';
}
