import { circle, ellipse, intersection, rect, type Shape, union } from './raster';

/**
 * Headcount's mark, a head and shoulders, as a shape in a square box at (x, y) of side `size`.
 * Drawn on a 16-unit grid so the 16-pixel tray icon lands on whole pixels; `inset` units thin
 * every part (the inner edge of the demo state's outline).
 */
export function personShape(x: number, y: number, size: number, inset = 0): Shape {
  const u = size / 16;
  const head = circle(x + 8 * u, y + 5.2 * u, (3.1 - inset) * u);
  const shoulders = intersection(
    ellipse(x + 8 * u, y + 16 * u, (6.2 - inset) * u, (6.6 - inset) * u),
    rect(x, y, x + size, y + (15.2 - inset) * u),
  );
  return union(head, shoulders);
}
