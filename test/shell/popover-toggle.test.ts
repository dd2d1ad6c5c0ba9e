import { describe, expect, it } from 'vitest';
import { PopoverToggle } from '../../main/shell/popover-toggle';

describe('PopoverToggle', () => {
  it('shows a hidden popover and hides a visible one', () => {
    const toggle = new PopoverToggle(() => 10_000);
    expect(toggle.onClick(false)).toBe('show');
    expect(toggle.onClick(true)).toBe('hide');
  });

  it('leaves hidden a popover the same click just blurred away', () => {
    let now = 1_000;
    const toggle = new PopoverToggle(() => now, 300);
    toggle.hiddenByBlur();
    now += 120;
    expect(toggle.onClick(false)).toBe('nothing');
    now += 300;
    expect(toggle.onClick(false)).toBe('show');
  });
});
