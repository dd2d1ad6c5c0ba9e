import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MONITOR_ARGUMENTS } from '../../main/service/monitor-api-schemas';
import { settingsPatch } from '../../main/service/settings-api-schemas';

/** What the transports answer for a refused patch: the words of each problem. */
function refusal(patch: unknown): string {
  const parsed = MONITOR_ARGUMENTS.updateSettings.safeParse([patch]);
  if (parsed.success) throw new Error('the patch was accepted');
  return z.prettifyError(parsed.error);
}

describe('the settings patch as it arrives', () => {
  it('takes a plausible shortcut, trimmed, or null for none', () => {
    expect(settingsPatch.parse({ app: { shortcut: ' Alt+Shift+F5 ' } })).toEqual({
      app: { shortcut: 'Alt+Shift+F5' },
    });
    expect(settingsPatch.parse({ app: { shortcut: null } })).toEqual({ app: { shortcut: null } });
  });

  it('refuses a shortcut the OS could not register, saying why', () => {
    expect(refusal({ app: { shortcut: 'H' } })).toMatch(/needs a modifier, as in CmdOrCtrl\+Shift\+H/);
    expect(refusal({ app: { shortcut: 'Ctrl+Hyper+K' } })).toMatch(/"Hyper" is not a modifier/);
    expect(refusal({ app: { shortcut: 'Ctrl+Shift' } })).toMatch(/has no key/);
    expect(refusal({ app: { shortcut: '   ' } })).toMatch(/app\.shortcut/);
  });

  it("takes a webhook's filter, and refuses one that would send nothing or names a rule twice", () => {
    const webhook = { id: '0', format: 'wecom' };
    expect(
      settingsPatch.parse({ webhooks: [{ ...webhook, rules: ['closed', 'auth'], minSeverity: 'warning' }] }),
    ).toEqual({ webhooks: [{ ...webhook, rules: ['closed', 'auth'], minSeverity: 'warning' }] });
    expect(refusal({ webhooks: [{ ...webhook, rules: [] }] })).toMatch(/webhooks\[0\]\.rules/);
    expect(refusal({ webhooks: [{ ...webhook, rules: ['closed', 'closed'] }] })).toMatch(
      /Name each alert rule once/,
    );
    expect(refusal({ webhooks: [{ ...webhook, rules: ['loud'] }] })).toMatch(/rules/);
    expect(refusal({ webhooks: [{ ...webhook, minSeverity: 'loud' }] })).toMatch(/minSeverity/);
  });

  it('lets quiet hours let nothing through, but not a rule twice', () => {
    const quiet = { start: '23:00', end: '07:30' };
    expect(settingsPatch.parse({ quietHours: { ...quiet, letThrough: [] } })).toEqual({
      quietHours: { ...quiet, letThrough: [] },
    });
    expect(refusal({ quietHours: { ...quiet, letThrough: ['auth', 'auth'] } })).toMatch(
      /Name each alert rule once/,
    );
  });
});
