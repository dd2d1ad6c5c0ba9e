/**
 * What a room's push into the room says, in the UI's language: "push failing: <reason>" for a row
 * (null while it works), and the room view's line on how it stands. From the push's facts: a
 * refusal says what to change for its mechanism, a failure what went wrong. No DOM: unit-tested.
 */
import { MAX_PUSH_KEY_BYTES, type PushVia } from '../../main/common/room-push';
import type { PushSettings, RoomPushView } from '../../main/contract/monitor-api';
import { errorWords } from '../alerts/alert-words';
import type { Translator } from '../i18n/translator';

/** Why the push is not reaching viewers, in words; null while it works (or the room shows nothing). */
function pushReason(push: RoomPushView, tr: Translator): string | null {
  if (push.state === 'refused') return tr.t(`push.refused.${push.via}`);
  if (push.state !== 'failing') return null;
  return push.error ? errorWords(push.error, tr) : (push.reason ?? '');
}

/** "push failing: <reason>" for a room whose count is not reaching its viewers, else null. */
export function pushProblem(push: RoomPushView | null, tr: Translator): string | null {
  const reason = push ? pushReason(push, tr) : null;
  return reason === null ? null : tr.t('room.pushFailing', { reason });
}

/** How the room's push stands, for the room view: waiting, what was written, or why not. */
export function pushStateLine(push: RoomPushView, tr: Translator): string {
  switch (push.state) {
    case 'waiting':
    case 'off':
      return tr.t('push.state.waiting');
    case 'ok':
      return push.written
        ? tr.t('push.state.ok', { count: push.written.online, time: tr.time(push.written.sampledAt) })
        : tr.t('push.state.waiting');
    case 'failing':
      return tr.t('push.state.failing', { reason: pushReason(push, tr) ?? '' });
    case 'refused':
      return tr.t('push.state.refused', { reason: pushReason(push, tr) ?? '' });
    case 'closed':
      return tr.t('push.state.closed');
  }
}

/** What the room view's form asks for, checked as the engine will: `off`, or a mechanism and its key. */
export function pushChoiceOf(
  via: PushVia | 'off',
  key: string,
  acknowledged: boolean,
): { ok: true; push: PushSettings | null } | { ok: false; problem: 'key' | 'acknowledge' } {
  if (via === 'off') return { ok: true, push: null };
  const trimmed = key.trim();
  const bytes = new TextEncoder().encode(trimmed).length;
  if (bytes === 0 || bytes > MAX_PUSH_KEY_BYTES) return { ok: false, problem: 'key' };
  if (via === 'message' && !acknowledged) return { ok: false, problem: 'acknowledge' };
  return { ok: true, push: { via, key: trimmed } };
}
