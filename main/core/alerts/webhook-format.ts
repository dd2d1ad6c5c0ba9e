/**
 * What each chat robot expects to receive for one alert, and how it says that it refused one.
 *
 * - WeCom group robot: https://developer.work.weixin.qq.com/document/path/91770 (markdown message;
 *   answers `{"errcode":0,"errmsg":"ok"}`).
 * - DingTalk custom robot: https://open.dingtalk.com/document/robots/custom-robot-access (markdown
 *   message) and https://open.dingtalk.com/document/robots/customize-robot-security-settings
 *   (signing: `timestamp` in ms and `sign` in the query; answers `{"errcode":0,"errmsg":"ok"}`).
 * - Feishu / Lark custom bot: https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
 *   (text message; signing: `timestamp` in seconds and `sign` in the body; answers `{"code":0,...}`,
 *   older deployments `{"StatusCode":0,...}`).
 * - Slack incoming webhook: https://api.slack.com/messaging/webhooks (answers the text `ok`; errors
 *   per https://api.slack.com/changelog/2016-05-17-changes-to-errors-for-incoming-webhooks).
 */
import { createHmac } from 'node:crypto';
import type { WebhookFormat } from '../../common/webhook-formats';
import type { Alert } from './alert';

/** One webhook a team receives alerts on. */
export interface WebhookConfig {
  /** The robot's full URL, token included; shown to people only through `redactUrl`. */
  url: string;
  format: WebhookFormat;
  /** DingTalk / Feishu signing secret ("加签" / "签名校验"). */
  secret?: string;
  /** A name for people and the log. */
  name?: string;
  /** How long one attempt may take; default 5000. */
  timeoutMs?: number;
  /** Retries after the first attempt; default 3. */
  retries?: number;
}

/** One POST to make: the URL (DingTalk's signature goes there) and the JSON body. */
export interface WebhookRequest {
  url: string;
  body: string;
}

// Robots with a keyword check ("自定义关键词") drop messages without the keyword; the product name in
// every message lets a team use it as theirs.
const SIGNATURE = 'Headcount';

/** The request for `alert` in the config's format, signed at `nowMs` when the config has a secret. */
export function buildWebhookRequest(
  config: Pick<WebhookConfig, 'url' | 'format' | 'secret'>,
  alert: Alert,
  nowMs: number,
): WebhookRequest {
  const { url, secret } = config;
  switch (config.format) {
    case 'wecom':
      return {
        url,
        body: JSON.stringify({ msgtype: 'markdown', markdown: { content: wecomMarkdown(alert) } }),
      };
    case 'dingtalk': {
      const body = JSON.stringify({
        msgtype: 'markdown',
        markdown: { title: alert.title, text: dingtalkMarkdown(alert) },
      });
      if (!secret) return { url, body };
      const sign = encodeURIComponent(dingtalkSign(secret, nowMs));
      return { url: `${url}${url.includes('?') ? '&' : '?'}timestamp=${nowMs}&sign=${sign}`, body };
    }
    case 'feishu': {
      const message = { msg_type: 'text', content: { text: lines(alert).join('\n') } };
      if (!secret) return { url, body: JSON.stringify(message) };
      const timestamp = Math.floor(nowMs / 1000);
      return {
        url,
        body: JSON.stringify({
          timestamp: String(timestamp),
          sign: feishuSign(secret, timestamp),
          ...message,
        }),
      };
    }
    case 'slack':
      return { url, body: JSON.stringify({ text: slackText(alert) }) };
    case 'json':
      return { url, body: JSON.stringify({ type: 'alert', ...alert }) };
  }
}

/** DingTalk's `sign` before URL-encoding: base64 HMAC-SHA256 of "timestamp\nsecret", keyed with the secret. */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

/** Feishu's `sign`: base64 HMAC-SHA256 of an empty message, keyed with "timestamp\nsecret". */
export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

/**
 * Why a 2xx answer still means the robot refused the message, or undefined when it accepted it.
 * WeCom, DingTalk and Feishu answer 200 with an error code in JSON; Slack answers `ok` as text.
 */
export function webhookAnswerProblem(format: WebhookFormat, body: string): string | undefined {
  if (format === 'json') return undefined;
  if (format === 'slack') return body.trim() === 'ok' ? undefined : `Slack answered ${quote(body)}`;
  let answer: unknown;
  try {
    answer = JSON.parse(body);
  } catch {
    return `the answer was not the robot's JSON: ${quote(body)}`;
  }
  if (typeof answer !== 'object' || answer === null) return `unexpected answer ${quote(body)}`;
  const fields = answer as Record<string, unknown>;
  for (const [codeKey, messageKey] of [
    ['errcode', 'errmsg'],
    ['code', 'msg'],
    ['StatusCode', 'StatusMessage'],
  ] as const) {
    const code = fields[codeKey];
    if (code !== undefined && code !== 0) {
      const message = fields[messageKey];
      return `${codeKey} ${String(code)}${typeof message === 'string' ? `: ${message}` : ''}`;
    }
  }
  return undefined;
}

/** A short one-line excerpt of a server's answer for a failure detail. */
export function quote(body: string, max = 200): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return JSON.stringify(line.length > max ? `${line.slice(0, max)}…` : line);
}

function lines(alert: Alert): string[] {
  return [alert.title, alert.message, `${SIGNATURE} · ${alert.profile}`].filter((line) => line !== '');
}

function wecomMarkdown(alert: Alert): string {
  // WeCom markdown knows three font colours: info (green), comment (grey), warning (orange-red).
  const colour = alert.phase === 'recovered' ? 'info' : alert.severity === 'critical' ? 'warning' : undefined;
  const title = colour ? `<font color="${colour}">${alert.title}</font>` : alert.title;
  const message = alert.message ? `\n${alert.message}` : '';
  return `**${title}**${message}\n<font color="comment">${SIGNATURE} · ${alert.profile}</font>`;
}

function dingtalkMarkdown(alert: Alert): string {
  const message = alert.message ? `\n\n${alert.message}` : '';
  return `#### ${alert.title}${message}\n\n###### ${SIGNATURE} · ${alert.profile}`;
}

// Slack's mrkdwn needs exactly these three escaped: https://api.slack.com/reference/surfaces/formatting#escaping
function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function slackText(alert: Alert): string {
  const message = alert.message ? `\n${slackEscape(alert.message)}` : '';
  return `*${slackEscape(alert.title)}*${message}\n_${SIGNATURE} · ${slackEscape(alert.profile)}_`;
}
