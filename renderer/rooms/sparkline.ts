/**
 * The 30-minute sparkline of a row: an inline SVG, hidden from screen readers (the row says its
 * count and change in words), with the path from {@link sparkPath}.
 */
import { SPARK_HEIGHT, SPARK_WIDTH, sparkPath } from './sparkline-path';

const SVG = 'http://www.w3.org/2000/svg';

/** Draws `values` into the row's slot, reusing its SVG; no values clears it. */
export function drawSparkline(slot: Element, values: ReadonlyArray<number | null> | null): void {
  const d = values ? sparkPath(values) : '';
  let path = slot.querySelector('path');
  if (!path) {
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', `0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}`);
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    path = document.createElementNS(SVG, 'path');
    svg.append(path);
    slot.append(svg);
  }
  if (path.getAttribute('d') !== d) path.setAttribute('d', d);
}
