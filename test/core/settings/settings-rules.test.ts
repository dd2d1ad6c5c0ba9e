import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../main/core/config-error';
import { parseSettings, roomSettings } from '../../../main/core/settings/settings-rules';

describe('settings', () => {
  it('takes an empty or missing file as all defaults', () => {
    expect(parseSettings(undefined, 'x')).toEqual({});
    expect(parseSettings({}, 'x')).toEqual({});
  });

  it('names every field that is wrong, and where', () => {
    const attempt = () =>
      parseSettings(
        {
          rules: { spike: { percent: -5, people: 10, windowSeconds: 60 }, colour: 'red' },
          quietHours: { start: '25:00', end: '08:00' },
          webhooks: [{ url: 'not a url', format: 'teams' }],
        },
        '/home/me/.config/headcount/config.json',
      );
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/config\.json are not valid/);
    expect(attempt).toThrow(/rules\.spike\.percent:/);
    expect(attempt).toThrow(/rules: Unrecognized key: "colour"/);
    expect(attempt).toThrow(/quietHours\.start: a time of day like "23:00"/);
    expect(attempt).toThrow(/webhooks\.0\.url:/);
    expect(attempt).toThrow(/webhooks\.0\.format:/);
  });

  it('collects per-room rules and labels', () => {
    const settings = parseSettings(
      { rooms: { '@TGS#a': { label: 'Launch Day', rules: { below: { threshold: 10 } } }, plain: {} } },
      'x',
    );
    expect(roomSettings(settings)).toEqual({
      roomRules: { '@TGS#a': { below: { threshold: 10 } } },
      labels: { '@TGS#a': 'Launch Day' },
    });
  });
});
