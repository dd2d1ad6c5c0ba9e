/**
 * The Chat edition the simulated app is on, and what it changes: group counters need the Pro,
 * Pro Plus or Enterprise edition (doc 1047/53428); the free trial sends a limited number of
 * messages a day.
 */

export const EDITIONS = ['trial', 'standard', 'pro', 'pro-plus', 'enterprise'] as const;

export type Edition = (typeof EDITIONS)[number];

/** Messages the trial (and developer) edition sends a day. */
export const TRIAL_MESSAGES_PER_DAY = 1000;

export function hasGroupCounters(edition: Edition): boolean {
  return edition === 'pro' || edition === 'pro-plus' || edition === 'enterprise';
}

/** Messages a day the edition sends, or null for no daily limit. */
export function messagesPerDay(edition: Edition): number | null {
  return edition === 'trial' ? TRIAL_MESSAGES_PER_DAY : null;
}

export function checkEdition(edition: unknown): Edition {
  if (!(EDITIONS as readonly unknown[]).includes(edition)) {
    throw new Error(`edition must be one of ${EDITIONS.join(', ')}`);
  }
  return edition as Edition;
}
