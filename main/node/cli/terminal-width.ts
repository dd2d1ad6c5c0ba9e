/**
 * How many terminal cells text takes, and text cut to a number of cells: a room's group Name may be
 * Chinese, and each CJK character takes two cells, so cutting by characters would overflow a line.
 */

// The East Asian Wide and Fullwidth blocks (Unicode UAX #11) a room name or label is likely to hold:
// Hangul Jamo, CJK radicals to Yi, Hangul syllables, CJK compatibility, vertical and fullwidth forms,
// emoji, and the supplementary ideographic planes.
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;

/** Cells one character takes. */
function cells(char: string): number {
  return WIDE.test(char) ? 2 : 1;
}

/** Cells `text` takes (no control characters: pass it through terminalText first). */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += cells(char);
  return width;
}

/** `text` in at most `width` cells, ending in "…" when it was cut. */
export function fitWidth(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const char of text) {
    if (used + cells(char) > width - 1) break;
    out += char;
    used += cells(char);
  }
  return `${out}…`;
}

/** `text` padded with spaces to `width` cells, at the end or (right-aligned) at the start. */
export function padWidth(text: string, width: number, alignRight = false): string {
  const pad = ' '.repeat(Math.max(0, width - textWidth(text)));
  return alignRight ? pad + text : text + pad;
}
