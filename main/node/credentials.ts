import { readFileSync } from 'node:fs';
import { ConfigError } from '../core/config-error';
import type { AppConnection } from '../core/im-client';
import { REGIONS, resolveEndpoint } from '../core/regions';
import { readSecretFile } from './secret-file';

/** Credentials and endpoint given on the command line; the secret itself never is. */
export interface CredentialFlags {
  sdkappid?: string | undefined;
  identifier?: string | undefined;
  secretKeyFile?: string | undefined;
  region?: string | undefined;
  endpoint?: string | undefined;
  caFile?: string | undefined;
}

export interface LoadedConnection {
  connection: AppConnection;
  /** A CA certificate (PEM) to trust in addition to the system's, for a custom endpoint. */
  ca?: string;
  /** The region key or the custom endpoint, as chosen from the flags and the environment. */
  where: { region?: string; endpoint?: string };
  /** What the user should know about how the flags and the environment were combined. */
  notes: string[];
}

type Env = Record<string, string | undefined>;

/**
 * Reads the app profile for headless use from flags and `HEADCOUNT_*` variables (flags win). Throws
 * {@link ConfigError} naming what is missing or wrong; messages never contain the secret.
 */
export function loadConnection(flags: CredentialFlags, env: Env): LoadedConnection {
  const sdkAppIdText = flags.sdkappid ?? env.HEADCOUNT_SDKAPPID;
  if (!sdkAppIdText) throw new ConfigError('No SDKAppID: set HEADCOUNT_SDKAPPID or pass --sdkappid.');
  if (!/^[1-9]\d{0,15}$/.test(sdkAppIdText.trim())) {
    throw new ConfigError(
      `The SDKAppID must be a positive whole number, like 1400000000 (got "${sdkAppIdText}").`,
    );
  }
  const identifier = (flags.identifier ?? env.HEADCOUNT_IDENTIFIER)?.trim();
  if (!identifier) {
    throw new ConfigError(
      'No admin identifier: set HEADCOUNT_IDENTIFIER or pass --identifier (an App admin account).',
    );
  }
  const { region, endpointUrl, notes } = whereFrom(flags, env);
  if (!region && !endpointUrl) {
    const keys = REGIONS.map((r) => r.key).join(', ');
    throw new ConfigError(
      `No region: set HEADCOUNT_REGION (one of ${keys}) or HEADCOUNT_ENDPOINT, or pass --region.`,
    );
  }
  const endpoint = resolveEndpoint({ region: region || undefined, endpoint: endpointUrl || undefined });
  const secretKey = readSecretKey(
    flags.secretKeyFile ?? env.HEADCOUNT_SECRET_KEY_FILE,
    env.HEADCOUNT_SECRET_KEY,
    env,
  );
  const caFile = flags.caFile ?? env.HEADCOUNT_CA_FILE;
  const connection = { sdkAppId: Number(sdkAppIdText.trim()), identifier, secretKey, endpoint };
  const where = { ...(region ? { region } : {}), ...(endpointUrl ? { endpoint: endpointUrl } : {}) };
  return { connection, where, notes, ...(caFile ? { ca: readText(caFile, 'CA certificate') } : {}) };
}

/**
 * The region or endpoint: a flag for either wins over both variables (a command line is the more
 * deliberate of the two), and the variable it overrides is named in a note rather than refused.
 */
function whereFrom(flags: CredentialFlags, env: Env) {
  const notes: string[] = [];
  if (flags.region === undefined && flags.endpoint === undefined)
    return { region: env.HEADCOUNT_REGION, endpointUrl: env.HEADCOUNT_ENDPOINT, notes };
  const flag = flags.region === undefined ? '--endpoint' : '--region';
  for (const name of ['HEADCOUNT_REGION', 'HEADCOUNT_ENDPOINT'] as const)
    if (env[name]) notes.push(`${flag} wins over ${name}, which is ignored for this run.`);
  return { region: flags.region, endpointUrl: flags.endpoint, notes };
}

function readSecretKey(file: string | undefined, inline: string | undefined, env: Env): string {
  if (file) return readSecretFile(file, 'secret key', env);
  const key = inline?.trim();
  if (!key) {
    throw new ConfigError(
      'No secret key: set HEADCOUNT_SECRET_KEY, or HEADCOUNT_SECRET_KEY_FILE (or --secret-key-file) to a file only you can read.',
    );
  }
  return key;
}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(`Cannot read the ${what} file ${file}.`);
  }
}
