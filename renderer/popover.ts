/**
 * The popover: the total, the room list kept current by the pushes, and the settings. Pushed rooms
 * update their rows in place; the order is re-applied at the pace of {@link ArrangePace}.
 */
import type {
  MonitorApi,
  MonitorPush,
  MonitorSnapshot,
  MonitorSummary,
  RoomState,
} from '../main/contract/monitor-api';
import { FIRING_LOOKBACK_MS, FiringRooms } from './alerts/firing-rooms';
import { el } from './dom';
import { localeFor, type Translator, translator } from './i18n/translator';
import type { RoomDetail } from './room-view/room-detail';
import { ArrangePace } from './rooms/arrange-pace';
import { panelStateFor } from './rooms/panel-state';
import { type Preferences, readPreferences, sortFor, writePreferences } from './rooms/preferences';
import { RoomList } from './rooms/room-list';
import { type ArrangeOptions, type ListEntry, nameOrderOf, type SortKey } from './rooms/room-order';
import { describeTile } from './rooms/room-rows';
import { RoomStore } from './rooms/room-store';
import { SnapshotLoader } from './rooms/snapshot-loader';
import { SortedRooms } from './rooms/sorted-rooms';
import { SparklineFeed } from './rooms/sparkline-feed';
import { StatusPanel } from './rooms/status-panel';
import { bannerLines, type Total, totalOf } from './rooms/summary';
import { Toolbar } from './rooms/toolbar';
import { type WideView, WideViews } from './rooms/wide-views';
import { loadedViews, loadViews, type Views } from './views-loader';

type Meta = Pick<MonitorSnapshot, 'demo' | 'paused' | 'notices' | 'regions'>;

/** Starts the popover in `root`; returns the function that stops it. */
export function startPopover(api: MonitorApi, root: HTMLElement): () => void {
  const popover = new Popover(api, root);
  return () => popover.stop();
}

