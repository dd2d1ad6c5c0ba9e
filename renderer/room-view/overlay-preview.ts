/**
 * The overlay as OBS will show it: the real page in a frame, at its Browser Source size, scaled
 * down to the room view's width, on a checkerboard so that its transparency shows.
 */
import type { SourceSize } from '../../main/common/overlay-size';
import { el } from '../dom';

/** Typing in the form reloads the frame once the typing pauses, not at every key. */
const RELOAD_AFTER_MS = 300;

export class OverlayPreview {
  readonly element = el('div', { class: 'overlay-preview' });
  private readonly frame = el('iframe', { class: 'overlay-frame', referrerpolicy: 'no-referrer' });
  private readonly resize = new ResizeObserver(() => this.fit());
  private size: SourceSize = { width: 1, height: 1 };
  private reload: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    this.element.append(this.frame);
    this.resize.observe(this.element);
  }

  /** Shows `link` at `size`; `title` names the frame for screen readers. */
  show(link: string, size: SourceSize, title: string): void {
    this.frame.title = title;
    this.size = size;
    this.frame.width = String(size.width);
    this.frame.height = String(size.height);
    this.fit();
    if (this.reload !== null) clearTimeout(this.reload);
    const load = () => {
      this.reload = null;
      if (this.frame.src !== link) this.frame.src = link;
    };
    if (this.frame.src === '') load();
    else this.reload = setTimeout(load, RELOAD_AFTER_MS);
  }

  destroy(): void {
    if (this.reload !== null) clearTimeout(this.reload);
    this.resize.disconnect();
    this.frame.src = 'about:blank';
  }

  private fit(): void {
    const width = this.element.clientWidth;
    const scale = width > 0 ? Math.min(1, width / this.size.width) : 1;
    this.frame.style.transform = `scale(${scale})`;
    this.element.style.height = `${Math.ceil(this.size.height * scale)}px`;
  }
}
