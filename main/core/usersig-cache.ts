import type { Clock } from './clock';
import { signUserSig, type UserSigIdentity } from './usersig';

/** Signed lifetime: two days, so one signature serves many hours of polling (the docs ask for >= 24 h). */
export const USERSIG_LIFETIME_SECONDS = 2 * 24 * 3600;
/** Renewed once less than this is left, long before the server could see it expired. */
const RENEW_WHEN_LEFT_SECONDS = 24 * 3600;

/** Keeps one UserSig per app profile and renews it well before it expires. */
export class UserSigCache {
  private current: { userSig: string; expiresAtSeconds: number } | null = null;
  private readonly renewWhenLeftSeconds: number;

  constructor(
    private readonly identity: UserSigIdentity,
    private readonly clock: Pick<Clock, 'wall'>,
    /** How long each UserSig lives: the polling default, or minutes for a connection test. */
    private readonly lifetimeSeconds = USERSIG_LIFETIME_SECONDS,
  ) {
    this.renewWhenLeftSeconds = Math.min(RENEW_WHEN_LEFT_SECONDS, Math.floor(lifetimeSeconds / 2));
  }

  /** The cached UserSig, signed anew when none is held or it is within a day (or half its life) of expiring. */
  get(): string {
    const now = Math.floor(this.clock.wall() / 1000);
    if (!this.current || this.current.expiresAtSeconds - now < this.renewWhenLeftSeconds) return this.renew();
    return this.current.userSig;
  }

  /** Signs a fresh UserSig now (after a 70001 answer, or when the cache is due). */
  renew(): string {
    const now = Math.floor(this.clock.wall() / 1000);
    const userSig = signUserSig({
      ...this.identity,
      expireSeconds: this.lifetimeSeconds,
      nowSeconds: now,
    });
    this.current = { userSig, expiresAtSeconds: now + this.lifetimeSeconds };
    return userSig;
  }
}
