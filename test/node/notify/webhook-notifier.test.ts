import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { WebhookConfig } from '../../../main/core/alerts/webhook-format';
import { ConfigError } from '../../../main/core/config-error';
import { createWebhookNotifier } from '../../../main/node/notify/webhook-notifier';
import { ALERT, always, receiversForEachTest } from './webhook-receiver';

const DINGTALK_SECRET = 'SECd1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6';
const FEISHU_SECRET = 'feishuSecret0123456789';
const OK_ERRCODE = '{"errcode":0,"errmsg":"ok"}';

const receiver = receiversForEachTest();

describe('each preset as the robot receives it', () => {
  it('WeCom: a markdown message POSTed as JSON to the URL as configured', async () => {
    const robot = await receiver(always(200, OK_ERRCODE));
    const url = `${robot.base}/cgi-bin/webhook/send?key=693a91f6-7a3c-4bd5-9f1e-0c1d2e3f4a5b`;
    const delivery = await createWebhookNotifier({ url, format: 'wecom' }).deliver(ALERT);
    expect(delivery).toMatchObject({
      channel: `webhook wecom (${new URL(robot.base).host})`,
      outcome: 'sent',
      attempts: 1,
    });
    expect(robot.received).toHaveLength(1);
    const [got] = robot.received;
    expect(got).toMatchObject({
      method: 'POST',
      path: '/cgi-bin/webhook/send?key=693a91f6-7a3c-4bd5-9f1e-0c1d2e3f4a5b',
    });
    expect(got?.contentType).toMatch(/^application\/json/);
    expect(JSON.parse(got?.body ?? '')).toEqual({
      msgtype: 'markdown',
      markdown: {
        content: expect.stringContaining("**Room 'Launch Day' 1,240 online**\n+85% in 2 min, peak 1,300"),
      },
    });
  });

  it('DingTalk: a signature the robot can verify, made when the request is sent', async () => {
    const robot = await receiver((received) => {
      const query = new URL(received.path, 'http://robot').searchParams;
      const timestamp = query.get('timestamp') ?? '';
      const expected = createHmac('sha256', DINGTALK_SECRET)
        .update(`${timestamp}\n${DINGTALK_SECRET}`)
        .digest('base64');
      // DingTalk refuses timestamps more than an hour away from its own clock.
      const fresh = Math.abs(Date.now() - Number(timestamp)) < 3_600_000;
      return query.get('sign') === expected && fresh && query.get('access_token') === 'tok0123456789'
        ? { status: 200, body: OK_ERRCODE }
        : { status: 200, body: '{"errcode":310000,"errmsg":"sign not match"}' };
    });
    const url = `${robot.base}/robot/send?access_token=tok0123456789`;
    const notifier = createWebhookNotifier({ url, format: 'dingtalk', secret: DINGTALK_SECRET, retries: 0 });
    expect(await notifier.deliver(ALERT)).toMatchObject({ outcome: 'sent', attempts: 1 });
    expect(JSON.parse(robot.received[0]?.body ?? '')).toMatchObject({
      msgtype: 'markdown',
      markdown: { title: ALERT.title },
    });
  });

  it('Feishu: a text message with timestamp and sign in the body', async () => {
    const robot = await receiver((received) => {
      const body = JSON.parse(received.body) as { timestamp: string; sign: string };
      const expected = createHmac('sha256', `${body.timestamp}\n${FEISHU_SECRET}`)
        .update('')
        .digest('base64');
      const fresh = Math.abs(Date.now() / 1000 - Number(body.timestamp)) < 3_600;
      return body.sign === expected && fresh
        ? { status: 200, body: '{"code":0,"data":{},"msg":"success"}' }
        : { status: 200, body: '{"code":19021,"data":{},"msg":"sign match fail"}' };
    });
    const url = `${robot.base}/open-apis/bot/v2/hook/5e3d587e-d78e-4a07-bd07-265f269f86fd`;
    const notifier = createWebhookNotifier({ url, format: 'feishu', secret: FEISHU_SECRET, retries: 0 });
    expect(await notifier.deliver(ALERT)).toMatchObject({ outcome: 'sent', attempts: 1 });
    expect(JSON.parse(robot.received[0]?.body ?? '')).toMatchObject({
      msg_type: 'text',
      content: { text: expect.stringContaining(`${ALERT.title}\n${ALERT.message}`) },
    });
  });

  it('Slack: text, accepted when the answer is "ok"', async () => {
    const robot = await receiver(always(200, 'ok'));
    const url = `${robot.base}/services/T0AAAAAAA/B0BBBBBBB/XXXXXXXXXXXXXXXXXXXXXXXX`;
    const delivery = await createWebhookNotifier({ url, format: 'slack', name: 'ops' }).deliver(ALERT);
    expect(delivery).toMatchObject({
      outcome: 'sent',
      channel: expect.stringMatching(/^webhook ops \(slack, 127/),
    });
    expect(JSON.parse(robot.received[0]?.body ?? '')).toEqual({
      text: `*${ALERT.title}*\n${ALERT.message}\n_Headcount · Main app_`,
    });
  });

  it('JSON: the alert itself, any 2xx accepted', async () => {
    const robot = await receiver(always(204));
    const delivery = await createWebhookNotifier({ url: `${robot.base}/in`, format: 'json' }).deliver(ALERT);
    expect(delivery.outcome).toBe('sent');
    expect(JSON.parse(robot.received[0]?.body ?? '')).toEqual({ type: 'alert', ...ALERT });
  });
});

describe('the webhook’s secrets stay out of everything it returns', () => {
  const TOKEN = '5e3d587e-d78e-4a07-bd07-265f269f86fd';
  const KEY = 'key0123456789abcdef';

  it('masks the token and signing secret even when the server echoes them', async () => {
    const robot = await receiver((received) => ({
      status: 500,
      body: `no route for ${received.path} (secret ${FEISHU_SECRET}, body ${received.body})`,
    }));
    const url = `${robot.base}/open-apis/bot/v2/hook/${TOKEN}?key=${KEY}`;
    const notifier = createWebhookNotifier({ url, format: 'feishu', secret: FEISHU_SECRET, retries: 0 });
    const delivery = await notifier.deliver(ALERT);
    expect(robot.received[0]?.path).toContain(TOKEN);
    expect(delivery.detail).toContain('no route for /open-apis/bot/v2/hook/***?key=***');
    expectNoSecrets([notifier.channel, JSON.stringify(delivery)], [TOKEN, KEY, FEISHU_SECRET]);
  });

  it('refuses plain http to another machine, naming the URL without its token', () => {
    const refusal = configError({ url: `http://hooks.example.com/hook/${TOKEN}`, format: 'json' });
    expect(refusal).toMatch(/^The webhook http:\/\/hooks\.example\.com\/hook\/\*\*\* must use https:\/\//);
    expectNoSecrets([refusal], [TOKEN]);
  });

  it.each<[string, WebhookConfig, RegExp]>([
    ['an invalid URL', { url: `hooks.example.com/${TOKEN}`, format: 'json' }, /is not a valid URL/],
    ['another scheme', { url: `ftp://example.com/${TOKEN}`, format: 'json' }, /must start with https:\/\//],
    ['credentials', { url: `https://u:${KEY}@example.com/in`, format: 'json' }, /user name or password/],
    [
      'a secret on Slack',
      { url: 'https://hooks.slack.com/x', format: 'slack', secret: KEY },
      /dingtalk and feishu/,
    ],
    [
      'an unknown format',
      { url: 'https://x.example/in', format: 'teams' as 'json' },
      /Unknown webhook format "teams"/,
    ],
    ['a bad retry count', { url: 'https://x.example/in', format: 'json', retries: 1.5 }, /whole number/],
    ['a bad timeout', { url: 'https://x.example/in', format: 'json', timeoutMs: 0 }, /positive number/],
  ])('refuses %s at creation', (_, config, message) => {
    const refusal = configError(config);
    expect(refusal).toMatch(message);
    expectNoSecrets([refusal], [TOKEN, KEY]);
  });

  it('accepts http to loopback names', () => {
    for (const host of ['localhost', '127.0.0.1', '[::1]']) {
      expect(() => createWebhookNotifier({ url: `http://${host}:9/in`, format: 'json' })).not.toThrow();
    }
  });
});

function configError(config: WebhookConfig): string {
  try {
    createWebhookNotifier(config);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

function expectNoSecrets(texts: string[], secrets: string[]): void {
  for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
}
