import { describe, expect, it } from 'vitest';
import { fileErrorWords, StorageHealth, type StorageNews } from '../../main/core/storage-health';
import { FakeClock } from '../support/fake-clock';

const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

describe('StorageHealth', () => {
  it('says a part failing once, with the file and the cause in words, and again when it recovers', () => {
    const clock = new FakeClock();
    const health = new StorageHealth(clock);
    const news: StorageNews[] = [];
    health.onNews((item) => news.push(item));
    health.failed('history', '/h/samples-1.jsonl', enospc);
    health.failed('history', '/h/samples-2.jsonl', enospc);
    health.succeeded('alert log', '/a/alerts.jsonl');
    expect(news).toEqual([
      {
        kind: 'failing',
        part: 'history',
        text: 'Could not write the history: the disk is full (/h/samples-1.jsonl). Until then, counts are kept in memory and written once it can be.',
      },
    ]);
    expect(health.isFailing('history')).toBe(true);
    expect(health.notices()).toEqual([news[0]?.text]);
    health.succeeded('history', '/h/samples-2.jsonl');
    health.succeeded('history', '/h/samples-2.jsonl');
    expect(news.map((item) => item.kind)).toEqual(['failing', 'recovered']);
    expect(news[1]?.text).toMatch(
      /^The history is written again since \d\d:\d\d:\d\d \(\/h\/samples-2\.jsonl\); it failed from \d\d:\d\d:\d\d \(the disk is full\), and what waited meanwhile is written now\.$/,
    );
    expect(health.notices()).toEqual([news[1]?.text]);
  });

  it('tells a problem found in a file once, and keeps it on show', () => {
    const health = new StorageHealth(new FakeClock());
    const news: StorageNews[] = [];
    health.onNews((item) => news.push(item));
    health.problem('alert log', '2 unreadable line(s) in /a/alerts.jsonl were skipped.');
    health.problem('alert log', '2 unreadable line(s) in /a/alerts.jsonl were skipped.');
    expect(news).toHaveLength(1);
    expect(health.notices()).toEqual(['2 unreadable line(s) in /a/alerts.jsonl were skipped.']);
  });

  it('words the causes people meet, and keeps an unknown code', () => {
    expect(fileErrorWords(enospc)).toBe('the disk is full');
    expect(fileErrorWords(Object.assign(new Error('x'), { code: 'EROFS' }))).toBe('the disk is read-only');
    expect(fileErrorWords(Object.assign(new Error('x'), { code: 'EACCES' }))).toBe('permission denied');
    expect(fileErrorWords(Object.assign(new Error('x'), { code: 'EWEIRD' }))).toBe('EWEIRD');
  });
});

describe('StorageHealth, the settings part and its listeners', () => {
  it('says the settings could not be saved, what holds meanwhile, and that they are saved again', () => {
    const health = new StorageHealth(new FakeClock());
    const news: StorageNews[] = [];
    health.onNews((item) => news.push(item));
    health.failed('settings', '/c/settings.json', Object.assign(new Error('x'), { code: 'EROFS' }));
    health.succeeded('settings', '/c/settings.json');
    expect(news[0]).toEqual({
      kind: 'failing',
      part: 'settings',
      text: 'Could not save the settings: the disk is read-only (/c/settings.json). Until then, changes hold for this run and are saved once the file can be written.',
    });
    expect(news[1]?.part).toBe('settings');
    expect(news[1]?.text).toMatch(
      /^The settings are saved again since \d\d:\d\d:\d\d \(\/c\/settings\.json\);/,
    );
  });

  it('shows a new failure in place of the recovery it follows', () => {
    const health = new StorageHealth(new FakeClock());
    health.failed('history', '/h/a.jsonl', enospc);
    health.succeeded('history', '/h/a.jsonl');
    health.failed('history', '/h/b.jsonl', enospc);
    expect(health.notices()).toEqual([
      'Could not write the history: the disk is full (/h/b.jsonl). Until then, counts are kept in memory and written once it can be.',
    ]);
  });

  it('stops telling a listener that unsubscribed, and tells the others past one that throws', () => {
    const health = new StorageHealth(new FakeClock());
    const kept: string[] = [];
    const left: string[] = [];
    health.onNews(() => {
      throw new Error('listener bug');
    });
    health.onNews((item) => kept.push(item.kind));
    const unsubscribe = health.onNews((item) => left.push(item.kind));
    health.failed('alert log', '/a/alerts.jsonl', enospc);
    unsubscribe();
    health.succeeded('alert log', '/a/alerts.jsonl');
    expect(kept).toEqual(['failing', 'recovered']);
    expect(left).toEqual(['failing']);
  });

  it('words an error without a code by its message, and anything else as text', () => {
    expect(fileErrorWords(new Error('the file moved'))).toBe('the file moved');
    expect(fileErrorWords('no answer')).toBe('no answer');
    expect(fileErrorWords(null)).toBe('null');
  });
});
