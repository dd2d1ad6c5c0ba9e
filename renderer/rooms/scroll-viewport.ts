/**
 * Where a scrolling element stands, kept rather than asked for: its height as its ResizeObserver
 * last told it (after a layout the browser did anyway) and its scroll position as its last scroll
 * event or {@link ScrollViewport.scrollTo} left it. Drawing the rows in view reads these, so it
 * never makes the browser lay the page out in the middle of changing it (reading `scrollTop` or
 * `clientHeight` after a write does). Until the first size arrives, the window's height stands
 * for the element's: the element is no taller than the window, so no row in view is left out.
 */
export class ScrollViewport {
  private height: number | null = null;
  private top = 0;

  constructor(
    private readonly element: HTMLElement,
    /** Called after the size or the scroll position changed: the rows in view may be others. */
    changed: () => void,
  ) {
    element.addEventListener(
      'scroll',
      () => {
        // Read as the browser reports a scroll, when its layout is up to date.
        this.top = element.scrollTop;
        changed();
      },
      { passive: true },
    );
    new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      // The scrolling elements have no padding: the content box is what `clientHeight` says.
      if (entry) this.height = entry.contentRect.height;
      changed();
    }).observe(element);
  }

  /** The element's height: the space rows are shown in. */
  get viewportHeight(): number {
    return this.height ?? window.innerHeight;
  }

  /** The scroll position, no further than `contentHeight` allows. */
  scrollTop(contentHeight: number): number {
    return Math.max(0, Math.min(this.top, contentHeight - this.viewportHeight));
  }

  /**
   * Scrolls to `top` (kept within `contentHeight`) and keeps that position. Only a real move is
   * written: setting `scrollTop` lays the page out first.
   */
  scrollTo(top: number, contentHeight: number): void {
    const next = Math.max(0, Math.min(top, contentHeight - this.viewportHeight));
    if (next === this.top) return;
    this.top = next;
    this.element.scrollTop = next;
  }
}
