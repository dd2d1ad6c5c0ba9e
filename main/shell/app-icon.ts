import { MARK_COLOUR, STATE_COLOURS } from './icon-palette';
import { personShape } from './person-mark';
import { createImage, fillShape, type RgbaImage, roundedRect } from './raster';

/**
 * The application icon at `size` pixels: the mark in white on a rounded blue square, inside the
 * transparent margin of Apple's icon grid (824 of 1024) so it sits right beside other apps.
 */
export function renderAppIcon(size: number): RgbaImage {
  const image = createImage(size, size);
  const margin = size * (100 / 1024);
  const body = size - 2 * margin;
  fillShape(
    image,
    roundedRect(margin, margin, size - margin, size - margin, body * 0.225),
    STATE_COLOURS.normal,
  );
  const mark = body * 0.62;
  const x = (size - mark) / 2;
  fillShape(image, personShape(x, x + body * 0.02, mark), MARK_COLOUR);
  return image;
}
