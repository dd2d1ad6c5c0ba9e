import type { MonitorApi, ProfileInput, ProfileView } from '../contract/monitor-api';
import { storedKeyRefusal } from './key-binding';
import { checkProfileInput, testConnection } from './profile-form';
import { holdWatchedRooms, trayRoomOf } from './room-attention';
import type { ProfileRecord } from './service-ports';
import type { ServiceState } from './service-state';
import { applySettingsPatch, webhookViews } from './settings-edit';
import { snoozeViews } from './snooze-views';

/** The contract's methods about app profiles, their polling, the settings the UI edits and the OBS overlay. */
export function settingsMethods(state: ServiceState) {
  const { options, runtimes, views } = state;

  /** Validates a profile from the form: region or endpoint as the CLI checks them, a unique label. */
  const checkedProfile = (input: ProfileInput, previous: ProfileRecord | undefined) => {
    const labels = new Map(
      runtimes
        .all()
        .filter((r) => !r.demo)
        .map((r) => [r.profile.label, r.profile.id]),
    );
    return checkProfileInput(input, previous, labels);
  };

  const getSettings: MonitorApi['getSettings'] = async () => {
    const { webhooks, ...rest } = state.settings.read();
    const snoozes = snoozeViews(options.snoozes, options.clock.wall(), state.profiles());
    const active = options.activeShortcut;
    return {
      ...rest,
      webhooks: webhookViews(webhooks),
      snoozes,
      ...(active ? { activeShortcut: active() } : {}),
    };
  };

  return {
    async saveProfile(input) {
      const previous = input.id ? runtimes.get(input.id)?.profile : undefined;
      const profile = checkedProfile(input, previous);
      const refusal = storedKeyRefusal(input, previous);
      if (refusal) throw new Error(refusal);
      if (input.secretKey)
        await options.keys.saveKey(profile.id, input.secretKey, {
          allowWeakStorage: input.allowWeakStorage === true,
        });
      await runtimes.stopDemo();
      await runtimes.stop(profile.id);
      options.profiles.save(profile);
      await runtimes.start(profile, input.secretKey);
      state.nameRooms();
      state.emit({ type: 'snapshot', snapshot: state.snapshot() });
      return views.profiles().find((view) => view.id === profile.id) as ProfileView;
    },

    async removeProfile(profileId) {
      state.runtime(profileId);
      await runtimes.stop(profileId);
      options.keys.forget(profileId);
      options.profiles.remove(profileId);
      if (runtimes.size === 0) await runtimes.startDemo();
      state.emit({ type: 'snapshot', snapshot: state.snapshot() });
    },

    async testConnection(input) {
      let profile: ProfileRecord;
      try {
        profile = checkedProfile(input, undefined);
      } catch (error) {
        return { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
      const refusal = storedKeyRefusal(input, input.id ? runtimes.get(input.id)?.profile : undefined);
      if (refusal) throw new Error(refusal);
      const saved = input.id ? options.keys.readKey(input.id) : null;
      const key = input.secretKey ?? (saved?.ok ? saved.key : null);
      if (!key) return { ok: false, message: 'Enter the secret key first.' };
      return testConnection(options.openEngine, profile, key);
    },

    async setPolling(profileId, polling) {
      const runtime = state.runtime(profileId);
      state.keep(runtime, {
        ...runtime.profile,
        intervalSeconds: polling.intervalSeconds,
        maxRate: polling.maxRate,
      });
      runtime.engine?.monitor.setIntervalMs(polling.intervalSeconds * 1000);
      runtime.engine?.budgets?.setMaxRate(polling.maxRate);
      state.emit({ type: 'profiles', profiles: views.profiles() });
    },

    getSettings,

    async getOverlay() {
      return state.overlay.view();
    },

    async setOverlay(change) {
      return state.overlay.change(change);
    },

    async updateSettings(patch) {
      const next = applySettingsPatch(state.settings.read(), patch);
      state.settings.write(next);
      if (patch.app?.trayNumber)
        for (const runtime of runtimes.all()) holdWatchedRooms(runtime, trayRoomOf(next));
      if (patch.rules || patch.webhooks || patch.quietHours !== undefined) await runtimes.restartAlerts();
      options.onSettingsChanged?.(next, patch);
      return getSettings();
    },
  } satisfies Partial<MonitorApi>;
}
