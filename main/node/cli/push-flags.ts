/**
 * `--push`, `--push-key` and `--yes-i-know-the-quota` of `watch` and `serve`: which rooms show
 * their count to viewers for this run, over what the settings file says.
 */

import { DEFAULT_PUSH_KEY, isPushVia, PUSH_VIAS, pushKeyProblem } from '../../common/room-push';
import { ConfigError } from '../../core/config-error';
import type { PushTarget } from '../../core/push/push-target';
import { roomPushTargets } from '../../core/settings/settings-push';
import type { Settings } from '../../core/settings/settings-schema';

export const PUSH_OPTIONS = {
  push: { type: 'string' },
  'push-key': { type: 'string' },
  'yes-i-know-the-quota': { type: 'boolean' },
} as const;

/** The flags' lines in the help of `watch` and `serve`. */
export const PUSH_HELP = `Show the count to viewers: --push group-attr|group-counter|message writes each room's count
into the room after every fresh count that differs (messages at least once a minute), under
--push-key (default ${DEFAULT_PUSH_KEY}), where your app reads it. group-attr (a group attribute) is
the one to use; group-counter needs the Pro, Pro Plus or Enterprise edition; message takes
--yes-i-know-the-quota. Rooms the settings opt in (rooms.<groupId>.push) show theirs too.`;

const QUOTA =
  'trial and developer editions send 1,000 messages a day (one room every 10 s needs 8,640), and a live ' +
  "room's 40 messages a second are shared with chat";

/** The target the flags give every room of the run, or null without `--push`. */
export function pushFlag(values: {
  push?: string | undefined;
  'push-key'?: string | undefined;
  'yes-i-know-the-quota'?: boolean | undefined;
}): PushTarget | null {
  const { push } = values;
  const key = values['push-key'];
  if (push === undefined) {
    if (key !== undefined) throw new ConfigError('--push-key goes with --push: add --push group-attr.');
    return null;
  }
  if (!isPushVia(push)) {
    throw new ConfigError(
      `--push takes ${PUSH_VIAS.join(', ')} (got "${push}"); group-attr is the one to use.`,
    );
  }
  const problem = key === undefined ? null : pushKeyProblem(key);
  if (problem) throw new ConfigError(`--push-key: ${problem} Choose a shorter key.`);
  if (push === 'message' && values['yes-i-know-the-quota'] !== true) {
    throw new ConfigError(
      `--push message sends a message into each room after every change and at least once a minute: ${QUOTA}. Add --yes-i-know-the-quota to go ahead, or use --push group-attr.`,
    );
  }
  return { via: push, key: key ?? DEFAULT_PUSH_KEY };
}

/** The rooms of the run that show their count: the flag's target for every room, else the settings'. */
export function pushTargetsFor(
  groupIds: readonly string[],
  settings: Pick<Settings, 'rooms'>,
  flag: PushTarget | null,
): Map<string, PushTarget> {
  const fromFile = roomPushTargets(settings);
  const targets = new Map<string, PushTarget>();
  for (const groupId of groupIds) {
    const target = flag ?? fromFile[groupId];
    if (target) targets.set(groupId, target);
  }
  return targets;
}

/** A warning for a run whose rooms push by message (the settings need no flag), else null. */
export function quotaWarning(targets: ReadonlyMap<string, PushTarget>): string | null {
  const byMessage = [...targets.values()].filter((target) => target.via === 'message').length;
  if (byMessage === 0) return null;
  return `${byMessage} room${byMessage === 1 ? '' : 's'} show the count by message: ${QUOTA}.`;
}
