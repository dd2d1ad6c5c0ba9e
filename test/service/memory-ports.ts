/** Profiles and keys in memory, as the settings file and a keyring would keep them. */
import type { AlertLog } from '../../main/core/alerts/alert-log';
import { SnoozeBook } from '../../main/core/alerts/snooze';
import { systemClock } from '../../main/core/clock';
import { createAlerting } from '../../main/node/alerting';
import { profileEngineFactory } from '../../main/node/profile-engine';
import {
  createMonitorService,
  type MonitorService,
  type MonitorServiceOptions,
} from '../../main/service/monitor-service';
import type { KeyStore, ProfileRecord, ProfileStore } from '../../main/service/service-ports';
import type { EditableSettings } from '../../main/service/settings-edit';
import { type RunningSimulator, startSimulator } from '../../main/simulator';
import { AnsweredRequests } from '../support/answered-requests';
import type { FakeClock } from '../support/fake-clock';
import type { StopLater } from './stop-after-each';

export class MemoryProfiles implements ProfileStore {
  readonly saved = new Map<string, ProfileRecord>();
  list = () => [...this.saved.values()];
  save = (profile: ProfileRecord) => void this.saved.set(profile.id, profile);
  remove = (id: string) => void this.saved.delete(id);
}

export class MemoryKeys implements KeyStore {
  readonly keys = new Map<string, string>();
  saveKey = async (id: string, key: string) => {
    this.keys.set(id, key);
    return 'protected' as const;
  };
  readKey = (id: string) => {
    const key = this.keys.get(id);
    return key ? { ok: true as const, key } : { ok: false as const, reason: 'No key saved.' };
  };
  forget = (id: string) => void this.keys.delete(id);
  storage = (id: string) =>
    this.keys.has(id)
      ? { keyStorage: 'protected' as const, note: 'Saved in the keyring.' }
      : { keyStorage: 'needs-key' as const, note: 'Enter the secret key.' };
}

/** A profile 'app-1' ("Events") on a running simulator, polling every second. */
export function simulatorProfile(sim: RunningSimulator, groupIds: string[]): ProfileRecord {
  return {
    id: 'app-1',
    label: 'Events',
    sdkAppId: sim.credentials.sdkAppId,
    identifier: sim.credentials.identifier,
    endpoint: sim.baseUrl,
    intervalSeconds: 1,
    rooms: groupIds.map((groupId) => ({ groupId })),
  };
}

/**
 * Alert pipelines as the app builds them for each profile, from the settings `settings()` gives at
 * that moment, logged to `log`, with no desktop channel.
 */
export function alertsFrom(
  log: AlertLog,
  settings: () => Parameters<typeof createAlerting>[0]['settings'],
): NonNullable<MonitorServiceOptions['alerts']> {
  return async (profile, onAlert) =>
    createAlerting({
      settings: settings(),
      profile: profile.label,
      where: 'here',
      log,
      snoozes: new SnoozeBook(),
      desktop: [],
      clock: systemClock,
      onAlert,
    });
}

/** A MonitorService over these stores with the real Node engines, as the tray app builds it. */
export function serviceOver(
  profiles: ProfileStore,
  keys: KeyStore,
  more: Partial<MonitorServiceOptions> = {},
): MonitorService {
  return createMonitorService({
    clock: systemClock,
    profiles,
    keys,
    openEngine: profileEngineFactory(),
    snoozes: new SnoozeBook(),
    saveSnoozes: () => {},
    ...more,
  });
}

/**
 * The service over a running simulator with one profile 'app-1' watching `groupIds` (no labels, as
 * from a command line), its key saved, both on one fake clock: `advance` moves the clock and answers
 * every poll a timer starts over real loopback HTTP before it moves on. Not started yet.
 */
export function serviceOnFakeTime(
  sim: RunningSimulator,
  clock: FakeClock,
  groupIds: string[],
  more: Partial<MonitorServiceOptions> = {},
) {
  const requests = new AnsweredRequests();
  const profiles = new MemoryProfiles();
  profiles.save(simulatorProfile(sim, groupIds));
  const keys = new MemoryKeys();
  keys.keys.set('app-1', sim.credentials.secretKey);
  const service = serviceOver(profiles, keys, {
    clock,
    openEngine: profileEngineFactory({ clock, wrapPost: requests.wrap }),
    ...more,
  });
  const advance = (ms: number) => clock.advance(ms, requests.settle);
  return { service, profiles, advance };
}

/**
 * A simulator, stopped after the test, and two app profiles on it with their keys: 'app-1' watching
 * '@TGS#both' (1,200 online) and '@TGS#solo' (300), 'app-2' ("Shop") only '@TGS#both'.
 */
export async function twoProfilesOneGroup(started: StopLater) {
  const sim = started(
    await startSimulator({
      rooms: [
        { groupId: '@TGS#both', audience: { kind: 'fixed', online: 1200 } },
        { groupId: '@TGS#solo', audience: { kind: 'fixed', online: 300 } },
      ],
    }),
  );
  const profiles = new MemoryProfiles();
  const keys = new MemoryKeys();
  const first = simulatorProfile(sim, ['@TGS#both', '@TGS#solo']);
  profiles.save(first);
  profiles.save({ ...first, id: 'app-2', label: 'Shop', rooms: [{ groupId: '@TGS#both' }] });
  keys.keys.set('app-1', sim.credentials.secretKey);
  keys.keys.set('app-2', sim.credentials.secretKey);
  return { sim, profiles, keys };
}

/** Editable settings as a first start has them: no rules, webhooks or quiet hours, the app's defaults. */
export function firstSettings(): EditableSettings {
  return {
    rules: {},
    webhooks: [],
    quietHours: null,
    app: { launchAtLogin: false, trayNumber: 'sum', shortcut: null, language: 'system', theme: 'system' },
  };
}
