import { fillPixels, type Rgba, type RgbaImage } from './raster';

/**
 * A pixel font five dots high for numbers inside a 16-pixel tray icon: digits, the k/M/B suffixes,
 * separators, and the signs that stand in for a number ("—" waiting, "!" failing). Letters and
 * digits are three columns wide and ".", ",", "!" one, so any four-glyph count ("123M", "1.2k")
 * fits sixteen pixels.
 */
const GLYPHS: Readonly<Record<string, readonly string[]>> = {
  '0': ['###', '#.#', '#.#', '#.#', '###'],
  '1': ['.#.', '##.', '.#.', '.#.', '###'],
  '2': ['###', '..#', '###', '#..', '###'],
  '3': ['###', '..#', '.##', '..#', '###'],
  '4': ['#.#', '#.#', '###', '..#', '..#'],
  '5': ['###', '#..', '###', '..#', '###'],
  '6': ['###', '#..', '###', '#.#', '###'],
  '7': ['###', '..#', '..#', '.#.', '.#.'],
  '8': ['###', '#.#', '###', '#.#', '###'],
  '9': ['###', '#.#', '###', '..#', '###'],
  k: ['#..', '#.#', '##.', '#.#', '#.#'],
  M: ['#.#', '###', '###', '#.#', '#.#'],
  B: ['##.', '#.#', '##.', '#.#', '##.'],
  '.': ['.', '.', '.', '.', '#'],
  ',': ['.', '.', '.', '#', '#'],
  '-': ['...', '...', '###', '...', '...'],
  '—': ['.....', '.....', '#####', '.....', '.....'],
  '+': ['...', '.#.', '###', '.#.', '...'],
  '!': ['#', '#', '#', '.', '#'],
};

/** Rows in every glyph. */
export const FONT_HEIGHT = 5;

function glyph(char: string): readonly string[] {
  const rows = GLYPHS[char];
  if (!rows) throw new RangeError(`The tray font has no glyph for ${JSON.stringify(char)}.`);
  return rows;
}

/** Whether every character of `text` has a glyph. */
export function canDraw(text: string): boolean {
  return [...text].every((char) => char in GLYPHS);
}

/** Width of `text` in font dots, one dot between glyphs. */
export function textWidth(text: string): number {
  const chars = [...text];
  if (chars.length === 0) return 0;
  return chars.reduce((sum, char) => sum + (glyph(char)[0] as string).length, 0) + chars.length - 1;
}

/** Draws `text` with its top left corner at (x, y), each font dot `unit` pixels square. */
export function drawText(
  image: RgbaImage,
  text: string,
  x: number,
  y: number,
  unit: number,
  colour: Rgba,
): void {
  let left = x;
  for (const char of text) {
    const rows = glyph(char);
    rows.forEach((row, dy) => {
      for (let dx = 0; dx < row.length; dx++) {
        if (row[dx] === '#') fillPixels(image, left + dx * unit, y + dy * unit, unit, unit, colour);
      }
    });
    left += ((rows[0] as string).length + 1) * unit;
  }
}
