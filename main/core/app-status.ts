import type { ImError } from './error-kind';
import type { AppStatus } from './monitor-events';
import type { PollPlan } from './poll-plan';

/** The app profile's state in words, from what stops or slows it, most serious first. */
export function appStatusOf(facts: {
  plan: PollPlan;
  capPerSecond: number;
  limitPerSecond: number;
  /** See AppStatus.answerMs; null while answers come within the budget's margin. */
  answerMs?: number | null;
  appError: ImError | null;
  pausedByUser: boolean;
  slowed: boolean;
  /** When rejected credentials are tried again (epoch ms), if a try is planned. */
  retryAt?: number | null;
}): AppStatus {
  const base = {
    plan: facts.plan,
    capPerSecond: facts.capPerSecond,
    limitPerSecond: facts.limitPerSecond,
    ...(facts.answerMs ? { answerMs: facts.answerMs } : {}),
  };
  const { appError } = facts;
  if (appError) {
    const state = appError.kind === 'auth' ? 'auth-failed' : 'paused';
    const { retryAt } = facts;
    if (!retryAt) return { ...base, state, reason: appError.message, error: appError };
    const next = new Date(retryAt).toLocaleTimeString('en-GB');
    return {
      ...base,
      state,
      reason: `${appError.message} Trying again at ${next}.`,
      error: appError,
      retryAt,
    };
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
