/**
 * The arithmetic of a virtualised list: where each entry starts, which entries a viewport shows
 * (plus a margin), and where to scroll to bring one into view. Heights are fixed per entry kind, so
 * offsets change only when the arrangement does, never when counts do. Pure.
 */

/** Start offsets of each entry, and the total height as the last element (length = entries + 1). */
export function layoutOffsets(heights: ArrayLike<number>): Float64Array {
  const offsets = new Float64Array(heights.length + 1);
  for (let i = 0; i < heights.length; i++) offsets[i + 1] = (offsets[i] ?? 0) + (heights[i] ?? 0);
  return offsets;
}

/** The entry at vertical position `y` (clamped to the list). */
export function entryAt(offsets: Float64Array, y: number): number {
  const count = offsets.length - 1;
  if (count <= 0) return 0;
  let low = 0;
  let high = count - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((offsets[middle] ?? 0) <= y) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Entries [start, end) that intersect the viewport widened by `marginPx` above and below. */
export function visibleRange(
  offsets: Float64Array,
  scrollTop: number,
  viewportHeight: number,
  marginPx: number,
): { start: number; end: number } {
  const count = offsets.length - 1;
  if (count <= 0) return { start: 0, end: 0 };
  const start = entryAt(offsets, Math.max(0, scrollTop - marginPx));
  const bottom = scrollTop + viewportHeight + marginPx;
  let end = entryAt(offsets, bottom) + 1;
  if (end > count) end = count;
  return { start, end };
}

/** The scroll position that shows the whole of entry `index`, moving as little as possible. */
export function scrollToReveal(
  offsets: Float64Array,
  index: number,
  scrollTop: number,
  viewportHeight: number,
): number {
  const top = offsets[index] ?? 0;
  const bottom = offsets[index + 1] ?? top;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}
