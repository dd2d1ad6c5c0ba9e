/**
 * The top of the popover, fixed above the list: the total across rooms beside the alert log and
 * settings buttons, the line under it, the banners, and the filter, sort and change-window
 * controls. Language and theme live in the settings, so that at popover size the header stays
 * short. Built once; a language change rewrites its words in place so that focus stays put.
 */
import {
  CHANGE_WINDOWS,
  type ChangeWindow,
  type MonitorSummary,
  type RoomState,
} from '../../main/contract/monitor-api';
import { button, el, setAttr, setText } from '../dom';
import type { Translator } from '../i18n/translator';
import type { WideView } from './preferences';
import type { SortKey } from './room-order';
import { StateChips } from './state-chips';
import { filteredLine, type Total } from './summary';

/** The total is spoken at most this often: a screen reader should not narrate every poll. */
const SPEAK_EVERY_MS = 60_000;

/** What the toolbar's controls ask of the popover. */
export interface ToolbarActions {
  setSort(sort: SortKey): void;
  /** The window of each row's second change, which "by change" also sorts by. */
  setChangeWindow(changeWindow: ChangeWindow): void;
  setQuery(query: string): void;
  /** Opens the settings, or goes back to the rooms from them. */
  toggleSettings(): void;
  /** Opens the alert log, or goes back to the rooms from it. */
  toggleAlerts(): void;
  /** Down from the filter: to the list's current room. */
  enterList(): void;
  /** Shows only the rooms in this state (null: every state). */
  setStateFilter(state: RoomState | null): void;
  /** In a wide window: the table or the wall. */
  setWideView(view: WideView): void;
}

const SORTS: readonly SortKey[] = ['attention', 'count', 'change', 'name'];

/**
 * From this width the filter field has room for its full hint beside the sort and the change
 * window; narrower (the popover), it says one word and keeps the hint in its tooltip.
 */
