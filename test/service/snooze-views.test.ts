import { describe, expect, it } from 'vitest';
import { SnoozeBook } from '../../main/core/alerts/snooze';
import type { ProfileRecord } from '../../main/service/service-ports';
import { roomSnoozedUntil, snoozeViews } from '../../main/service/snooze-views';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const PROFILES: ProfileRecord[] = [
  {
    id: 'app-1',
    label: 'Events',
    sdkAppId: 1,
    identifier: 'admin',
    rooms: [{ groupId: '@TGS#main', label: 'Main stage' }, { groupId: '@TGS#side' }],
  },
];

describe('the running snoozes as the settings list them', () => {
  it('says what each covers, names a room by its label or else its id, and leaves out gone profiles', () => {
    const book = new SnoozeBook();
    book.snooze({ kind: 'all' }, NOW + 1_000);
    book.snooze({ kind: 'profile', profile: 'Events' }, NOW + 2_000);
    book.snooze({ kind: 'room', profile: 'Events', groupId: '@TGS#main' }, NOW + 3_000);
    book.snooze({ kind: 'room', profile: 'Events', groupId: '@TGS#side' }, NOW + 4_000);
    book.snooze({ kind: 'profile', profile: 'Removed' }, NOW + 5_000);
    book.snooze({ kind: 'room', profile: 'Removed', groupId: '@TGS#x' }, NOW + 6_000);
    expect(snoozeViews(book, NOW, PROFILES)).toEqual([
      { target: { kind: 'all' }, label: '', until: NOW + 1_000 },
      { target: { kind: 'profile', profileId: 'app-1' }, label: 'Events', until: NOW + 2_000 },
      { target: { kind: 'room', key: 'app-1/@TGS#main' }, label: 'Events / Main stage', until: NOW + 3_000 },
      { target: { kind: 'room', key: 'app-1/@TGS#side' }, label: 'Events / @TGS#side', until: NOW + 4_000 },
    ]);
  });

  it('names a snoozed room no longer watched by its id', () => {
    const book = new SnoozeBook();
    book.snooze({ kind: 'room', profile: 'Events', groupId: '@TGS#gone' }, NOW + 3_000);
    expect(snoozeViews(book, NOW, PROFILES)).toEqual([
      { target: { kind: 'room', key: 'app-1/@TGS#gone' }, label: 'Events / @TGS#gone', until: NOW + 3_000 },
    ]);
  });

  it("tells when a room's snooze ends, whatever holds it, and null when nothing does", () => {
    const book = new SnoozeBook();
    expect(roomSnoozedUntil(book, 'Events', '@TGS#main', NOW)).toBeNull();
    book.snooze({ kind: 'room', profile: 'Events', groupId: '@TGS#main' }, NOW + 3_000);
    book.snooze({ kind: 'profile', profile: 'Events' }, NOW + 9_000);
    expect(roomSnoozedUntil(book, 'Events', '@TGS#main', NOW)).toBe(NOW + 9_000);
    expect(roomSnoozedUntil(book, 'Other', '@TGS#main', NOW)).toBeNull();
  });
});
