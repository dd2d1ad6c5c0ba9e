import { ConfigError } from '../../core/config-error';
import { secretFromEnv } from '../secret-file';
import { MIN_USER_TOKEN_LENGTH, tokenMatches } from './serve-token';
import { weakTokenProblem } from './token-strength';

/**
 * The token that opens `/metrics` and nothing else, from `HEADCOUNT_METRICS_TOKEN` or the file
 * `HEADCOUNT_METRICS_TOKEN_FILE` names; null when neither is set (then a scrape uses the dashboard's
 * token). A scraper holding it can read counts, never add rooms, change rules or webhooks, or read
 * the dashboard: the least a monitoring system needs.
 */
export function metricsTokenFrom(
  env: Record<string, string | undefined>,
  dashboardToken: string,
): string | null {
  const token = secretFromEnv(env, 'HEADCOUNT_METRICS_TOKEN', 'metrics token');
  if (token === undefined) return null;
  if (token.length < MIN_USER_TOKEN_LENGTH) {
    throw new ConfigError(
      `The metrics token must be at least ${MIN_USER_TOKEN_LENGTH} characters long (got ${token.length}).`,
    );
  }
  const weak = weakTokenProblem(token, 'metrics token');
  if (weak) throw new ConfigError(weak);
  if (tokenMatches(dashboardToken, token)) {
    throw new ConfigError(
      'The metrics token is the dashboard token: choose another, or a scraper could change what is watched.',
    );
  }
  return token;
}
