/**
 * The path of a row's 30-minute sparkline: pure, so it is unit-tested without a browser. A gap
 * breaks the line; the drawing is scaled to the room's own range, as a sparkline shows a shape.
 */

/** The drawing's size in SVG units; CSS scales it to the row's slot. */
export const SPARK_WIDTH = 56;
export const SPARK_HEIGHT = 20;
const PAD = 2;

/**
 * The SVG path of `values` across `width` x `height`: the lowest value at the bottom, the highest
 * at the top (a flat line in the middle when all are equal), a new subpath after each null, and
 * a short dash for a point with no neighbour. Empty when there is no value.
 */
export function sparkPath(values: ReadonlyArray<number | null>, width = SPARK_WIDTH, height = SPARK_HEIGHT) {
  const known = values.filter((value): value is number => value !== null);
  if (known.length === 0) return '';
  const low = Math.min(...known);
  const high = Math.max(...known);
  const step = values.length > 1 ? (width - 2 * PAD) / (values.length - 1) : 0;
  const yOf = (value: number) =>
    high === low ? height / 2 : PAD + ((high - value) / (high - low)) * (height - 2 * PAD);
  const parts: string[] = [];
  let open = false;
  values.forEach((value, i) => {
    if (value === null) {
      open = false;
      return;
    }
    const point = `${round(PAD + i * step)} ${round(yOf(value))}`;
    const alone = !open && (values[i + 1] ?? null) === null;
    parts.push(open ? `L${point}` : alone ? `M${point}h1` : `M${point}`);
    open = !alone;
  });
  return parts.join('');
}

const round = (value: number) => Math.round(value * 10) / 10;
