/**
 * Run-time checks of every argument the UI sends (main validates before any handler runs), one
 * tuple per method of the contract. A compile-time check below keeps them equal to the contract.
 */
import { z } from 'zod';
import { PUSH_VIAS, pushKeyProblem } from '../common/room-push';
import { ruleSettingsSchema } from '../common/rule-settings';
import type { MonitorApi, MonitorMethod } from '../contract/monitor-api';
import { alertEntryQuery, pageCursor, pollingInput, settingsPatch } from './settings-api-schemas';

const roomKey = z.string().min(3).max(200);
const profileId = z.string().min(1).max(100);
const snoozeTarget = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('profile'), profileId }),
  z.strictObject({ kind: z.literal('room'), key: roomKey }),
]);
const pushSettings = z.strictObject({
  via: z.enum(PUSH_VIAS),
  key: z.string().refine((key) => pushKeyProblem(key) === null, { error: 'a key of 1 to 32 bytes' }),
});
const chartRange = z.enum(['live', '1h', '6h', '24h', '7d']);
const profileInput = z.strictObject({
  id: profileId.optional(),
  label: z.string().min(1).max(100),
  sdkAppId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  identifier: z.string().min(1).max(100),
  region: z.string().min(1).max(40).optional(),
  endpoint: z.string().min(1).max(300).optional(),
  secretKey: z.string().min(1).max(200).optional(),
  allowWeakStorage: z.boolean().optional(),
});

export const MONITOR_ARGUMENTS = {
  getSnapshot: z.tuple([]),
  addRooms: z.tuple([profileId, z.array(z.string().max(200)).min(1).max(5000)]),
  retryRoom: z.tuple([roomKey]),
  setPinned: z.tuple([roomKey, z.boolean()]),
  lookAt: z.tuple([z.array(roomKey).max(200)]),
  setPaused: z.tuple([z.boolean()]),
  snooze: z.tuple([snoozeTarget, z.enum(['15m', '1h', '4h', 'tomorrow-morning'])]),
  unsnooze: z.tuple([snoozeTarget]),
  saveProfile: z.tuple([profileInput]),
  removeProfile: z.tuple([profileId]),
  testConnection: z.tuple([profileInput]),
  listAlerts: z.tuple([
    z.strictObject({
      sinceMs: z.number().nonnegative().optional(),
      key: roomKey.optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    }),
  ]),
  listAlertEntries: z.tuple([alertEntryQuery]),
  acknowledgeAlert: z.tuple([z.string().min(1).max(200)]),
  findLiveRooms: z.tuple([profileId, pageCursor.optional()]),
  setPolling: z.tuple([profileId, pollingInput]),
  getSettings: z.tuple([]),
  updateSettings: z.tuple([settingsPatch]),
  getChart: z.tuple([roomKey, chartRange]),
  exportCsv: z.tuple([roomKey, chartRange]),
  getSparklines: z.tuple([z.array(roomKey).max(200)]),
  getRoomRules: z.tuple([roomKey]),
  setRoomRules: z.tuple([roomKey, ruleSettingsSchema.nullable()]),
  getRoomPush: z.tuple([roomKey]),
  setRoomPush: z.tuple([roomKey, pushSettings.nullable(), z.boolean().optional()]),
  getOverlay: z.tuple([]),
  setOverlay: z.tuple([
    z.strictObject({
      on: z.boolean().optional(),
      port: z.number().int().min(1024).max(65_535).optional(),
      newLink: z.boolean().optional(),
    }),
  ]),
} satisfies { [M in MonitorMethod]: z.ZodType };

/** Fails to compile when a schema accepts other arguments than its method takes. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Checked = {
  [M in MonitorMethod]: Same<z.input<(typeof MONITOR_ARGUMENTS)[M]>, Parameters<MonitorApi[M]>>;
};
export const ARGUMENTS_MATCH_CONTRACT: Checked[MonitorMethod] extends true ? true : never = true;
