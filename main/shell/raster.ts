/**
 * A small RGBA raster for the icons: straight (not premultiplied) alpha, row-major, 8 bits per
 * channel. Shapes are anti-aliased by 4x4 supersampling; text is drawn as whole pixels.
 */

/** An image as RGBA bytes: `data[(y * width + x) * 4 + channel]`. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A colour as [red, green, blue, alpha], each 0-255. */
export type Rgba = readonly [number, number, number, number];

/** Whether the point (x, y), in pixels from the top left corner, is inside a shape. */
export type Shape = (x: number, y: number) => boolean;

/** A transparent image. */
export function createImage(width: number, height: number): RgbaImage {
  return { width, height, data: new Uint8Array(width * height * 4) };
}

/** Paints `colour` over pixel (x, y) with `coverage` (0-1) of its alpha, source-over. */
function blend(image: RgbaImage, x: number, y: number, colour: Rgba, coverage: number): void {
  if (x < 0 || y < 0 || x >= image.width || y >= image.height || coverage <= 0) return;
  const i = (y * image.width + x) * 4;
  const { data } = image;
  const sa = (colour[3] / 255) * coverage;
  const da = (data[i + 3] as number) / 255;
  const oa = sa + da * (1 - sa);
  if (oa === 0) return;
  for (let c = 0; c < 3; c++) {
    data[i + c] = Math.round(((colour[c] as number) * sa + (data[i + c] as number) * da * (1 - sa)) / oa);
  }
  data[i + 3] = Math.round(oa * 255);
}

const SUB = 4;

/** The share (0-1) of pixel (x, y) that `shape` covers. */
function coverageOf(shape: Shape, x: number, y: number): number {
  let hits = 0;
  for (let sy = 0; sy < SUB; sy++) {
    for (let sx = 0; sx < SUB; sx++) if (shape(x + (sx + 0.5) / SUB, y + (sy + 0.5) / SUB)) hits++;
  }
  return hits / (SUB * SUB);
}

/** Fills `shape` with `colour`, anti-aliased at its edges. */
export function fillShape(image: RgbaImage, shape: Shape, colour: Rgba): void {
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) blend(image, x, y, colour, coverageOf(shape, x, y));
  }
}

/** Clears `shape` to transparent, anti-aliased at its edges: cut-outs for template images. */
export function eraseShape(image: RgbaImage, shape: Shape): void {
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const coverage = coverageOf(shape, x, y);
      const i = (y * image.width + x) * 4 + 3;
      if (coverage > 0) image.data[i] = Math.round((image.data[i] as number) * (1 - coverage));
    }
  }
}

/** Fills whole pixels, crisp: the pixel font's dots. */
export function fillPixels(
  image: RgbaImage,
  x: number,
  y: number,
  width: number,
  height: number,
  colour: Rgba,
): void {
  for (let py = y; py < y + height; py++)
    for (let px = x; px < x + width; px++) blend(image, px, py, colour, 1);
}

/** A circle. */
export const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

/** An ellipse. */
export const ellipse =
  (cx: number, cy: number, rx: number, ry: number): Shape =>
  (x, y) =>
    ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;

/** A rectangle from (x0, y0) to (x1, y1). */
export const rect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1;

/** A rectangle from (x0, y0) to (x1, y1) with corners rounded by `r`. */
export function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r;
  };
}

/** Points in any of `shapes`. */
export const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((shape) => shape(x, y));

/** Points in every one of `shapes`. */
export const intersection =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.every((shape) => shape(x, y));

/** Points in `shape` but not in `hole`. */
export const difference =
  (shape: Shape, hole: Shape): Shape =>
  (x, y) =>
    shape(x, y) && !hole(x, y);