const FULL_HINT_QUERY = '(min-width: 600px)';
/** Stands for the total's number in its sentence, to find where the number goes. */
const COUNT_MARK = '\u{E000}';

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
  private readonly sort = el('select', { id: 'room-sort' });
  private readonly changeWindow = el('select', { id: 'room-window' });
  private readonly settings: HTMLButtonElement;
  private readonly alerts: HTMLButtonElement;
  private readonly total = el('h1', { class: 'total' });
  /** The total's number, large, and the words around it ("online", "人在线"), smaller. */
  private readonly totalParts = {
    before: el('span', { class: 'total-words' }),
    count: el('span', { class: 'total-count' }),
    after: el('span', { class: 'total-words' }),
  };
  private readonly chips: StateChips;
  /** Table or wall, shown from 900 px (the stylesheet hides it below). */
  private readonly views = el('div', { class: 'view-switch', role: 'group' });
  private readonly viewButtons: Record<WideView, HTMLButtonElement>;
  private readonly banners = el('div', { class: 'banners' });
  /** Shows the banners past the first, or only the first again (below 900 px). */
  private readonly moreBanners: HTMLButtonElement;
  private bannersOpen = false;
  /** The banners past the first, hidden below 900 px until opened. */
  private moreBannerCount = 0;
  private bannersKey = '';
  private readonly queryLabel = el('label', { for: 'room-query', class: 'sr-only' });
  // Hidden from sight for want of room; the options say what they sort by.
  private readonly sortLabel = el('label', { for: 'room-sort', class: 'sr-only' });
  // Hidden from sight for want of room, as the filter's label is; the options say the spans.
  private readonly windowLabel = el('label', { for: 'room-window', class: 'sr-only' });
  /** The one live region: the total, announced now and then, never each count change. */
  private readonly live = el('p', { class: 'sr-only', role: 'status' });
  private spokenAt = Number.NEGATIVE_INFINITY;
  private readonly fullHint = window.matchMedia(FULL_HINT_QUERY);
  private tr: Translator | null = null;

  constructor(actions: ToolbarActions) {
    this.settings = button('', () => actions.toggleSettings(), { class: 'to-settings' });
    this.alerts = button('', () => actions.toggleAlerts(), { class: 'to-alerts' });
    this.chips = new StateChips((state) => actions.setStateFilter(state));
    this.moreBanners = button(
      '',
      () => {
        this.bannersOpen = !this.bannersOpen;
        if (this.tr) this.showBannersOpen(this.tr);
      },
      { class: 'banner-more' },
    );
    const controls = el('div', { class: 'controls' });
    controls.append(this.alerts, this.settings);
    const headline = el('div', { class: 'headline' });
    this.total.append(this.totalParts.before, this.totalParts.count, this.totalParts.after);
    headline.append(this.total, controls);
    this.element.append(headline, this.chips.element, this.banners, this.live);
    // The order's controls stay together: in a narrow popover they move under the filter as one.
    const order = el('div', { class: 'list-order' });
    order.append(this.sortLabel, this.sort, this.windowLabel, this.changeWindow);
    this.viewButtons = {
      table: button('', () => actions.setWideView('table'), { 'data-view': 'table' }),
      wall: button('', () => actions.setWideView('wall'), { 'data-view': 'wall' }),
    };
    this.views.append(this.viewButtons.table, this.viewButtons.wall);
    this.filters.append(this.queryLabel, this.query, order, this.views);
    this.sort.addEventListener('change', () => actions.setSort(this.sort.value as SortKey));
    this.changeWindow.addEventListener('change', () =>
      actions.setChangeWindow(this.changeWindow.value as ChangeWindow),
    );
    this.query.addEventListener('input', () => actions.setQuery(this.query.value));
    this.fullHint.addEventListener('change', () => this.hint());
    this.query.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowDown') return;
      event.preventDefault();
      actions.enterList();
    });
  }

  /** Writes every word of the toolbar in the UI's language. */
  translate(
    tr: Translator,
    sort: SortKey,
    changeWindow: ChangeWindow,
    view: { demo: boolean; settings: boolean; alerts?: boolean },
  ): void {
    fillSelect(
      this.sort,
      SORTS.map((key): [string, string] => [key, tr.t(`sort.${key}`)]),
      sort,
    );
    setText(this.sortLabel, tr.t('control.sort'));
    this.sort.title = tr.t('control.sort');
    fillSelect(
      this.changeWindow,
      CHANGE_WINDOWS.map((window): [string, string] => [
        window,
        tr.t('control.window.option', { window: tr.t(`window.${window}`) }),
      ]),
      changeWindow,
    );
    setText(this.windowLabel, tr.t('control.window'));
    this.changeWindow.title = tr.t('control.window');
    // Away from the rooms, the button that led there leads back, in few words: the total beside it keeps its room.
    backOr(this.settings, view.settings, tr.t(view.demo ? 'control.addApp' : 'control.settings'), tr);
    backOr(this.alerts, view.alerts === true, tr.t('control.alerts'), tr);
    setText(this.queryLabel, tr.t('control.filter'));
    this.tr = tr;
    this.hint();
  }

  /** The filter's hint: whole where it fits, else one word with the whole hint as its tooltip. */
  private hint(): void {
    if (!this.tr) return;
    const whole = this.tr.t('control.filter.placeholder');
    this.query.placeholder = this.fullHint.matches ? whole : this.tr.t('control.filter.short');
    this.query.title = whole;
  }

  /**
   * The engine's total of current counts (a dash while there is none), the rooms by state beside
   * it, and what a filter leaves. The live region repeats the total (or what the filter shows)
   * when `speakNow`, else at most once a minute.
   */
  showTotal(
    summary: MonitorSummary | null,
    shown: Total | null,
    chosen: RoomState | null,
    tr: Translator,
    speakNow = false,
  ): void {
    this.total.title = tr.t('total.title');
    if (!summary || summary.rooms === 0) {
      this.showTotalCount('—', tr);
      this.chips.show(null, chosen, '', tr);
      return;
    }
    this.showTotalCount(summary.online, tr);
    this.chips.show(summary, chosen, shown ? filteredLine(shown, tr) : '', tr);
    const now = performance.now();
    if (!speakNow && now - this.spokenAt < SPEAK_EVERY_MS) return;
    this.spokenAt = now;
    const spoken = shown ?? { online: summary.online, rooms: summary.rooms };
    this.announce(tr.t('total.announce', { count: spoken.online, rooms: tr.plural('rooms', spoken.rooms) }));
  }

  /** "45,791,112 online" with the number apart, so that the words can be smaller than it. */
  private showTotalCount(count: number | string, tr: Translator): void {
    const [before = '', after = ''] = tr.t('total.online', { count: COUNT_MARK }).split(COUNT_MARK);
    setText(this.totalParts.before, before);
    setText(this.totalParts.count, typeof count === 'number' ? tr.count(count) : count);
    setText(this.totalParts.after, after);
  }

  /** Marks the wide view in use. */
  showWideView(view: WideView, tr: Translator): void {
    this.views.setAttribute('aria-label', tr.t('views.label'));
    for (const key of ['table', 'wall'] as const) {
      setText(this.viewButtons[key], tr.t(`views.${key}`));
      setAttr(this.viewButtons[key], 'aria-pressed', String(key === view));
    }
  }

  announce(text: string): void {
    setText(this.live, text);
  }

  /**
   * The banners, warnings first. Below 900 px only the first shows until asked (a button "+N more"
   * beside it), so that the header stays within 160 px at 400×600 however many there are; wider, all.
   */
  showBanners(lines: Array<{ text: string; tone: 'info' | 'warn' }>, tr: Translator): void {
    const ordered = [
      ...lines.filter((line) => line.tone === 'warn'),
      ...lines.filter((line) => line.tone !== 'warn'),
    ];
    const key = [tr.locale, ...ordered.map((line) => `${line.tone}|${line.text}`)].join('\n');
    if (key === this.bannersKey) return;
    this.bannersKey = key;
    const more = ordered.length - 1;
    this.moreBannerCount = more;
    if (more < 1) this.bannersOpen = false;
    this.banners.replaceChildren(
      ...ordered.map((line, index) =>
        el('p', { class: `banner ${line.tone}${index > 0 ? ' extra' : ''}`, title: line.text }, line.text),
      ),
    );
    if (more > 0) this.banners.append(this.moreBanners);
    this.showBannersOpen(tr);
  }

  private showBannersOpen(tr: Translator): void {
    const more = this.moreBannerCount;
    this.banners.classList.toggle('open', this.bannersOpen);
    setAttr(this.moreBanners, 'aria-expanded', String(this.bannersOpen));
    setText(this.moreBanners, this.bannersOpen ? tr.t('banner.fewer') : tr.t('banner.more', { count: more }));
    setAttr(
      this.moreBanners,
      'aria-label',
      this.bannersOpen ? tr.t('banner.fewer.label') : tr.t('banner.more.label', { total: more + 1 }),
    );
  }
}

/** Names `button` for going back to the rooms while `back`, else with `label`. */
function backOr(button: HTMLButtonElement, back: boolean, label: string, tr: Translator): void {
  setText(button, back ? tr.t('control.back.short') : label);
  setAttr(button, 'aria-label', back ? tr.t('settings.back') : null);
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
