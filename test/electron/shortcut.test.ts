import { beforeEach, describe, expect, it } from 'vitest';
import { createGlobalShortcut } from '../../main/electron/shortcut';
import { app } from '../support/fake-electron/app';
import { globalShortcut } from '../support/fake-electron/global-shortcut';
import { resetShellFakes } from '../support/fake-electron/reset-shell';

beforeEach(() => resetShellFakes());

describe('createGlobalShortcut', () => {
  it('registers the shortcut, opens the popover on a press, and re-registers on change', () => {
    let opened = 0;
    const shortcut = createGlobalShortcut(() => opened++);
    expect(shortcut.apply('CommandOrControl+Alt+H').ok).toBe(true);
    globalShortcut.press('CommandOrControl+Alt+H');
    expect(opened).toBe(1);
    shortcut.apply('CommandOrControl+Alt+J');
    expect([...globalShortcut.registered.keys()]).toEqual(['CommandOrControl+Alt+J']);
  });

  it('reports a shortcut another app holds in words, keeping the old one', () => {
    globalShortcut.takenElsewhere.add('Alt+Space');
    const shortcut = createGlobalShortcut(() => {});
    shortcut.apply('CommandOrControl+Alt+H');
    const outcome = shortcut.apply('Alt+Space');
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toBe(
      'Alt+Space is already used by another app or by the system: pick another. CommandOrControl+Alt+H still opens Headcount.',
    );
    expect(globalShortcut.isRegistered('CommandOrControl+Alt+H')).toBe(true);
  });

  it('lets go of the shortcut when the app quits', () => {
    const shortcut = createGlobalShortcut(() => {});
    shortcut.apply('CommandOrControl+Alt+H');
    app.quit();
    expect(globalShortcut.registered.size).toBe(0);
  });
});
