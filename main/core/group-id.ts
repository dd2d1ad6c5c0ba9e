/** Group id rules for Tencent IM (reference/tencent-im-api.md, "Group ids"). */

/** Longest group id the server accepts, in bytes. */
export const MAX_GROUP_ID_BYTES = 48;

/**
 * Checks a group id before it is sent anywhere. Returns null when it is valid, otherwise one plain
 * sentence naming the problem. Valid ids are 1 to 48 bytes of printable ASCII (0x20-0x7e); spaces and
 * symbols are legal.
 */
export function groupIdProblem(id: string): string | null {
  if (id.length === 0) return 'The group id is empty.';
  let position = 0;
  for (const char of id) {
    position += 1;
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || code > 0x7e) {
      const what = code > 0x7e ? 'a non-ASCII character' : 'a control character';
      return `The group id has ${what} (${codePointName(code)}) at position ${position}; only printable ASCII is allowed.`;
    }
  }
  if (id.length > MAX_GROUP_ID_BYTES) {
    return `The group id is ${id.length} bytes long; the limit is ${MAX_GROUP_ID_BYTES}.`;
  }
  return null;
}

function codePointName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