class Popover {
  private readonly storage = pageStorage();
  private preferences: Preferences = readPreferences(this.storage);
  private tr: Translator = translator(localeFor(this.preferences.language, navigator.languages));
  private readonly store = new RoomStore(() => performance.now());
  private meta: Meta | null = null;
  /** The engine's totals and counts by state: the page shows them, it never adds rooms up itself. */
  private summary: MonitorSummary | null = null;
  /** The state chip pressed, if any: the list shows only rooms in that state. */
  private stateFilter: RoomState | null = null;
  private readonly firing = new FiringRooms();
  private entries: ListEntry[] = [];
  /** The rooms in order as last arranged, so that a push re-places only the rooms it changed. */
  private readonly sorted = new SortedRooms();
  /** The rooms' name order, and the names and language it was made for. */
  private names: { version: string; order: ReadonlyMap<string, number> } | null = null;
  private query = '';
  private view: 'rooms' | 'settings' | 'alerts' = 'rooms';
  /** Whether language and theme are kept in the app's settings file (the tray app), not only in this page. */
  private lookInSettings = false;
  private readonly timers = { speak: 0, tick: 0 };
  private readonly pace = new ArrangePace(() => this.arrange(), {
    now: () => performance.now(),
    setTimeout: (callback, ms) => window.setTimeout(callback, ms),
    clearTimeout: (handle) => window.clearTimeout(handle),
    requestFrame: (callback) => requestAnimationFrame(callback),
    cancelFrame: (handle) => cancelAnimationFrame(handle),
    hidden: () => document.visibilityState === 'hidden',
  });
  private readonly unsubscribe: () => void;
  private readonly loader: SnapshotLoader;
  private readonly toolbar = new Toolbar({
    setSort: (sort) => this.choose({ sort }),
    setChangeWindow: (changeWindow) => this.choose({ changeWindow }),
    setQuery: (query) => this.setQuery(query),
    toggleSettings: () => this.show(this.view === 'settings' ? 'rooms' : 'settings'),
    toggleAlerts: () => this.show(this.view === 'alerts' ? 'rooms' : 'alerts'),
    enterList: () => (this.wide.showing ? this.wide.focusCurrent() : this.list.focusCurrent()),
    setWideView: (wideView) => this.choose({ wideView }),
    setStateFilter: (state) => this.setStateFilter(state),
  });
  private readonly sparks = new SparklineFeed(
    { getSparklines: (keys) => this.api.getSparklines(keys) },
    (keys) => {
      this.list.drawSparks(keys);
      this.wide.table.drawSparks(keys);
    },
  );
  private readonly list = new RoomList(
    this.store.source(
      () => this.tr,
      () => this.preferences.changeWindow,
    ),
    {
      togglePin: (key) => this.togglePin(key),
      retry: (key) => void this.api.retryRoom(key),
      open: (key) => this.openRoom(key),
      shown: (keys) => this.sparks.shown(keys),
    },
    (key) => this.sparks.line(key),
  );
  /** The table or the wall, in a window 900 px wide or more. */
  private readonly wide = new WideViews(
    {
      translator: () => this.tr,
      row: (key) => this.rowSource.row(key),
      tile: (key) => {
        const room = this.store.rooms.get(key);
        return room ? describeTile(room, this.tr) : null;
      },
      room: (key) => this.store.rooms.get(key),
      firing: (key) => this.firing.has(key),
    },
    {
      open: (key) => this.openRoom(key),
      shown: (keys) => this.sparks.shown(keys),
      sort: (sort) => this.choose({ sort }),
    },
    (key) => this.sparks.line(key),
    () => this.arrange(),
  );
  private readonly rowSource = this.store.source(
    () => this.tr,
    () => this.preferences.changeWindow,
  );
  /** The room view, while one room is shown in full. */
  private detail: RoomDetail | null = null;
  /** Counts the views asked for: one whose code (views.js) arrives after another was asked for is not shown. */
  private viewTurn = 0;
  /** Why the views' code did not load, shown as a banner until a view loads. */
  private viewsFailed: string | null = null;
  private readonly detailArea = el('div', { class: 'room-view-area', hidden: '' });
  private readonly panel = new StatusPanel({
    openSettings: () => this.show('settings'),
    clearQuery: () => this.setQuery('', true),
    retryNow: () => this.loader.load(),
  });
  private readonly roomsArea = el('div', { class: 'rooms-area' });
  private readonly settingsArea = el('div', { class: 'settings-area', hidden: '' });

  constructor(
    private readonly api: MonitorApi,
    root: HTMLElement,
  ) {
    this.roomsArea.append(this.list.element, this.wide.element, this.panel.element);
    root.replaceChildren(
      this.toolbar.element,
      this.toolbar.filters,
      this.roomsArea,
      this.detailArea,
      this.settingsArea,
    );
    this.loader = new SnapshotLoader(api, {
      loaded: (snapshot) => this.apply({ type: 'snapshot', snapshot }),
      failed: () => {
        if (this.meta) return;
        this.toolbar.announce(this.tr.t('status.unreachable.title'));
        this.renderArea();
      },
    });
    this.applyLook();
    this.renderArea();
    this.unsubscribe = api.onPush((push) => this.apply(push));
    this.timers.tick = window.setInterval(() => this.tick(), 1000);
    document.addEventListener('keydown', this.onKey);
    this.loader.load();
  }

