/**
 * Run-time checks of the arguments of the settings, polling, live-room and alert-log methods; the
 * contract-equality check in `monitor-api-schemas.ts` covers them too.
 */
import { z } from 'zod';
import { acceleratorProblem } from '../common/accelerator';
import { ALERT_RULES, SEVERITIES } from '../common/alert-rules';
import { ruleSettingsSchema } from '../common/rule-settings';
import { TIME_OF_DAY } from '../common/time-of-day';
import { WEBHOOK_FORMATS } from '../common/webhook-formats';

const alertRule = z.enum(ALERT_RULES);
const severity = z.enum(SEVERITIES);
const hhmm = z.string().regex(TIME_OF_DAY);
/** A set of rules: each at most once, so a list never outgrows the rules there are. */
const alertRules = z
  .array(alertRule)
  .max(ALERT_RULES.length)
  .refine((rules) => new Set(rules).size === rules.length, 'Name each alert rule once.');

/** A global shortcut as Electron reads it, refused in words before it reaches the OS. */
const shortcut = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .superRefine((accelerator, context) => {
    const problem = acceleratorProblem(accelerator);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

/** `listAlertEntries`'s query. */
export const alertEntryQuery = z.strictObject({
  sinceMs: z.number().nonnegative().optional(),
  key: z.string().min(3).max(200).optional(),
  rule: alertRule.optional(),
  severity: severity.optional(),
  unacknowledged: z.boolean().optional(),
  limit: z.number().int().min(1).max(1000).optional(),
});

/** A get_appid_group_list cursor: a decimal uint64, kept as text so that no digit is lost. */
export const pageCursor = z.string().regex(/^(0|[1-9]\d{0,19})$/);

/** `setPolling`'s numbers: 1 s to a day, 1 to 200 calls per second (the API's cap). */
export const pollingInput = z.strictObject({
  intervalSeconds: z.number().min(1).max(86_400),
  maxRate: z.number().int().min(1).max(200),
});

const webhookInput = z.strictObject({
  id: z
    .string()
    .regex(/^\d{1,3}$/)
    .optional(),
  name: z.string().min(1).max(100).optional(),
  format: z.enum(WEBHOOK_FORMATS),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  secret: z.string().min(1).max(500).optional(),
  // An empty list would silence the webhook: leaving `rules` out is how it takes every alert.
  rules: alertRules.min(1).optional(),
  minSeverity: severity.optional(),
});

const quietHours = z.strictObject({
  start: hhmm,
  end: hhmm,
  letThrough: alertRules.optional(),
  timeZone: z.string().min(1).max(100).optional(),
});

/** `updateSettings`'s patch. */
export const settingsPatch = z.strictObject({
  rules: ruleSettingsSchema.optional(),
  webhooks: z.array(webhookInput).max(50).optional(),
  quietHours: quietHours.nullable().optional(),
  app: z
    .strictObject({
      launchAtLogin: z.boolean().optional(),
      trayNumber: z
        .union([z.literal('sum'), z.strictObject({ roomKey: z.string().min(3).max(200) })])
        .optional(),
      shortcut: shortcut.nullable().optional(),
      language: z.enum(['system', 'en', 'zh-CN']).optional(),
      theme: z.enum(['system', 'light', 'dark']).optional(),
    })
    .optional(),
});
