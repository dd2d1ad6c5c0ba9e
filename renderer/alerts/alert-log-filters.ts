/**
 * The alert log's filters, behind one button so that at popover size the alerts get the screen:
 * a room search field (thousands of rooms do not fit a select), the rule, the severity, and
 * whether to show only alerts nobody acknowledged yet.
 */
import { ALERT_RULES } from '../../main/common/alert-rules';
import type { AlertEntryQuery, AlertRule, Severity } from '../../main/contract/monitor-api';
import { button, el, setText } from '../dom';
import { checkbox, field } from '../form-field';
import type { ViewTranslator } from '../i18n/view-words';

const SEVERITIES: readonly Severity[] = ['critical', 'warning', 'info'];

/** A room the log can be filtered by. */
export interface LogRoom {
  key: string;
  label: string;
  groupId?: string;
}

/**
 * The keys of the rooms a search text names: every room whose label or id contains it (ignoring
 * case), or null for an empty search (any room). Pure.
 */
export function roomsMatching(rooms: readonly LogRoom[], text: string): Set<string> | null {
  const needle = text.trim().toLocaleLowerCase();
  if (!needle) return null;
  const keys = new Set<string>();
  for (const room of rooms)
    if (
      room.label.toLocaleLowerCase().includes(needle) ||
      (room.groupId ?? room.key).toLocaleLowerCase().includes(needle)
    )
      keys.add(room.key);
  return keys;
}

/** The filters' state as the log asks the engine, plus the rooms a search names. */
export interface LogFilter {
  query: AlertEntryQuery;
  /** The rooms the search names when it names more than one (the log keeps their alerts), else null. */
  rooms: Set<string> | null;
}

/** The "Filters" button and the panel it opens. */
export class AlertLogFilters {
  readonly toggle: HTMLButtonElement;
  readonly panel = el('form', { class: 'alert-filters', id: 'alert-filters', novalidate: '', hidden: '' });
  private readonly room: HTMLInputElement;
  private readonly rule: HTMLSelectElement;
  private readonly severity: HTMLSelectElement;
  private readonly open: HTMLInputElement;
  private timer = 0;

  constructor(
    private readonly rooms: readonly LogRoom[],
    private readonly tr: ViewTranslator,
    changed: () => void,
  ) {
    this.toggle = button('', () => this.setOpen(this.panel.hidden), {
      class: 'filters-toggle',
      'aria-expanded': 'false',
      'aria-controls': 'alert-filters',
    });
    const grid = el('div', { class: 'alert-filter-grid' });
    this.panel.append(grid);
    const names = el('datalist', { id: 'af-room-names' });
    // A few hundred names are enough to pick from; past that the field matches what is typed.
    for (const room of rooms.slice(0, 500)) names.append(new Option(room.label));
    this.room = field(
      grid,
      'af-room',
      tr.t('log.room'),
      el('input', {
        type: 'search',
        list: 'af-room-names',
        autocomplete: 'off',
        spellcheck: 'false',
        placeholder: tr.t('log.room.placeholder'),
      }),
    ).input;
    grid.append(names);
    this.rule = field(grid, 'af-rule', tr.t('log.rule'), el('select')).input;
    this.rule.append(new Option(tr.t('log.any'), ''));
    for (const r of ALERT_RULES) this.rule.append(new Option(tr.t(`rule.${r}`), r));
    this.severity = field(grid, 'af-severity', tr.t('log.severity'), el('select')).input;
    this.severity.append(new Option(tr.t('log.any'), ''));
    for (const s of SEVERITIES) this.severity.append(new Option(tr.t(`severity.${s}`), s));
    this.open = checkbox(this.panel, 'af-open', tr.t('log.unacknowledged'), false);
    this.panel.addEventListener('submit', (event) => event.preventDefault());
    this.panel.addEventListener('change', () => {
      this.label();
      changed();
    });
    // The search applies once typing pauses, not at every key.
    this.room.addEventListener('input', () => {
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(() => {
        this.label();
        changed();
      }, 300);
    });
    this.label();
  }

  /** What to ask the engine for, and which rooms to keep of its answer. */
  filter(limit: number): LogFilter {
    const named = roomsMatching(this.rooms, this.room.value);
    const only = named?.size === 1 ? [...named][0] : undefined;
    return {
      query: {
        ...(only ? { key: only } : {}),
        ...(this.rule.value ? { rule: this.rule.value as AlertRule } : {}),
        ...(this.severity.value ? { severity: this.severity.value as Severity } : {}),
        ...(this.open.checked ? { unacknowledged: true } : {}),
        limit,
      },
      rooms: named && named.size !== 1 ? named : null,
    };
  }

  /** How many filters are set. */
  active(): number {
    return [this.room.value.trim(), this.rule.value, this.severity.value, this.open.checked].filter(Boolean)
      .length;
  }

  private setOpen(open: boolean): void {
    this.panel.hidden = !open;
    this.toggle.setAttribute('aria-expanded', String(open));
    if (open) this.room.focus();
  }

  private label(): void {
    const count = this.active();
    setText(this.toggle, count ? this.tr.t('log.filters.some', { count }) : this.tr.t('log.filters.button'));
  }
}
