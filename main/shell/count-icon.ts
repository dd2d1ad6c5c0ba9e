import { MARK_COLOUR, STATE_COLOURS } from './icon-palette';
import { personShape } from './person-mark';
import { drawText, FONT_HEIGHT, textWidth } from './pixel-font';
import { createImage, fillShape, type RgbaImage, roundedRect } from './raster';
import type { TrayState } from './tray-state';

/** What to draw: the number's text (see iconCount), the state, and the icon's size. */
export interface CountIconRequest {
  /** The number as the icon shows it ("12k", "!", "—"); empty draws the mark instead. */
  text: string;
  state: TrayState;
  /** Side in device-independent pixels (16 for a tray icon). */
  size: number;
  /** Device pixels per independent pixel: 1, or 2 for the @2x representation. */
  scale: number;
}

/** The rounded badge in the state's colour, filling the icon. */
function badge(size: number, state: TrayState): RgbaImage {
  const image = createImage(size, size);
  fillShape(image, roundedRect(0, 0, size, size, size * 0.1875), STATE_COLOURS[state]);
  return image;
}

/**
 * The Windows and Linux tray icon: a badge in the state's colour with the number in white, centred
 * in whole font dots (one dot is `scale` pixels per 16 of `size`), or the mark when there is no
 * number. Pure: the same request always gives the same pixels.
 * @throws RangeError when `text` has a character the font lacks or does not fit the icon.
 */
export function renderCountIcon({ text, state, size, scale }: CountIconRequest): RgbaImage {
  const side = size * scale;
  const image = badge(side, state);
  if (text === '') {
    const inset = side * 0.125;
    fillShape(image, personShape(inset, inset, side - 2 * inset), MARK_COLOUR);
    return image;
  }
  const unit = scale * Math.max(1, Math.floor(size / 16));
  const width = textWidth(text) * unit;
  if (width > side)
    throw new RangeError(`"${text}" is ${width} pixels wide, more than the ${side}-pixel icon.`);
  const x = Math.floor((side - width) / unit / 2) * unit;
  const y = Math.floor((side - FONT_HEIGHT * unit) / unit / 2) * unit;
  drawText(image, text, x, y, unit, MARK_COLOUR);
  return image;
}