  /** `/` anywhere but in a text field goes to the filter, as in most tools with a list to search. */
  private readonly onKey = (event: KeyboardEvent): void => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
    event.preventDefault();
    if (this.view !== 'rooms') this.show('rooms');
    else if (this.detail) this.closeRoom(false);
    this.toolbar.query.focus();
    this.toolbar.query.select();
  };

  stop(): void {
    this.unsubscribe();
    document.removeEventListener('keydown', this.onKey);
    this.loader.stop();
    window.clearInterval(this.timers.tick);
    this.pace.stop();
    window.clearTimeout(this.timers.speak);
    this.sparks.stop();
    this.detail?.destroy();
  }

  private apply(push: MonitorPush): void {
    if (push.type === 'snapshot') {
      const { rooms, profiles, summary, ...meta } = push.snapshot;
      const first = this.meta === null;
      this.meta = meta;
      this.summary = summary;
      this.store.replace(rooms, profiles);
      this.applyLook();
      this.arrange();
      // A line or tile kept in its place shows its room as this snapshot has it, not as before it.
      if (!first) {
        this.list.refreshAll();
        this.wide.redrawAll();
      }
      if (first) this.showTotal(true);
      if (first) this.adoptSavedLook();
      // Again at each snapshot (a stream that connects again starts with one): the log read after it
      // holds every alert that fired before, and the stream every one after.
      this.loadFiring();
    } else if (push.type === 'summary') {
      this.summary = push.summary;
      this.showBanners();
      this.showTotal();
    } else if (push.type === 'alert') {
      if (this.firing.take(push.alert)) this.arrangeSoon();
    } else if (push.type === 'rooms') {
      if (this.store.update(push.rooms, this.sort(), this.preferences.changeWindow)) this.arrangeSoon();
      const keys = push.rooms.map((room) => room.key);
      this.list.refresh(keys);
      this.wide.refresh(keys);
      this.pace.pushed();
      // The total and the chips come from the engine's summary, pushed apart: only a filter's own
      // total moves with the rooms.
      if (this.filtering()) this.showTotal();
      if (this.detail && push.rooms.some((room) => room.key === this.detail?.key)) this.detail.roomChanged();
    } else if (push.type === 'rooms-removed') {
      this.store.remove(push.keys);
      if (this.detail && push.keys.includes(this.detail.key)) this.closeRoom(false);
      this.arrange();
    } else if (push.type === 'profiles') {
      this.store.setProfiles(push.profiles);
      this.applyLook();
      this.list.refreshAll();
      this.arrangeSoon();
    } else if (push.type === 'focus') this.focusRoom(push.key);
    else if (push.type === 'show') this.show(push.view);
  }

  /** Re-sorts and re-filters now, and redraws what depends on the arrangement. */
  private arrange(): void {
    this.pace.arranged();
    const options: ArrangeOptions = {
      sort: this.sort(),
      changeWindow: this.preferences.changeWindow,
      query: this.query,
      state: this.stateFilter,
      firing: this.firing.rooms(),
      now: Date.now(),
      profileOrder: this.store.profileOrder(),
      compare: this.tr.compare,
      nameOrder: this.nameOrder(),
    };
    // The table is one list sorted by its columns; the wall always puts the troubled rooms first.
    const wide = this.wideView();
    const wideEntries =
      wide === null
        ? null
        : this.sorted.arrange(this.store.rooms, {
            ...options,
            flat: true,
            ...(wide === 'wall' ? { sort: 'attention', steady: true } : {}),
          });
    // The wide view's own order stands for the list while the list is hidden: the same rooms.
    this.entries = wideEntries ?? this.sorted.arrange(this.store.rooms, options);
    // A hidden list would only measure itself for nothing (a forced layout of the wide view).
    if (wide === null) this.list.setEntries(this.entries);
    this.renderArea();
    const keys = () => roomKeys(wideEntries ?? []);
    this.wide.setRooms(keys, keys);
    this.showTotal();
  }

  /**
   * The wide view the rooms area shows once arranged, known before the rooms are: a window wide
   * enough, the rooms in view and a snapshot in. (Where no room is left to show, a panel says so
   * and neither the list nor a wide view has anything to draw.)
   */
  private wideView(): WideView | null {
    const here = this.view === 'rooms' && this.detail === null && this.meta !== null;
    return this.wide.wide && here ? this.preferences.wideView : null;
  }

  /** Every room's place by name in the UI's language, made again only when names or the language change. */
  private nameOrder(): ReadonlyMap<string, number> {
    const version = `${this.store.namesVersion} ${this.tr.locale}`;
    if (this.names?.version !== version)
      this.names = { version, order: nameOrderOf(this.store.rooms.values(), this.tr.compare) };
    return this.names.order;
  }

  private arrangeSoon(): void {
    this.pace.soon();
  }

  /** Writes every word in the UI's language, the theme, and the lines that depend on the profiles. */
  private applyLook(): void {
    const root = document.documentElement;
    root.lang = this.tr.locale;
    if (this.preferences.theme === 'system') delete root.dataset.theme;
    else root.dataset.theme = this.preferences.theme;
    document.title = this.tr.t('app.title');
    this.toolbar.translate(this.tr, this.sort(), this.preferences.changeWindow, {
      demo: this.meta?.demo ?? false,
      settings: this.view === 'settings',
      alerts: this.view === 'alerts',
    });
    this.list.setLabel(this.tr.t('list.label'), this.tr.t('list.help'));
    this.wide.table.translate(this.sort(), this.tr.t(`window.${this.preferences.changeWindow}`));
    this.wide.wall.translate();
    this.toolbar.showWideView(this.preferences.wideView, this.tr);
    this.showBanners();
    this.showTotal();
  }

  /** The banners: the page's own news and each app condition of the engine's summary, once. */
  private showBanners(): void {
    const profiles = [...this.store.profiles.values()];
    const conditions = this.summary?.conditions ?? [];
    const lines = this.meta ? bannerLines(this.meta, conditions, profiles, this.tr) : [];
    if (this.viewsFailed) lines.push({ text: this.viewsFailed, tone: 'warn' });
    this.toolbar.showBanners(lines, this.tr);
  }

  private choose(change: Partial<Preferences>, keep = true): void {
    const before = this.tr.locale;
    this.preferences = { ...this.preferences, ...change };
    writePreferences(this.storage, this.preferences);
    if (keep && this.lookInSettings && (change.language || change.theme)) {
      const { language, theme } = this.preferences;
      this.api.updateSettings({ app: { language, theme } }).catch(() => {});
    }
    this.tr = translator(localeFor(this.preferences.language, navigator.languages));
    this.applyLook();
    this.list.refreshAll();
    // The wall's tiles say their rooms in words only pushes rewrite: in another language, all of them.
    if (this.tr.locale !== before) this.wide.redrawAll();
    // Another window re-sorts the list only when it is sorted by change.
    const resort =
      change.sort ||
      change.wideView ||
      (change.changeWindow && (this.sort() === 'change' || this.sort() === 'attention'));
    if (resort) this.list.scrollToTop();
    // Names sort differently in another language.
    if (resort || (this.tr.locale !== before && this.sort() === 'name')) this.arrange();
    else this.renderArea();
    if (this.view !== 'rooms' && this.tr.locale !== before) {
      // The view is drawn again in the new words; the control that changed them keeps the focus.
      const focused = document.activeElement?.id;
      this.show(this.view);
      if (focused) document.getElementById(focused)?.focus();
    }
    this.detail?.translate();
  }

  /** The list's order now: the person's choice, or the one that suits this many rooms. */
  private sort(): SortKey {
    return sortFor(this.preferences.sort, this.store.rooms.size);
  }

  private setStateFilter(state: RoomState | null): void {
    this.stateFilter = state;
    this.list.scrollToTop();
    this.arrange();
    window.clearTimeout(this.timers.speak);
    this.timers.speak = window.setTimeout(() => this.showTotal(true), 800);
  }

  /** The rooms whose alerts still fire, from the recent log; the pushes keep it from then on. */
  private loadFiring(): void {
    this.api
      .listAlerts({ sinceMs: Date.now() - FIRING_LOOKBACK_MS, limit: 1000 })
      .then((alerts) => {
        if (this.firing.takeAll(alerts)) this.arrange();
      })
      // Without the log the order still puts failing, closed and stale rooms first.
      .catch(() => {});
  }

  private setQuery(query: string, fromPanel = false): void {
    this.query = query;
    if (fromPanel) this.toolbar.query.value = query;
    this.list.scrollToTop();
    this.arrange();
    // Says how many rooms the filter leaves once typing pauses, not at every key.
    window.clearTimeout(this.timers.speak);
    this.timers.speak = window.setTimeout(() => this.showTotal(true), 800);
    if (fromPanel) this.toolbar.query.focus();
  }

  private togglePin(key: string): void {
    const room = this.store.rooms.get(key);
    if (!room) return;
    const pinned = !room.pinned;
    // Shown at once; the engine's push confirms it, and a refusal puts it back.
    this.store.update([{ ...room, pinned }], this.sort(), this.preferences.changeWindow);
    this.list.refresh([key]);
    this.arrange();
    this.api.setPinned(key, pinned).catch(() => {
      const now = this.store.rooms.get(key);
      if (now) this.store.update([{ ...now, pinned: !pinned }], this.sort(), this.preferences.changeWindow);
      this.list.refresh([key]);
      this.arrange();
    });
  }

  private focusRoom(key: string): void {
    this.show('rooms');
    if (this.query && !this.entries.some((entry) => entry.kind === 'room' && entry.key === key))
      this.setQuery('', true);
    this.list.focusRoom(key);
    this.openRoom(key);
  }

  /** Shows one room in full in place of the list, once the views' code is in (views.js). */
  private openRoom(key: string): void {
    if (!this.store.rooms.has(key)) return;
    this.closeRoom(false);
    this.withViews((views) => {
      if (!this.store.rooms.has(key)) return;
      this.detail = new views.RoomDetail(
        this.api,
        key,
        {
          room: (k) => this.store.rooms.get(k),
          row: this.rowSource.row,
          translator: () => views.withViewWords(this.tr),
          rooms: () => this.store.rooms.values(),
        },
        () => this.closeRoom(true),
      );
      this.detailArea.replaceChildren(this.detail.element);
      this.detailArea.hidden = false;
      this.renderArea();
      this.detail.focus();
    });
  }

  /**
   * Runs `then` with the views' code: at once once views.js has run, else when it has loaded, unless
   * another view was asked for meanwhile. A load that failed is said, and the next view asked for
   * tries again.
   */
  private withViews(then: (views: Views) => void): void {
    const turn = ++this.viewTurn;
    const loaded = loadedViews();
    if (loaded) {
      then(loaded);
      return;
    }
    loadViews().then(
      (views) => {
        this.sayViewsFailed(null);
        if (turn === this.viewTurn) then(views);
      },
      (error: unknown) => {
        if (turn !== this.viewTurn) return;
        const said = this.tr.t('views.failed', {
          reason: error instanceof Error ? error.message : String(error),
        });
        // A banner, whichever view was asked for: seen at any size, and gone once a view loads.
        this.sayViewsFailed(said);
        this.toolbar.announce(said);
      },
    );
  }

  /** Shows why the views' code did not load in the banners, or takes that away (null). */
  private sayViewsFailed(said: string | null): void {
    if (this.viewsFailed === said) return;
    this.viewsFailed = said;
    this.showBanners();
  }

  /** Back to the list; `refocus` puts the keyboard on the room's row, as a person coming back expects. */
  private closeRoom(refocus: boolean): void {
    // A room still loading is not opened after all.
    this.viewTurn++;
    const detail = this.detail;
    if (!detail) return;
    this.detail = null;
    detail.destroy();
    this.detailArea.replaceChildren();
    this.detailArea.hidden = true;
    this.renderArea();
    if (refocus) this.list.focusRoom(detail.key);
  }

  private show(view: 'rooms' | 'settings' | 'alerts'): void {
    const was = this.view;
    this.closeRoom(false);
    this.view = view;
    this.settingsArea.hidden = view === 'rooms';
    if (view !== 'rooms' && this.meta) {
      const meta = this.meta;
      // What showed here before goes at once; the view comes when its code is in.
      this.settingsArea.replaceChildren();
      this.withViews((views) => this.fill(views, view, meta));
    }
    this.applyLook();
    this.renderArea();
    if (view === 'rooms' && was !== 'rooms')
      this.toolbar.element
        .querySelector<HTMLElement>(was === 'alerts' ? '.to-alerts' : '.to-settings')
        ?.focus();
  }

  /** Fills the area of the settings or the alert log with that view. */
  private fill(views: Views, view: 'settings' | 'alerts', meta: Meta): void {
    const rooms = () =>
      [...this.store.rooms.values()].map((room) => ({
        key: room.key,
        label: room.label ?? room.groupId,
        groupId: room.groupId,
      }));
    if (view === 'settings') {
      const context = { ...meta, profiles: [...this.store.profiles.values()] };
      const extras = {
        rooms: rooms(),
        look: { language: this.preferences.language, theme: this.preferences.theme },
        lookKeptInApp: this.lookInSettings,
        chooseLook: (look: Partial<Preferences>) => this.choose(look),
      };
      this.settingsArea.replaceChildren(
        views.settingsView(this.api, context, views.withViewWords(this.tr), () => this.show('rooms'), extras),
      );
      this.settingsArea.querySelector<HTMLElement>('input, select, textarea')?.focus();
    } else {
      this.settingsArea.replaceChildren(
        views.alertLogView(this.api, rooms(), views.withViewWords(this.tr), () => this.show('rooms')),
      );
      this.settingsArea.querySelector<HTMLElement>('.filters-toggle')?.focus();
    }
  }

  /** Takes the language and theme kept in the app's settings file, where the transport has one. */
  private adoptSavedLook(): void {
    Promise.resolve()
      .then(() => this.api.getSettings())
      .then(({ app }) => {
        this.lookInSettings = app !== null;
        if (app && (app.language !== this.preferences.language || app.theme !== this.preferences.theme))
          this.choose({ language: app.language, theme: app.theme }, false);
      })
      // Without settings (an older engine, a failed call) the page's own choice stays.
      .catch(() => {});
  }

  /** The list, or a panel saying why there is none. */
  private renderArea(): void {
    const failure = this.loader.failure;
    const state = panelStateFor({
      loaded: this.meta !== null,
      failure: failure ? { retryInS: this.loader.retryInS(), problem: failure.problem } : null,
      rooms: this.store.rooms.size,
      shown: this.entries.length,
      query: this.query,
    });
    const settings = this.view !== 'rooms';
    const away = settings || this.detail !== null;
    this.roomsArea.hidden = away;
    this.toolbar.filters.hidden = away || !this.meta || this.store.rooms.size === 0;
    const wasHidden = this.list.element.hidden;
    this.wide.show(this.preferences.wideView, state === null && !away);
    this.list.element.hidden = state !== null || this.wide.showing !== null;
    this.panel.element.hidden = state === null;
    if (state) this.panel.show(state, this.tr);
    else if (wasHidden && !this.list.element.hidden) this.list.setEntries(this.entries);
  }

  /** Whether a filter (text or state chip) leaves only some rooms shown. */
  private filtering(): boolean {
    return this.query.trim() !== '' || this.stateFilter !== null;
  }

  private showTotal(speakNow = false): void {
    this.toolbar.showTotal(
      this.meta ? this.summary : null,
      this.filtering() ? this.shownTotal() : null,
      this.stateFilter,
      this.tr,
      speakNow,
    );
  }

  private shownTotal(): Total {
    const rooms = [];
    for (const entry of this.entries) {
      const room = entry.kind === 'room' ? this.store.rooms.get(entry.key) : undefined;
      if (room) rooms.push(room);
    }
    return totalOf(rooms);
  }

  /** Once a second: the ages move on, and so does a retry countdown. */
  private tick(): void {
    this.list.refreshAll();
    this.wide.refreshAll();
    if (!this.meta && this.loader.failure) this.renderArea();
    this.detail?.roomChanged();
    // Rows that stayed in view need their sparklines again after a while; the feed paces the asking.
    if (!this.roomsArea.hidden && !this.list.element.hidden) this.sparks.shown(this.list.renderedRooms());
    if (!this.roomsArea.hidden && this.wide.showing === 'table') this.sparks.shown(this.wide.table.drawn());
  }
}

/** The keys of the rooms among `entries`, in order. */
function roomKeys(entries: readonly ListEntry[]): string[] {
  const keys: string[] = [];
  for (const entry of entries) if (entry.kind === 'room') keys.push(entry.key);
  return keys;
}

/** The page's storage, or null where the page may not use it. */
function pageStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
