/** The most of `times` (ms) inside any half-open window [t, t + windowMs): what a rate cap limits. */
export function maxInAnyWindow(times: readonly number[], windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}

/** How many of `times` end a window of `windowMs` holding more than `cap` entries: 0 when the cap held. */
export function windowsOverCap(times: readonly number[], cap: number, windowMs = 1000): number {
  const sorted = [...times].sort((a, b) => a - b);
  let over = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) start++;
    if (end - start + 1 > cap) over++;
  }
  return over;
}
