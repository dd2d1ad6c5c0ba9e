// Draws every icon under assets/ with the tray's own renderer (main/shell/icon-set.ts), so the
// shipped images and the ones drawn at run time cannot drift apart. Run after changing a renderer,
// then commit the files: `node scripts/make-icons.mjs`.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = await build({
  entryPoints: [join(root, 'main/shell/icon-set.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  write: false,
  logLevel: 'warning',
});
const source = bundle.outputFiles[0].text;
const { iconSet } = await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`);

for (const { path, bytes } of iconSet()) {
  const target = join(root, 'assets', path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, bytes);
  console.log(`assets/${path} (${bytes.length} bytes)`);
}
