/** Loads views.js (views-bundle.ts) once, when the page first needs it: see script-bundle.ts. */
import { scriptBundle } from './script-bundle';
import type * as ViewsBundle from './views-bundle';

declare global {
  interface Window {
    /** What views.js exports, once it has run (esbuild's `globalName`, see scripts/build.mjs). */
    headcountViews?: typeof ViewsBundle;
  }
}

/** The bundle's file, beside popover.js. */
export const VIEWS_SCRIPT = 'views.js';

/** The views' exports, loading views.js on the first call; a failed load is tried again at the next. */
export const loadViews = scriptBundle(VIEWS_SCRIPT, () => window.headcountViews);

/** What views.js exports. */
export type Views = typeof ViewsBundle;

/** The views' exports when views.js has already run, else undefined. */
export const loadedViews = (): Views | undefined => window.headcountViews;
