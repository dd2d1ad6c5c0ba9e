/** A group of checkboxes, one per alert rule, under its own legend: for webhook filters and quiet hours. */
import { ALERT_RULES } from '../../main/common/alert-rules';
import type { AlertRule } from '../../main/contract/monitor-api';
import { el, setText } from '../dom';
import { checkbox, fieldset } from '../form-field';
import type { ViewTranslator } from '../i18n/view-words';
import { inRuleOrder } from './alert-filters';

/** The ticked rules, and an error line the group's description points at. */
export interface RuleChecks {
  set: HTMLFieldSetElement;
  ticked(): AlertRule[];
  showError(text: string | null): void;
}

/**
 * A fieldset (id `idPrefix`) of every alert rule with `ticked` checked; ids are `${idPrefix}-${rule}`. The legend
 * names the group for screen readers, and the hint and error are tied to it, as `field` does.
 */
export function ruleChecks(
  idPrefix: string,
  legend: string,
  ticked: readonly AlertRule[],
  tr: ViewTranslator,
  hint?: string,
): RuleChecks {
  const set = fieldset(legend, 'rule-checks');
  set.id = idPrefix;
  const described: string[] = [];
  if (hint) {
    set.append(el('p', { class: 'hint', id: `${idPrefix}-hint` }, hint));
    described.push(`${idPrefix}-hint`);
  }
  const boxes = ALERT_RULES.map(
    (rule) =>
      [rule, checkbox(set, `${idPrefix}-${rule}`, tr.t(`rule.${rule}`), ticked.includes(rule))] as const,
  );
  const error = el('p', { class: 'field-error', id: `${idPrefix}-error` });
  set.append(error);
  described.push(`${idPrefix}-error`);
  set.setAttribute('aria-describedby', described.join(' '));
  return {
    set,
    ticked: () => inRuleOrder(boxes.filter(([, box]) => box.checked).map(([rule]) => rule)),
    // The error is read out through the group's description: a fieldset takes no aria-invalid.
    showError: (text) => setText(error, text ?? ''),
  };
}
