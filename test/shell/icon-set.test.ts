import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { iconSet, WINDOWS_ICON_SIZES } from '../../main/shell/icon-set';
import { decodePng, readIco } from './decode-png';

const ASSETS = join(process.cwd(), 'assets');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(ASSETS, join(entry.parentPath, entry.name)));
}

/** Pixels of a PNG, or of every image in an .ico, as one comparable string. */
function pixelsOf(path: string, bytes: Buffer): string {
  const pngs = path.endsWith('.ico') ? readIco(bytes).map((entry) => entry.png) : [bytes];
  return pngs
    .map((png) => {
      const image = decodePng(png);
      return `${image.width}x${image.height}:${Buffer.from(image.data).toString('base64')}`;
    })
    .join('|');
}

describe('the committed icons', () => {
  const expected = iconSet();

  it('are exactly the generated set (run `node scripts/make-icons.mjs` after changing a renderer)', async () => {
    const committed = [
      ...(await filesUnder(join(ASSETS, 'app'))),
      ...(await filesUnder(join(ASSETS, 'tray'))),
    ];
    expect(committed.sort()).toEqual(expected.map((file) => file.path).sort());
    for (const file of expected) {
      const bytes = await readFile(join(ASSETS, file.path));
      expect(pixelsOf(file.path, bytes), file.path).toBe(pixelsOf(file.path, file.bytes));
    }
  });

  it('include the sizes the packagers require', async () => {
    const icon = decodePng(await readFile(join(ASSETS, 'app/icon.png')));
    expect([icon.width, icon.height]).toEqual([1024, 1024]);
    const ico = readIco(await readFile(join(ASSETS, 'app/icon.ico')));
    expect(ico.map((entry) => entry.width)).toEqual([...WINDOWS_ICON_SIZES]);
    const mac = decodePng(await readFile(join(ASSETS, 'tray/mac/normalTemplate@2x.png')));
    expect(mac.width).toBe(32);
  });
});
