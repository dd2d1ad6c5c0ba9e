import { TEMPLATE_COLOUR } from './icon-palette';
import { personShape } from './person-mark';
import {
  circle,
  createImage,
  difference,
  eraseShape,
  fillShape,
  type RgbaImage,
  rect,
  roundedRect,
} from './raster';
import type { TrayState } from './tray-state';

/**
 * The macOS menu bar image of a state: black and alpha only (a template image), so the menu bar
 * tints it for light and dark. Colour cannot tell states apart there, so shape does: a dot for
 * alerting, "!" for error, two bars for paused, an outline for demo.
 */
export function renderTemplateIcon(state: TrayState, size: number, scale: number): RgbaImage {
  const side = size * scale;
  const u = side / 16;
  const image = createImage(side, side);
  const person = personShape(0, 0, side);
  fillShape(
    image,
    state === 'demo' ? difference(person, personShape(0, 0, side, 1.4)) : person,
    TEMPLATE_COLOUR,
  );
  if (state === 'alerting') {
    eraseShape(image, circle(12.5 * u, 12.5 * u, 4 * u));
    fillShape(image, circle(12.5 * u, 12.5 * u, 2.6 * u), TEMPLATE_COLOUR);
  } else if (state === 'error') {
    eraseShape(image, roundedRect(10.5 * u, 6 * u, 16 * u, 16 * u, u));
    fillShape(image, rect(12 * u, 7 * u, 14 * u, 12 * u), TEMPLATE_COLOUR);
    fillShape(image, rect(12 * u, 13 * u, 14 * u, 15 * u), TEMPLATE_COLOUR);
  } else if (state === 'paused') {
    eraseShape(image, rect(9 * u, 8 * u, 16 * u, 16 * u));
    fillShape(image, rect(10 * u, 9 * u, 12 * u, 15 * u), TEMPLATE_COLOUR);
    fillShape(image, rect(13 * u, 9 * u, 15 * u, 15 * u), TEMPLATE_COLOUR);
  }
  return image;
}
