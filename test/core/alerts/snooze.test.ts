import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../main/core/alerts/alert';
import { SnoozeBook, snoozeUntil } from '../../../main/core/alerts/snooze';
import { ConfigError } from '../../../main/core/config-error';

const HOUR = 3_600_000;

function alertOf(fields: Partial<Alert>): Alert {
  return {
    id: 'a1',
    rule: 'spike',
    phase: 'firing',
    severity: 'warning',
    profile: 'prod',
    title: 'Room spiked',
    message: '+85% in 2 min',
    at: 0,
    ...fields,
  };
}

describe('snoozeUntil', () => {
  const now = Date.UTC(2026, 10, 26, 12, 0);

  it('adds the fixed presets', () => {
    expect(snoozeUntil('15m', now)).toBe(now + 15 * 60_000);
    expect(snoozeUntil('1h', now)).toBe(now + HOUR);
    expect(snoozeUntil('4h', now)).toBe(now + 4 * HOUR);
  });

  it('means the next day when said in the evening, the same day when said in the small hours', () => {
    // 23:30 in Shanghai (UTC+8) on 26 November.
    expect(snoozeUntil('tomorrow-morning', Date.UTC(2026, 10, 26, 15, 30), 'Asia/Shanghai')).toBe(
      Date.UTC(2026, 10, 27, 0, 0),
    );
    // 02:00 in Shanghai on 27 November.
    expect(snoozeUntil('tomorrow-morning', Date.UTC(2026, 10, 26, 18, 0), 'Asia/Shanghai')).toBe(
      Date.UTC(2026, 10, 27, 0, 0),
    );
  });

  it('switches at the morning hour itself', () => {
    // 07:59 and 08:00 in Berlin (UTC+1 in winter).
    expect(snoozeUntil('tomorrow-morning', Date.UTC(2026, 10, 26, 6, 59), 'Europe/Berlin')).toBe(
      Date.UTC(2026, 10, 26, 7, 0),
    );
    expect(snoozeUntil('tomorrow-morning', Date.UTC(2026, 10, 26, 7, 0), 'Europe/Berlin')).toBe(
      Date.UTC(2026, 10, 27, 7, 0),
    );
  });

  it('lands on 08:00 on the wall clock across a DST change, however long the night', () => {
    // 23:30 EST on 7 March 2026; clocks go forward that night: 7.5 hours to 08:00 EDT.
    const springEve = Date.UTC(2026, 2, 8, 4, 30);
    expect(snoozeUntil('tomorrow-morning', springEve, 'America/New_York') - springEve).toBe(7.5 * HOUR);
    // 23:30 EDT on 31 October 2026; clocks go back that night: 9.5 hours to 08:00 EST.
    const autumnEve = Date.UTC(2026, 10, 1, 3, 30);
    expect(snoozeUntil('tomorrow-morning', autumnEve, 'America/New_York')).toBe(Date.UTC(2026, 10, 1, 13, 0));
    expect(snoozeUntil('tomorrow-morning', autumnEve, 'America/New_York') - autumnEve).toBe(9.5 * HOUR);
    // Berlin goes forward on 29 March 2026: 23:00 CET to 08:00 CEST is 8 hours.
    const berlinEve = Date.UTC(2026, 2, 28, 22, 0);
    expect(snoozeUntil('tomorrow-morning', berlinEve, 'Europe/Berlin') - berlinEve).toBe(8 * HOUR);
  });

  it('rolls over the end of a month and a year, and takes another morning hour', () => {
    expect(snoozeUntil('tomorrow-morning', Date.UTC(2026, 11, 31, 15, 0), 'Asia/Shanghai')).toBe(
      Date.UTC(2027, 0, 1, 0, 0),
    );
    expect(snoozeUntil('tomorrow-morning', Date.UTC(2026, 11, 31, 15, 0), 'Asia/Shanghai', 9)).toBe(
      Date.UTC(2027, 0, 1, 1, 0),
    );
  });

  it('refuses an impossible morning hour or an unknown zone', () => {
    expect(() => snoozeUntil('tomorrow-morning', now, 'Asia/Shanghai', 24)).toThrow(ConfigError);
    expect(() => snoozeUntil('tomorrow-morning', now, 'Asia/Shanghai', 7.5)).toThrow(/0-23/);
    expect(() => snoozeUntil('tomorrow-morning', now, 'Nowhere/Else')).toThrow(ConfigError);
  });
});

