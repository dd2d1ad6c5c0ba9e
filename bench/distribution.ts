/** Percentile by nearest rank of an unsorted list (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** The distribution of a list of timings: how many, p50, p95, p99 and the largest. */
export function timings(values: readonly number[]) {
  return {
    n: values.length,
    p50: round(percentile(values, 50), 2),
    p95: round(percentile(values, 95), 2),
    p99: round(percentile(values, 99), 2),
    max: round(Math.max(...values), 2),
  };
}

/** One figure of every page load that has it (a load without it holds null). */
export function column(loads: ReadonlyArray<Record<string, number | null>>, name: string): number[] {
  return loads
    .map((load) => load[name])
    .filter((value): value is number => value !== null && value !== undefined);
}

/** The distribution of each figure the page loads hold. */
export function loadFigures(loads: ReadonlyArray<Record<string, number | null>>) {
  return Object.fromEntries(Object.keys(loads[0] ?? {}).map((name) => [name, timings(column(loads, name))]));
}
