/**
 * A configuration problem the user has to fix (unknown region, bad endpoint, missing credentials).
 * Its message is written for people; the CLI prints it and exits with status 2.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
