/**
 * Delivers alerts to a team's chat robot (WeCom, DingTalk, Feishu, Slack) or any JSON endpoint.
 * Each attempt has a deadline; failures that may pass (no answer, 5xx, 429, a robot's error code) are
 * retried with exponential backoff and jitter; a definite refusal (another 4xx, a redirect) is not.
 * The URL's token and the signing secret never appear in the channel name or any detail.
 */
import { WEBHOOK_FORMATS } from '../../common/webhook-formats';
import type { Alert, Delivery, Notifier } from '../../core/alerts/alert';
import { maskSecrets, redactUrl, urlSecrets } from '../../core/alerts/redact-url';
import {
  buildWebhookRequest,
  quote,
  type WebhookConfig,
  webhookAnswerProblem,
} from '../../core/alerts/webhook-format';
import { type Clock, systemClock, type TimerHandle } from '../../core/clock';
import { ConfigError } from '../../core/config-error';
import { isLoopbackHost } from '../../core/regions';
import { fetchWebhookPost, type WebhookPost, type WebhookPostAnswer } from './webhook-post';

export interface WebhookNotifierDeps {
  /** Sends one POST; Node's fetch by default. */
  post?: WebhookPost;
  /** Deadlines and backoff timers; the real clock by default. */
  clock?: Clock;
  /** Jitter source in [0, 1); Math.random by default. */
  random?: () => number;
}

const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_RETRIES = 3;
const MAX_RETRIES = 10;
const FIRST_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 30_000;

type Attempt = { ok: true } | { ok: false; reason: string; retryable: boolean };

/** A {@link Notifier} for one webhook. Throws {@link ConfigError} for a config that cannot work. */
export function createWebhookNotifier(config: WebhookConfig, deps: WebhookNotifierDeps = {}): Notifier {
  const target = checkConfig(config);
  const post = deps.post ?? fetchWebhookPost;
  const clock = deps.clock ?? systemClock;
  const random = deps.random ?? Math.random;
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retries = config.retries ?? DEFAULT_RETRIES;
  const secrets = [...urlSecrets(config.url), ...(config.secret ? [config.secret] : [])];
  const scrub = (text: string): string => maskSecrets(text, secrets);
  const channel = config.name
    ? `webhook ${config.name} (${config.format}, ${target.host})`
    : `webhook ${config.format} (${target.host})`;

  const attempt = async (alert: Alert): Promise<Attempt> => {
    const request = buildWebhookRequest(config, alert, clock.wall());
    const controller = new AbortController();
    let timer: TimerHandle | undefined;
    const deadline = new Promise<Attempt>((resolve) => {
      timer = clock.setTimer(() => {
        controller.abort();
        resolve({
          ok: false,
          reason: `no answer from ${target.host} within ${seconds(timeoutMs)}`,
          retryable: true,
        });
      }, timeoutMs);
    });
    const exchange = (async (): Promise<Attempt> => {
      try {
        return judge(await post({ ...request, signal: controller.signal }));
      } catch (error) {
        return { ok: false, reason: error instanceof Error ? error.message : String(error), retryable: true };
      }
    })();
    try {
      return await Promise.race([exchange, deadline]);
    } finally {
      clock.clearTimer(timer);
    }
  };

  const judge = (answer: WebhookPostAnswer): Attempt => {
    const { status, body } = answer;
    if (status >= 200 && status < 300) {
      const problem = webhookAnswerProblem(config.format, body);
      return problem
        ? { ok: false, reason: `${target.host} refused it: ${problem}`, retryable: true }
        : { ok: true };
    }
    const excerpt = body.trim() ? `: ${quote(body)}` : '';
    const retryable = status >= 500 || status === 408 || status === 425 || status === 429;
    return { ok: false, reason: `HTTP ${status} from ${target.host}${excerpt}`, retryable };
  };

  const wait = (ms: number): Promise<void> => new Promise((resolve) => clock.setTimer(resolve, ms));

  const deliver = async (alert: Alert): Promise<Delivery> => {
    let attempts = 1;
    let last = await attempt(alert);
    while (!last.ok && last.retryable && attempts <= retries) {
      await wait(backoffMs(attempts, random));
      attempts += 1;
      last = await attempt(alert);
    }
    const at = clock.wall();
    if (last.ok) return { channel, outcome: 'sent', at, attempts };
    const tries = attempts === 1 ? '' : `after ${attempts} attempts, `;
    const final = last.retryable || attempts > retries ? '' : ' (not retried: the answer will not change)';
    return { channel, outcome: 'failed', at, attempts, detail: scrub(`${tries}${last.reason}${final}`) };
  };

  return {
    channel,
    async deliver(alert: Alert): Promise<Delivery> {
      try {
        return await deliver(alert);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return { channel, outcome: 'failed', at: clock.wall(), attempts: 1, detail: scrub(reason) };
      }
    },
  };
}

/** The wait before retry `n` (1-based): doubling from 1 s up to 30 s, then scaled by 50–100 %. */
export function backoffMs(n: number, random: () => number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (n - 1));
  return Math.round(ceiling * (0.5 + random() / 2));
}

function checkConfig(config: WebhookConfig): URL {
  if (!WEBHOOK_FORMATS.includes(config.format)) {
    throw new ConfigError(
      `Unknown webhook format ${JSON.stringify(config.format)}: use one of ${WEBHOOK_FORMATS.join(', ')}.`,
    );
  }
  let url: URL;
  try {
    url = new URL(config.url);
  } catch {
    // URL's own error echoes its input, token and all.
    throw new ConfigError(`The ${config.format} webhook URL is not a valid URL.`);
  }
  const shown = redactUrl(config.url);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`The webhook ${shown} must start with https://.`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new ConfigError(
      `The webhook ${shown} must use https://: plain http:// is only allowed to this machine ` +
        '(localhost, 127.0.0.1, ::1), because the URL carries the robot’s token.',
    );
  }
  if (url.username || url.password)
    throw new ConfigError(`The webhook ${shown} must not contain a user name or password.`);
  if (url.hash) throw new ConfigError(`The webhook ${shown} must not contain a fragment (#).`);
  if (config.secret !== undefined && config.format !== 'dingtalk' && config.format !== 'feishu') {
    throw new ConfigError(
      `A signing secret applies to dingtalk and feishu webhooks only, not ${config.format}.`,
    );
  }
  if (config.secret === '') throw new ConfigError('The webhook signing secret is empty.');
  const { timeoutMs, retries } = config;
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new ConfigError(
      `The webhook timeout must be a positive number of milliseconds (got ${timeoutMs}).`,
    );
  }
  if (retries !== undefined && !(Number.isInteger(retries) && retries >= 0 && retries <= MAX_RETRIES)) {
    throw new ConfigError(
      `The webhook retries must be a whole number from 0 to ${MAX_RETRIES} (got ${retries}).`,
    );
  }
  return url;
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
