import { describe, expect, it } from 'vitest';
import { appStatusOf } from '../../main/core/app-status';
import type { ImError } from '../../main/core/error-kind';
import { planPolling } from '../../main/core/poll-plan';

const AUTH: ImError = {
  kind: 'auth',
  code: 70003,
  message: 'The UserSig was rejected: check the secret key.',
};
const ACCOUNT: ImError = { kind: 'account', code: 10004, message: 'The account has no IM service.' };

function facts(over: Partial<Parameters<typeof appStatusOf>[0]> = {}): Parameters<typeof appStatusOf>[0] {
  return {
    plan: planPolling(20, 10_000, 190),
    capPerSecond: 200,
    limitPerSecond: 190,
    appError: null,
    pausedByUser: false,
    slowed: false,
    ...over,
  };
}

describe('appStatusOf', () => {
  it('runs with no reason when nothing stops or slows the app, and carries its plan and limits', () => {
    const status = appStatusOf(facts());
    expect(status).toEqual({ state: 'running', plan: facts().plan, capPerSecond: 200, limitPerSecond: 190 });
  });

  it('says a slow-down after the server asked for one', () => {
    expect(appStatusOf(facts({ slowed: true }))).toMatchObject({
      state: 'rate-limited',
      reason: 'The server said the app is over its rate limit: slowing down.',
    });
  });

  it("puts the user's pause before a slow-down", () => {
    expect(appStatusOf(facts({ slowed: true, pausedByUser: true }))).toMatchObject({
      state: 'paused',
      reason: 'Polling is paused.',
    });
  });

  it('puts rejected credentials before everything, with the error and, when planned, the time of the next try', () => {
    expect(appStatusOf(facts({ appError: AUTH, pausedByUser: true, slowed: true }))).toEqual({
      ...appStatusOf(facts()),
      state: 'auth-failed',
      reason: AUTH.message,
      error: AUTH,
    });
    const retryAt = Date.UTC(2026, 11, 4, 22, 30, 5);
    const time = new Date(retryAt).toLocaleTimeString('en-GB');
    expect(appStatusOf(facts({ appError: AUTH, retryAt }))).toMatchObject({
      state: 'auth-failed',
      reason: `${AUTH.message} Trying again at ${time}.`,
      error: AUTH,
      retryAt,
    });
  });

  it('pauses the app on an account problem, which is not an authentication failure', () => {
    expect(appStatusOf(facts({ appError: ACCOUNT, retryAt: null }))).toMatchObject({
      state: 'paused',
      reason: ACCOUNT.message,
      error: ACCOUNT,
    });
  });
});
