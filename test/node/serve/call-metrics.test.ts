import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandOf } from '../../../main/node/serve/call-metrics';

/** The command as a parsed URL gives it: the last path segment that is not empty. */
function parsedCommandOf(url: string): string {
  try {
    return new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

describe("a call's command, read from its URL", () => {
  it('is the last path segment, whatever the query holds', () => {
    const url =
      'https://adminapisgp.im.qcloud.com/v4/group_open_http_svc/get_online_member_num?sdkappid=1400000000&identifier=admin&usersig=eJwtzF0/a/b?c&random=12&contenttype=json';
    expect(commandOf(url)).toBe('get_online_member_num');
    expect(commandOf('http://127.0.0.1:5000/v4/group_open_http_svc/get_group_info')).toBe('get_group_info');
    expect(commandOf('http://127.0.0.1:5000/v4/im_open_login_svc/account_check/#x/y')).toBe('account_check');
  });

  it('is unknown without a path or without a scheme', () => {
    for (const url of [
      'https://host',
      'https://host/',
      'https://host//?a=/b',
      'https://host?x=/a/b',
      'v4/x',
      '',
    ])
      expect(commandOf(url)).toBe('unknown');
  });

  it('reads as a parsed URL would, for any host, path and query', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_-]{0,12}$/);
    const query = fc.stringMatching(/^[A-Za-z0-9=&/%.:_-]{0,40}$/);
    fc.assert(
      fc.property(
        fc.constantFrom('http://127.0.0.1:8080', 'https://console.tim.qq.com', 'https://a.b'),
        fc.array(segment, { maxLength: 5 }),
        fc.boolean(),
        fc.option(query),
        fc.option(query),
        (origin, segments, slash, search, hash) => {
          const url = `${origin}/${segments.join('/')}${slash ? '/' : ''}${search === null ? '' : `?${search}`}${hash === null ? '' : `#${hash}`}`;
          expect(commandOf(url)).toBe(parsedCommandOf(url));
        },
      ),
    );
  });
});
