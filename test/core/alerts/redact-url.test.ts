import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskSecrets, redactUrl, urlSecrets } from '../../../main/core/alerts/redact-url';

describe('redactUrl', () => {
  it.each([
    [
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7a3c-4bd5-9f1e-0c1d2e3f4a5b',
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***',
    ],
    [
      'https://oapi.dingtalk.com/robot/send?access_token=50cb6e954c89afa14fb97754eafd886d&timestamp=1&sign=a%2Bb',
      'https://oapi.dingtalk.com/robot/send?access_token=***&timestamp=***&sign=***',
    ],
    [
      'https://hooks.slack.com/services/T0AAAAAAA/B0BBBBBBB/XXXXXXXXXXXXXXXXXXXXXXXX',
      'https://hooks.slack.com/services/***/***/***',
    ],
    [
      'https://open.feishu.cn/open-apis/bot/v2/hook/5e3d587e-d78e-4a07-bd07-265f269f86fd',
      'https://open.feishu.cn/open-apis/bot/v2/hook/***',
    ],
    ['https://discord.com/api/webhooks/123/abc', 'https://discord.com/api/webhooks/***/***'],
    [
      'https://alerts.example.com/api/v2/incoming/3f2a9c1b7d4e',
      'https://alerts.example.com/api/v2/incoming/***',
    ],
    [
      'https://alerts.example.com/api/v2/incoming/abcdefghijklmnopqrstu',
      'https://alerts.example.com/api/v2/incoming/***',
    ],
    ['http://127.0.0.1:8080/hook/tok?token=secret', 'http://127.0.0.1:8080/hook/***?token=***'],
    ['https://user:pass@example.com/in#frag', 'https://***@example.com/in#***'],
    ['https://example.com/in?flag&empty=', 'https://example.com/in?***&empty='],
  ])('%s -> %s', (url, redacted) => {
    expect(redactUrl(url)).toBe(redacted);
  });

  it('keeps plain path words', () => {
    expect(redactUrl('https://example.com/cgi-bin/webhook/send')).toBe(
      'https://example.com/cgi-bin/webhook/send',
    );
  });

  it('shows nothing of a string that is not a web URL', () => {
    expect(redactUrl('qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc')).toBe('(not a valid web URL)');
    expect(redactUrl('mailto:ops@example.com')).toBe('(not a valid web URL)');
  });

  it('never contains a token placed where robots put theirs', () => {
    const token = fc.stringMatching(/^[A-Za-z0-9_-]{8,48}$/);
    const place = fc.constantFrom(
      (t: string) => `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${t}`,
      (t: string) => `https://oapi.dingtalk.com/robot/send?access_token=${t}`,
      (t: string) => `https://hooks.slack.com/services/T0/B0/${t}`,
      (t: string) => `https://open.feishu.cn/open-apis/bot/v2/hook/${t}`,
      (t: string) => `https://example.com/in?a=1&token=${t}#x`,
    );
    fc.assert(
      fc.property(token, place, (t, at) => {
        const url = at(t);
        expect(redactUrl(url)).not.toContain(t);
        expect(maskSecrets(`POST ${url} failed`, urlSecrets(url))).not.toContain(t);
      }),
    );
  });
});

describe('urlSecrets and maskSecrets', () => {
  it('lists the masked pieces as written and decoded', () => {
    expect(urlSecrets('https://oapi.dingtalk.com/robot/send?access_token=abcd1234&sign=a%2Bb%3D')).toEqual([
      'abcd1234',
      'a%2Bb%3D',
      'a+b=',
    ]);
  });

  it('scrubs every occurrence, longer secrets first', () => {
    expect(maskSecrets('key=abcd1234 again abcd1234 and abcd', ['abcd', 'abcd1234'])).toBe(
      'key=*** again *** and ***',
    );
  });

  it('leaves short pieces alone so other words survive', () => {
    expect(maskSecrets('HTTP 500 after 1 try', ['1', '50'])).toBe('HTTP 500 after 1 try');
  });
});
