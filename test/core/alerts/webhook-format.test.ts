import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../main/core/alerts/alert';
import {
  buildWebhookRequest,
  dingtalkSign,
  feishuSign,
  webhookAnswerProblem,
} from '../../../main/core/alerts/webhook-format';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);

const SPIKE: Alert = {
  id: '01JDX0000000000000000000',
  rule: 'spike',
  phase: 'firing',
  severity: 'warning',
  profile: 'Main app',
  groupId: '@TGS#launch',
  label: 'Launch Day',
  title: "Room 'Launch Day' 1,240 online",
  message: '+85% in 2 min, peak 1,300',
  at: NOW,
  value: 1240,
};

function body(request: { body: string }): unknown {
  return JSON.parse(request.body);
}

describe('signatures', () => {
  // Vectors computed with `openssl dgst -sha256 -hmac`, independently of node:crypto.
  it('signs DingTalk requests as HMAC-SHA256 of "timestamp\\nsecret" keyed with the secret', () => {
    expect(dingtalkSign('SEC0123456789abcdef', 1_700_000_000_000)).toBe(
      'TSZbRFUuvaSQaRKUpF970OPCb2/LcQAP3wOvwZIzBZk=',
    );
  });

  it('signs Feishu requests as HMAC-SHA256 of nothing keyed with "timestamp\\nsecret"', () => {
    expect(feishuSign('feishu-secret-0123', 1_700_000_000)).toBe(
      '+1U0CMYEwDTNNFL+y2fnyQM4HJAMb/Bh4gSg7jklS/s=',
    );
  });
});

describe('bodies', () => {
  it('builds a WeCom markdown message with the title, the message and the profile', () => {
    const url = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc';
    const request = buildWebhookRequest({ url, format: 'wecom' }, SPIKE, NOW);
    expect(request.url).toBe(url);
    expect(body(request)).toEqual({
      msgtype: 'markdown',
      markdown: {
        content:
          "**Room 'Launch Day' 1,240 online**\n+85% in 2 min, peak 1,300\n" +
          '<font color="comment">Headcount · Main app</font>',
      },
    });
  });

  it('colours a critical WeCom title and a recovered one differently', () => {
    const url = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc';
    const critical = buildWebhookRequest({ url, format: 'wecom' }, { ...SPIKE, severity: 'critical' }, NOW);
    const recovered = buildWebhookRequest({ url, format: 'wecom' }, { ...SPIKE, phase: 'recovered' }, NOW);
    expect(critical.body).toContain('<font color=\\"warning\\">Room');
    expect(recovered.body).toContain('<font color=\\"info\\">Room');
  });

  it('builds a DingTalk markdown message and leaves the URL alone without a secret', () => {
    const url = 'https://oapi.dingtalk.com/robot/send?access_token=tok';
    const request = buildWebhookRequest({ url, format: 'dingtalk' }, SPIKE, NOW);
    expect(request.url).toBe(url);
    expect(body(request)).toEqual({
      msgtype: 'markdown',
      markdown: {
        title: "Room 'Launch Day' 1,240 online",
        text: "#### Room 'Launch Day' 1,240 online\n\n+85% in 2 min, peak 1,300\n\n###### Headcount · Main app",
      },
    });
  });

  it('adds the DingTalk timestamp (ms) and URL-encoded sign to the query with a secret', () => {
    const url = 'https://oapi.dingtalk.com/robot/send?access_token=tok';
    const request = buildWebhookRequest(
      { url, format: 'dingtalk', secret: 'SEC0123456789abcdef' },
      SPIKE,
      1_700_000_000_000,
    );
    expect(request.url).toBe(
      `${url}&timestamp=1700000000000&sign=TSZbRFUuvaSQaRKUpF970OPCb2%2FLcQAP3wOvwZIzBZk%3D`,
    );
  });

  it('builds a Feishu text message, signed in the body with the timestamp in seconds', () => {
    const url = 'https://open.feishu.cn/open-apis/bot/v2/hook/tok';
    expect(body(buildWebhookRequest({ url, format: 'feishu' }, SPIKE, NOW))).toEqual({
      msg_type: 'text',
      content: { text: "Room 'Launch Day' 1,240 online\n+85% in 2 min, peak 1,300\nHeadcount · Main app" },
    });
    const signed = buildWebhookRequest(
      { url, format: 'feishu', secret: 'feishu-secret-0123' },
      SPIKE,
      1_700_000_000_999,
    );
    expect(signed.url).toBe(url);
    expect(body(signed)).toMatchObject({
      timestamp: '1700000000',
      sign: '+1U0CMYEwDTNNFL+y2fnyQM4HJAMb/Bh4gSg7jklS/s=',
      msg_type: 'text',
    });
  });

  it('builds Slack text with &, < and > escaped', () => {
    const alert = { ...SPIKE, title: "Room 'Q&A <live>' 1,240 online" };
    expect(
      body(buildWebhookRequest({ url: 'https://hooks.slack.com/x', format: 'slack' }, alert, NOW)),
    ).toEqual({
      text: "*Room 'Q&amp;A &lt;live&gt;' 1,240 online*\n+85% in 2 min, peak 1,300\n_Headcount · Main app_",
    });
  });

  it('sends the whole alert as JSON with type "alert"', () => {
    const request = buildWebhookRequest({ url: 'https://example.com/in', format: 'json' }, SPIKE, NOW);
    expect(body(request)).toEqual({ type: 'alert', ...SPIKE });
  });

  it('leaves out an empty message line', () => {
    const alert = { ...SPIKE, message: '' };
    const request = buildWebhookRequest({ url: 'https://open.feishu.cn/x', format: 'feishu' }, alert, NOW);
    expect(body(request)).toMatchObject({
      content: { text: "Room 'Launch Day' 1,240 online\nHeadcount · Main app" },
    });
  });
});

