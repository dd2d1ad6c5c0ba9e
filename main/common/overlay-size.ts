/**
 * The Browser Source size to suggest for an overlay: wide enough for a six-figure count with its
 * label, tall enough for the lines the options add. An estimate from em widths that holds for the
 * stacks of overlay-options.ts (a Chromium test checks it against the page as drawn); OBS crops or
 * scales a source of any size, so a little room to spare costs nothing.
 */
import { labelText, type OverlayOptions } from './overlay-options';

/** "888,888": the widest count worth planning for, in characters. */
const COUNT_CHARACTERS = 7;
/** Bold digits are at most about 0.6 em wide in the stacks offered; a comma counts as a digit. */
const DIGIT_EM = 0.62;
/** The page's sizes, in em of the count (renderer/overlay/overlay.css keeps the same numbers). */
const LABEL_EM = 0.45;
const LABEL_GAP_EM = 0.3 * LABEL_EM;
const LINE_EM = 1.15;
const ENDED_EM = 0.32 * 1.3;
const GOAL_EM = 0.08 + 0.12 + 0.28 * 1.3;
const PADDING_EM = 0.24;

/** A Browser Source's width and height in pixels, rounded up to tens. */
export interface SourceSize {
  width: number;
  height: number;
}

/** The suggested Browser Source size for a page with these options; see the file's comment. */
export function suggestedSourceSize(options: OverlayOptions): SourceSize {
  const label = labelText(options);
  const labelEm = label === '' ? 0 : LABEL_GAP_EM + LABEL_EM * textEm(label);
  const widthEm = COUNT_CHARACTERS * DIGIT_EM + labelEm + PADDING_EM;
  const heightEm =
    LINE_EM + PADDING_EM + (options.closed === 'show' ? ENDED_EM : 0) + (options.goal === null ? 0 : GOAL_EM);
  // A tenth to spare each way: a fallback font's metrics can stretch a line beyond its line-height.
  return { width: tens(widthEm * options.size * 1.1), height: tens(heightEm * options.size * 1.1) };
}

/** The width of `text` in em: a CJK character is square, a Latin one about 0.6 em at most. */
function textEm(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.6;
  return width;
}

function tens(pixels: number): number {
  return Math.ceil(pixels / 10) * 10;
}
