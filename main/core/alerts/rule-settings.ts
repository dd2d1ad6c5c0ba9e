/**
 * What each rule watches for, with defaults per app profile and overrides per room. Durations are ms.
 */

/** An absolute count, held for at least `forMs`, clearing only once back past `recoverAt` for as long. */
export interface ThresholdSettings {
  threshold: number;
  /** Where it clears. Default: 5 % (at least 1 person) back from the threshold. */
  recoverAt?: number;
  forMs?: number;
}

/** A change of at least `percent` % AND at least `people` within `windowMs`: small rooms do not alert on noise. */
export interface ChangeSettings {
  percent: number;
  people: number;
  windowMs: number;
}

export interface RuleSettings {
  above?: ThresholdSettings | null;
  below?: ThresholdSettings | null;
  spike?: ChangeSettings | null;
  drop?: ChangeSettings | null;
  /** A new peak of the current stream session, announced when it beats the last announced one by `stepPercent`. */
  peak?: { stepPercent: number; minOnline: number } | null;
  /** Counts announced once per stream session when first reached. */
  milestones?: number[];
  /** Polls failing `consecutive` times in a row, or for `forMs`, whichever comes first. */
  failing?: { consecutive: number; forMs: number } | null;
  /** No fresh count for as long as the monitor calls stale (a few intervals). */
  stale?: boolean;
  /** The room was disbanded (10010). */
  closed?: boolean;
  /** Stream start and the end-of-stream summary. */
  sessions?: boolean;
  /** While a rule keeps firing, remind at most this often (0: never). */
  repeatMs?: number;
  /** Send a `recovered` notice when a firing rule clears. */
  recovered?: boolean;
}

export const DEFAULT_RULES: Required<RuleSettings> = {
  above: null,
  below: null,
  spike: { percent: 50, people: 200, windowMs: 2 * 60_000 },
  drop: { percent: 40, people: 200, windowMs: 2 * 60_000 },
  peak: null,
  milestones: [],
  // Retries back off from 2 s, so five failures in a row span about half a minute, not a blip.
  failing: { consecutive: 5, forMs: 60_000 },
  stale: true,
  closed: true,
  sessions: true,
  repeatMs: 0,
  recovered: true,
};

/** The profile's defaults with a room's overrides on top; a rule set to null in the room is off there. */
export function rulesFor(
  profileDefaults: RuleSettings,
  room: RuleSettings | undefined,
): Required<RuleSettings> {
  return { ...DEFAULT_RULES, ...definedOnly(profileDefaults), ...definedOnly(room ?? {}) };
}

function definedOnly(settings: RuleSettings): RuleSettings {
  return Object.fromEntries(
    Object.entries(settings).filter(([, value]) => value !== undefined),
  ) as RuleSettings;
}

/** Where an above/below rule clears when the settings do not say. */
export function recoveryPoint(direction: 'above' | 'below', settings: ThresholdSettings): number {
  if (settings.recoverAt !== undefined) return settings.recoverAt;
  const margin = Math.max(1, Math.round(settings.threshold * 0.05));
  return direction === 'above' ? settings.threshold - margin : settings.threshold + margin;
}
