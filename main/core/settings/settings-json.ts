/**
 * The text of a settings file as JSON, the way people leave it: a byte-order mark (Windows editors
 * write one) is dropped, and a file with nothing in it means the defaults. A file that is not JSON
 * is reported by line and column, never by quoting it: it may hold webhook tokens.
 */

/** A settings file that is not JSON, and where the first thing wrong in it is. */
export class SettingsJsonError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
  ) {
    super(`not valid JSON at line ${line}, column ${column}`);
    this.name = 'SettingsJsonError';
  }
}

/** The settings file's content as a value: `{}` when it is empty; throws {@link SettingsJsonError}. */
export function parseSettingsJson(text: string): unknown {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return {};
  try {
    return JSON.parse(body);
  } catch {
    const { line, column } = placeOf(body, errorOffset(body));
    throw new SettingsJsonError(line, column);
  }
}

/**
 * Where JSON.parse first gives up in `text`. Its message says where in most cases ("at position
 * 12"); where it names only the character, and quotes the text instead, the shortest start of the
 * text that fails before its own end is found by halving, and ends just after that character.
 */
function errorOffset(text: string): number {
  /**
   * Where a start of the text fails: the position named, its end when it stops short (an unexpected
   * end, an unterminated string), -1 for a character named without a place (somewhere before its
   * end), and never (Infinity) when that start is JSON in itself.
   */
  const whereItFails = (length: number): number => {
    try {
      JSON.parse(text.slice(0, length));
      return Number.POSITIVE_INFINITY;
    } catch (error) {
      const message = (error as SyntaxError).message;
      const position = /at position (\d+)/.exec(message);
      if (position) return Number(position[1]);
      return /end of JSON input|Unterminated/i.test(message) ? length : -1;
    }
  };
  const whole = whereItFails(text.length);
  if (whole >= 0) return whole;
  let low = 1;
  let high = text.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (whereItFails(middle) < middle) high = middle;
    else low = middle + 1;
  }
  return low - 1;
}

/** Line and column (from 1) of an offset into `text`. */
function placeOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
