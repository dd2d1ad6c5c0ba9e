import { describe, expect, it } from 'vitest';
import { applySettingsPatch, type EditableSettings, webhookViews } from '../../main/service/settings-edit';

const HOOK = 'https://example.com/hook/secret-path-token';
const base: EditableSettings = {
  rules: { stale: true },
  webhooks: [{ url: HOOK, format: 'json', rules: ['closed'], minSeverity: 'critical' }],
  quietHours: { start: '23:00', end: '07:00' },
  app: null,
};

describe('settings patches, field by field', () => {
  it('shows a webhook’s filters and says it has no secret', () => {
    expect(webhookViews(base.webhooks)[0]).toMatchObject({
      name: null,
      hasSecret: false,
      rules: ['closed'],
      minSeverity: 'critical',
    });
  });

  it('keeps a webhook’s filters and takes a new secret with a new URL', () => {
    const next = applySettingsPatch(base, {
      webhooks: [
        { id: '0', format: 'json', rules: ['drop'], minSeverity: 'warning' },
        { format: 'wecom', url: 'https://example.com/other', secret: 'new-secret', name: '' },
      ],
    });
    expect(next.webhooks).toEqual([
      { url: HOOK, format: 'json', rules: ['drop'], minSeverity: 'warning' },
      { url: 'https://example.com/other', format: 'wecom', secret: 'new-secret' },
    ]);
  });

  it('replaces the rules, and clears quiet hours with null', () => {
    const next = applySettingsPatch(base, { rules: { stale: false }, quietHours: null });
    expect(next).toEqual({ ...base, rules: { stale: false }, quietHours: null });
    expect(applySettingsPatch(base, {})).toEqual(base);
  });
});
