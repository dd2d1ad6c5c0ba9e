/** The option a person most likely meant by one the command does not know: "--intervl" is "--interval". */

/** Differences (insertions, deletions, substitutions) between two short words. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, substitution));
    }
    previous = row;
  }
  return previous[b.length] as number;
}

/**
 * The known option nearest to `given` (both without dashes), or null when none is near enough to be
 * a typo: at most a third of the word may differ, and at least one letter always may.
 */
export function closestOption(given: string, known: readonly string[]): string | null {
  let best: { name: string; distance: number } | null = null;
  for (const name of known) {
    const distance = given.startsWith(name) || name.startsWith(given) ? 1 : editDistance(given, name);
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= Math.max(1, Math.floor(given.length / 3)) ? best.name : null;
}
