/**
 * The `push-failing` rule: a room opted in to show its count to viewers, and the count is not
 * reaching them. One alert per room, when its writes keep failing or the server refuses them, and
 * one recovery when a write goes through again (or the room is opted out); never one per poll.
 */
import type { PushStatus } from '../push/push-status';
import type { Alert } from './alert';
import { alertMessage, roomName } from './alert-text';
import { FiringState } from './firing-state';
import type { AlertDraft } from './room-alerts';

/** Failed writes in a row before the rule fires: one blip retried with backoff is not news. */
export const PUSH_FAILING_AFTER = 3;

/** The rule's state for each room of one app profile. */
export class PushAlerts {
  private readonly states = new Map<string, FiringState>();

  constructor(
    private readonly options: { recovered: () => boolean; label: (groupId: string) => string | undefined },
  ) {}

  /** The alert a push status change makes, if any. */
  onPush(push: PushStatus, at: number): AlertDraft[] {
    const fire =
      push.state === 'refused' ||
      (push.state === 'failing' && push.consecutiveFailures >= PUSH_FAILING_AFTER);
    const clear =
      push.state === 'ok' || push.state === 'off' || push.state === 'closed' || push.state === 'waiting';
    const transition = this.state(push.groupId).update(at, fire, clear);
    if (!transition || (transition === 'recovered' && !this.options.recovered())) return [];
    const label = this.options.label(push.groupId);
    const recovered = transition === 'recovered';
    const how =
      push.state === 'off'
        ? 'push turned off'
        : push.state === 'closed'
          ? 'room closed'
          : 'count reaches viewers again';
    const draft: Omit<Alert, 'id' | 'profile'> = {
      rule: 'push-failing',
      phase: recovered ? 'recovered' : transition === 'fired' ? 'firing' : 'reminder',
      severity: recovered ? 'info' : 'warning',
      groupId: push.groupId,
      ...(label ? { label } : {}),
      title: `${roomName(push.groupId, label)}: count not reaching viewers`,
      message: alertMessage({
        rule: 'push-failing',
        phase: recovered ? 'recovered' : transition === 'fired' ? 'firing' : 'reminder',
        details: [recovered ? how : `${push.via} ${push.key}: ${push.reason ?? 'writes fail'}`],
        groupId: push.groupId,
      }),
      at,
      ...(!recovered && push.error ? { errorKind: push.error.kind } : {}),
      push: { via: push.via, key: push.key, refused: push.state === 'refused' },
    };
    return [draft];
  }

  private state(groupId: string): FiringState {
    let state = this.states.get(groupId);
    if (!state) {
      state = new FiringState();
      this.states.set(groupId, state);
    }
    return state;
  }
}
