/**
 * Alert rules as people set them: in the settings file (shared defaults and per room), in the
 * settings form and the room view, over the API, and as the engine runs them. One schema; every
 * type is read from it, so the file, the UI and the engine cannot disagree on a field. Durations are
 * in the units their names say, as people write them (the file may also give them a unit of their
 * own: duration-setting.ts).
 */
import { z } from 'zod';
import { durationNumber } from './duration-setting';

const count = z.number().int().nonnegative();
const seconds = durationNumber('s');

/** An absolute count, held for at least `forSeconds`, clearing only once back past `recoverAt` for as long. */
const thresholdSchema = z.strictObject({
  threshold: count,
  /** Where it clears. Default: 5 % (at least 1 person) back from the threshold. */
  recoverAt: count.optional(),
  forSeconds: seconds.optional(),
});

/** A change of at least `percent` % AND at least `people` within `windowSeconds`: small rooms do not alert on noise. */
const changeSchema = z.strictObject({
  percent: z.number().positive(),
  people: count.min(1),
  windowSeconds: seconds.min(10),
});

/** The rules of a room or of every room; absent follows the defaults, `null` turns a rule off. */
export const ruleSettingsSchema = z.strictObject({
  above: thresholdSchema.nullable().optional(),
  below: thresholdSchema.nullable().optional(),
  spike: changeSchema.nullable().optional(),
  drop: changeSchema.nullable().optional(),
  /** A new peak of the current stream session, announced when it beats the last announced one by `stepPercent`. */
  peak: z.strictObject({ stepPercent: z.number().positive(), minOnline: count }).nullable().optional(),
  /** Counts announced once per stream session when first reached. */
  milestones: z.array(count.min(1)).optional(),
  /** Polls failing `consecutive` times in a row, or for `forSeconds`, whichever comes first. */
  failing: z
    .strictObject({ consecutive: count.min(1), forSeconds: seconds })
    .nullable()
    .optional(),
  /** No fresh count for as long as the monitor calls stale (a few intervals). */
  stale: z.boolean().optional(),
  /** The room was disbanded (10010). */
  closed: z.boolean().optional(),
  /** Stream start and the end-of-stream summary. */
  sessions: z.boolean().optional(),
  /** While a rule keeps firing, remind at most this often (0: never). */
  repeatMinutes: durationNumber('min').optional(),
  /** Send a `recovered` notice when a firing rule clears. */
  recovered: z.boolean().optional(),
});

export type RuleSettings = z.infer<typeof ruleSettingsSchema>;
export type ThresholdSettings = z.infer<typeof thresholdSchema>;
export type ChangeSettings = z.infer<typeof changeSchema>;
