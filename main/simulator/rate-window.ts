/**
 * A per-second call cap counted in fixed windows of the wall clock (second 0 is the Unix epoch),
 * as the IM server limits an API per SDKAppID (200/s for get_online_member_num, 1/s for
 * get_appid_group_list). Calls over the cap are refused and do not count.
 */
export class RateWindow {
  private window = Number.NaN;
  private used = 0;

  constructor(private perSecond: number) {}

  /** Takes one call at `nowMs`; false when this second's cap is already used up. */
  take(nowMs: number): boolean {
    const window = Math.floor(nowMs / 1000);
    if (window !== this.window) {
      this.window = window;
      this.used = 0;
    }
    if (this.used >= this.perSecond) return false;
    this.used += 1;
    return true;
  }

  setPerSecond(perSecond: number): void {
    if (!Number.isFinite(perSecond) || perSecond < 0) throw new Error('rate must be a non-negative number');
    this.perSecond = perSecond;
  }
}