describe('SnoozeBook', () => {
  const now = 1_000_000;
  const room = alertOf({ groupId: '@TGS#a' });
  const otherRoom = alertOf({ groupId: '@TGS#b' });
  const appLevel = alertOf({ rule: 'auth' });
  const otherProfile = alertOf({ profile: 'staging', groupId: '@TGS#a' });

  it('holds a room alert by its room, its profile or everything', () => {
    const byRoom = new SnoozeBook();
    byRoom.snooze({ kind: 'room', profile: 'prod', groupId: '@TGS#a' }, now + HOUR);
    expect(byRoom.isSnoozed(room, now)).toBe(true);
    expect(byRoom.isSnoozed(otherRoom, now)).toBe(false);
    expect(byRoom.isSnoozed(otherProfile, now)).toBe(false);
    expect(byRoom.isSnoozed(appLevel, now)).toBe(false);

    const byProfile = new SnoozeBook();
    byProfile.snooze({ kind: 'profile', profile: 'prod' }, now + HOUR);
    expect([room, otherRoom, appLevel].every((alert) => byProfile.isSnoozed(alert, now))).toBe(true);
    expect(byProfile.isSnoozed(otherProfile, now)).toBe(false);

    const all = new SnoozeBook();
    all.snooze({ kind: 'all' }, now + HOUR);
    expect([room, otherRoom, appLevel, otherProfile].every((alert) => all.isSnoozed(alert, now))).toBe(true);
  });

  it('holds a summary of several rooms only while all of them are snoozed', () => {
    const book = new SnoozeBook();
    const summary = alertOf({ rule: 'failing', groupIds: ['@TGS#a', '@TGS#b'] });
    book.snooze({ kind: 'room', profile: 'prod', groupId: '@TGS#a' }, now + HOUR);
    expect(book.isSnoozed(summary, now)).toBe(false);
    book.snooze({ kind: 'room', profile: 'prod', groupId: '@TGS#b' }, now + 2 * HOUR);
    expect(book.heldUntil(summary, now)).toBe(now + HOUR);
  });

  it('reports the latest end among the snoozes that hold an alert', () => {
    const book = new SnoozeBook();
    book.snooze({ kind: 'all' }, now + HOUR);
    book.snooze({ kind: 'room', profile: 'prod', groupId: '@TGS#a' }, now + 4 * HOUR);
    expect(book.heldUntil(room, now)).toBe(now + 4 * HOUR);
    expect(book.heldUntil(otherRoom, now)).toBe(now + HOUR);
  });

  it('lets snoozes expire by themselves', () => {
    const book = new SnoozeBook();
    book.snooze({ kind: 'profile', profile: 'prod' }, now + HOUR);
    book.snooze({ kind: 'all' }, now + 15 * 60_000);
    expect(book.active(now).map((entry) => entry.scope.kind)).toEqual(['all', 'profile']);
    expect(book.isSnoozed(room, now + HOUR - 1)).toBe(true);
    expect(book.active(now + 20 * 60_000)).toEqual([
      { scope: { kind: 'profile', profile: 'prod' }, until: now + HOUR },
    ]);
    expect(book.isSnoozed(room, now + HOUR)).toBe(false);
    expect(book.active(now + HOUR)).toEqual([]);
  });

  it('replaces a snooze of the same scope, even with a shorter one, and ends it on request', () => {
    const book = new SnoozeBook();
    const scope = { kind: 'room', profile: 'prod', groupId: '@TGS#a' } as const;
    book.snooze(scope, now + 4 * HOUR);
    book.snooze({ ...scope }, now + 15 * 60_000);
    expect(book.active(now)).toEqual([{ scope, until: now + 15 * 60_000 }]);
    expect(book.unsnooze({ kind: 'room', profile: 'prod', groupId: '@TGS#b' })).toBe(false);
    expect(book.unsnooze(scope)).toBe(true);
    expect(book.isSnoozed(room, now)).toBe(false);
  });

  it('keeps profile and room names apart whatever characters they hold', () => {
    const book = new SnoozeBook();
    book.snooze({ kind: 'room', profile: 'a","b', groupId: 'c' }, now + HOUR);
    expect(book.isSnoozed(alertOf({ profile: 'a', groupId: 'b","c' }), now)).toBe(false);
    expect(book.isSnoozed(alertOf({ profile: 'a","b', groupId: 'c' }), now)).toBe(true);
  });

  it('survives a restart through JSON', () => {
    const book = new SnoozeBook();
    book.snooze({ kind: 'all' }, now + HOUR);
    book.snooze({ kind: 'room', profile: 'prod', groupId: '@TGS#a' }, now + 2 * HOUR);
    const restored = SnoozeBook.fromJSON(JSON.parse(JSON.stringify(book)));
    expect(restored.active(now)).toEqual(book.active(now));
    expect(restored.isSnoozed(otherProfile, now)).toBe(true);
  });

  it('skips saved entries that make no sense instead of refusing the whole state', () => {
    const restored = SnoozeBook.fromJSON({
      version: 1,
      snoozes: [
        { scope: { kind: 'profile', profile: 'prod' }, until: now + HOUR },
        { scope: { kind: 'room', profile: 'prod' }, until: now + HOUR },
        { scope: { kind: 'all' }, until: 'tomorrow' },
        null,
      ],
    });
    expect(restored.active(now)).toEqual([
      { scope: { kind: 'profile', profile: 'prod' }, until: now + HOUR },
    ]);
    expect(SnoozeBook.fromJSON('garbage').active(now)).toEqual([]);
    expect(SnoozeBook.fromJSON(null).active(now)).toEqual([]);
  });
});
