// Bundles what runs: the headless CLI (with the engine and simulator) for Node; the tray app's
// preload (one self-contained CommonJS file, as a sandboxed preload must be) and the popover page.
// With --bench, the benchmarks too, so they run on plain node like the product does. The CLI leaves
// packages in node_modules: node-notifier finds its helper binaries next to its own files.
import { copyFile, mkdir, rm } from 'node:fs/promises';
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

// Split by command: each loads its own code and packages when it runs (main/node/cli/main.ts), so
// `headcount count` does not wait for the server's or the settings file's. Chunks of an earlier
// build are removed first.
await rm('dist/chunks', { recursive: true, force: true });
await build({
  ...common,
  entryPoints: { headcount: 'main/node/cli/main.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  // The young generation's default (two 16 MB semi-spaces) is filled and emptied every few seconds
  // by 190 calls a second: 2 MB semi-spaces keep `watch` at 2,000 rooms under 100 MB for a little
  // more collection (docs/performance.md, "Memory"). V8 sizes the heap as it starts, so the flag
  // must be on the command line: `v8.setFlagsFromString` later leaves the new space as it was.
  // `env -S` splits the line; npm's shims (cmd-shim on Windows) read it the same way.
  banner: { js: '#!/usr/bin/env -S node --max-semi-space-size=2' },
});

// The tray app's main process and its preload: everything bundled (the packaged app ships dist/
// only), but electron. The preload must be one CommonJS file: a sandboxed preload cannot load more.
const electronSide = {
  outdir: 'dist/electron',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  external: ['electron'],
  target: 'node22',
  logLevel: 'warning',
};
await build({ ...electronSide, entryPoints: { main: 'main/electron/app-main.ts' }, sourcemap: true });
await build({ ...electronSide, entryPoints: { preload: 'main/electron/preload.ts' } });

const page = {
  outdir: 'dist/renderer',
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'chrome130',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
};
/** Modules only views.js may hold, and the words only they say: popover.js is compiled and run before a cold page's first rows. */
const VIEWS_ONLY = [
  'renderer/settings/settings-view.ts',
  'renderer/alerts/alert-log-view.ts',
  'renderer/room-view/room-detail.ts',
  'renderer/i18n/en-settings.ts',
  'renderer/i18n/en-overlay.ts',
  'renderer/i18n/zh-cn-settings.ts',
  'renderer/i18n/zh-cn-overlay.ts',
];
// The page's first paint waits for this script to be parsed: keep it small.
const popover = await build({ ...page, entryPoints: { popover: 'renderer/main.ts' }, metafile: true });
if (Object.keys(popover.metafile.inputs).some((input) => input.includes('node_modules/uplot/'))) {
  throw new Error(
    'popover.js bundles uPlot: import the chart through renderer/room-view/room-chart-loader.ts',
  );
}
if (Object.keys(popover.metafile.inputs).some((input) => VIEWS_ONLY.some((file) => input.endsWith(file)))) {
  throw new Error('popover.js bundles a view of views.js: use it through renderer/views-loader.ts');
}
// The settings, the alert log and the room view: a classic script the page adds when one of them is
// first asked for, or at the page's first touch (renderer/views-loader.ts, renderer/script-bundle.ts).
// Its exports land on window.headcountViews.
await build({ ...page, entryPoints: { views: 'renderer/views-bundle.ts' }, globalName: 'headcountViews' });
// The room chart (uPlot) is a further classic script the page adds when a room is first opened
// (renderer/room-view/room-chart-loader.ts). A classic script rather than ES module chunks: the same file then
// loads under the strict CSP from app:// and from headcount serve alike, with no module loading
// over the custom scheme. Its exports land on window.headcountRoomChart.
await build({
  ...page,
  entryPoints: { 'room-chart': 'renderer/room-view/room-chart-plot.ts' },
  globalName: 'headcountRoomChart',
});
// The OBS overlay's script and style, which the server inlines into each overlay page (allowed by
// their hashes). No source maps: an inline script would only send OBS looking for them. Chrome 95:
// OBS embeds its own Chromium, often years behind.
await build({
  ...page,
  entryPoints: { overlay: 'renderer/overlay/overlay-main.ts' },
  target: 'chrome95',
  sourcemap: false,
});
await build({
  ...page,
  entryPoints: { overlay: 'renderer/overlay/overlay.css' },
  target: 'chrome95',
  sourcemap: false,
});
await mkdir('dist/renderer', { recursive: true });
await copyFile('renderer/index.html', 'dist/renderer/index.html');
// The popover's stylesheet is one file for the page, made from a few by their @import lines.
await build({
  entryPoints: { popover: 'renderer/popover.css' },
  outdir: 'dist/renderer',
  bundle: true,
  target: 'chrome130',
  logLevel: 'warning',
});

if (process.argv.includes('--screenshots')) {
  await build({
    ...common,
    entryPoints: { screenshots: 'scripts/screenshots.ts' },
    outdir: 'dist/scripts',
  });
}

if (process.argv.includes('--bench')) {
  await build({
    ...common,
    entryPoints: {
      'engine.bench': 'bench/engine.bench.ts',
      'cap-stress.bench': 'bench/cap-stress.bench.ts',
      'cap-stress-dashboard.bench': 'bench/cap-stress-dashboard.bench.ts',
      'alerts.bench': 'bench/alerts.bench.ts',
      'history.bench': 'bench/history.bench.ts',
      'simulator-process': 'bench/simulator-process.ts',
      'ui.bench': 'bench/ui.bench.ts',
      'page-alone.bench': 'bench/page-alone.bench.ts',
      'first-look.bench': 'bench/first-look.bench.ts',
      'answer-time.bench': 'bench/answer-time.bench.ts',
      'overlay.bench': 'bench/overlay.bench.ts',
      'wide-views.bench': 'bench/wide-views.bench.ts',
      'wide-views-trace': 'bench/wide-views-trace.ts',
      'bare-floor.bench': 'bench/bare-floor.bench.ts',
      'bare-poller': 'bench/bare-poller.ts',
      'start-up.bench': 'bench/start-up.bench.ts',
      'profile-summary': 'bench/profile-summary.ts',
      'serve-memory.bench': 'bench/serve-memory.bench.ts',
      'scheduler.bench': 'bench/scheduler.bench.ts',
      'snapshot-cost.bench': 'bench/snapshot-cost.bench.ts',
      'apps.bench': 'bench/apps.bench.ts',
    },
    outdir: 'dist/bench',
  });
}
