/**
 * Exact uint64 numbers in JSON text. `JSON.parse` rounds integers above 2^53, so get_appid_group_list's
 * `Next` (doc 1047/34960) is read from and written into the raw text instead.
 */

/** Largest uint64. */
export const UINT64_MAX = (1n << 64n) - 1n;

/** `value` as JSON text with `key` appended as an exact integer literal. */
export function stringifyWithUint64(value: Record<string, unknown>, key: string, n: bigint): string {
  const text = JSON.stringify(value);
  const separator = text === '{}' ? '' : ',';
  return `${text.slice(0, -1)}${separator}${JSON.stringify(key)}:${n.toString()}}`;
}

/**
 * The raw text of a top-level member's value in a JSON object text that already parsed, or
 * undefined when there is no such member. With duplicate keys the last wins, as in `JSON.parse`.
 */
export function rawTopLevelValue(text: string, key: string): string | undefined {
  let i = skipSpace(text, 0);
  if (text[i] !== '{') return undefined;
  i += 1;
  let found: string | undefined;
  for (;;) {
    i = skipSpace(text, i);
    if (text[i] !== '"') return found;
    const keyEnd = stringEnd(text, i);
    const name = JSON.parse(text.slice(i, keyEnd)) as string;
    const valueStart = skipSpace(text, skipSpace(text, keyEnd) + 1);
    const valueEnd = valueEndAt(text, valueStart);
    if (name === key) found = text.slice(valueStart, valueEnd).trim();
    i = skipSpace(text, valueEnd);
    if (text[i] !== ',') return found;
    i += 1;
  }
}

/** Parses a JSON number's raw text as a uint64, or returns undefined when it is not one exactly. */
export function parseUint64(raw: string): bigint | undefined {
  if (!/^(0|[1-9][0-9]*)$/.test(raw)) return undefined;
  const n = BigInt(raw);
  return n <= UINT64_MAX ? n : undefined;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && ' \t\r\n'.includes(text[i] as string)) i += 1;
  return i;
}

/** Index just past the string literal that opens at `start`. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

/** Index of the `,` or `}` that ends the value opening at `start`. */
function valueEndAt(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') i = stringEnd(text, i) - 1;
    else if (char === '{' || char === '[') depth += 1;
    else if (char === '}' || char === ']') {
      if (depth === 0) return i;
      depth -= 1;
    } else if (char === ',' && depth === 0) return i;
  }
  return text.length;
}
