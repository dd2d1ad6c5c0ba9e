import { describe, expect, it } from 'vitest';
import { acceleratorProblem } from '../../main/common/accelerator';
import { ShortcutBinding, type ShortcutPort } from '../../main/shell/shortcut-binding';

function port(taken: string[] = []) {
  const registered = new Map<string, () => void>();
  const value: ShortcutPort = {
    register(accelerator, onPress) {
      if (taken.includes(accelerator) || registered.has(accelerator)) return false;
      registered.set(accelerator, onPress);
      return true;
    },
    unregister: (accelerator) => void registered.delete(accelerator),
  };
  return { port: value, registered };
}

describe('acceleratorProblem', () => {
  it('accepts modifiers and one key', () => {
    for (const ok of [
      'CommandOrControl+Alt+H',
      'CmdOrCtrl+Shift+F12',
      'Super+Space',
      'Alt+Plus',
      'Ctrl+num5',
      'Ctrl+/',
    ]) {
      expect(acceleratorProblem(ok), ok).toBeNull();
    }
  });

  it('explains what is wrong', () => {
    expect(acceleratorProblem('H')).toMatch(/needs a modifier/);
    expect(acceleratorProblem('Ctrl+Shift')).toMatch(/has no key/);
    expect(acceleratorProblem('Ctrl++')).toMatch(/empty part/);
    expect(acceleratorProblem('Ctrl+Hyper+H')).toMatch(/"Hyper" is not a modifier/);
    expect(acceleratorProblem('Ctrl+F25')).toMatch(/not a key/);
    expect(acceleratorProblem('Ctrl+Ctrl+H')).toMatch(/repeats a modifier/);
  });
});

describe('ShortcutBinding', () => {
  it('registers the shortcut, and presses reach the callback', () => {
    const { port: p, registered } = port();
    let presses = 0;
    const binding = new ShortcutBinding(p, () => presses++);
    expect(binding.apply('CmdOrCtrl+Alt+H')).toEqual({
      ok: true,
      active: 'CmdOrCtrl+Alt+H',
      message: 'CmdOrCtrl+Alt+H opens Headcount from any app.',
    });
    registered.get('CmdOrCtrl+Alt+H')?.();
    expect(presses).toBe(1);
  });

  it('swaps to a new shortcut, letting go of the old only once the new one holds', () => {
    const { port: p, registered } = port();
    const binding = new ShortcutBinding(p, () => {});
    binding.apply('CmdOrCtrl+Alt+H');
    binding.apply('CmdOrCtrl+Alt+J');
    expect([...registered.keys()]).toEqual(['CmdOrCtrl+Alt+J']);
  });

  it('keeps the working shortcut when the new one is taken or mistyped, and says so', () => {
    const { port: p, registered } = port(['CmdOrCtrl+Alt+J']);
    const binding = new ShortcutBinding(p, () => {});
    binding.apply('CmdOrCtrl+Alt+H');
    expect(binding.apply('CmdOrCtrl+Alt+J')).toEqual({
      ok: false,
      active: 'CmdOrCtrl+Alt+H',
      message:
        'CmdOrCtrl+Alt+J is already used by another app or by the system: pick another. CmdOrCtrl+Alt+H still opens Headcount.',
    });
    expect(binding.apply('J')).toMatchObject({ ok: false, active: 'CmdOrCtrl+Alt+H' });
    expect([...registered.keys()]).toEqual(['CmdOrCtrl+Alt+H']);
  });

  it('treats another spelling of the same shortcut as unchanged', () => {
    const { port: p, registered } = port();
    const binding = new ShortcutBinding(p, () => {});
    binding.apply('CmdOrCtrl+Alt+H');
    expect(binding.apply('cmdorctrl+alt+h')).toMatchObject({ ok: true, active: 'CmdOrCtrl+Alt+H' });
    expect(registered.size).toBe(1);
  });

  it('removes the shortcut for null or empty', () => {
    const { port: p, registered } = port();
    const binding = new ShortcutBinding(p, () => {});
    binding.apply('CmdOrCtrl+Alt+H');
    expect(binding.apply('  ')).toEqual({ ok: true, active: null, message: 'No global shortcut.' });
    expect(registered.size).toBe(0);
    expect(binding.apply(null).ok).toBe(true);
  });
});
