import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PREFERENCES,
  readPreferences,
  sortFor,
  writePreferences,
} from '../../../renderer/rooms/preferences';

function memoryStorage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => {
      map.set(key, value);
    },
  };
}

describe('the popover preferences', () => {
  it('start at the system language and theme, sorted to suit the number of rooms, with changes over 15 minutes', () => {
    expect(readPreferences(memoryStorage())).toEqual({
      language: 'system',
      theme: 'system',
      sort: 'auto',
      changeWindow: '15m',
      wideView: 'table',
    });
    expect(readPreferences(null)).toEqual(DEFAULT_PREFERENCES);
  });

  it('keep what the user chose', () => {
    const storage = memoryStorage();
    writePreferences(storage, {
      language: 'zh-CN',
      theme: 'dark',
      sort: 'name',
      changeWindow: '1h',
      wideView: 'wall',
    });
    expect(readPreferences(storage)).toEqual({
      language: 'zh-CN',
      theme: 'dark',
      sort: 'name',
      changeWindow: '1h',
      wideView: 'wall',
    });
  });

  it('fall back, value by value, when the saved entry is damaged or unknown', () => {
    const key = 'headcount.preferences';
    expect(readPreferences(memoryStorage({ [key]: '{not json' }))).toEqual(DEFAULT_PREFERENCES);
    expect(readPreferences(memoryStorage({ [key]: '{"language":"fr","theme":"dark"}' }))).toEqual({
      language: 'system',
      theme: 'dark',
      sort: 'auto',
      changeWindow: '15m',
      wideView: 'table',
    });
    // A window the page no longer offers (or never did) is not kept.
    expect(readPreferences(memoryStorage({ [key]: '{"sort":"change","changeWindow":"2h"}' }))).toEqual({
      ...DEFAULT_PREFERENCES,
      sort: 'change',
    });
    expect(readPreferences(memoryStorage({ [key]: '{"changeWindow":"5m"}' })).changeWindow).toBe('5m');
  });

  it('open on "Needs attention" above 20 rooms until the person picks an order', () => {
    expect(sortFor('auto', 20)).toBe('count');
    expect(sortFor('auto', 21)).toBe('attention');
    expect(sortFor('auto', 2000)).toBe('attention');
    expect(sortFor('name', 2000)).toBe('name');
  });

  it('survive a storage that refuses to write', () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => writePreferences(full, DEFAULT_PREFERENCES)).not.toThrow();
  });
});
