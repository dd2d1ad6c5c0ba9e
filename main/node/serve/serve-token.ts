import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { ConfigError } from '../../core/config-error';
import { weakTokenProblem } from './token-strength';

/** Shortest token a person may choose: long enough that guessing it over the network is hopeless. */
export const MIN_USER_TOKEN_LENGTH = 16;

/** A fresh random token for one run: 32 bytes, URL-safe. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Whether `host` is a loopback address or name (only this machine can reach it). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1' || bare === '0:0:0:0:0:0:0:1';
}

/**
 * The token every request must carry: the one the user set (required when the host is not
 * loopback; at least {@link MIN_USER_TOKEN_LENGTH} characters and hard enough to guess), else a
 * random one.
 */
export function chooseToken(host: string, userToken: string | undefined): string {
  const chosen = userToken?.trim();
  if (chosen !== undefined && chosen !== '') {
    if (chosen.length < MIN_USER_TOKEN_LENGTH) {
      throw new ConfigError(
        `The dashboard token must be at least ${MIN_USER_TOKEN_LENGTH} characters long (got ${chosen.length}).`,
      );
    }
    const weak = weakTokenProblem(chosen);
    if (weak) throw new ConfigError(weak);
    return chosen;
  }
  if (!isLoopbackHost(host)) {
    throw new ConfigError(
      `Refusing to serve on ${host} with a random token: anyone on the network could reach the dashboard. ` +
        `Set a token of at least ${MIN_USER_TOKEN_LENGTH} characters with HEADCOUNT_SERVE_TOKEN (or --token), ` +
        'or serve on 127.0.0.1.',
    );
  }
  return randomToken();
}

/**
 * Compares a presented token with the expected one in constant time. Both are hashed first, so
 * neither their contents nor a difference in length shows in the time taken.
 */
export function tokenMatches(expected: string, presented: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(presented));
}
