/**
 * The room view's sections below the chart: the stream sessions, snoozing the room's alerts, and
 * the exports. Each owns its heading and words and is rewritten in place on a language change.
 */
import type { ChartRange, MonitorApi, SnoozeChoice } from '../../main/contract/monitor-api';
import { alertWords } from '../alerts/alert-words';
import { button, el, setText } from '../dom';
import type { ViewTranslator } from '../i18n/view-words';
import { exportFileName } from './chart-series';
import { saveBlob } from './download';
import { type RoomSessions, roomSessions } from './room-sessions';

const SNOOZES: readonly SnoozeChoice[] = ['15m', '1h', '4h', 'tomorrow-morning'];
const WEEK_MS = 7 * 24 * 3_600_000;

/** Why something failed, in the words the engine or the browser gave. */
export const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The running stream session and the summaries of the past week's, from the room's session notices. */
export class SessionsSection {
  readonly element = el('div', { class: 'sessions' });
  private readonly title = el('h3');
  private readonly body = el('div');
  private sessions: RoomSessions | null = null;

  constructor(api: Pick<MonitorApi, 'listAlerts'>, key: string, tr: () => ViewTranslator) {
    this.element.append(this.title, this.body);
    this.translate(tr());
    api.listAlerts({ key, sinceMs: Date.now() - WEEK_MS, limit: 1000 }).then(
      (alerts) => {
        this.sessions = roomSessions(alerts);
        this.showSessions(tr());
      },
      (error: unknown) =>
        this.body.replaceChildren(el('p', {}, tr().t('chart.failed', { reason: reasonOf(error) }))),
    );
  }

  translate(tr: ViewTranslator): void {
    setText(this.title, tr.t('sessions.heading'));
    if (this.sessions) this.showSessions(tr);
  }

  private showSessions(tr: ViewTranslator): void {
    const { current, past } = this.sessions ?? { current: null, past: [] };
    const nodes: HTMLElement[] = [];
    if (current) {
      const { message } = alertWords(current, tr, { inRoom: true });
      const text = tr.t('sessions.current', { time: tr.time(current.at), message });
      nodes.push(el('p', { class: 'session-current' }, text));
    }
    if (past.length > 0) {
      const list = el('ul', { class: 'session-list' });
      for (const alert of past) {
        const values = { time: tr.time(alert.at), ...alertWords(alert, tr, { inRoom: true }) };
        list.append(el('li', {}, tr.t('sessions.item', values)));
      }
      nodes.push(list);
    }
    if (nodes.length === 0) nodes.push(el('p', { class: 'none' }, tr.t('sessions.none')));
    this.body.replaceChildren(...nodes);
  }
}

/** Snoozing the room's alerts for a while, and ending a snooze early. */
export class SnoozeSection {
  readonly element = el('div', { class: 'snooze' });
  private readonly title = el('h3');
  private readonly bar = el('div', { class: 'action-bar' });
  private readonly status = el('p', { class: 'action-status', role: 'status' });
  private until: number | null | undefined;

  constructor(
    private readonly api: Pick<MonitorApi, 'snooze' | 'unsnooze'>,
    private readonly key: string,
    private readonly tr: () => ViewTranslator,
  ) {
    this.element.append(this.title, this.bar, this.status);
  }

  /** Shows the snooze as the engine last pushed it (null: none); `force` rewrites the words. */
  show(until: number | null, force = false): void {
    if (until === this.until && !force) return;
    const before = this.until;
    this.until = until;
    const tr = this.tr();
    setText(this.title, tr.t('snooze.heading'));
    const target = { kind: 'room' as const, key: this.key };
    const failed = (error: unknown) =>
      setText(this.status, tr.t('snooze.failed', { reason: reasonOf(error) }));
    const buttons = SNOOZES.map((choice) =>
      button(tr.t(`snooze.${choice}`), () => void this.api.snooze(target, choice).catch(failed), {
        'data-snooze': choice,
      }),
    );
    if (until !== null)
      buttons.push(
        button(tr.t('snooze.off'), () => void this.api.unsnooze(target).catch(failed), { class: 'unsnooze' }),
      );
    // Rebuilt only when the snooze starts or ends or the language changes; focus stays on the same choice.
    if (force || (before === null) !== (until === null)) {
      const focused = (document.activeElement as HTMLElement | null)?.dataset?.snooze;
      this.bar.replaceChildren(...buttons);
      if (focused) this.bar.querySelector<HTMLElement>(`[data-snooze="${focused}"]`)?.focus();
    }
    setText(this.status, until === null ? '' : tr.t('snooze.until', { time: tr.time(until) }));
  }
}

/** The room's history as CSV, and the chart as PNG, saved as downloads. */
export class ExportSection {
  readonly element = el('div', { class: 'exports' });
  private readonly title = el('h3');
  private readonly bar = el('div', { class: 'action-bar' });
  private readonly status = el('p', { class: 'action-status', role: 'status' });

  constructor(
    private readonly api: Pick<MonitorApi, 'exportCsv'>,
    private readonly room: { key: string; name(): string; range(): ChartRange; png(): Promise<Blob | null> },
    private readonly tr: () => ViewTranslator,
  ) {
    this.element.append(this.title, this.bar, this.status);
    this.translate(tr());
  }

  translate(tr: ViewTranslator): void {
    setText(this.title, tr.t('export.heading'));
    this.bar.replaceChildren(
      button(tr.t('export.csv'), () => void this.save('csv'), { class: 'export-csv' }),
      button(tr.t('export.png'), () => void this.save('png'), { class: 'export-png' }),
    );
  }

  private async save(kind: 'csv' | 'png'): Promise<void> {
    const tr = this.tr();
    try {
      const blob =
        kind === 'csv'
          ? new Blob([await this.api.exportCsv(this.room.key, this.room.range())], {
              type: 'text/csv;charset=utf-8',
            })
          : await this.room.png();
      if (!blob) throw new Error(tr.t('chart.loading'));
      const name = exportFileName(this.room.name(), this.room.range(), new Date(), kind);
      saveBlob(blob, name);
      setText(this.status, tr.t('export.saved', { name }));
    } catch (error) {
      setText(this.status, tr.t('export.failed', { reason: reasonOf(error) }));
    }
  }
}
