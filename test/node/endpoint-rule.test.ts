import { describe, expect, it } from 'vitest';
import { loadAppSettings } from '../../main/core/settings/app-settings-load';
import { loadConnection } from '../../main/node/credentials';
import { checkProfileInput } from '../../main/service/profile-form';

/** One rule wherever an endpoint comes in: https, or plain http only to this machine. */
describe('a custom endpoint is https, or http only to loopback, wherever it is accepted', () => {
  const plain = 'http://im.example.com';
  const env = { HEADCOUNT_SDKAPPID: '1400000000', HEADCOUNT_IDENTIFIER: 'admin', HEADCOUNT_SECRET_KEY: 'k' };

  it('in the environment and on the command line', () => {
    expect(() => loadConnection({}, { ...env, HEADCOUNT_ENDPOINT: plain })).toThrow(/must use https:\/\//);
    expect(() => loadConnection({ endpoint: plain }, env)).toThrow(/must use https:\/\//);
    expect(loadConnection({ endpoint: 'http://127.0.0.1:9000' }, env).connection.endpoint.primary).toBe(
      'http://127.0.0.1:9000',
    );
  });

  it('from the API (the settings form, the dashboard)', () => {
    const input = { label: 'x', sdkAppId: 1, identifier: 'admin', endpoint: plain };
    expect(() => checkProfileInput(input, undefined, new Map())).toThrow(/must use https:\/\//);
  });

  it('in the settings file, where the profile is left out and the rest kept', () => {
    const outcome = loadAppSettings({
      schemaVersion: 1,
      profiles: [{ id: 'p', label: 'x', sdkAppId: 1, identifier: 'admin', endpoint: plain, rooms: [] }],
    });
    expect(outcome.kind).toBe('invalid');
    expect(outcome.value.profiles).toEqual([]);
    if (outcome.kind === 'invalid') expect(outcome.problems.join('\n')).toMatch(/must use https:\/\//);
  });
});
