/** The chat tools a webhook can post to, each with its own message format. */
export const WEBHOOK_FORMATS = ['wecom', 'dingtalk', 'feishu', 'slack', 'json'] as const;

export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];
