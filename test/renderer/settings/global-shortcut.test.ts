import { describe, expect, it } from 'vitest';
import { shortcutFrom } from '../../../renderer/settings/global-shortcut';

describe('shortcutFrom', () => {
  it('reads a usable shortcut trimmed, and an empty field as none', () => {
    expect(shortcutFrom('  CmdOrCtrl+Shift+F12 ')).toEqual({ shortcut: 'CmdOrCtrl+Shift+F12' });
    expect(shortcutFrom('Super+Space')).toEqual({ shortcut: 'Super+Space' });
    expect(shortcutFrom('   ')).toEqual({ shortcut: null });
  });

  it('names the part at fault', () => {
    expect(shortcutFrom('H')).toEqual({ fault: { kind: 'no-modifier', key: 'H' } });
    expect(shortcutFrom('Ctrl+Shift')).toEqual({ fault: { kind: 'no-key' } });
    expect(shortcutFrom('Ctrl++')).toEqual({ fault: { kind: 'empty-part' } });
    expect(shortcutFrom('Ctrl+Hyper+H')).toEqual({ fault: { kind: 'unknown-modifier', modifier: 'Hyper' } });
    expect(shortcutFrom('Ctrl+F25')).toEqual({ fault: { kind: 'unknown-key', key: 'F25' } });
    expect(shortcutFrom('ctrl+Ctrl+H')).toEqual({ fault: { kind: 'repeated-modifier' } });
  });
});
