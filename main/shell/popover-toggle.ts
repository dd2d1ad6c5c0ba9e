/**
 * Whether a click on the tray icon shows the popover or hides it. Clicking the icon while the
 * popover is open first blurs the popover, which hides it, and only then delivers the click: without
 * this the click would show it again at once. A click shortly after a blur-hide is the same gesture
 * and leaves it hidden.
 */
export class PopoverToggle {
  private hiddenAt = Number.NEGATIVE_INFINITY;

  /**
   * @param now Monotonic milliseconds.
   * @param graceMs How long after a blur-hide a click still counts as the closing gesture.
   */
  constructor(
    private readonly now: () => number,
    private readonly graceMs = 300,
  ) {}

  /** The popover was hidden because it lost focus. */
  hiddenByBlur(): void {
    this.hiddenAt = this.now();
  }

  /** What a click on the icon does, given whether the popover is visible. */
  onClick(visible: boolean): 'show' | 'hide' | 'nothing' {
    if (visible) return 'hide';
    return this.now() - this.hiddenAt < this.graceMs ? 'nothing' : 'show';
  }
}
