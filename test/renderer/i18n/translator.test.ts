import { describe, expect, it } from 'vitest';
import { localeFor, translator } from '../../../renderer/i18n/translator';
import { withViewWords, withWords } from '../../../renderer/i18n/view-words';

describe('the translator', () => {
  it('follows the system language (any zh* is Simplified Chinese) unless the user chose one', () => {
    expect(localeFor('system', ['zh-TW', 'en'])).toBe('zh-CN');
    expect(localeFor('system', ['zh'])).toBe('zh-CN');
    expect(localeFor('system', ['en-GB', 'zh-CN'])).toBe('en');
    expect(localeFor('system', [])).toBe('en');
    expect(localeFor('en', ['zh-CN'])).toBe('en');
    expect(localeFor('zh-CN', ['de-DE'])).toBe('zh-CN');
  });

  it('fills placeholders, formatting numbers for the locale', () => {
    expect(translator('en').t('total.online', { count: 1234567 })).toBe('1,234,567 online');
    expect(translator('zh-CN').t('total.online', { count: 1234567 })).toBe('1,234,567 人在线');
    expect(translator('en').t('room.pin', { name: 'Launch {day}' })).toBe('Pin Launch {day}');
  });

  it('picks the plural form in English; Chinese has one form', () => {
    expect(translator('en').plural('rooms', 1)).toBe('1 room');
    expect(translator('en').plural('rooms', 2000)).toBe('2,000 rooms');
    expect(translator('zh-CN').plural('rooms', 1)).toBe('1 个房间');
  });

  it('joins parts with the locale separator, skipping empty ones', () => {
    expect(translator('en').join(['a', '', null, 'b'])).toBe('a, b');
    expect(translator('zh-CN').join(['甲', '乙'])).toBe('甲，乙');
  });

  it('compares names the locale way, numbers by value', () => {
    const names = ['Room 10', 'room 9', '北京', '阿里'];
    expect([...names].sort(translator('en').compare).slice(0, 2)).toEqual(['room 9', 'Room 10']);
    // Pinyin: ā (阿) before běi (北).
    expect(['北京', '阿里'].sort(translator('zh-CN').compare)).toEqual(['阿里', '北京']);
  });

  it('writes times of day in 24 hours', () => {
    const at = new Date(2025, 0, 1, 14, 3).getTime();
    expect(translator('en').time(at)).toBe('14:03');
    expect(translator('zh-CN').time(at)).toBe('14:03');
  });

  it("says the views' words once they are added, in the same language and with the same numbers", () => {
    const en = withViewWords(translator('en'));
    expect(en.t('polling.meter', { rooms: '1,450 rooms', interval: 10, used: 1450, cap: 200 })).toBe(
      '1,450 rooms at 10 s use 1,450 of 200 calls/s.',
    );
    expect(en.plural('log.count', 1)).toBe('1 alert');
    expect(en.plural('log.count', 1200)).toBe('1,200 alerts');
    // The popover's own words and formats are still there.
    expect(en.t('total.online', { count: 12 })).toBe('12 online');
    expect(en.plural('rooms', 2)).toBe('2 rooms');
    expect(withViewWords(translator('zh-CN')).plural('log.count', 3)).toBe('3 条告警');
  });

  it('takes added words over none of its own and leaves them for its language alone', () => {
    const more = {
      en: { 'extra.one': '{count} extra', 'extra.other': '{count} extras' },
      'zh-CN': { 'extra.one': '{count} 个', 'extra.other': '{count} 个' },
    };
    const en = withWords(translator('en'), more);
    expect(en.plural('extra', 2500)).toBe('2,500 extras');
    expect(en.t('extra.one', { count: 1 })).toBe('1 extra');
    expect(withWords(translator('zh-CN'), more).plural('extra', 2)).toBe('2 个');
  });
});
