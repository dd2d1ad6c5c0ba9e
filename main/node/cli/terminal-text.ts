/**
 * Text that came from outside (a server's ErrorInfo or HTML page, a file, a room's name, a label
 * in the settings) as a terminal may print it: every control character is shown as an escape
 * (`\x1b`, `\u202e`) and none is obeyed, so a hostile server or file cannot move the cursor, clear
 * the screen, retitle the window or reorder what is shown.
 */

// C0 and C1 controls, DEL, the line and paragraph separators, and the bidirectional overrides
// and isolates (Trojan Source, CVE-2021-42574).
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The same characters, to ask whether there is any: most text, and every line of counts, has none. */
const ANY_CONTROL = new RegExp(CONTROLS.source);

/** `text` with every control character escaped; newlines too unless `keepNewlines`. */
export function terminalText(text: string, options?: { keepNewlines?: boolean }): string {
  // `watch` writes about 200 lines a second: one without a control character is returned as it is.
  if (!ANY_CONTROL.test(text)) return text;
  const keepNewlines = options?.keepNewlines === true;
  return text.replace(CONTROLS, (char) => (char === '\n' && keepNewlines ? char : escapeOf(char)));
}

function escapeOf(char: string): string {
  const code = char.charCodeAt(0);
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  if (char === '\t') return '\\t';
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

// JSON.stringify escapes C0 controls already; these it leaves as they are.
const LEFT_BY_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON text that reads back the same, with no character a terminal would obey. */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value).replace(
    LEFT_BY_JSON,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** How much of a bad line or id a message quotes: enough to find it, not a 10 MB echo. */
export const QUOTED_CHARS = 80;

/** `text` JSON-quoted, cut at {@link QUOTED_CHARS} characters with its length said when longer. */
export function quoteStart(text: string): string {
  if (text.length <= QUOTED_CHARS) return terminalJson(text);
  return `${terminalJson(text.slice(0, QUOTED_CHARS))}… (${text.length} characters)`;
}
