/** How long the number takes to roll from one count to the next. */
export const ROLL_MS = 800;

/**
 * The value to show `elapsedMs` into a roll from `from` to `to`: fast at first, settling on the new
 * count (an ease-out cubic), whole numbers only, exactly `to` once the roll is over.
 */
export function rollValue(from: number, to: number, elapsedMs: number): number {
  if (elapsedMs >= ROLL_MS) return to;
  const t = Math.max(0, elapsedMs) / ROLL_MS;
  const eased = 1 - (1 - t) ** 3;
  return Math.round(from + (to - from) * eased);
}
