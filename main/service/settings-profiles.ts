import type { AppSettingsAccess } from '../core/settings/app-settings-vault';
import type { ProfileRecord, ProfileStore } from './service-ports';

/** The `profiles` section of the app's settings as the service's profile store. */
export function profilesIn(settings: AppSettingsAccess): ProfileStore {
  return {
    list: () => settings.read().profiles.map((profile) => ({ ...profile, rooms: [...profile.rooms] })),
    save: (profile: ProfileRecord) =>
      settings.update((current) => {
        const saved = stripUndefined(profile);
        const others = current.profiles.filter((p) => p.id !== profile.id);
        const at = current.profiles.findIndex((p) => p.id === profile.id);
        const profiles = at < 0 ? [...others, saved] : [...others.slice(0, at), saved, ...others.slice(at)];
        return { ...current, profiles };
      }),
    remove: (profileId) =>
      settings.update((current) => ({
        ...current,
        profiles: current.profiles.filter((p) => p.id !== profileId),
      })),
  };
}

/** The settings file keeps no `undefined` fields (they would not survive JSON anyway). */
function stripUndefined(profile: ProfileRecord) {
  const { region, endpoint, intervalSeconds, maxRate, rooms, ...rest } = profile;
  return {
    ...rest,
    ...(region === undefined ? {} : { region }),
    ...(endpoint === undefined ? {} : { endpoint }),
    ...(intervalSeconds === undefined ? {} : { intervalSeconds }),
    ...(maxRate === undefined ? {} : { maxRate }),
    rooms: rooms.map(({ groupId, label, pinned }) => ({
      groupId,
      ...(label === undefined ? {} : { label }),
      ...(pinned === undefined ? {} : { pinned }),
    })),
  };
}
