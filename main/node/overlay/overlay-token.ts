import { ConfigError } from '../../core/config-error';
import { secretFromEnv } from '../secret-file';
import { MIN_USER_TOKEN_LENGTH, tokenMatches } from '../serve/serve-token';
import { weakTokenProblem } from '../serve/token-strength';

/**
 * The overlay token `headcount serve` takes from HEADCOUNT_OVERLAY_TOKEN (or the file
 * HEADCOUNT_OVERLAY_TOKEN_FILE names), or null (no overlay) when neither is set. At least
 * {@link MIN_USER_TOKEN_LENGTH} characters and hard to guess, like the others, and none of the others: a link pasted
 * into OBS must open overlays and nothing else, not the API, nor /metrics.
 */
export function chooseOverlayToken(
  env: Record<string, string | undefined>,
  others: { token: string; metricsToken: string | null },
): string | null {
  const chosen = secretFromEnv(env, 'HEADCOUNT_OVERLAY_TOKEN', 'overlay token');
  if (chosen === undefined) return null;
  if (chosen.length < MIN_USER_TOKEN_LENGTH) {
    throw new ConfigError(
      `HEADCOUNT_OVERLAY_TOKEN must be at least ${MIN_USER_TOKEN_LENGTH} characters long (got ${chosen.length}).`,
    );
  }
  const weak = weakTokenProblem(chosen, 'overlay token');
  if (weak) throw new ConfigError(weak);
  const reused = [others.token, others.metricsToken].some(
    (token) => token !== null && tokenMatches(token, chosen),
  );
  if (reused) {
    throw new ConfigError(
      'HEADCOUNT_OVERLAY_TOKEN must differ from the dashboard and metrics tokens: the overlay link goes into OBS and must open nothing else.',
    );
  }
  return chosen;
}

/** The link of one room's overlay under `base` (e.g. `http://127.0.0.1:9420`). */
export function overlayLink(base: string, groupId: string, token: string): string {
  return `${base}/overlay?${new URLSearchParams({ room: groupId, token })}`;
}
