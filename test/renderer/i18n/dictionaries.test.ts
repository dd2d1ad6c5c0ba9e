import { describe, expect, it } from 'vitest';
import { dictionaryOf, LOCALES, type Locale } from '../../../renderer/i18n/translator';
import { VIEW_WORDS } from '../../../renderer/i18n/view-words';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

/** Every word of a language: the popover's and those of the views views.js brings. */
const allWords = (locale: Locale): Record<string, string> => ({
  ...dictionaryOf(locale),
  ...VIEW_WORDS[locale],
});

describe('the dictionaries', () => {
  const english = allWords('en');

  it.each(LOCALES)("%s gives the views' words no key of the popover's own", (locale) => {
    const popover = dictionaryOf(locale);
    expect(Object.keys(VIEW_WORDS[locale]).filter((key) => key in popover)).toEqual([]);
  });

  it.each(LOCALES)('%s has every key of the English one and no other', (locale) => {
    expect(Object.keys(allWords(locale)).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(LOCALES)('%s uses the same placeholders as the English for each key', (locale) => {
    const words = allWords(locale);
    const different = Object.entries(english)
      .filter(([key, text]) => placeholders(text).join() !== placeholders(words[key] ?? '').join())
      .map(([key]) => key);
    expect(different).toEqual([]);
  });

  it('leaves no entry empty and no English in the Chinese where words are expected', () => {
    const chinese = allWords('zh-CN');
    expect(Object.values(chinese).filter((text) => text === '')).toEqual([]);
    const untranslated = Object.entries(chinese)
      .filter(([key, text]) => text === english[key] && /[a-z]{4,}/.test(text))
      .map(([key]) => key);
    // The product name is a name in both languages.
    expect(untranslated).toEqual(['app.title']);
  });
});
