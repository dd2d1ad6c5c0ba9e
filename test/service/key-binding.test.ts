import { describe, expect, it } from 'vitest';
import type { ProfileInput } from '../../main/contract/monitor-api';
import { storedKeyRefusal } from '../../main/service/key-binding';
import type { ProfileRecord } from '../../main/service/service-ports';

const saved: ProfileRecord = {
  id: 'app-1',
  label: 'Events',
  sdkAppId: 1400000001,
  identifier: 'administrator',
  region: 'singapore',
  rooms: [],
};
const same: ProfileInput = {
  id: 'app-1',
  label: 'Events',
  sdkAppId: 1400000001,
  identifier: 'administrator',
  region: 'singapore',
};

describe('the stored key is bound to where it was entered for', () => {
  it('lets the saved key serve the same app, admin and region, whatever the label', () => {
    expect(storedKeyRefusal(same, saved)).toBeNull();
    expect(storedKeyRefusal({ ...same, label: 'Renamed' }, saved)).toBeNull();
    // The same data centre, however its key is spelled.
    expect(storedKeyRefusal({ ...same, region: 'Singapore' }, saved)).toBeNull();
  });

  it.each([
    ['another SDKAppID', { sdkAppId: 1400000002 }],
    ['another admin', { identifier: 'admin2' }],
    ['another region', { region: 'tokyo' }],
    [
      'an endpoint instead of the region',
      { region: undefined, endpoint: 'https://adminapisgp.im.qcloud.com' },
    ],
    ['an endpoint on this machine', { region: undefined, endpoint: 'http://127.0.0.1:9999' }],
  ])('asks for the key again for %s', (_, change) => {
    const refusal = storedKeyRefusal({ ...same, ...change }, saved);
    expect(refusal).toMatch(
      /signs only for SDKAppID 1400000001, admin "administrator" at the singapore region/,
    );
    expect(refusal).toMatch(/enter the secret key again; nothing was sent/);
  });

  it('asks for the key again when a profile on an endpoint of its own moves to another one', () => {
    const local = { ...saved, region: undefined, endpoint: 'http://127.0.0.1:9999' };
    expect(
      storedKeyRefusal({ ...same, region: undefined, endpoint: 'http://127.0.0.1:9999/' }, local),
    ).toBeNull();
    // A custom endpoint has no backup host: only where its one host points tells two apart.
    expect(
      storedKeyRefusal({ ...same, region: undefined, endpoint: 'https://collector.example' }, local),
    ).toMatch(/signs only for SDKAppID 1400000001, admin "administrator" at http:\/\/127\.0\.0\.1:9999/);
  });

  it('asks for the key for an id that names no saved profile', () => {
    expect(storedKeyRefusal({ ...same, id: 'app-9' }, undefined)).toMatch(
      /no saved app profile "app-9".*enter the secret key again/,
    );
  });

  it('lets any change through with the key in the same request, and a new profile without one', () => {
    expect(
      storedKeyRefusal({ ...same, endpoint: 'https://x.example', region: undefined, secretKey: 'k' }, saved),
    ).toBeNull();
    const { id: _, ...fresh } = same;
    expect(storedKeyRefusal(fresh, undefined)).toBeNull();
  });
});
