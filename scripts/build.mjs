// Bundles the headless CLI (and with it the engine and simulator) into one file under dist/.
import { build } from 'esbuild';

await build({
  entryPoints: { headcount: 'main/node/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