describe('answers', () => {
  it('accepts the success answers of each robot', () => {
    expect(webhookAnswerProblem('wecom', '{"errcode":0,"errmsg":"ok"}')).toBeUndefined();
    expect(webhookAnswerProblem('dingtalk', '{"errcode":0,"errmsg":"ok"}')).toBeUndefined();
    expect(webhookAnswerProblem('feishu', '{"code":0,"data":{},"msg":"success"}')).toBeUndefined();
    expect(
      webhookAnswerProblem('feishu', '{"Extra":null,"StatusCode":0,"StatusMessage":"success"}'),
    ).toBeUndefined();
    expect(webhookAnswerProblem('slack', 'ok')).toBeUndefined();
    expect(webhookAnswerProblem('json', '')).toBeUndefined();
  });

  it('names the error code a robot reports in a 200 answer', () => {
    expect(webhookAnswerProblem('dingtalk', '{"errcode":310000,"errmsg":"sign not match"}')).toBe(
      'errcode 310000: sign not match',
    );
    expect(webhookAnswerProblem('wecom', '{"errcode":93000,"errmsg":"invalid webhook url"}')).toBe(
      'errcode 93000: invalid webhook url',
    );
    expect(webhookAnswerProblem('feishu', '{"code":19021,"msg":"sign match fail"}')).toBe(
      'code 19021: sign match fail',
    );
    expect(webhookAnswerProblem('feishu', '{"StatusCode":9499,"StatusMessage":"Bad Request"}')).toBe(
      'StatusCode 9499: Bad Request',
    );
  });

  it('treats an answer that is not the robot’s JSON, or Slack text other than "ok", as a refusal', () => {
    expect(webhookAnswerProblem('wecom', '<html>proxy login</html>')).toBe(
      'the answer was not the robot\'s JSON: "<html>proxy login</html>"',
    );
    expect(webhookAnswerProblem('dingtalk', '"ok"')).toBe('unexpected answer "\\"ok\\""');
    expect(webhookAnswerProblem('slack', 'invalid_payload')).toBe('Slack answered "invalid_payload"');
  });
});
