import { describe, expect, it } from 'vitest';
import { decodeUserSig, verifyUserSig } from '../../main/core/usersig';
import { USERSIG_LIFETIME_SECONDS, UserSigCache } from '../../main/core/usersig-cache';

const identity = { sdkAppId: 1400000001, identifier: 'administrator', secretKey: 'k'.repeat(64) };
const HOUR_MS = 3600 * 1000;

function fakeWall(startMs: number) {
  let now = startMs;
  return {
    wall: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('UserSigCache', () => {
  it('signs once and serves the same UserSig while plenty of lifetime is left', () => {
    const clock = fakeWall(1_700_000_000_500);
    const cache = new UserSigCache(identity, clock);
    const first = cache.get();
    expect(decodeUserSig(first)).toMatchObject({ time: 1_700_000_000, expire: USERSIG_LIFETIME_SECONDS });
    clock.advance(23 * HOUR_MS);
    expect(cache.get()).toBe(first);
  });

  it('renews at least a day before the UserSig would expire', () => {
    const clock = fakeWall(1_700_000_000_000);
    const cache = new UserSigCache(identity, clock);
    const first = cache.get();
    const expiresAt = (decodeUserSig(first)?.time ?? 0) + USERSIG_LIFETIME_SECONDS;
    clock.advance(24 * HOUR_MS + 1000);
    const second = cache.get();
    expect(second).not.toBe(first);
    const nowSeconds = Math.floor(clock.wall() / 1000);
    expect(expiresAt - nowSeconds).toBeGreaterThan(20 * 3600);
    expect(verifyUserSig(second, identity, nowSeconds)).toEqual({
      ok: true,
      expiresAtSeconds: nowSeconds + USERSIG_LIFETIME_SECONDS,
    });
  });

  it('never hands out a UserSig the server would call expired, however the clock moves', () => {
    const clock = fakeWall(1_700_000_000_000);
    const cache = new UserSigCache(identity, clock);
    for (let step = 0; step < 200; step += 1) {
      clock.advance(((step * 7919) % 13) * HOUR_MS);
      const nowSeconds = Math.floor(clock.wall() / 1000);
      const verdict = verifyUserSig(cache.get(), identity, nowSeconds + 12 * 3600);
      expect(verdict.ok).toBe(true);
    }
  });

  it('renew() signs a fresh UserSig that get() then serves', () => {
    const clock = fakeWall(1_700_000_000_000);
    const cache = new UserSigCache(identity, clock);
    const first = cache.get();
    clock.advance(1000);
    const renewed = cache.renew();
    expect(renewed).not.toBe(first);
    expect(decodeUserSig(renewed)?.time).toBe(1_700_000_001);
    expect(cache.get()).toBe(renewed);
  });

  it('renews a short-lived UserSig (a connection test) once half its life is gone, not before', () => {
    const clock = fakeWall(1_700_000_000_000);
    const cache = new UserSigCache(identity, clock, 600);
    const first = cache.get();
    expect(decodeUserSig(first)?.expire).toBe(600);
    clock.advance(300 * 1000);
    expect(cache.get()).toBe(first);
    clock.advance(1000);
    const second = cache.get();
    expect(second).not.toBe(first);
    expect(decodeUserSig(second)).toMatchObject({ time: 1_700_000_301, expire: 600 });
  });
});
