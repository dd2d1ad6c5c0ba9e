/**
 * The alert log: newest first, filtered by room, rule, severity and whether it was acknowledged,
 * each alert with what became of it ("delivered to desktop (held: …), webhook ops: sent") and a
 * button to acknowledge it.
 */
import { ALERT_RULES } from '../../main/common/alert-rules';
import type {
  AlertEntryQuery,
  AlertEntryView,
  AlertRule,
  MonitorApi,
  Severity,
} from '../../main/contract/monitor-api';
import { button, el, setText } from '../dom';
import { checkbox, field, fieldset, messageOf } from '../form-field';
import type { Translator } from '../i18n/translator';
import { alertWords } from './alert-words';
import { deliveryLine } from './delivery-line';

const RULES: readonly AlertRule[] = ALERT_RULES;
const SEVERITIES: readonly Severity[] = ['critical', 'warning', 'info'];

/** The alert log view; `rooms` names the rooms for the filter, `done` goes back to the rooms. */
export function alertLogView(
  api: MonitorApi,
  rooms: ReadonlyArray<{ key: string; label: string }>,
  tr: Translator,
  done: () => void,
): HTMLElement {
  const view = el('section', { class: 'alert-log', 'aria-labelledby': 'h-alerts' });
  const filters = el('form', { class: 'alert-filters', novalidate: '' });
  const set = fieldset(tr.t('log.filters'));
  filters.append(set);
  const room = field(set, 'af-room', tr.t('log.room'), el('select'));
  room.input.append(new Option(tr.t('log.any'), ''));
  for (const r of rooms) room.input.append(new Option(r.label, r.key));
  const rule = field(set, 'af-rule', tr.t('log.rule'), el('select'));
  rule.input.append(new Option(tr.t('log.any'), ''));
  for (const r of RULES) rule.input.append(new Option(tr.t(`rule.${r}`), r));
  const severity = field(set, 'af-severity', tr.t('log.severity'), el('select'));
  severity.input.append(new Option(tr.t('log.any'), ''));
  for (const s of SEVERITIES) severity.input.append(new Option(tr.t(`severity.${s}`), s));
  const open = checkbox(set, 'af-open', tr.t('log.unacknowledged'), false);
  const list = el('ol', { class: 'alert-entries', 'aria-labelledby': 'h-alerts' });
  const status = el('p', { class: 'answer', role: 'status' });
  view.append(
    el('h2', { id: 'h-alerts' }, tr.t('log.heading')),
    filters,
    status,
    list,
    button(tr.t('settings.back'), done, { class: 'back' }),
  );

  const query = (): AlertEntryQuery => ({
    ...(room.input.value ? { key: room.input.value } : {}),
    ...(rule.input.value ? { rule: rule.input.value as AlertRule } : {}),
    ...(severity.input.value ? { severity: severity.input.value as Severity } : {}),
    ...(open.checked ? { unacknowledged: true } : {}),
    limit: 200,
  });
  const load = () => {
    setText(status, tr.t('log.loading'));
    api.listAlertEntries(query()).then(
      (entries) => {
        list.replaceChildren(...entries.map((entry) => entryItem(api, entry, tr, load)));
        setText(status, entries.length ? tr.plural('log.count', entries.length) : tr.t('log.empty'));
      },
      (error: unknown) => setText(status, messageOf(error)),
    );
  };
  filters.addEventListener('change', load);
  load();
  return view;
}

function entryItem(api: MonitorApi, entry: AlertEntryView, tr: Translator, reload: () => void): HTMLElement {
  const { alert } = entry;
  const { title, message } = alertWords(alert, tr);
  const item = el('li', { class: `alert-entry severity-${alert.severity}` });
  const heading = el('p', { class: 'alert-title' });
  heading.append(
    el('span', { class: 'severity' }, tr.t(`severity.${alert.severity}`)),
    ` ${tr.time(alert.at)} · ${title}`,
  );
  item.append(heading, el('p', {}, message), el('p', { class: 'hint' }, deliveryLine(entry.deliveries, tr)));
  if (entry.acknowledgedAt !== null)
    item.append(
      el('p', { class: 'hint' }, tr.t('log.acknowledgedAt', { time: tr.time(entry.acknowledgedAt) })),
    );
  else
    item.append(
      button(tr.t('log.acknowledge', { title }), () => {
        api.acknowledgeAlert(alert.id).then(reload, () => reload());
      }),
    );
  return item;
}
