import type { Rgba } from './raster';
import type { TrayState } from './tray-state';

/**
 * The badge colour of each tray state on Windows and Linux, with white marks and digits on top: a
 * filled badge reads on light and dark taskbars alike. Each passes 4.5:1 contrast against white.
 */
export const STATE_COLOURS: Readonly<Record<TrayState, Rgba>> = {
  normal: [29, 78, 216, 255],
  alerting: [180, 83, 9, 255],
  error: [185, 28, 28, 255],
  paused: [75, 85, 99, 255],
  demo: [109, 40, 217, 255],
};

/** Digits and the mark on a badge. */
export const MARK_COLOUR: Rgba = [255, 255, 255, 255];

/** macOS template images: black, with the shape in the alpha channel; the menu bar tints them. */
export const TEMPLATE_COLOUR: Rgba = [0, 0, 0, 255];
