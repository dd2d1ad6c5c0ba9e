/** The rule defaults form's fields, read into the settings' `rules`. Pure, so tested without a browser. */
import type { RuleSettings } from '../../main/contract/monitor-api';

/** The rule defaults as typed; an empty number turns its rule off. */
export interface RulesFields {
  above: string;
  below: string;
  spikePercent: string;
  dropPercent: string;
  milestones: string;
  stale: boolean;
  closed: boolean;
}

/** What can be wrong, by field. */
export type RulesProblem = keyof Pick<
  RulesFields,
  'above' | 'below' | 'spikePercent' | 'dropPercent' | 'milestones'
>;

/** How a change rule is judged when the form sets only its percentage. */
const CHANGE_DEFAULTS = { people: 50, windowSeconds: 60 };

/** The fields as the form shows them for `rules`. */
export function rulesFieldsOf(rules: RuleSettings): RulesFields {
  return {
    above: rules.above ? String(rules.above.threshold) : '',
    below: rules.below ? String(rules.below.threshold) : '',
    spikePercent: rules.spike ? String(rules.spike.percent) : '',
    dropPercent: rules.drop ? String(rules.drop.percent) : '',
    milestones: (rules.milestones ?? []).join(', '),
    stale: rules.stale ?? true,
    closed: rules.closed ?? true,
  };
}

/**
 * `current` with the form's fields applied (what the form does not show is kept, such as a
 * threshold's `forSeconds` or a change rule's window), or the fields that are wrong.
 */
export function rulesFrom(
  current: RuleSettings,
  fields: RulesFields,
): { rules: RuleSettings } | { problems: RulesProblem[] } {
  const problems: RulesProblem[] = [];
  const whole = (text: string, field: RulesProblem, min: number): number | null => {
    if (!text.trim()) return null;
    const value = Number(text.trim());
    if (!Number.isInteger(value) || value < min) problems.push(field);
    return value;
  };
  const positive = (text: string, field: RulesProblem): number | null => {
    if (!text.trim()) return null;
    const value = Number(text.trim());
    if (!Number.isFinite(value) || value <= 0) problems.push(field);
    return value;
  };
  const above = whole(fields.above, 'above', 0);
  const below = whole(fields.below, 'below', 0);
  const spike = positive(fields.spikePercent, 'spikePercent');
  const drop = positive(fields.dropPercent, 'dropPercent');
  const milestones = fields.milestones
    .split(/[,，\s]+/)
    .filter(Boolean)
    .map((text) => Number(text));
  if (milestones.some((value) => !Number.isInteger(value) || value < 1)) problems.push('milestones');
  if (problems.length > 0) return { problems };
  return {
    rules: {
      ...current,
      above: above === null ? null : { ...current.above, threshold: above },
      below: below === null ? null : { ...current.below, threshold: below },
      spike: spike === null ? null : { ...CHANGE_DEFAULTS, ...current.spike, percent: spike },
      drop: drop === null ? null : { ...CHANGE_DEFAULTS, ...current.drop, percent: drop },
      milestones: [...new Set(milestones)].sort((a, b) => a - b),
      stale: fields.stale,
      closed: fields.closed,
    },
  };
}
