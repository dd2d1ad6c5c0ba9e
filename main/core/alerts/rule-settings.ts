/**
 * The rules every room starts from, and how a room's own rules lay over its profile's. The shapes
 * are the settings' own (main/common/rule-settings.ts): durations in the units their names say.
 */
import type { RuleSettings, ThresholdSettings } from '../../common/rule-settings';

export const DEFAULT_RULES: Required<RuleSettings> = {
  above: null,
  below: null,
  spike: { percent: 50, people: 200, windowSeconds: 120 },
  drop: { percent: 40, people: 200, windowSeconds: 120 },
  peak: null,
  milestones: [],
  // Retries back off from 2 s, so five failures in a row span about half a minute, not a blip.
  failing: { consecutive: 5, forSeconds: 60 },
  stale: true,
  closed: true,
  sessions: true,
  repeatMinutes: 0,
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
