/**
 * The popover's full stylesheet. The page paints its placeholder rows from a small inline style and
 * only preloads popover.css, so the first paint waits for no file; the popover is drawn once the
 * stylesheet applies, so it never shows unstyled. `headcount serve` brings the stylesheet inside the
 * page instead (main/node/serve/inline-page.ts), applied before the script runs.
 */
import { INLINE_STYLE_ID } from '../main/common/inline-snapshot';

/** Applies popover.css (already on its way, by the page's preload); resolves when it is in use, or failed. */
export function applyPageStyle(doc: Document = document): Promise<void> {
  if (doc.getElementById(INLINE_STYLE_ID)) return Promise.resolve();
  const existing = doc.querySelector<HTMLLinkElement>('link[rel="stylesheet"][href="popover.css"]');
  if (existing?.sheet) return Promise.resolve();
  const link = existing ?? doc.createElement('link');
  // Drawn either way: a popover without its stylesheet still works, and says what it knows.
  const applied = new Promise<void>((resolve) => {
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => resolve(), { once: true });
  });
  if (!existing) {
    link.rel = 'stylesheet';
    link.href = 'popover.css';
    doc.head.append(link);
  }
  // Taken from the preload's cache, the sheet may apply at once, a task before its load event.
  return link.sheet ? Promise.resolve() : applied;
}
