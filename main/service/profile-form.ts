import { randomBytes } from 'node:crypto';
import type { ConnectionTestResult, ProfileInput } from '../contract/monitor-api';
import { ConfigError } from '../core/config-error';
import { resolveEndpoint } from '../core/regions';
import { TEST_USERSIG_LIFETIME_SECONDS } from './key-binding';
import type { EngineFactory, ProfileRecord } from './service-ports';

/**
 * Checks an app profile from the settings form, as the CLI checks its flags: a known region or an
 * endpoint that is https (or http to loopback), and a label no other profile has. Keeps the rooms
 * and polling settings of the profile it replaces.
 */
export function checkProfileInput(
  input: ProfileInput,
  previous: ProfileRecord | undefined,
  labelsInUse: ReadonlyMap<string, string>,
): ProfileRecord {
  try {
    resolveEndpoint({ region: input.region, endpoint: input.endpoint });
  } catch (error) {
    if (error instanceof ConfigError) throw new Error(error.message);
    throw error;
  }
  const owner = labelsInUse.get(input.label);
  if (owner !== undefined && owner !== input.id)
    throw new Error(`Another app profile is already called "${input.label}".`);
  return {
    id: input.id ?? `app-${randomBytes(4).toString('hex')}`,
    label: input.label,
    sdkAppId: input.sdkAppId,
    identifier: input.identifier,
    region: input.region,
    endpoint: input.endpoint,
    intervalSeconds: previous?.intervalSeconds,
    maxRate: previous?.maxRate,
    rooms: previous?.rooms ?? [],
  };
}

/**
 * Signs a short-lived UserSig and makes one real call (the app's room list, one item), answered in
 * words.
 */
export async function testConnection(
  openEngine: EngineFactory,
  profile: ProfileRecord,
  key: string,
): Promise<ConnectionTestResult> {
  const engine = openEngine({ ...profile, rooms: [] }, key, {
    userSigLifetimeSeconds: TEST_USERSIG_LIFETIME_SECONDS,
  });
  try {
    const page = await engine.client.getAppidGroupList({ limit: 1 });
    if (page.ok) {
      const rooms = page.value.totalCount;
      return {
        ok: true,
        message: `Connected: the app has ${rooms} live-stream room${rooms === 1 ? '' : 's'}.`,
      };
    }
    const { kind, code, message } = page.error;
    return { ok: false, message, kind, ...(code === undefined ? {} : { code }) };
  } finally {
    engine.close();
  }
}
