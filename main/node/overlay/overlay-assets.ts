import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../../core/config-error';
import type { OverlayAssets } from './overlay-page';

/** The overlay's files in the built renderer folder (scripts/build.mjs writes them). */
export const OVERLAY_SCRIPT_FILE = 'overlay.js';
export const OVERLAY_STYLE_FILE = 'overlay.css';

/**
 * Reads the overlay's script and style from the built renderer folder once, to inline into every
 * page. A build whose text would end its own element early is refused rather than served broken.
 */
export async function loadOverlayAssets(pageRoot: string): Promise<OverlayAssets> {
  let script: string;
  let style: string;
  try {
    [script, style] = await Promise.all([
      readFile(join(pageRoot, OVERLAY_SCRIPT_FILE), 'utf8'),
      readFile(join(pageRoot, OVERLAY_STYLE_FILE), 'utf8'),
    ]);
  } catch {
    throw new ConfigError(`The overlay page is missing from ${pageRoot}: run npm run build first.`);
  }
  // The source map comment would send OBS looking for a file the overlay does not serve.
  script = script.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
  style = style.replace(/\/\*# sourceMappingURL=\S+ \*\/\s*$/, '');
  if (/<\/script/i.test(script) || /<\/style/i.test(style)) {
    throw new ConfigError('The overlay build holds a closing tag and cannot be inlined: build it again.');
  }
  return { script: script.trim(), style: style.trim() };
}
