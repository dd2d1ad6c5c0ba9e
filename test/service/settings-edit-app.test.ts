import { describe, expect, it } from 'vitest';
import { applySettingsPatch, type EditableSettings } from '../../main/service/settings-edit';

const tray: EditableSettings = {
  rules: {},
  webhooks: [{ url: 'https://example.com/hook', format: 'json', name: 'team' }],
  quietHours: { start: '23:00', end: '07:30', timeZone: 'Asia/Shanghai' },
  app: {
    launchAtLogin: false,
    trayNumber: 'sum',
    shortcut: 'CommandOrControl+Alt+H',
    language: 'system',
    theme: 'system',
  },
};

describe("editing the tray app's shortcut", () => {
  it('keeps a shortcut trimmed, and a blank one as none', () => {
    expect(applySettingsPatch(tray, { app: { shortcut: '  Alt+Shift+F5 ' } }).app?.shortcut).toBe(
      'Alt+Shift+F5',
    );
    expect(applySettingsPatch(tray, { app: { shortcut: ' ' } }).app?.shortcut).toBeNull();
    expect(applySettingsPatch(tray, { app: { shortcut: null } }).app?.shortcut).toBeNull();
  });

  it('leaves the shortcut alone when a patch does not name it', () => {
    expect(applySettingsPatch(tray, { app: { theme: 'dark' } }).app).toEqual({ ...tray.app, theme: 'dark' });
  });

  it('refuses, in words, a shortcut the OS could not register', () => {
    expect(() => applySettingsPatch(tray, { app: { shortcut: 'H' } })).toThrow(/needs a modifier/);
    expect(() => applySettingsPatch(tray, { app: { shortcut: 'Ctrl+F25' } })).toThrow(/"F25" is not a key/);
  });
});

describe('editing filters', () => {
  it("replaces a saved webhook's filter, keeping its URL", () => {
    const next = applySettingsPatch(tray, {
      webhooks: [
        { id: '0', format: 'json', name: 'team', rules: ['closed', 'auth'], minSeverity: 'critical' },
      ],
    });
    expect(next.webhooks).toEqual([
      {
        url: 'https://example.com/hook',
        format: 'json',
        name: 'team',
        rules: ['closed', 'auth'],
        minSeverity: 'critical',
      },
    ]);
    const cleared = applySettingsPatch(next, { webhooks: [{ id: '0', format: 'json', name: 'team' }] });
    expect(cleared.webhooks).toEqual([{ url: 'https://example.com/hook', format: 'json', name: 'team' }]);
  });

  it("replaces quiet hours' let-through, an empty list letting nothing through", () => {
    const quietHours = { start: '23:00', end: '07:30', letThrough: [], timeZone: 'Asia/Shanghai' };
    expect(applySettingsPatch(tray, { quietHours }).quietHours).toEqual(quietHours);
  });
});
