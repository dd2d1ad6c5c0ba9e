/** The stable error kinds (design.md): every failure is one of these, shown with its own words. */
export const ERROR_KINDS = [
  'auth',
  'rate-limited',
  'transient',
  'group-gone',
  'not-live-room',
  'invalid-group',
  'account',
  'protocol',
  'request',
  'unknown',
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];
