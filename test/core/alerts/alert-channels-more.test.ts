import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Alert, Delivery, Notifier } from '../../../main/core/alerts/alert';
import { AlertDispatcher } from '../../../main/core/alerts/alert-dispatcher';
import { AlertLog } from '../../../main/core/alerts/alert-log';
import { redactUrl, urlSecrets } from '../../../main/core/alerts/redact-url';
import { SnoozeBook } from '../../../main/core/alerts/snooze';
import { buildWebhookRequest } from '../../../main/core/alerts/webhook-format';
import { nodeFilePort } from '../../../main/node/file-port';
import { FakeClock } from '../../support/fake-clock';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const ALERT: Alert = {
  id: 'alert-1',
  rule: 'spike',
  phase: 'firing',
  severity: 'warning',
  profile: 'prod',
  groupId: '@TGS#a',
  title: "Room 'Launch Day' 1,240 online",
  message: '+85% in 2 min',
  at: NOW,
};

describe('a signed DingTalk request to a URL without a query', () => {
  it('starts the query with the timestamp and the signature', () => {
    const request = buildWebhookRequest(
      { url: 'https://hooks.example.com/dingtalk', format: 'dingtalk', secret: 'SEC0123456789abcdef' },
      ALERT,
      NOW,
    );
    expect(request.url).toMatch(/^https:\/\/hooks\.example\.com\/dingtalk\?timestamp=\d+&sign=[^&]+$/);
  });
});

describe('the secrets of a URL that does not parse', () => {
  it('are the whole text, so an error quoting it is masked entirely', () => {
    expect(redactUrl('not a url at all')).toBe('(not a valid web URL)');
    expect(urlSecrets('not a url at all')).toEqual(['not a url at all']);
  });
});

describe('snoozes handed to a running dispatcher', () => {
  it('hold the desktop notifications from then on', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'headcount-dispatcher-'));
    try {
      const clock = new FakeClock();
      const log = await AlertLog.open(nodeFilePort, join(folder, 'alerts.jsonl'));
      const desktop: Notifier = {
        channel: 'desktop',
        deliver: async (): Promise<Delivery> => ({
          channel: 'desktop',
          outcome: 'sent',
          at: clock.wall(),
          attempts: 1,
        }),
      };
      const dispatcher = new AlertDispatcher({
        log,
        desktop: [desktop],
        team: [],
        snoozes: new SnoozeBook(),
        clock,
        timeZone: 'Asia/Shanghai',
      });
      expect((await dispatcher.dispatch(ALERT))[0]?.outcome).toBe('sent');
      const snoozes = new SnoozeBook();
      snoozes.snooze({ kind: 'room', profile: 'prod', groupId: '@TGS#a' }, clock.wall() + 60 * 60_000);
      dispatcher.setSnoozes(snoozes);
      expect((await dispatcher.dispatch({ ...ALERT, id: 'alert-2' }))[0]).toMatchObject({
        outcome: 'held',
        detail: 'snoozed until 21:00',
      });
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
