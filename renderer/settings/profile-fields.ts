/** The app profile form's fields, checked before anything is sent. Pure, so it is tested without a browser. */
import type { ProfileInput } from '../../main/contract/monitor-api';

/** The profile form's fields as typed. */
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

/** What can be wrong with the form, as keys of the UI's dictionaries. */
export type ProfileProblem = 'problem.label' | 'problem.sdkAppId' | 'problem.identifier' | 'problem.region';

/** The profile to send, or what is wrong with the fields (as message keys). */
export function profileInputFrom(
  fields: ProfileFields,
): { input: ProfileInput } | { problems: ProfileProblem[] } {
  const problems: ProfileProblem[] = [];
  const label = fields.label.trim();
  const identifier = fields.identifier.trim();
  const sdkAppId = Number(fields.sdkAppId.trim());
  if (!label) problems.push('problem.label');
  if (!/^[1-9]\d{0,15}$/.test(fields.sdkAppId.trim())) problems.push('problem.sdkAppId');
  if (!identifier) problems.push('problem.identifier');
  if (!fields.region && !fields.endpoint.trim()) problems.push('problem.region');
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
