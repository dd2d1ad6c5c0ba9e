import { ConfigError } from '../../core/config-error';
import type { Settings } from '../../core/settings/settings-schema';
import type { ProfileRecord } from '../../service/service-ports';
import { profileLabel } from '../alerting';
import { type CredentialFlags, loadConnection } from '../credentials';
import { readGroupsFile } from '../groups-file';

/** The id of the headless edition's one app profile. */
export const SERVE_PROFILE_ID = 'main';

/** Rooms as the command line names them: ids, and a groups file. */
export interface ServeRooms {
  positionals: readonly string[];
  groupsFile?: string | undefined;
}

/**
 * The rooms to watch: those named on the command line and in a groups file, else those listed in
 * the settings. None is fine: rooms can be added from the dashboard.
 */
export function serveRoomIds(rooms: ServeRooms, settings: Settings): string[] {
  const named = [...rooms.positionals, ...(rooms.groupsFile ? readGroupsFile(rooms.groupsFile) : [])];
  return named.length > 0 ? named : Object.keys(settings.rooms ?? {});
}

/**
 * The app profile of a `headcount serve` run from the same credentials as `watch` (flags, then
 * HEADCOUNT_* variables), labelled as the settings say, with its rooms and polling.
 */
export function credentialProfile(options: {
  flags: CredentialFlags;
  env: Record<string, string | undefined>;
  settings: Settings;
  groupIds: readonly string[];
  intervalMs: number;
  maxRate: number;
}): { profile: ProfileRecord; secretKey: string; ca: string | undefined; notes: string[] } {
  const { flags, env, settings } = options;
  const { connection, ca, where, notes } = loadConnection(flags, env);
  const { region, endpoint } = where;
  const profile: ProfileRecord = {
    id: SERVE_PROFILE_ID,
    label: profileLabel(settings),
    sdkAppId: connection.sdkAppId,
    identifier: connection.identifier,
    region: region || undefined,
    endpoint: endpoint || undefined,
    intervalSeconds: options.intervalMs / 1000,
    maxRate: options.maxRate,
    rooms: options.groupIds.map((groupId) => ({ groupId, label: settings.rooms?.[groupId]?.label })),
  };
  return { profile, secretKey: connection.secretKey, ca, notes };
}

/** The demo plays its own show: rooms and credentials given with --demo would be ignored, so refuse them. */
export function refuseDemoExtras(rooms: ServeRooms, flags: CredentialFlags): void {
  if (rooms.positionals.length > 0 || rooms.groupsFile) {
    throw new ConfigError('--demo watches the built-in show: name no rooms and no --groups-file with it.');
  }
  if (Object.values(flags).some((value) => value !== undefined)) {
    throw new ConfigError("--demo uses the simulator's own credentials: give no credential flags with it.");
  }
}
