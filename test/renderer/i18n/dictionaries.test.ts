import { describe, expect, it } from 'vitest';
import { dictionaryOf, LOCALES } from '../../../renderer/i18n/translator';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('the dictionaries', () => {
  const english = dictionaryOf('en');

  it.each(LOCALES)('%s has every key of the English one and no other', (locale) => {
    expect(Object.keys(dictionaryOf(locale)).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(LOCALES)('%s uses the same placeholders as the English for each key', (locale) => {
    const words = dictionaryOf(locale);
    const different = Object.entries(english)
      .filter(
        ([key, text]) =>
          placeholders(text).join() !== placeholders(words[key as keyof typeof english]).join(),
      )
      .map(([key]) => key);
    expect(different).toEqual([]);
  });

  it('leaves no entry empty and no English in the Chinese where words are expected', () => {
    const chinese = dictionaryOf('zh-CN');
    expect(Object.values(chinese).filter((text) => text === '')).toEqual([]);
    const untranslated = Object.entries(chinese)
      .filter(([key, text]) => text === english[key as keyof typeof english] && /[a-z]{4,}/.test(text))
      .map(([key]) => key);
    // The product name is a name in both languages.
    expect(untranslated).toEqual(['app.title']);
  });
});
