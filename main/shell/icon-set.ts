import { renderAppIcon } from './app-icon';
import { renderCountIcon } from './count-icon';
import { encodeIco } from './ico';
import { encodePng } from './png';
import type { RgbaImage } from './raster';
import { renderTemplateIcon } from './template-icon';
import { TRAY_STATES } from './tray-state';

/** One generated asset: its path under assets/ and its bytes. */
export interface IconFile {
  path: string;
  bytes: Buffer;
}

/** The sizes of the Linux icon set electron-builder installs (it reads the size from the name). */
export const LINUX_ICON_SIZES = [16, 32, 48, 64, 128, 256, 512] as const;
/** The sizes inside the Windows app icon; electron-builder requires 256. */
export const WINDOWS_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;
/** The Windows tray picks by display scaling: 16 at 100 %, 20 at 125 %, 24 at 150 %, 32 at 200 %. */
export const WINDOWS_TRAY_SIZES = [16, 20, 24, 32, 48] as const;

function ico(sizes: readonly number[], render: (size: number) => RgbaImage): Buffer {
  return encodeIco(sizes.map((size) => ({ size, png: encodePng(render(size)) })));
}

/**
 * Every icon the app ships, drawn by the same renderers the tray uses at run time:
 * - `app/`: the application icon (1024 PNG for macOS, .ico for Windows, a PNG set for Linux);
 * - `tray/mac/`: template images per state, @1x and @2x;
 * - `tray/win/`: an .ico per state; `tray/linux/`: PNGs per state, @1x and @2x.
 * The tray images are the state without a number; Windows and Linux draw the number at run time.
 */
export function iconSet(): IconFile[] {
  const files: IconFile[] = [
    { path: 'app/icon.png', bytes: encodePng(renderAppIcon(1024)) },
    { path: 'app/icon.ico', bytes: ico(WINDOWS_ICON_SIZES, renderAppIcon) },
    ...LINUX_ICON_SIZES.map((size) => ({
      path: `app/icons/${size}x${size}.png`,
      bytes: encodePng(renderAppIcon(size)),
    })),
  ];
  for (const state of TRAY_STATES) {
    const badge = (size: number, scale: number) => renderCountIcon({ text: '', state, size, scale });
    files.push(
      { path: `tray/mac/${state}Template.png`, bytes: encodePng(renderTemplateIcon(state, 16, 1)) },
      { path: `tray/mac/${state}Template@2x.png`, bytes: encodePng(renderTemplateIcon(state, 16, 2)) },
      { path: `tray/win/${state}.ico`, bytes: ico(WINDOWS_TRAY_SIZES, (size) => badge(size, 1)) },
      { path: `tray/linux/${state}.png`, bytes: encodePng(badge(16, 1)) },
      { path: `tray/linux/${state}@2x.png`, bytes: encodePng(badge(16, 2)) },
    );
  }
  return files;
}
