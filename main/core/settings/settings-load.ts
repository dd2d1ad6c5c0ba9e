/**
 * What reading a versioned settings document can come to, decided without touching the file (the
 * file side is main/node/safe-store.ts).
 */

/** The outcome of reading a settings document that parsed as JSON. */
export type LoadOutcome<T> =
  /** Valid, possibly after migration; `migrated` means the file should be written at the new version. */
  | { kind: 'ok'; value: T; migrated: boolean }
  /** Not valid: `value` is what could be kept, `problems` what was wrong, one line each. */
  | { kind: 'invalid'; value: T; problems: string[] }
  /** Written by a newer build (`version`); `value` is the defaults. */
  | { kind: 'newer'; value: T; version: number };

/** Reads one parsed document: its version, migrations, validation. */
export interface SettingsDocument<T> {
  /** What an app starts with when there is no file, or none that can be used. */
  defaults(): T;
  load(raw: unknown): LoadOutcome<T>;
}
