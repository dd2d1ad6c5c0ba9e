/**
 * The server's answer to guessing: more than 30 bad UserSigs within 60 s lock the app for 60 s,
 * during which every request fails with 70050 (reference: error codes, 70050).
 */
/** Bad UserSigs tolerated within {@link BAD_SIG_WINDOW_MS}; one more locks the app. */
export const BAD_SIG_LIMIT = 30;
/** The window bad UserSigs are counted in. */
export const BAD_SIG_WINDOW_MS = 60_000;
/** How long a lock lasts. */
export const LOCK_MS = 60_000;

/** Bad-UserSig counting and the lock it leads to, for one SDKAppID. */
export class UserSigLockout {
  private failures: number[] = [];
  private lockedUntilMs = Number.NEGATIVE_INFINITY;

  /** Whether the app is locked at `nowMs`. */
  isLocked(nowMs: number): boolean {
    return nowMs < this.lockedUntilMs;
  }

  /** Notes one failed UserSig check; the one past the limit starts the lock. */
  recordFailure(nowMs: number): void {
    this.failures = this.failures.filter((at) => nowMs - at < BAD_SIG_WINDOW_MS);
    this.failures.push(nowMs);
    if (this.failures.length > BAD_SIG_LIMIT) {
      this.lockedUntilMs = nowMs + LOCK_MS;
      this.failures = [];
    }
  }
}
