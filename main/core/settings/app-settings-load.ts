import { readDurationsInFile } from '../../common/duration-setting';
import {
  APP_SETTINGS_VERSION,
  type AppSettings,
  appSettingsSchema,
  defaultAppSettings,
} from './app-settings';
import { migrate, versionOf } from './app-settings-migrations';
import { pruneInvalid } from './prune-invalid';
import type { LoadOutcome, SettingsDocument } from './settings-load';

const MAX_PROBLEMS = 8;

function describe(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string[] {
  const lines = issues.map((issue) => `${issue.path.map(String).join('.') || '(top)'}: ${issue.message}`);
  return lines.length > MAX_PROBLEMS
    ? [...lines.slice(0, MAX_PROBLEMS), `and ${lines.length - MAX_PROBLEMS} more`]
    : lines;
}

/**
 * Reads the app's settings document. A file from an older version is migrated; one from a newer
 * version is left alone (`newer`). One that is not valid keeps every part that is: an invalid
 * profile, room, webhook or vault record is dropped, an invalid optional setting falls back to its
 * default, and the rest stays (a typo in one webhook does not cost the profiles and their keys).
 */
export function loadAppSettings(raw: unknown): LoadOutcome<AppSettings> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      kind: 'invalid',
      value: defaultAppSettings(),
      problems: ['(top): the file does not hold a JSON object'],
    };
  }
  const document = raw as Record<string, unknown>;
  const version = versionOf(document);
  if (version !== null && version > APP_SETTINGS_VERSION) {
    return { kind: 'newer', value: defaultAppSettings(), version };
  }
  const problems: string[] = [];
  if (version === null)
    problems.push(`schemaVersion: not a settings version (read as ${APP_SETTINGS_VERSION})`);
  let migrated: Record<string, unknown>;
  try {
    migrated = readDurationsInFile(migrate(document, version ?? APP_SETTINGS_VERSION)) as Record<
      string,
      unknown
    >;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'invalid', value: defaultAppSettings(), problems: [...problems, `(top): ${reason}`] };
  }
  const parsed = appSettingsSchema.safeParse(migrated);
  if (parsed.success && version !== null) {
    return { kind: 'ok', value: parsed.data, migrated: version < APP_SETTINGS_VERSION };
  }
  if (!parsed.success) problems.push(...describe(parsed.error.issues));
  const pruned = pruneInvalid(appSettingsSchema, migrated);
  const value = pruned.ok ? appSettingsSchema.parse(pruned.value) : defaultAppSettings();
  return { kind: 'invalid', value, problems };
}

/** The app's settings as a {@link SettingsDocument}, for the safe store. */
export const appSettingsDocument: SettingsDocument<AppSettings> = {
  defaults: defaultAppSettings,
  load: loadAppSettings,
};
