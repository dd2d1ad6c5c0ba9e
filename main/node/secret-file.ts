import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { ConfigError } from '../core/config-error';

type Env = Record<string, string | undefined>;

/**
 * Reads a secret (the secret key, a token) from a file, trimmed. A file others can read is a
 * leaked secret: it is refused, as ssh refuses such private keys, with the chmod that fixes it.
 * `what` names the secret in messages; the file's content never appears in one.
 */
export function readSecretFile(file: string, what: string, env: Env): string {
  refuseReadableByOthers(file, what, env);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(`Cannot read the ${what} file ${file}.`);
  }
  const secret = text.trim();
  if (!secret) throw new ConfigError(`The ${what} file ${file} is empty.`);
  return secret;
}

/**
 * A secret from the environment: `NAME` itself, or the content of the file `NAME_FILE` names
 * (better: the secret then stays out of the process's environment). Undefined when neither is set.
 */
export function secretFromEnv(env: Env, name: string, what: string): string | undefined {
  const file = env[`${name}_FILE`];
  if (file) return readSecretFile(file, what, env);
  const inline = env[name]?.trim();
  return inline ? inline : undefined;
}

/**
 * Refuses a file that group or others may read. One exception: a file in the folder systemd hands
 * a service its credentials in (`$CREDENTIALS_DIRECTORY`, from `LoadCredential=`). That folder is
 * the service's alone, and systemd grants the service's user read access to each file by an ACL
 * entry, which the file's mode shows as a group read bit (the ACL mask): there, only a file
 * readable by others is refused.
 */
function refuseReadableByOthers(file: string, what: string, env: Env): void {
  if (process.platform === 'win32') return;
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch {
    throw new ConfigError(`Cannot read the ${what} file ${file}: it does not exist or is not accessible.`);
  }
  const refused = inCredentialsDirectory(file, env.CREDENTIALS_DIRECTORY) ? 0o004 : 0o044;
  if ((mode & refused) !== 0) {
    throw new ConfigError(
      `The ${what} file ${file} can be read by other users (mode ${(mode & 0o777).toString(8)}): run chmod 600 ${file}.`,
    );
  }
}

function inCredentialsDirectory(file: string, directory: string | undefined): boolean {
  if (!directory) return false;
  try {
    const inside = relative(realpathSync(directory), realpathSync(file));
    return inside !== '' && !inside.startsWith('..') && !isAbsolute(inside);
  } catch {
    return false;
  }
}
