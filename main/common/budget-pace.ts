/**
 * The pace a rate budget sustains, as the engine plans by it (main/core/rate-budget.ts) and the
 * settings' meter shows it before the settings are saved: one formula, so both say the same interval.
 */

/**
 * The window a budget counts in: one second plus a margin, so that calls sent within the cap still
 * arrive within it when the network delays some more than others (the server counts arrivals).
 */
export const BUDGET_WINDOW_MS = 1025;
/**
 * The share of any cap a budget keeps unused: 5 calls of the documented 200 (none of a cap of 1 a
 * second, which cannot go lower). The server counts arrivals in its own seconds; the window's margin
 * covers 25 ms of network jitter, and these few spare calls cover the rarer larger spread, so a
 * burst that arrives closer together than it left still stays under the cap.
 */
export const HEADROOM_SHARE = 0.025;
/** The window's margin beyond the server's second: the answer time a budget plans for by default. */
export const NETWORK_SPREAD_MS = BUDGET_WINDOW_MS - 1000;

/** The calls of a window `cap` allows, less the headroom. */
export function callsAWindow(cap: number): number {
  return Math.max(1, cap - Math.floor(cap * HEADROOM_SHARE));
}

/**
 * Calls per second a budget of `cap` sustains when each call is answered `answerMs` after its grant:
 * a call holds its place from its grant until a second after its answer, so each takes 1 s plus its
 * answer time, and a window's calls (the cap less its headroom) share that. Answers within the
 * window's margin are planned as the margin.
 */
export function sustainableRate(cap: number, answerMs?: number | null): number {
  return (callsAWindow(cap) * 1000) / (1000 + Math.max(NETWORK_SPREAD_MS, answerMs ?? 0));
}
