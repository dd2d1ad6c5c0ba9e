import { describe, expect, it } from 'vitest';
import type { Alert } from '../../main/core/alerts/alert';
import type { AlertLog, AlertLogEntry, AlertLogQuery } from '../../main/core/alerts/alert-log';
import { AlertQueries } from '../../main/service/alert-queries';
import type { ProfileRecord } from '../../main/service/service-ports';

const PROFILE: ProfileRecord = { id: 'app-1', label: 'Events', sdkAppId: 1, identifier: 'admin', rooms: [] };

/** A log of one alert that notes every query it is asked. */
function logOf(alert: Alert, entries: AlertLogEntry[] = [{ alert, deliveries: [] }]) {
  const asked: AlertLogQuery[] = [];
  const log: Pick<AlertLog, 'list' | 'acknowledge'> = {
    list: (query = {}) => {
      asked.push(query);
      return entries.map((entry) => ({ ...entry }));
    },
    acknowledge: async (id) => id === alert.id,
  };
  return { log, asked };
}

const ALERT: Alert = {
  id: 'a1',
  rule: 'above',
  phase: 'firing',
  severity: 'warning',
  profile: 'Events',
  groupId: '@TGS#live',
  title: 'Launch Day is above 1,000',
  message: '1,234 online',
  at: 5,
};

describe("the UI's questions to the alert log", () => {
  it('asks for the latest 100 by default, and passes on since, room and limit', () => {
    const { log, asked } = logOf(ALERT);
    const queries = new AlertQueries(log, () => [PROFILE]);
    expect(queries.list({}).map((view) => view.id)).toEqual(['a1']);
    queries.list({ sinceMs: 1_000, key: 'app-1/@TGS#live', limit: 5 });
    expect(asked).toStrictEqual([{ limit: 100 }, { since: 1_000, groupId: '@TGS#live', limit: 5 }]);
  });

  it('names the alert by the id of the profile its label belongs to', () => {
    const queries = new AlertQueries(logOf(ALERT).log, () => [PROFILE]);
    expect(queries.view(ALERT)).toMatchObject({ id: 'a1', roomKey: 'app-1/@TGS#live' });
  });

  it('tells apart two apps: an alert belongs to the app whose label it carries, and its id keys its room', () => {
    const other: ProfileRecord = { ...PROFILE, id: 'app-2', label: 'Shop' };
    const shop = { ...ALERT, id: 'a2', profile: 'Shop' };
    const queries = new AlertQueries(logOf(shop).log, () => [PROFILE, other]);
    expect(queries.view(shop)).toMatchObject({ id: 'a2', roomKey: 'app-2/@TGS#live' });
    expect(queries.list({}).map((view) => view.roomKey)).toEqual(['app-2/@TGS#live']);
  });

  it('still shows the alerts of an app no longer set up, keyed by its label, and answers for its rooms', () => {
    const { log, asked } = logOf(ALERT);
    const queries = new AlertQueries(log, () => []);
    expect(queries.list({}).map((view) => view.roomKey)).toEqual(['Events/@TGS#live']);
    expect(queries.entries({ key: 'app-1/@TGS#live' }).map((entry) => entry.alert.id)).toEqual(['a1']);
    expect(asked.at(-1)).toStrictEqual({ groupId: '@TGS#live', limit: 200 });
  });

  it('answers nothing without a log, and refuses to acknowledge what it does not hold', async () => {
    expect(new AlertQueries(undefined, () => [PROFILE]).list({})).toEqual([]);
    expect(new AlertQueries(undefined, () => [PROFILE]).entries({})).toEqual([]);
    expect(new AlertQueries(undefined, () => [PROFILE]).ofRoom(PROFILE, '@TGS#live', 0)).toEqual([]);
    await expect(new AlertQueries(undefined, () => [PROFILE]).acknowledge('a1')).rejects.toThrow(
      /no alert "a1"/,
    );
    const queries = new AlertQueries(logOf(ALERT).log, () => [PROFILE]);
    await expect(queries.acknowledge('a1')).resolves.toBeUndefined();
    await expect(queries.acknowledge('nope')).rejects.toThrow('There is no alert "nope" in the log.');
  });
});

describe("the alert log's entries as the UI lists them", () => {
  const SENT = { channel: 'desktop', outcome: 'sent' as const, at: 6, attempts: 1 };
  const HELD = { channel: 'desktop', outcome: 'held' as const, at: 7, detail: 'snoozed until 20:30' };

  it('asks the log for a room of a profile by its label, a rule, and the default limit of 200', () => {
    const { log, asked } = logOf(ALERT);
    const queries = new AlertQueries(log, () => [PROFILE]);
    queries.entries({ key: 'app-1/@TGS#live', rule: 'above', sinceMs: 3 });
    queries.entries({});
    expect(asked).toStrictEqual([
      { since: 3, groupId: '@TGS#live', profile: 'Events', rule: 'above', limit: 200 },
      { limit: 200 },
    ]);
  });

  it("asks for a room of the second app by that app's label, not the first's", () => {
    const { log, asked } = logOf(ALERT);
    const other: ProfileRecord = { ...PROFILE, id: 'app-2', label: 'Shop' };
    new AlertQueries(log, () => [PROFILE, other]).entries({ key: 'app-2/@TGS#live' });
    expect(asked).toStrictEqual([{ groupId: '@TGS#live', profile: 'Shop', limit: 200 }]);
  });

  it('leaves the limit for after severity and acknowledgement are filtered', () => {
    const { log, asked } = logOf(ALERT);
    const queries = new AlertQueries(log, () => [PROFILE]);
    queries.entries({ severity: 'warning', limit: 1 });
    queries.entries({ unacknowledged: true, limit: 1 });
    expect(asked).toStrictEqual([{}, {}]);
  });

  it('gives each delivery its channel, outcome and time, the detail only where there is one', () => {
    const { log } = logOf(ALERT, [
      { alert: ALERT, deliveries: [SENT, HELD], acknowledgedAt: 9 },
      { alert: ALERT, deliveries: [] },
    ]);
    const [first, second] = new AlertQueries(log, () => [PROFILE]).entries({});
    expect(first?.deliveries).toEqual([
      { channel: 'desktop', outcome: 'sent', at: 6 },
      { channel: 'desktop', outcome: 'held', at: 7, detail: 'snoozed until 20:30' },
    ]);
    expect(first?.deliveries[0]).not.toHaveProperty('detail');
    expect(first?.acknowledgedAt).toBe(9);
    expect(second?.acknowledgedAt).toBeNull();
  });

  it("gives a room's alerts for its chart oldest first, from the log's newest first", () => {
    const older = { ...ALERT, id: 'a0', at: 1 };
    const { log, asked } = logOf(ALERT, [
      { alert: ALERT, deliveries: [] },
      { alert: older, deliveries: [] },
    ]);
    const marks = new AlertQueries(log, () => [PROFILE]).ofRoom(PROFILE, '@TGS#live', 0);
    expect(marks.map((view) => view.id)).toEqual(['a0', 'a1']);
    expect(asked).toStrictEqual([{ since: 0, groupId: '@TGS#live', profile: 'Events', limit: 1000 }]);
  });
});
