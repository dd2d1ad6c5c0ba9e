import { describe, expect, it } from 'vitest';
import { fullUrl, RequestTargets } from '../../main/node/request-target';

const SIGNED =
  'https://adminapisgp.im.qcloud.com/v4/group_open_http_svc/get_online_member_num?sdkappid=1400000000&identifier=admin&usersig=eJw1jdEKgjAYhV8ls%2Bv%3D&random=42&contenttype=json';

describe('a request target', () => {
  it('sends the path and query as the URL has them, and parses the same origin once', () => {
    const targets = new RequestTargets();
    const first = targets.of(SIGNED);
    expect(first.path).toBe(SIGNED.slice('https://adminapisgp.im.qcloud.com'.length));
    expect(first.origin.host).toBe('adminapisgp.im.qcloud.com');
    expect(first.origin.protocol).toBe('https:');
    const second = targets.of(SIGNED.replace('random=42', 'random=43'));
    expect(second.origin).toBe(first.origin);
    expect(second.path).toContain('random=43');
  });

  it('gives the whole URL back, the same as parsing it', () => {
    const targets = new RequestTargets();
    expect(fullUrl(targets.of(SIGNED)).href).toBe(new URL(SIGNED).href);
    const v6 = 'http://[::1]:8080/v4/x?a=1';
    expect(targets.of(v6).origin.hostname).toBe('[::1]');
    expect(targets.of(v6).origin.port).toBe('8080');
    expect(fullUrl(targets.of(v6)).href).toBe(new URL(v6).href);
  });

  it('parses in full what it cannot pass on as it is', () => {
    const targets = new RequestTargets();
    expect(targets.of('http://127.0.0.1:9').path).toBe('/');
    expect(targets.of('http://127.0.0.1:9/a b?c=d e').path).toBe('/a%20b?c=d%20e');
  });

  it('refuses what is not an http(s) URL without echoing it', () => {
    const targets = new RequestTargets();
    expect(() => targets.of('not a url usersig=secret')).toThrow('The request URL is not a valid URL.');
    expect(() => targets.of('ftp://example.com/usersig=secret')).toThrow(
      'The request URL must be http: or https: (got ftp:).',
    );
    for (const bad of ['not a url usersig=secret', 'ftp://example.com/usersig=secret']) {
      try {
        targets.of(bad);
      } catch (error) {
        expect((error as Error).message).not.toContain('secret');
      }
    }
  });
});
