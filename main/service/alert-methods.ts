import type { MonitorApi, SnoozeTarget } from '../contract/monitor-api';
import { type SnoozeScope, snoozeUntil } from '../core/alerts/snooze';
import type { ServiceState } from './service-state';
import { roomKey } from './views';

/** The contract's methods about alerts: the log and its acknowledgements, and the snoozes. */
export function alertMethods(state: ServiceState) {
  const { options } = state;

  /** The snooze's scope in the words the alert pipelines match: profiles by label. */
  const scopeOf = (target: SnoozeTarget): SnoozeScope => {
    if (target.kind === 'all') return { kind: 'all' };
    if (target.kind === 'profile')
      return { kind: 'profile', profile: state.runtime(target.profileId).profile.label };
    const { runtime, groupId } = state.room(target.key);
    return { kind: 'room', profile: runtime.profile.label, groupId };
  };

  /** Keeps the snoozes, and pushes every room again: each shows whether it is snoozed. */
  const snoozesChanged = () => {
    options.saveSnoozes(options.snoozes);
    for (const runtime of state.runtimes.all()) {
      for (const room of runtime.profile.rooms) state.batcher.mark(roomKey(runtime.profile.id, room.groupId));
    }
  };

  return {
    async listAlerts(query) {
      return state.alerts.list(query);
    },

    async listAlertEntries(query) {
      return state.alerts.entries(query);
    },

    async acknowledgeAlert(id) {
      await state.alerts.acknowledge(id);
    },

    async snooze(target, choice) {
      options.snoozes.snooze(scopeOf(target), snoozeUntil(choice, options.clock.wall()));
      snoozesChanged();
    },

    async unsnooze(target) {
      options.snoozes.unsnooze(scopeOf(target));
      snoozesChanged();
    },
  } satisfies Partial<MonitorApi>;
}
