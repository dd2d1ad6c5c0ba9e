/**
 * The webhooks: each masked as the engine shows it, with what it sends (which alerts, from which
 * severity) editable in place, and a form that adds one with its URL, secret and filters.
 */
import { ALERT_RULES } from '../../main/common/alert-rules';
import { WEBHOOK_FORMATS } from '../../main/common/webhook-formats';
import type {
  AlertRule,
  SettingsView,
  Severity,
  WebhookFormat,
  WebhookInput,
  WebhookView,
} from '../../main/contract/monitor-api';
import { button, el, setText } from '../dom';
import { field, fieldset } from '../form-field';
import type { ViewTranslator } from '../i18n/view-words';
import { minSeverityFrom, webhookFilterWords, webhookRulesFrom } from './alert-filters';
import { ruleChecks } from './rule-checks';
import type { SaveSettings } from './settings-alerting';

const SEVERITY_CHOICES = ['any', 'info', 'warning', 'critical'] as const;

/** Which alerts a webhook sends; null fields send everything. */
type WebhookFilter = Pick<WebhookView, 'rules' | 'minSeverity'>;

/** The list of webhooks with their filters, then the form that adds one. */
export function webhooksForm(view: SettingsView, tr: ViewTranslator, save: SaveSettings): HTMLElement {
  const part = fieldset(tr.t('webhooks.legend'), 'webhooks');
  // Saved webhooks go back by id, without URL or secret, so the engine keeps the ones it holds.
  const kept = view.webhooks.map(
    ({ id, name, format, rules, minSeverity }): WebhookInput =>
      withFilter({ id, format, ...(name ? { name } : {}) }, { rules, minSeverity }),
  );
  const list = el('ul', { class: 'webhook-list' });
  if (view.webhooks.length === 0) list.append(el('li', { class: 'hint' }, tr.t('webhooks.none')));
  for (const webhook of view.webhooks) {
    const name = webhook.name ?? tr.t(`webhooks.format.${webhook.format}`);
    const item = el('li');
    const answer = el('p', { class: 'answer', role: 'status' });
    const filters = filterPart(`w${webhook.id}`, tr.t('webhooks.filters.legend', { name }), webhook, tr);
    filters.details.append(
      button(
        tr.t('webhooks.filters.save', { name }),
        () => {
          const filter = filters.read();
          if (!filter) return;
          const webhooks = kept.map((k) => (k.id === webhook.id ? withFilter(k, filter) : k));
          save({ webhooks }, answer);
        },
        { id: `w${webhook.id}-save` },
      ),
      answer,
    );
    item.append(
      el('span', {}, `${name} · ${tr.t(`webhooks.format.${webhook.format}`)}`),
      el('code', {}, webhook.maskedUrl),
      button(tr.t('webhooks.remove', { name }), () =>
        save({ webhooks: kept.filter((k) => k.id !== webhook.id) }, answer),
      ),
      filters.details,
    );
    list.append(item);
  }
  part.append(list, addForm(kept, tr, save));
  return part;
}

/** The form that adds a webhook: name, chat tool, URL, secret and what it sends. */
function addForm(kept: readonly WebhookInput[], tr: ViewTranslator, save: SaveSettings): HTMLElement {
  const form = el('form', { class: 'webhooks-form', novalidate: '' });
  const add = fieldset(tr.t('webhooks.add'));
  const name = field(add, 'w-name', tr.t('webhooks.name'), el('input', { autocomplete: 'off' }));
  const format = field(add, 'w-format', tr.t('webhooks.format'), el('select'));
  for (const f of WEBHOOK_FORMATS) format.input.append(new Option(tr.t(`webhooks.format.${f}`), f));
  const url = field(
    add,
    'w-url',
    tr.t('webhooks.url'),
    el('input', { type: 'url', autocomplete: 'off', spellcheck: 'false' }),
    tr.t('webhooks.url.hint'),
  );
  const secret = field(
    add,
    'w-secret',
    tr.t('webhooks.secret'),
    el('input', { type: 'password', autocomplete: 'off' }),
  );
  const filters = filterPart(
    'w-new',
    tr.t('webhooks.filters.newLegend'),
    { rules: null, minSeverity: null },
    tr,
  );
  add.append(filters.details);
  const answer = el('p', { class: 'answer', role: 'status' });
  form.append(add, el('button', { type: 'submit' }, tr.t('webhooks.addButton')), answer);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const address = url.input.value.trim();
    const valid = /^https?:\/\/[^\s/]+/.test(address);
    url.showError(valid ? null : tr.t('webhooks.url.problem'));
    const filter = filters.read();
    if (!valid || !filter) return;
    const added = withFilter(
      {
        format: format.input.value as WebhookFormat,
        url: address,
        ...(name.input.value.trim() ? { name: name.input.value.trim() } : {}),
        ...(secret.input.value ? { secret: secret.input.value } : {}),
      },
      filter,
    );
    save({ webhooks: [...kept, added] }, answer);
  });
  return form;
}

/**
 * A disclosure whose summary says what the webhook sends, opening onto a box per alert rule and
 * the lowest severity. Closed by default so a list of webhooks stays short; kept open across the
 * redraw that follows a save, so the person stays where they were.
 */
function filterPart(
  idPrefix: string,
  legend: string,
  current: WebhookFilter,
  tr: ViewTranslator,
): { details: HTMLDetailsElement; read(): WebhookFilter | null } {
  const id = `${idPrefix}-filters`;
  // The view being replaced is still in the document while its successor is built.
  const wasOpen = document.getElementById(id)?.hasAttribute('open') ?? false;
  const details = el('details', { class: 'webhook-filters', id });
  details.open = wasOpen;
  const summary = el('summary', {}, webhookFilterWords(current, tr));
  const hint = tr.t('webhooks.filters.hint');
  const rules = ruleChecks(`${idPrefix}-rule`, legend, current.rules ?? ALERT_RULES, tr, hint);
  details.append(summary, rules.set);
  const severity = field(details, `${idPrefix}-severity`, tr.t('webhooks.severity'), el('select'));
  for (const choice of SEVERITY_CHOICES) {
    const value = choice === 'any' ? '' : choice;
    severity.input.append(
      new Option(tr.t(`webhooks.severity.${choice}`), value, false, value === (current.minSeverity ?? '')),
    );
  }
  const read = (): WebhookFilter | null => {
    const chosen = webhookRulesFrom(rules.ticked());
    rules.showError('none' in chosen ? tr.t('webhooks.filters.none') : null);
    return 'none' in chosen
      ? null
      : { rules: chosen.rules, minSeverity: minSeverityFrom(severity.input.value) };
  };
  // The summary follows the boxes, so what it says is what Save would keep.
  details.addEventListener('change', () => {
    const chosen = webhookRulesFrom(rules.ticked());
    const rulesNow: AlertRule[] | null = 'none' in chosen ? [] : chosen.rules;
    const minSeverity: Severity | null = minSeverityFrom(severity.input.value);
    setText(summary, webhookFilterWords({ rules: rulesNow, minSeverity }, tr));
  });
  return { details, read };
}

/** `input` sending what `filter` lets through, with no field for "everything". */
function withFilter(input: WebhookInput, filter: WebhookFilter): WebhookInput {
  const { rules: _rules, minSeverity: _minSeverity, ...rest } = input;
  return {
    ...rest,
    ...(filter.rules ? { rules: filter.rules } : {}),
    ...(filter.minSeverity ? { minSeverity: filter.minSeverity } : {}),
  };
}
