/**
 * Exact handling of uint64 values in JSON text. `JSON.parse` turns numbers above 2^53 into the nearest
 * double, so values such as get_appid_group_list's `Next` cursor are read from the raw text instead
 * and kept as decimal strings (doc 1047/34960). The client reads answers with it, and the simulator
 * reads requests and writes answers with it.
 */

export const UINT64_MAX = 18446744073709551615n;

/** True when `text` is a canonical decimal uint64 (no sign, no leading zeros, at most 2^64-1). */
export function isUint64Decimal(text: string): boolean {
  return /^(0|[1-9][0-9]{0,19})$/.test(text) && BigInt(text) <= UINT64_MAX;
}

/** `value` as JSON text with `key` appended as an exact integer literal. */
export function stringifyWithUint64(value: Record<string, unknown>, key: string, n: bigint): string {
  const text = JSON.stringify(value);
  const separator = text === '{}' ? '' : ',';
  return `${text.slice(0, -1)}${separator}${JSON.stringify(key)}:${n.toString()}}`;
}

const NUMBER_TOKEN = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/**
 * The exact source text of the member `key` of the top-level object in `json`: the literal of a number
 * (`"Next":12345678901234567890` gives `12345678901234567890`) or the content of a string. Returns
 * undefined when the member is absent or holds anything else. Expects text `JSON.parse` accepted; with
 * duplicate keys the last one wins, as it does for `JSON.parse`.
 */
export function topLevelMemberText(json: string, key: string): string | undefined {
  let found: string | undefined;
  let depth = 0;
  let i = 0;
  while (i < json.length) {
    const char = json[i];
    if (char === '"') {
      const end = stringEnd(json, i);
      if (end < 0) return undefined;
      const afterKey = skipWhitespace(json, end);
      if (depth === 1 && json[afterKey] === ':') {
        const valueStart = skipWhitespace(json, afterKey + 1);
        if (decodeString(json.slice(i, end)) === key) found = valueText(json, valueStart);
        i = valueStart;
      } else {
        i = end;
      }
      continue;
    }
    if (char === '{' || char === '[') depth += 1;
    else if (char === '}' || char === ']') depth -= 1;
    i += 1;
  }
  return found;
}

function valueText(json: string, start: number): string | undefined {
  if (json[start] === '"') {
    const end = stringEnd(json, start);
    const decoded = end < 0 ? undefined : decodeString(json.slice(start, end));
    return typeof decoded === 'string' ? decoded : undefined;
  }
  NUMBER_TOKEN.lastIndex = start;
  return NUMBER_TOKEN.exec(json)?.[0];
}

/** Index just past the closing quote of the string starting at `start`, or -1. */
function stringEnd(json: string, start: number): number {
  for (let i = start + 1; i < json.length; i += 1) {
    const char = json[i];
    if (char === '\\') i += 1;
    else if (char === '"') return i + 1;
  }
  return -1;
}

function skipWhitespace(json: string, from: number): number {
  let i = from;
  while (i < json.length && ' \t\r\n'.includes(json[i] as string)) i += 1;
  return i;
}

function decodeString(literal: string): unknown {
  try {
    return JSON.parse(literal);
  } catch {
    return undefined;
  }
}
