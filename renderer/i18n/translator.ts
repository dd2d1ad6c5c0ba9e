/** Picks the UI language and formats words, numbers and times for it. Pure: tested without a browser. */
import { type Dictionary, en, type MessageKey } from './en';
import { filledIn } from './filled-in';
import { zhCN } from './zh-cn';

/** The languages the UI speaks. */
export type Locale = 'en' | 'zh-CN';

/** What the user chose: a language, or whatever the system prefers. */
export type LanguageChoice = 'system' | Locale;

/** Every language of the UI, English first. */
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

const DICTIONARIES: Record<Locale, Dictionary> = { en, 'zh-CN': zhCN };

/** Those of keys `K` with `.one` and `.other` forms, named without the suffix. */
export type PluralOf<K extends string> = K extends `${infer Base}.one` ? Base : never;

/** Keys with `.one` and `.other` forms, named without the suffix. */
export type PluralKey = PluralOf<MessageKey>;

/**
 * Words, numbers and times in one language: the popover's words ({@link MessageKey}), or with `K`
 * those and more ({@link withWords}).
 */
export interface Translator<K extends string = MessageKey> {
  readonly locale: Locale;
  // Properties rather than methods, so that a translator of fewer words is not taken for one of more.
  /** The message with its `{placeholders}` filled; numbers are formatted for the locale. */
  readonly t: (key: K, values?: Record<string, string | number>) => string;
  /** The `.one` or `.other` form for `count`, with `{count}` filled. */
  readonly plural: (key: PluralOf<K>, count: number) => string;
  /** Which form the locale gives `count`. */
  pluralForm(count: number): 'one' | 'other';
  /** A whole number with the locale's grouping: 12,345. */
  count(value: number): string;
  /** A time of day, e.g. 14:03. */
  time(epochMs: number): string;
  /** Parts joined the locale's way, skipping empty ones. */
  join(parts: ReadonlyArray<string | null | undefined>, separator?: 'list' | 'inline'): string;
  /** Names compared the locale's way (Chinese by pinyin, numbers by value). */
  compare(a: string, b: string): number;
}

/** The dictionary of a locale, for the completeness test. */
export function dictionaryOf(locale: Locale): Dictionary {
  return DICTIONARIES[locale];
}

/** The language to show: the user's choice, else Chinese for any zh* system language, else English. */
export function localeFor(choice: LanguageChoice, systemLanguages: readonly string[]): Locale {
  if (choice !== 'system') return choice;
  return systemLanguages[0]?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * The translator for a locale; numbers and times use Intl for it. Each Intl object is made at its
 * first use: making one costs milliseconds in a page that has just started (its locale data is
 * loaded then), and a page that shows no time of day, say, never pays for that one.
 */
export function translator(locale: Locale): Translator {
  const words = DICTIONARIES[locale];
  const numbers = firstUse(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }));
  const times = firstUse(
    () => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hour12: false }),
  );
  const plurals = firstUse(() => new Intl.PluralRules(locale));
  const collator = firstUse(() => new Intl.Collator(locale, { numeric: true, sensitivity: 'base' }));
  const count = (value: number) => numbers().format(value);
  const pluralForm = (value: number) => (plurals().select(value) === 'one' ? 'one' : 'other');
  const t: Translator['t'] = (key, values) => filledIn(words[key], values, count);
  return {
    locale,
    t,
    plural: (key, value) => t(`${key}.${pluralForm(value)}` as MessageKey, { count: value }),
    pluralForm,
    count,
    time: (epochMs) => times().format(epochMs),
    join: (parts, separator = 'list') => parts.filter(Boolean).join(words[`separator.${separator}`]),
    compare: (a, b) => collator().compare(a, b),
  };
}

/** `make()`'s result, made at the first call and kept. */
function firstUse<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => {
    made ??= make();
    return made;
  };
}
