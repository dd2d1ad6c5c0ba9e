/**
 * The alert log: newest first, one line per alert (severity, time, the alert in words, and a short
 * Acknowledge whose accessible name says the whole alert), each line opening to what the alert
 * said and what became of it ("delivered to desktop (held: …), webhook ops: sent"). The filters
 * wait behind one button, so at popover size the alerts fill the screen.
 */
import type { AlertEntryView, MonitorApi } from '../../main/contract/monitor-api';
import { button, el, setText } from '../dom';
import { messageOf } from '../form-field';
import type { ViewTranslator } from '../i18n/view-words';
import { AlertLogFilters, type LogRoom } from './alert-log-filters';
import { alertWords } from './alert-words';
import { deliveryLine } from './delivery-line';

/** How many alerts the log asks for at once. */
const LIMIT = 200;

/** The alert log view; `rooms` are what the room search finds, `done` goes back to the rooms. */
export function alertLogView(
  api: MonitorApi,
  rooms: readonly LogRoom[],
  tr: ViewTranslator,
  done: () => void,
): HTMLElement {
  const view = el('section', { class: 'alert-log', 'aria-labelledby': 'h-alerts' });
  const list = el('ol', { class: 'alert-entries', 'aria-labelledby': 'h-alerts' });
  const status = el('p', { class: 'log-status', role: 'status' });
  const load = () => {
    setText(status, tr.t('log.loading'));
    const { query, rooms: named } = filters.filter(LIMIT);
    if (named?.size === 0) {
      list.replaceChildren();
      setText(status, tr.t('log.noRoom'));
      return;
    }
    api.listAlertEntries(query).then(
      (all) => {
        const entries = named ? all.filter((entry) => named.has(entry.alert.roomKey ?? '')) : all;
        list.replaceChildren(...entries.map((entry) => entryItem(api, entry, tr, load)));
        setText(status, entries.length ? tr.plural('log.count', entries.length) : tr.t('log.empty'));
      },
      (error: unknown) => setText(status, messageOf(error)),
    );
  };
  const filters = new AlertLogFilters(rooms, tr, load);
  const head = el('div', { class: 'log-head' });
  head.append(el('h2', { id: 'h-alerts' }, tr.t('log.heading')), status, filters.toggle);
  view.append(head, filters.panel, list, button(tr.t('settings.back'), done, { class: 'back' }));
  load();
  return view;
}

let nextEntry = 0;

/** One alert: its line, and what it said and where it went once opened. */
function entryItem(
  api: MonitorApi,
  entry: AlertEntryView,
  tr: ViewTranslator,
  reload: () => void,
): HTMLElement {
  const { alert } = entry;
  const { title, message } = alertWords(alert, tr);
  const id = `alert-more-${++nextEntry}`;
  const item = el('li', { class: `alert-entry severity-${alert.severity}` });
  const line = el('div', { class: 'alert-line' });
  const more = el('div', { class: 'alert-more', id, hidden: '' });
  const opener = el('button', {
    type: 'button',
    class: 'alert-open',
    'aria-expanded': 'false',
    'aria-controls': id,
    title,
  });
  opener.append(
    el('span', { class: 'severity' }, tr.t(`severity.${alert.severity}`)),
    el('time', { class: 'alert-time', datetime: new Date(alert.at).toISOString() }, tr.time(alert.at)),
    el('span', { class: 'alert-title' }, title),
  );
  opener.addEventListener('click', () => {
    more.hidden = !more.hidden;
    opener.setAttribute('aria-expanded', String(!more.hidden));
  });
  line.append(opener);
  more.append(el('p', {}, message), el('p', { class: 'hint' }, deliveryLine(entry.deliveries, tr)));
  if (entry.acknowledgedAt !== null) {
    const seen = tr.t('log.acknowledgedAt', { time: tr.time(entry.acknowledgedAt) });
    line.append(el('span', { class: 'acked', title: seen, 'aria-label': seen }, '✓'));
    more.append(el('p', { class: 'hint' }, seen));
  } else
    line.append(
      button(
        tr.t('log.acknowledge.short'),
        () => {
          api.acknowledgeAlert(alert.id).then(reload, () => reload());
        },
        { class: 'acknowledge', 'aria-label': tr.t('log.acknowledge', { title }) },
      ),
    );
  item.append(line, more);
  return item;
}
