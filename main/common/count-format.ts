/**
 * How an online count is written where space differs: in full in a tooltip, compact in the macOS
 * menu bar title, and in at most four narrow glyphs inside a 16-pixel tray icon.
 */

/** 12345 -> "12,345". */
export function groupedCount(n: number): string {
  const digits = String(Math.trunc(Math.abs(n)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-${grouped}` : grouped;
}

const SUFFIXES = [
  { value: 1e9, suffix: 'B' },
  { value: 1e6, suffix: 'M' },
  { value: 1e3, suffix: 'k' },
] as const;

/** Rounds to `significant` digits and drops a trailing ".0". */
function scaled(n: number, unit: number, significant: number): string {
  const x = n / unit;
  const decimals = Math.max(0, significant - String(Math.trunc(x)).length);
  const factor = 10 ** decimals;
  return String(Math.round(x * factor) / factor);
}

/**
 * Picks the largest suffix, then moves up one when rounding reaches 1000 of it (999,950 -> "1M",
 * not "1000k").
 */
function compact(n: number, significant: number): string {
  for (let i = 0; i < SUFFIXES.length; i++) {
    const { value, suffix } = SUFFIXES[i] as (typeof SUFFIXES)[number];
    if (n < value) continue;
    const text = scaled(n, value, significant);
    const bigger = SUFFIXES[i - 1];
    if (Number(text) >= 1000 && bigger) return `${scaled(n, bigger.value, significant)}${bigger.suffix}`;
    return `${text}${suffix}`;
  }
  return String(n);
}

/**
 * The menu bar title: full below 10,000 ("9,876"), then three significant digits ("12.3k",
 * "123k", "1.23M").
 */
export function compactCount(n: number): string {
  if (n < 10_000) return groupedCount(n);
  return compact(n, 3);
}

/**
 * The number inside a 16-pixel icon: two significant digits with a suffix once past 999 ("999",
 * "1.2k", "12k", "123k", "1.2M"): four glyphs at most, which always fit the icon's pixel font where
 * "12.3k" would not.
 */
export function iconCount(n: number): string {
  if (n < 1000) return String(Math.round(n));
  return compact(n, 2);
}
