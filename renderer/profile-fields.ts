/** The app profile form's fields, checked before anything is sent. Pure, so it is tested without a browser. */
import type { ProfileInput } from '../main/contract/monitor-api';

export interface ProfileFields {
  id?: string;
  label: string;
  sdkAppId: string;
  identifier: string;
  /** A region key, or '' to use `endpoint`. */
  region: string;
  endpoint: string;
  /** Empty keeps the saved key: the form never shows one back. */
  secretKey: string;
  allowWeakStorage: boolean;
}

export function profileInputFrom(fields: ProfileFields): { input: ProfileInput } | { problems: string[] } {
  const problems: string[] = [];
  const label = fields.label.trim();
  const identifier = fields.identifier.trim();
  const sdkAppId = Number(fields.sdkAppId.trim());
  if (!label) problems.push('Give the app a name, e.g. "Events Singapore".');
  if (!/^[1-9]\d{0,15}$/.test(fields.sdkAppId.trim()))
    problems.push('The SDKAppID is a whole number, like 1400000000.');
  if (!identifier) problems.push('The admin identifier is the App admin account from the IM console.');
  if (!fields.region && !fields.endpoint.trim())
    problems.push('Choose the region where the app was created.');
  if (problems.length > 0) return { problems };
  const secretKey = fields.secretKey.trim();
  return {
    input: {
      ...(fields.id ? { id: fields.id } : {}),
      label,
      sdkAppId,
      identifier,
      ...(fields.region ? { region: fields.region } : { endpoint: fields.endpoint.trim() }),
      ...(secretKey ? { secretKey } : {}),
      ...(fields.allowWeakStorage ? { allowWeakStorage: true } : {}),
    },
  };
}

/** Pasted room ids: one per line, or comma-separated on one line (ids may hold spaces, so spaces never split). */
export function pastedRoomIds(text: string): string[] {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const only = lines.length === 1 ? (lines[0] as string) : null;
  return only?.includes(',')
    ? only
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean)
    : lines;
}
