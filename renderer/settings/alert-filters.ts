/**
 * Which alerts a webhook sends and which still notify during quiet hours, read from ticked boxes
 * and said in words. Pure, so tested without a browser.
 */
import { ALERT_RULES, DEFAULT_LET_THROUGH } from '../../main/common/alert-rules';
import type { AlertRule, QuietHoursView, Severity, WebhookView } from '../../main/contract/monitor-api';
import type { ViewTranslator } from '../i18n/view-words';

/** The rules that still notify during `quiet`, as the boxes should show them. */
export function letThroughOf(quiet: QuietHoursView | null): readonly AlertRule[] {
  return quiet?.letThrough ?? DEFAULT_LET_THROUGH;
}

/** `ticked` in the order the rules are listed, each once. */
export function inRuleOrder(ticked: Iterable<AlertRule>): AlertRule[] {
  const chosen = new Set(ticked);
  return ALERT_RULES.filter((rule) => chosen.has(rule));
}

/**
 * A webhook's rules from its ticked boxes: every box means every alert (null, so rules added
 * later are sent too), none is a mistake (the webhook would send nothing), else the ones ticked.
 */
export function webhookRulesFrom(
  ticked: Iterable<AlertRule>,
): { rules: AlertRule[] | null } | { none: true } {
  const rules = inRuleOrder(ticked);
  if (rules.length === 0) return { none: true };
  return { rules: rules.length === ALERT_RULES.length ? null : rules };
}

/** The severity select's value: "" for any, else the lowest severity sent. */
export function minSeverityFrom(value: string): Severity | null {
  return value === 'info' || value === 'warning' || value === 'critical' ? value : null;
}

/** Above this many kinds a filter is summed up by its count rather than listed. */
const LISTED_RULES = 3;

/** What a webhook sends, in words ("Sends every alert, any severity"); with no rule, what to do about it. */
export function webhookFilterWords(
  webhook: Pick<WebhookView, 'rules' | 'minSeverity'>,
  tr: ViewTranslator,
): string {
  const rules = webhook.rules ? inRuleOrder(webhook.rules) : null;
  if (rules?.length === 0) return tr.t('webhooks.filters.none');
  const what =
    rules === null || rules.length === ALERT_RULES.length
      ? tr.t('webhooks.sends.every')
      : rules.length <= LISTED_RULES
        ? tr.join(rules.map((rule) => tr.t(`rule.${rule}`)))
        : tr.t('webhooks.sends.kinds', { count: rules.length });
  const severity = tr.t(`webhooks.sends.severity.${webhook.minSeverity ?? 'any'}`);
  return tr.t('webhooks.sends', { what, severity });
}
