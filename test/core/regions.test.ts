import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../main/core/config-error';
import { isLoopbackHost, REGIONS, resolveEndpoint } from '../../main/core/regions';

describe('REGIONS', () => {
  it('holds the reference table', () => {
    expect(REGIONS.map((r) => [r.key, r.primaryHost, r.backupHost])).toEqual([
      ['china', 'console.tim.qq.com', 'adminapi.my-imcloud.com'],
      ['singapore', 'adminapisgp.im.qcloud.com', 'adminapisgp.my-imcloud.com'],
      ['seoul', 'adminapikr.im.qcloud.com', 'adminapikr.my-imcloud.com'],
      ['tokyo', 'adminapijpn.im.qcloud.com', 'adminapijpn.my-imcloud.com'],
      ['frankfurt', 'adminapiger.im.qcloud.com', 'adminapiger.my-imcloud.com'],
      ['mumbai', 'adminapiind.im.qcloud.com', 'adminapiind.my-imcloud.com'],
      ['silicon-valley', 'adminapiusa.im.qcloud.com', 'adminapiusa.my-imcloud.com'],
      ['jakarta', 'adminapiidn.im.qcloud.com', 'adminapiidn.my-imcloud.com'],
    ]);
    for (const region of REGIONS) expect(region.label).not.toBe('');
  });
});

describe('resolveEndpoint', () => {
  it('gives both hosts of a region as https base URLs', () => {
    expect(resolveEndpoint({ region: 'singapore' })).toEqual({
      primary: 'https://adminapisgp.im.qcloud.com',
      backup: 'https://adminapisgp.my-imcloud.com',
    });
    expect(resolveEndpoint({ region: ' Tokyo ' }).primary).toBe('https://adminapijpn.im.qcloud.com');
  });

  it('names every valid key when the region is unknown', () => {
    const error = catchConfigError(() => resolveEndpoint({ region: 'mars' }));
    expect(error.message).toContain('mars');
    expect(error.message).toContain(REGIONS.map((region) => region.key).join(', '));
  });

  it('accepts a custom https endpoint, without a backup and without a trailing slash', () => {
    expect(resolveEndpoint({ endpoint: 'https://im-proxy.example.com:8443/' })).toEqual({
      primary: 'https://im-proxy.example.com:8443',
    });
    expect(resolveEndpoint({ endpoint: 'https://gw.example.com/tim//' }).primary).toBe(
      'https://gw.example.com/tim',
    );
  });

  it('reads an endpoint pasted with spaces around it', () => {
    expect(resolveEndpoint({ endpoint: '  https://gw.example.com/  ' })).toEqual({
      primary: 'https://gw.example.com',
    });
  });

  it('says why plain http is refused beyond this machine', () => {
    expect(catchConfigError(() => resolveEndpoint({ endpoint: 'http://example.com' })).message).toBe(
      'The endpoint must use https://: plain http:// is only allowed to this machine (localhost, 127.0.0.1, ::1), ' +
        'because the UserSig travels in the URL.',
    );
  });

  it.each([
    'http://localhost:5000',
    'http://127.0.0.1:5000',
    'http://127.8.9.10',
    'http://[::1]:5000',
    'HTTP://LOCALHOST:1',
  ])('accepts plain http to the loopback host %s', (endpoint) => {
    expect(resolveEndpoint({ endpoint }).primary).toMatch(/^http:\/\//);
  });

  it.each([
    ['http://example.com', /https/],
    ['http://10.0.0.1:8080', /https/],
    ['http://128.0.0.1', /https/],
    ['http://localhost.example.com', /https/],
    ['ftp://localhost', /https/],
    ['console.tim.qq.com', /not a URL/],
    ['https://user:pw@example.com', /user name or password/],
    ['https://user@example.com', /user name or password/],
    ['https://:pw@example.com', /user name or password/],
    ['https://example.com/?usersig=x', /query/],
  ])('refuses %s', (endpoint, message) => {
    expect(catchConfigError(() => resolveEndpoint({ endpoint })).message).toMatch(message);
  });

  it('refuses both or neither of region and endpoint', () => {
    expect(
      catchConfigError(() => resolveEndpoint({ region: 'china', endpoint: 'https://a.example' })).message,
    ).toMatch(/either/);
    expect(catchConfigError(() => resolveEndpoint({})).message).toMatch(/china/);
    expect(catchConfigError(() => resolveEndpoint({ region: '  ', endpoint: '' })).message).toMatch(
      /No region/,
    );
  });
});

describe('isLoopbackHost', () => {
  it('knows loopback names and addresses from others', () => {
    for (const host of ['localhost', 'localhost.', '127.0.0.1', '127.255.255.254', '[::1]', '::1'])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of [
      '127.example.com',
      '0.0.0.0',
      '::',
      '192.168.1.1',
      'localhostx',
      '1127.0.0.1',
      '127.0.0.1.example.com',
    ])
      expect(isLoopbackHost(host), host).toBe(false);
  });
});

function catchConfigError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).name).toBe('ConfigError');
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}
