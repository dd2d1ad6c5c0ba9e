import type { ImError } from './error-kind';
import type { AppStatus } from './monitor-events';
import type { PollPlan } from './poll-plan';

/** The app profile's state in words, from what stops or slows it, most serious first. */
export function appStatusOf(facts: {
  plan: PollPlan;
  capPerSecond: number;
  limitPerSecond: number;
  appError: ImError | null;
  pausedByUser: boolean;
  slowed: boolean;
}): AppStatus {
  const base = { plan: facts.plan, capPerSecond: facts.capPerSecond, limitPerSecond: facts.limitPerSecond };
  const { appError } = facts;
  if (appError) {
    const state = appError.kind === 'auth' ? 'auth-failed' : 'paused';
    return { ...base, state, reason: appError.message, error: appError };
  }
  if (facts.pausedByUser) return { ...base, state: 'paused', reason: 'Polling is paused.' };
  if (facts.slowed) {
    return {
      ...base,
      state: 'rate-limited',
      reason: 'The server said the app is over its rate limit: slowing down.',
    };
  }
  return { ...base, state: 'running' };
}
