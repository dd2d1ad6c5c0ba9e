import { describe, expect, it } from 'vitest';
import type { Alert } from '../../main/core/alerts/alert';
import type { AlertLog, AlertLogEntry, AlertLogQuery } from '../../main/core/alerts/alert-log';
import { AlertQueries } from '../../main/service/alert-queries';
import type { ProfileRecord } from '../../main/service/service-ports';

const PROFILE: ProfileRecord = { id: 'app-1', label: 'Events', sdkAppId: 1, identifier: 'admin', rooms: [] };

/** A log of one alert that notes every query it is asked. */
function logOf(alert: Alert) {
  const asked: AlertLogQuery[] = [];
  const log: Pick<AlertLog, 'list' | 'acknowledge'> = {
    list: (query = {}) => {
      asked.push(query);
      return [{ alert, deliveries: [] } satisfies AlertLogEntry];
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
    expect(asked).toEqual([{ limit: 100 }, { since: 1_000, groupId: '@TGS#live', limit: 5 }]);
  });

  it('names the alert by the id of the profile its label belongs to', () => {
    const queries = new AlertQueries(logOf(ALERT).log, () => [PROFILE]);
    expect(queries.view(ALERT)).toMatchObject({ id: 'a1', roomKey: 'app-1/@TGS#live' });
  });

  it('answers nothing without a log, and refuses to acknowledge what it does not hold', async () => {
    expect(new AlertQueries(undefined, () => [PROFILE]).list({})).toEqual([]);
    const queries = new AlertQueries(logOf(ALERT).log, () => [PROFILE]);
    await expect(queries.acknowledge('a1')).resolves.toBeUndefined();
    await expect(queries.acknowledge('nope')).rejects.toThrow('There is no alert "nope" in the log.');
  });
});
