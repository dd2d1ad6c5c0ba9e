import type { KeyStorage } from '../common/key-storage';
import type { RuleSettings } from '../common/rule-settings';
import type { Alert } from '../core/alerts/alert';
import type { AppMonitor } from '../core/app-monitor';
import type { CommandBudgets } from '../core/command-budgets';
import type { ImClient } from '../core/im-client';
import type { MonitorEvent } from '../core/monitor-events';
import type { CountPusher } from '../core/push/count-pusher';
import type { PushTarget } from '../core/push/push-target';
import type { PushInFile } from '../core/settings/settings-schema';
import type { EditableSettings } from './settings-edit';

/** One app profile as it is kept in the settings (the secret key is in the vault, never here). */
export interface ProfileRecord {
  id: string;
  label: string;
  sdkAppId: number;
  identifier: string;
  region?: string | undefined;
  endpoint?: string | undefined;
  intervalSeconds?: number | undefined;
  maxRate?: number | undefined;
  rooms: Array<{ groupId: string; label?: string | undefined; pinned?: boolean | undefined }>;
}

/** Where profiles live: the app's settings file (or memory, for the demo and tests). */
export interface ProfileStore {
  list(): ProfileRecord[];
  save(profile: ProfileRecord): void;
  remove(profileId: string): void;
}

/** Where secret keys live: the credential vault. */
export interface KeyStore {
  saveKey(profileId: string, key: string, options: { allowWeakStorage: boolean }): Promise<KeyStorage>;
  readKey(profileId: string): { ok: true; key: string } | { ok: false; reason: string };
  forget(profileId: string): void;
  /** How the key is kept, in words; `weakOptIn` where it could go to disk weakly if the user agrees. */
  storage(profileId: string): { keyStorage: KeyStorage; note: string; weakOptIn?: boolean };
}

/** A running engine for one profile: its client (for group info and tests), its monitor and its pusher. */
export interface ProfileEngine {
  client: Pick<ImClient, 'getOnlineMemberNum' | 'getGroupInfo' | 'getAppidGroupList'>;
  monitor: AppMonitor;
  /** The profile's budget per command, so that a new rate cap applies without a restart. */
  budgets?: Pick<CommandBudgets, 'setMaxRate' | 'readings'>;
  /** Writes opted-in rooms' counts into the rooms. */
  pusher?: Pick<CountPusher, 'configure' | 'status'>;
  close(): void;
}

/** Builds an engine for a profile with its key (HTTP transport, rate budget, monitor). */
export type EngineFactory = (
  profile: ProfileRecord,
  secretKey: string,
  /** How long its UserSigs live, when not the polling default (a connection test's are short). */
  options?: { userSigLifetimeSeconds?: number },
) => ProfileEngine;

/** The demo while it runs: its simulator, the rooms that show their count, and what their viewers see. */
export interface DemoRun {
  close(): Promise<void>;
  /** Where the demo's rooms keep their push (never the user's settings). */
  pushes?: RoomPushStore;
  /** What the viewers of a demo room see now under the push's key, read from the simulator. */
  viewers?(groupId: string, target: PushTarget): { value: string | number | null };
}

/** The demo: a simulator and a profile for it, used while no profile is set up. */
export type DemoStarter = () => Promise<DemoRun & { profile: ProfileRecord; secretKey: string }>;

/** Where alerts go in this edition (rules, log, notifications), one per profile. */
export interface AlertSink {
  handle(event: MonitorEvent): void;
  close(): Promise<void>;
  /** New rules for one room (null: the defaults again), applied from its next event on. */
  configureRoom?(groupId: string, rules: RuleSettings | null): void;
  /** The rooms' labels or group Names, for the alert texts; applied from the next event on. */
  nameRooms?(names: Readonly<Record<string, string>>): void;
}

export type AlertSinkFactory = (
  profile: ProfileRecord,
  onAlert: (alert: Alert) => void,
) => Promise<AlertSink>;

/** Where the settings the UI edits are kept: the settings file, or memory. */
export interface SettingsPort {
  read(): EditableSettings;
  /** Keeps `settings` (already checked); later reads return it. */
  write(settings: EditableSettings): void;
}

/** Where the rules written for one room are kept: the shared settings' `rooms[groupId].rules`. */
export interface RoomRulesStore {
  read(groupId: string): RuleSettings | undefined;
  /** Keeps `rules` for the room; null removes them, so the room follows the defaults. */
  write(groupId: string, rules: RuleSettings | null): void;
}

/** Where a room's push is kept: the settings file, or memory. */
export interface RoomPushStore {
  read(groupId: string): PushInFile | undefined;
  /**
   * Reads the store once and answers for any room from that read: for many rooms at a time, where
   * reading the settings file again for each of 2,000 rooms took seconds.
   */
  reader(): (groupId: string) => PushInFile | undefined;
  /** Keeps `push` for the room; null removes it, so nothing more is written into the room. */
  write(groupId: string, push: PushInFile | null): void;
}
