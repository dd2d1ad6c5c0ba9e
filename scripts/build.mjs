// Bundles the headless CLI (and with it the engine and simulator) into one file under dist/;
// with --bench, the benchmarks too, so they run on plain node like the product does. Packages stay
// in node_modules: node-notifier finds its helper binaries next to its own files.
import { build } from 'esbuild';

const common = {
  bundle: true,
  packages: 'external',
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: { headcount: 'main/node/cli/main.ts' },
  outdir: 'dist',
  banner: { js: '#!/usr/bin/env node' },
});

if (process.argv.includes('--bench')) {
  await build({
    ...common,
    entryPoints: {
      'engine.bench': 'bench/engine.bench.ts',
      'alerts.bench': 'bench/alerts.bench.ts',
      'simulator-process': 'bench/simulator-process.ts',
    },
    outdir: 'dist/bench',
  });
}
