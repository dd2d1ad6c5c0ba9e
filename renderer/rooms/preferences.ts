/**
 * The popover's own choices (language, theme, sort, the window of the rows' longer change), kept in
 * the page's storage until the settings file carries them. The values match the settings'
 * `language` and `theme` fields.
 */
import { CHANGE_WINDOWS, type ChangeWindow } from '../../main/contract/monitor-api';
import type { LanguageChoice } from '../i18n/translator';
import type { SortKey } from './room-order';

/** In a window 900 px wide or more: the dense table or the wall of tiles. */
export type WideView = 'table' | 'wall';

/** Light, dark, or whatever the system shows. */
export type ThemeChoice = 'system' | 'light' | 'dark';

/** The popover's own choices. */
export interface Preferences {
  language: LanguageChoice;
  theme: ThemeChoice;
  /** The list's order; `auto` until the person picks one ("Needs attention" above 20 rooms, else most online). */
  sort: SortKey | 'auto';
  /** The span each row's second change is measured over, and what "by change" sorts by. */
  changeWindow: ChangeWindow;
  /** In a window 900 px wide or more: the dense table or the wall of tiles. */
  wideView: WideView;
}

/** The part of the Web Storage API used here, so tests can pass a Map-backed one. */
export interface PreferenceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const STORAGE_KEY = 'headcount.preferences';

/** The choices before the user makes any. */
export const DEFAULT_PREFERENCES: Preferences = {
  language: 'system',
  theme: 'system',
  sort: 'auto',
  changeWindow: '15m',
  wideView: 'table',
};

const ALLOWED: { [K in keyof Preferences]: readonly Preferences[K][] } = {
  language: ['system', 'en', 'zh-CN'],
  theme: ['system', 'light', 'dark'],
  sort: ['auto', 'attention', 'count', 'change', 'name'],
  changeWindow: CHANGE_WINDOWS,
  wideView: ['table', 'wall'],
};

/** The saved choices; anything missing or not understood falls back to its default. */
export function readPreferences(storage: PreferenceStorage | null): Preferences {
  let saved: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '{}');
    if (parsed && typeof parsed === 'object') saved = parsed as Record<string, unknown>;
  } catch {
    // A damaged entry is not worth an error in the popover: the defaults stand in.
  }
  const pick = <K extends keyof Preferences>(key: K): Preferences[K] =>
    (ALLOWED[key] as readonly unknown[]).includes(saved[key])
      ? (saved[key] as Preferences[K])
      : DEFAULT_PREFERENCES[key];
  return {
    language: pick('language'),
    theme: pick('theme'),
    sort: pick('sort'),
    changeWindow: pick('changeWindow'),
    wideView: pick('wideView'),
  };
}

/** Above this many rooms the list opens on "Needs attention": a person cannot scan them all. */
export const ATTENTION_ABOVE_ROOMS = 20;

/** The order to use: the person's choice, or the one that suits this many rooms. */
export function sortFor(choice: Preferences['sort'], rooms: number): SortKey {
  if (choice !== 'auto') return choice;
  return rooms > ATTENTION_ABOVE_ROOMS ? 'attention' : 'count';
}

/** Keeps the choices; a storage that refuses is ignored (they then last for this page). */
export function writePreferences(storage: PreferenceStorage | null, preferences: Preferences): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(preferences));
  } catch {
    // Storage can be full or refused (private windows): the choice then lasts for this page only.
  }
}
