/** A message's `{placeholders}` filled in: the one way every translator does it. Pure. */

/** `text` with its `{placeholders}` filled from `values`, numbers formatted by `count`. */
export function filledIn(
  text: string,
  values: Record<string, string | number> | undefined,
  count: (value: number) => string,
): string {
  if (values === undefined) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? count(value) : value;
  });
}
