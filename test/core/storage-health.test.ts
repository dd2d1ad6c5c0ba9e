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
