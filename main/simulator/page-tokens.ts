/**
 * `Next` tokens for get_appid_group_list. They sit above 2^60 and are odd, so no double can hold
 * one: a client that passes `Next` through `JSON.parse` sends back a different number and gets 10004.
 */
const TOKEN_BASE = 1n << 60n;
/** Tokens remembered; older ones become unknown, as a server's paging state would expire. */
const MAX_TOKENS = 4096;

/** The tokens one simulator issued and where each resumes. */
export class PageTokens {
  private readonly offsets = new Map<bigint, number>();
  private issued = 0n;

  /** A fresh token that resumes the listing at `offset`. */
  issue(offset: number): bigint {
    this.issued += 1n;
    const token = TOKEN_BASE + this.issued * 2n + 1n;
    this.offsets.set(token, offset);
    if (this.offsets.size > MAX_TOKENS) {
      const oldest = this.offsets.keys().next().value;
      if (oldest !== undefined) this.offsets.delete(oldest);
    }
    return token;
  }

  /** Where `token` resumes, or undefined when this simulator never issued it. */
  offsetOf(token: bigint): number | undefined {
    return this.offsets.get(token);
  }
}
