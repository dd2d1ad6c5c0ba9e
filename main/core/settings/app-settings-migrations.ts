/**
 * Versioned migrations of the app's settings file, pure: each step takes the document at one
 * version and returns it at the next. A step changes only what it recognises and leaves the rest
 * for validation to report.
 */
import { APP_SETTINGS_VERSION } from './app-settings';

type Document = Record<string, unknown>;

export interface Migration {
  /** The version this step reads; it writes `from + 1`. */
  from: number;
  up(document: Document): Document;
}

const isObject = (value: unknown): value is Document =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Version 0 is a file with no `schemaVersion`: a settings file of the headless edition, or one from
 * the tray's development builds, where a profile's `rooms` were bare group ids, pinned rooms a
 * top-level `pinned` list of room keys, `tray.number` a bare room key and `popover` a
 * `[width, height]` pair.
 */
const fromVersion0: Migration = {
  from: 0,
  up(document) {
    const { pinned, ...rest } = document;
    // Only a string can equal a room's key: anything else in the old list pins nothing.
    const pinnedKeys = new Set<unknown>(Array.isArray(pinned) ? pinned : []);
    const out: Document = { ...rest };
    if (Array.isArray(rest.profiles)) {
      out.profiles = rest.profiles.map((profile) => {
        if (!isObject(profile) || !Array.isArray(profile.rooms)) return profile;
        const rooms = profile.rooms.map((room) => {
          if (typeof room !== 'string') return room;
          return pinnedKeys.has(`${String(profile.id)}/${room}`)
            ? { groupId: room, pinned: true }
            : { groupId: room };
        });
        return { ...profile, rooms };
      });
    }
    if (isObject(rest.tray) && typeof rest.tray.number === 'string' && rest.tray.number !== 'sum') {
      out.tray = { ...rest.tray, number: { roomKey: rest.tray.number } };
    }
    if (Array.isArray(rest.popover) && rest.popover.length === 2) {
      out.popover = { width: rest.popover[0], height: rest.popover[1] };
    }
    return out;
  },
};

/** Every step, in order. */
export const MIGRATIONS: readonly Migration[] = [fromVersion0];

/**
 * Brings a document written at `fromVersion` up to `toVersion` (this build's
 * {@link APP_SETTINGS_VERSION}) by `steps` ({@link MIGRATIONS}), without changing `raw`. A document
 * already at that version comes back as it was.
 * @throws RangeError for a version newer than this build, or one no migration starts from.
 */
export function migrate(
  raw: Document,
  fromVersion: number,
  steps: readonly Migration[] = MIGRATIONS,
  toVersion = APP_SETTINGS_VERSION,
): Document {
  if (fromVersion > toVersion) {
    throw new RangeError(`Settings version ${fromVersion} is newer than this build reads (${toVersion}).`);
  }
  let document = structuredClone(raw);
  for (let version = fromVersion; version < toVersion; version++) {
    const step = steps.find((migration) => migration.from === version);
    if (!step) throw new RangeError(`No migration from settings version ${version}.`);
    document = step.up(document);
  }
  return { ...document, schemaVersion: toVersion };
}

/**
 * The version a document says it was written at: 0 without `schemaVersion`, null when the field
 * is there but is not a whole number 0 or more.
 */
export function versionOf(raw: Document): number | null {
  if (raw.schemaVersion === undefined) return 0;
  const version = raw.schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : null;
}
