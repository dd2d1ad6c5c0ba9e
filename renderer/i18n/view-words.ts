/**
 * The words only the views of views.js say (the settings and the alert log, a room's overlay
 * section), in each language. Kept out of the popover's dictionaries, which a cold page
 * builds before its first rows: views-bundle.ts adds them to the popover's translator.
 */

import { enOverlay } from './en-overlay';
import { enSettings } from './en-settings';
import { filledIn } from './filled-in';
import type { Locale, Translator } from './translator';
import { zhCNOverlay } from './zh-cn-overlay';
import { zhCNSettings } from './zh-cn-settings';

/** The English words of the views. */
const enViewWords = { ...enSettings, ...enOverlay };

/** A key of the views' own words. */
export type ViewWordKey = keyof typeof enViewWords;

/** Every language's words of the views: the same keys and placeholders as the English. */
export const VIEW_WORDS = {
  en: enViewWords,
  'zh-CN': { ...zhCNSettings, ...zhCNOverlay },
} satisfies Record<string, Record<ViewWordKey, string>>;

/** What the views speak with: the popover's words and their own. */
export type ViewTranslator = Translator<Parameters<Translator['t']>[0] | ViewWordKey>;

/** The views' translator made for each of the popover's, so that asking again costs nothing. */
const viewTranslators = new WeakMap<Translator, ViewTranslator>();

/**
 * `tr` saying the views' words too. The same one for the same `tr`: the room view asks for its
 * translator at every redraw, and the popover makes a new `tr` only when the language changes.
 */
export function withViewWords(tr: Translator): ViewTranslator {
  let made = viewTranslators.get(tr);
  if (!made) {
    made = withWords(tr, VIEW_WORDS);
    viewTranslators.set(tr, made);
  }
  return made;
}

/**
 * `tr` saying the words of `more` too, in its language. Here, not in translator.ts, so that views.js
 * takes none of the popover's dictionaries with it.
 */
export function withWords<K extends string, V extends string>(
  tr: Translator<K>,
  more: Record<Locale, Record<V, string>>,
): Translator<K | V> {
  const words: Record<string, string> = more[tr.locale];
  const t: Translator<K | V>['t'] = (key, values) =>
    Object.hasOwn(words, key) ? filledIn(words[key] as string, values, tr.count) : tr.t(key as K, values);
  return {
    ...tr,
    t,
    plural: (key, value) => t(`${key}.${tr.pluralForm(value)}` as K | V, { count: value }),
  };
}
