import { describe, expect, it } from 'vitest';
import type { WebhookConfig } from '../../../main/core/alerts/webhook-format';
import { networkError } from '../../../main/node/network-failure';
import { createWebhookNotifier } from '../../../main/node/notify/webhook-notifier';
import { eventually } from '../../support/eventually';
import { ALERT, always, type Receiver, RecordingClock, receiversForEachTest } from './webhook-receiver';

const receiver = receiversForEachTest();

describe('failures and retries', () => {
  it('retries a 500 with backoff and jitter on the injected clock, and succeeds on the third attempt', async () => {
    const robot = await receiver((_, index) =>
      index < 2 ? { status: 500, body: 'busy' } : { status: 200, body: 'ok' },
    );
    const clock = new RecordingClock();
    const config: WebhookConfig = {
      url: `${robot.base}/services/T/B/tok`,
      format: 'slack',
      timeoutMs: 60_000,
    };
    const pending = createWebhookNotifier(config, { clock, random: () => 0.5 }).deliver(ALERT);
    await driveBackoff(clock, robot, [750, 1_500]);
    const delivery = await pending;
    expect(delivery).toEqual({ channel: expect.any(String), outcome: 'sent', at: clock.wall(), attempts: 3 });
    expect(robot.received).toHaveLength(3);
  });

  it('gives up after the first attempt and 3 retries, saying what went wrong', async () => {
    const robot = await receiver(always(503, 'upstream unavailable'));
    const clock = new RecordingClock();
    const config: WebhookConfig = { url: `${robot.base}/in`, format: 'json', timeoutMs: 60_000 };
    const pending = createWebhookNotifier(config, { clock, random: () => 0.5 }).deliver(ALERT);
    await driveBackoff(clock, robot, [750, 1_500, 3_000]);
    const delivery = await pending;
    expect(delivery).toMatchObject({ outcome: 'failed', attempts: 4 });
    expect(delivery.detail).toBe(
      `after 4 attempts, HTTP 503 from ${new URL(robot.base).host}: "upstream unavailable"`,
    );
    expect(robot.received).toHaveLength(4);
  });

  it('counts a hung receiver as a failed attempt when its time is up, and frees the connection', async () => {
    const robot = await receiver(() => undefined);
    const clock = new RecordingClock();
    const config: WebhookConfig = { url: `${robot.base}/in`, format: 'json', timeoutMs: 2_000, retries: 1 };
    const pending = createWebhookNotifier(config, { clock, random: () => 0.5 }).deliver(ALERT);
    await eventually(() => robot.received.length === 1, 'the first request');
    await clock.advance(2_000);
    await eventually(() => robot.abandoned === 1, 'the first connection to close');
    await eventually(() => clock.requested.includes(750), 'the backoff timer');
    await clock.advance(750);
    await eventually(() => robot.received.length === 2, 'the retry');
    await clock.advance(2_000);
    const delivery = await pending;
    expect(delivery).toMatchObject({ outcome: 'failed', attempts: 2 });
    expect(delivery.detail).toBe(`after 2 attempts, no answer from ${new URL(robot.base).host} within 2 s`);
    await eventually(() => robot.abandoned === 2, 'the second connection to close');
  });

  it('times out on the real clock by default', async () => {
    const robot = await receiver(() => undefined);
    const config: WebhookConfig = { url: `${robot.base}/in`, format: 'json', timeoutMs: 200, retries: 0 };
    const delivery = await createWebhookNotifier(config).deliver(ALERT);
    expect(delivery).toMatchObject({
      outcome: 'failed',
      attempts: 1,
      detail: expect.stringContaining('within 0.2 s'),
    });
  });

  it('treats a 200 whose body carries an error code as a failure', async () => {
    const robot = await receiver(always(200, '{"errcode":310000,"errmsg":"keywords not in content"}'));
    const url = `${robot.base}/robot/send?access_token=tok0123456789`;
    const delivery = await createWebhookNotifier({ url, format: 'dingtalk', retries: 0 }).deliver(ALERT);
    expect(delivery).toMatchObject({ outcome: 'failed', attempts: 1 });
    expect(delivery.detail).toBe(
      `${new URL(robot.base).host} refused it: errcode 310000: keywords not in content`,
    );
  });

  it('does not retry a refusal that will not change', async () => {
    const robot = await receiver(always(404, 'channel_not_found'));
    const url = `${robot.base}/services/T0AAAAAAA/B0BBBBBBB/XXXXXXXXXXXXXXXXXXXXXXXX`;
    const delivery = await createWebhookNotifier({ url, format: 'slack', retries: 3 }).deliver(ALERT);
    expect(delivery).toMatchObject({ outcome: 'failed', attempts: 1 });
    expect(delivery.detail).toMatch(/^HTTP 404 from 127\.0\.0\.1:\d+: "channel_not_found" \(not retried/);
    expect(robot.received).toHaveLength(1);
  });

  it('reports a redirect instead of following it', async () => {
    const robot = await receiver(() => ({ status: 302, body: '' }));
    const delivery = await createWebhookNotifier({ url: `${robot.base}/in`, format: 'json' }).deliver(ALERT);
    expect(delivery).toMatchObject({
      outcome: 'failed',
      attempts: 1,
      detail: expect.stringMatching(/^HTTP 302 from/),
    });
  });

  it('reports a refused connection in words', async () => {
    const robot = await receiver(always(200));
    const url = `${robot.base}/in`;
    await robot.close();
    const delivery = await createWebhookNotifier({ url, format: 'json', retries: 0 }).deliver(ALERT);
    expect(delivery).toMatchObject({ outcome: 'failed', attempts: 1 });
    expect(delivery.detail).toBe(`cannot connect to ${new URL(url).host}: connection refused (ECONNREFUSED)`);
  });

  it('reports a refused connection in words when every address of a name refused, with no code of its own', () => {
    // What fetch's connector may throw for a name with an IPv4 and an IPv6 address that both refused.
    const refused = (address: string) =>
      Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: 'ECONNREFUSED' });
    const all = new AggregateError([refused('::1:9'), refused('127.0.0.1:9')]);
    const error = networkError(all, new URL('https://robot.example/in?token=secret'));
    expect(error.message).toBe('cannot connect to robot.example: connection refused (ECONNREFUSED)');
    expect(networkError({ cause: refused('x') }, new URL('https://robot.example/')).message).toMatch(
      /connection refused/,
    );
  });

  it('resolves even when the transport throws', async () => {
    const post = (): never => {
      throw new TypeError('transport broke');
    };
    const notifier = createWebhookNotifier(
      { url: 'https://example.com/in', format: 'json', retries: 0 },
      { post },
    );
    expect(await notifier.deliver(ALERT)).toMatchObject({ outcome: 'failed', detail: 'transport broke' });
  });
});

/** Advances past each expected backoff once its timer exists, checking no retry went out early. */
async function driveBackoff(clock: RecordingClock, robot: Receiver, backoffs: number[]): Promise<void> {
  for (const [i, ms] of backoffs.entries()) {
    await eventually(() => clock.requested.filter((d) => d !== 60_000).length === i + 1, `backoff ${i + 1}`);
    expect(clock.requested.at(-1)).toBe(ms);
    expect(robot.received).toHaveLength(i + 1);
    await clock.advance(ms - 1);
    expect(clock.pendingTimers).toBe(1);
    await clock.advance(1);
    await eventually(() => robot.received.length === i + 2, `attempt ${i + 2}`);
  }
}
