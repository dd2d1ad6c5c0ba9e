/**
 * The room rules form's values and the rules they stand for. An empty field leaves that rule to the
 * defaults; rules the form does not show (peak, milestones, failing...) are kept as they were.
 * Pure, so it is unit-tested without a browser.
 */
import type { RuleSettings } from '../../main/contract/monitor-api';

/** The form's fields, as typed. */
export interface RulesFormValues {
  above: string;
  below: string;
  spikePercent: string;
  spikePeople: string;
  dropPercent: string;
  dropPeople: string;
}

/** The field names, in the form's order. */
export const RULE_FIELDS: ReadonlyArray<keyof RulesFormValues> = [
  'above',
  'below',
  'spikePercent',
  'spikePeople',
  'dropPercent',
  'dropPeople',
];

/** The window a spike or drop is measured over when the room had none: the engine's default. */
const DEFAULT_WINDOW_S = 120;

/** The fields showing `rules` (the room's own; null or a missing rule shows an empty field). */
export function formValuesOf(rules: RuleSettings | null): RulesFormValues {
  const text = (value: number | undefined) => (value === undefined ? '' : String(value));
  return {
    above: text(rules?.above?.threshold),
    below: text(rules?.below?.threshold),
    spikePercent: text(rules?.spike?.percent),
    spikePeople: text(rules?.spike?.people),
    dropPercent: text(rules?.drop?.percent),
    dropPeople: text(rules?.drop?.people),
  };
}

/** The rules of the fields over the room's `previous` ones, or the first field that is wrong. */
export function rulesOf(
  previous: RuleSettings | null,
  values: RulesFormValues,
): { ok: true; rules: RuleSettings | null } | { ok: false; field: keyof RulesFormValues } {
  const rules: RuleSettings = { ...previous };
  for (const field of RULE_FIELDS) {
    const text = values[field].trim();
    const number = Number(text);
    const positive = field.endsWith('Percent')
      ? number > 0
      : field.endsWith('People')
        ? number >= 1
        : number >= 0;
    if (
      text !== '' &&
      !(Number.isFinite(number) && positive && (field.endsWith('Percent') || Number.isInteger(number)))
    )
      return { ok: false, field };
  }
  const count = (field: keyof RulesFormValues) =>
    values[field].trim() === '' ? null : Number(values[field]);
  for (const direction of ['above', 'below'] as const) {
    const threshold = count(direction);
    if (threshold === null) delete rules[direction];
    else rules[direction] = { ...previous?.[direction], threshold };
  }
  for (const kind of ['spike', 'drop'] as const) {
    const percent = count(`${kind}Percent`);
    const people = count(`${kind}People`);
    if (percent === null && people === null) delete rules[kind];
    else if (percent === null || people === null)
      return { ok: false, field: percent === null ? `${kind}Percent` : `${kind}People` };
    else
      rules[kind] = { percent, people, windowSeconds: previous?.[kind]?.windowSeconds ?? DEFAULT_WINDOW_S };
  }
  return { ok: true, rules: Object.keys(rules).length === 0 ? null : rules };
}
