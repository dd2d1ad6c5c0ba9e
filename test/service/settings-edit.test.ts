import { describe, expect, it } from 'vitest';
import { applySettingsPatch, type EditableSettings, webhookViews } from '../../main/service/settings-edit';

const SLACK = 'https://hooks.slack.com/services/T0AAAA/B0BBBB/XyZsecretTokenValue';
const base: EditableSettings = {
  rules: { stale: true },
  webhooks: [{ url: SLACK, format: 'slack', name: 'ops', secret: 'sign-me' }],
  quietHours: null,
  app: null,
};

describe('editing the settings', () => {
  it('never shows a webhook URL or secret back', () => {
    const [view] = webhookViews(base.webhooks);
    expect(view).toEqual({
      id: '0',
      name: 'ops',
      format: 'slack',
      maskedUrl: 'https://hooks.slack.com/services/***/***/***',
      hasSecret: true,
      rules: null,
      minSeverity: null,
    });
  });

  it('keeps the saved URL and secret of a webhook edited without a new URL, and drops them with a new one', () => {
    const kept = applySettingsPatch(base, { webhooks: [{ id: '0', format: 'json', name: 'team' }] });
    expect(kept.webhooks).toEqual([{ url: SLACK, format: 'json', name: 'team', secret: 'sign-me' }]);
    const replaced = applySettingsPatch(base, {
      webhooks: [{ id: '0', format: 'json', url: 'https://example.com/hook' }],
    });
    expect(replaced.webhooks).toEqual([{ url: 'https://example.com/hook', format: 'json' }]);
  });

  it('refuses what could not apply, in words', () => {
    expect(() => applySettingsPatch(base, { webhooks: [{ format: 'json' }] })).toThrow(
      'A new webhook needs its URL.',
    );
    expect(() => applySettingsPatch(base, { quietHours: { start: '25:00', end: '07:00' } })).toThrow(
      /not a time of day/,
    );
    expect(() => applySettingsPatch(base, { app: { theme: 'dark' } })).toThrow(/no tray/);
  });

  it('replaces only the sections a patch names', () => {
    const next = applySettingsPatch(base, { quietHours: { start: '23:00', end: '07:00' } });
    expect(next).toEqual({ ...base, quietHours: { start: '23:00', end: '07:00' } });
  });
});
