/**
 * Group id syntax as the IM server accepts it: printable ASCII (0x20-0x7e), 1 to 48 bytes.
 * Auto-assigned ids start with `@TGS#`; custom ids may hold spaces and symbols.
 */

/** Longest group id, in bytes. */
export const MAX_GROUP_ID_BYTES = 48;

/** Whether `id` is a syntactically valid group id. */
export function isValidGroupId(id: string): boolean {
  return id.length >= 1 && id.length <= MAX_GROUP_ID_BYTES && /^[\x20-\x7e]+$/.test(id);
}
