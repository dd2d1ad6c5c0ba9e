import type { ProfileInput } from '../contract/monitor-api';
import { type Endpoint, resolveEndpoint } from '../core/regions';
import type { ProfileRecord } from './service-ports';

/**
 * How long a UserSig signed to test a connection lives. A test goes to an endpoint the user may
 * have just typed; should that be the wrong machine, what it received is worth minutes, not the
 * two days a polling UserSig lives.
 */
export const TEST_USERSIG_LIFETIME_SECONDS = 5 * 60;

/** What a saved secret key signs for: the app, its admin account, and where requests go. */
type KeyBinding = Pick<ProfileRecord, 'sdkAppId' | 'identifier' | 'region' | 'endpoint'>;

/**
 * Whether a request may use the secret key already saved for a profile, or must bring it again.
 * A saved key is bound to the SDKAppID, admin identifier and region or endpoint it was entered
 * for: a request that changes any of them (saving the profile, or testing the connection) carries
 * the key itself, so that whoever can call the API cannot have the saved key sign an admin UserSig
 * and send it elsewhere. Returns the refusal in words, or null when the request may go ahead.
 *
 * The one rule for every transport: `headcount serve`'s HTTP API and the tray app's IPC both reach
 * it through the service's `saveProfile` and `testConnection`.
 */
export function storedKeyRefusal(input: ProfileInput, saved: ProfileRecord | undefined): string | null {
  // A key in the request is the user's own say-so; a new profile has no saved key to borrow.
  if (input.secretKey !== undefined || input.id === undefined) return null;
  if (!saved) {
    return `There is no saved app profile "${input.id}" whose key could be used: enter the secret key again.`;
  }
  if (sameBinding(input, saved)) return null;
  return (
    `The secret key saved for "${saved.label}" signs only for SDKAppID ${saved.sdkAppId}, admin ` +
    `${JSON.stringify(saved.identifier)} at ${whereOf(saved)}. To use another SDKAppID, admin or ` +
    'region, enter the secret key again; nothing was sent.'
  );
}

function sameBinding(input: KeyBinding, saved: KeyBinding): boolean {
  return (
    input.sdkAppId === saved.sdkAppId &&
    input.identifier === saved.identifier &&
    sameEndpoint(endpointOf(input), endpointOf(saved))
  );
}

/** Where a profile's requests go, or null when it names nowhere valid (then nothing matches it). */
function endpointOf(profile: KeyBinding): Endpoint | null {
  try {
    return resolveEndpoint({ region: profile.region, endpoint: profile.endpoint });
  } catch {
    return null;
  }
}

function sameEndpoint(a: Endpoint | null, b: Endpoint | null): boolean {
  return a !== null && b !== null && a.primary === b.primary && a.backup === b.backup;
}

function whereOf(profile: KeyBinding): string {
  return profile.region ? `the ${profile.region} region` : (profile.endpoint ?? 'its endpoint');
}
