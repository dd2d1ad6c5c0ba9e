/**
 * The settings file: one schema for the tray app (electron-store) and the headless edition (conf),
 * validated at load with messages that say where the problem is. Durations are in the units their
 * names say, as people write them in a file, or with a unit of their own (duration-setting.ts).
 */
import { z } from 'zod';
import { ALERT_RULES, SEVERITIES } from '../../common/alert-rules';
import { TIME_OF_DAY } from '../../common/time-of-day';
import { WEBHOOK_FORMATS } from '../../common/webhook-formats';
import { durationNumber } from './duration-setting';

const count = z.number().int().nonnegative();
const seconds = durationNumber('s');

const threshold = z.strictObject({
  threshold: count,
  recoverAt: count.optional(),
  forSeconds: seconds.optional(),
});

const change = z.strictObject({
  percent: z.number().positive(),
  people: count.min(1),
  windowSeconds: seconds.min(10),
});

/** Rules as written in the file; `null` turns a rule off. */
export const rulesSchema = z.strictObject({
  above: threshold.nullable().optional(),
  below: threshold.nullable().optional(),
  spike: change.nullable().optional(),
  drop: change.nullable().optional(),
  peak: z.strictObject({ stepPercent: z.number().positive(), minOnline: count }).nullable().optional(),
  milestones: z.array(count.min(1)).optional(),
  failing: z
    .strictObject({ consecutive: count.min(1), forSeconds: seconds })
    .nullable()
    .optional(),
  stale: z.boolean().optional(),
  closed: z.boolean().optional(),
  sessions: z.boolean().optional(),
  repeatMinutes: durationNumber('min').optional(),
  recovered: z.boolean().optional(),
});

const hhmm = z.string().regex(TIME_OF_DAY, 'a time of day like "23:00"');

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
  rules: rulesSchema.optional(),
  rooms: z
    .record(
      z.string().min(1),
      z.strictObject({ label: z.string().min(1).optional(), rules: rulesSchema.optional() }),
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
export type RulesInFile = z.infer<typeof rulesSchema>;
export type WebhookSettings = z.infer<typeof webhookSchema>;
