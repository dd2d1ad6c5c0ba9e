/**
 * The top of the popover: language, theme and settings controls, the total across rooms, the
 * banners, and the filter, sort and change-window controls. Built once; a language change rewrites its words in
 * place so that focus stays on the control that changed it.
 */
import { CHANGE_WINDOWS, type ChangeWindow } from '../../main/contract/monitor-api';
import { button, el, setText } from '../dom';
import { type LanguageChoice, LOCALES, type Locale, type Translator } from '../i18n/translator';
import type { Preferences, ThemeChoice } from './preferences';
import type { SortKey } from './room-order';
import { type Total, totalLine } from './summary';

/** The total is spoken at most this often: a screen reader should not narrate every poll. */
const SPEAK_EVERY_MS = 60_000;

/** What the toolbar's controls ask of the popover. */
export interface ToolbarActions {
  setLanguage(choice: LanguageChoice): void;
  setTheme(choice: ThemeChoice): void;
  setSort(sort: SortKey): void;
  /** The window of each row's second change, which "by change" also sorts by. */
  setChangeWindow(changeWindow: ChangeWindow): void;
  setQuery(query: string): void;
  /** Opens the settings, or goes back to the rooms from them. */
  toggleSettings(): void;
  /** Opens the alert log, or goes back to the rooms from it. */
  toggleAlerts(): void;
}

/** Each language named in itself, so it can be found whatever language the UI shows. */
const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '中文' };
const THEMES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
const SORTS: readonly SortKey[] = ['count', 'change', 'name'];

/** The popover's header and filter bar; see the file's comment. */
export class Toolbar {
  readonly element = el('header', { class: 'top' });
  /** Rooms area controls, hidden while settings are shown. */
  readonly filters = el('div', { class: 'filters' });
  readonly query = el('input', {
    type: 'search',
    id: 'room-query',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  private readonly language = el('select', { class: 'language' });
  private readonly theme = el('select', { class: 'theme' });
  private readonly sort = el('select', { id: 'room-sort' });
  private readonly changeWindow = el('select', { id: 'room-window' });
  private readonly settings: HTMLButtonElement;
  private readonly alerts: HTMLButtonElement;
  private readonly total = el('h1', { class: 'total' });
  private readonly sub = el('p', { class: 'sub' });
  private readonly banners = el('div', { class: 'banners' });
  private readonly queryLabel = el('label', { for: 'room-query', class: 'sr-only' });
  private readonly sortLabel = el('label', { for: 'room-sort' });
  // Hidden from sight for want of room, as the filter's label is; the options say the spans.
  private readonly windowLabel = el('label', { for: 'room-window', class: 'sr-only' });
  /** The one live region: the total, announced now and then, never each count change. */
  private readonly live = el('p', { class: 'sr-only', role: 'status' });
  private spokenAt = Number.NEGATIVE_INFINITY;

  constructor(actions: ToolbarActions) {
    this.settings = button('', () => actions.toggleSettings(), { class: 'to-settings' });
    this.alerts = button('', () => actions.toggleAlerts(), { class: 'to-alerts' });
    const controls = el('div', { class: 'controls' });
    controls.append(this.language, this.theme, this.alerts, this.settings);
    this.element.append(controls, this.total, this.sub, this.banners, this.live);
    // The order's controls stay together: in a narrow popover they move under the filter as one.
    const order = el('div', { class: 'list-order' });
    order.append(this.sortLabel, this.sort, this.windowLabel, this.changeWindow);
    this.filters.append(this.queryLabel, this.query, order);
    this.language.addEventListener('change', () =>
      actions.setLanguage(this.language.value as LanguageChoice),
    );
    this.theme.addEventListener('change', () => actions.setTheme(this.theme.value as ThemeChoice));
    this.sort.addEventListener('change', () => actions.setSort(this.sort.value as SortKey));
    this.changeWindow.addEventListener('change', () =>
      actions.setChangeWindow(this.changeWindow.value as ChangeWindow),
    );
    this.query.addEventListener('input', () => actions.setQuery(this.query.value));
  }

  /** Writes every word of the toolbar in the UI's language. */
  translate(
    tr: Translator,
    preferences: Preferences,
    view: { demo: boolean; settings: boolean; alerts?: boolean; systemLocale: Locale },
  ): void {
    fillSelect(
      this.language,
      [
        ['system', tr.t('control.language.system', { language: LANGUAGE_NAMES[view.systemLocale] })],
        ...LOCALES.map((locale): [string, string] => [locale, LANGUAGE_NAMES[locale]]),
      ],
      preferences.language,
    );
    this.language.setAttribute('aria-label', tr.t('control.language'));
    this.language.title = tr.t('control.language');
    fillSelect(
      this.theme,
      THEMES.map((theme): [string, string] => [theme, tr.t(`control.theme.${theme}`)]),
      preferences.theme,
    );
    this.theme.setAttribute('aria-label', tr.t('control.theme'));
    this.theme.title = tr.t('control.theme');
    fillSelect(
      this.sort,
      SORTS.map((sort): [string, string] => [sort, tr.t(`sort.${sort}`)]),
      preferences.sort,
    );
    setText(this.sortLabel, tr.t('control.sort'));
    fillSelect(
      this.changeWindow,
      CHANGE_WINDOWS.map((window): [string, string] => [
        window,
        tr.t('control.window.option', { window: tr.t(`window.${window}`) }),
      ]),
      preferences.changeWindow,
    );
    setText(this.windowLabel, tr.t('control.window'));
    this.changeWindow.title = tr.t('control.window');
    setText(
      this.settings,
      tr.t(view.settings ? 'settings.back' : view.demo ? 'control.addApp' : 'control.settings'),
    );
    setText(this.alerts, tr.t(view.alerts ? 'settings.back' : 'control.alerts'));
    setText(this.queryLabel, tr.t('control.filter'));
    this.query.placeholder = tr.t('control.filter.placeholder');
  }

  /**
   * The total across rooms (a dash while there is none) and the line under it. The live region
   * repeats the total (or what the filter shows) when `speakNow`, else at most once a minute.
   */
  showTotal(all: Total | null, shown: Total | null, tr: Translator, speakNow = false): void {
    if (!all || all.rooms === 0) {
      setText(this.total, tr.t('total.online', { count: '—' }));
      setText(this.sub, '');
      return;
    }
    setText(this.total, tr.t('total.online', { count: all.online }));
    setText(this.sub, totalLine(all, shown, tr));
    const now = performance.now();
    if (!speakNow && now - this.spokenAt < SPEAK_EVERY_MS) return;
    this.spokenAt = now;
    const spoken = shown ?? all;
    this.announce(tr.t('total.announce', { count: spoken.online, rooms: tr.plural('rooms', spoken.rooms) }));
  }

  announce(text: string): void {
    setText(this.live, text);
  }

  showBanners(lines: Array<{ text: string; tone: 'info' | 'warn' }>): void {
    const current = [...this.banners.children].map((node) => `${node.className}|${node.textContent}`);
    if (current.join('\n') === lines.map((line) => `banner ${line.tone}|${line.text}`).join('\n')) return;
    this.banners.replaceChildren(
      ...lines.map((line) => el('p', { class: `banner ${line.tone}` }, line.text)),
    );
  }
}

function fillSelect(select: HTMLSelectElement, options: Array<[string, string]>, value: string): void {
  if (select.options.length !== options.length)
    select.replaceChildren(...options.map(([key, label]) => new Option(label, key)));
  options.forEach(([key, label], index) => {
    const option = select.options[index] as HTMLOptionElement;
    option.value = key;
    setText(option, label);
  });
  select.value = value;
}
