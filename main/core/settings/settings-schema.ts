/**
 * The settings file: one schema for the tray app (electron-store) and the headless edition (conf),
 * validated at load with messages that say where the problem is. Durations are in the units their
 * names say, as people write them in a file, or with a unit of their own (main/common/duration-setting.ts).
 */
import { z } from 'zod';
import { ALERT_RULES, SEVERITIES } from '../../common/alert-rules';
import { durationNumber } from '../../common/duration-setting';
import { PUSH_VIAS, pushKeyProblem } from '../../common/room-push';
import { ruleSettingsSchema } from '../../common/rule-settings';
import { TIME_OF_DAY } from '../../common/time-of-day';
import { WEBHOOK_FORMATS } from '../../common/webhook-formats';

const seconds = durationNumber('s');

const hhmm = z.string().regex(TIME_OF_DAY, 'a time of day like "23:00"');

/**
 * A room's opt-in to show its count to viewers: how, and under which key (default
 * `online_member_num`). Absent: nothing is ever written into the room.
 */
export const pushSchema = z.strictObject({
  via: z.enum(PUSH_VIAS),
  key: z
    .string()
    .refine((key) => pushKeyProblem(key) === null, { error: 'a key of 1 to 32 bytes' })
    .optional(),
});

export const webhookSchema = z.strictObject({
  name: z.string().min(1).optional(),
  url: z.url(),
  format: z.enum(WEBHOOK_FORMATS),
  secret: z.string().min(1).optional(),
  rules: z.array(z.enum(ALERT_RULES)).optional(),
  minSeverity: z.enum(SEVERITIES).optional(),
});

export const settingsSchema = z.strictObject({
  /** The label alerts carry for this app profile. */
  profile: z.strictObject({ label: z.string().min(1) }).optional(),
  rules: ruleSettingsSchema.optional(),
  rooms: z
    .record(
      z.string().min(1),
      z.strictObject({
        label: z.string().min(1).optional(),
        rules: ruleSettingsSchema.optional(),
        push: pushSchema.optional(),
      }),
    )
    .optional(),
  notifications: z
    .strictObject({ desktop: z.boolean().optional(), groupWindowSeconds: seconds.optional() })
    .optional(),
  quietHours: z
    .strictObject({
      start: hhmm,
      end: hhmm,
      letThrough: z.array(z.enum(ALERT_RULES)).optional(),
      timeZone: z.string().optional(),
    })
    .nullable()
    .optional(),
  webhooks: z.array(webhookSchema).optional(),
  /** Kept by `headcount snooze`; expired entries are dropped when read. */
  snoozes: z.unknown().optional(),
});

export type Settings = z.infer<typeof settingsSchema>;
export type WebhookSettings = z.infer<typeof webhookSchema>;
export type PushInFile = z.infer<typeof pushSchema>;
