import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const E2E = 'test/e2e/**/*.test.ts';
/**
 * Tests of code in memory (the core, the service, the page's parts): no Chromium, no CLI process,
 * no fake electron module. They share their worker processes and the modules loaded in them, where
 * each file would otherwise start a process and load its imports again; that start-up was most of
 * their time (docs/testing.md).
 */
const IN_MEMORY = [
  'test/core/**/*.test.ts',
  'test/service/**/*.test.ts',
  'test/common/**/*.test.ts',
  'test/shell/**/*.test.ts',
  'test/layers/**/*.test.ts',
  'test/scenarios/**/*.test.ts',
  // The page's parts; its tests in Chromium are named *-chromium.
  'test/renderer/**/!(*-chromium).test.ts',
];

export default defineConfig({
  // The Electron adapter's tests run against a small fake of the electron module (design.md).
  resolve: {
    alias: { electron: fileURLToPath(new URL('test/support/fake-electron/index.ts', import.meta.url)) },
  },
  test: {
    // electron-store imports electron: run it through Vite so that import reaches the fake too.
    server: { deps: { inline: ['electron-store'] } },
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two files at a time, where vitest would take one on two cores: most of a test's time is spent
    // waiting on a child process, Chromium or loopback HTTP, so two keep both cores busy.
    maxWorkers: 2,
    // The end-to-end tests of the popover run twice: the page over headcount serve, and over the
    // tray app's preload bridge and IPC handlers (test/e2e/support/stage.ts).
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: IN_MEMORY,
          isolate: false,
          setupFiles: ['test/support/shared-process-setup.ts'],
        },
      },
      // Chromium, CLI processes, servers and the fake electron module: a fresh process per file.
      {
        extends: true,
        test: { name: 'processes', include: ['test/**/*.test.ts'], exclude: [E2E, ...IN_MEMORY] },
      },
      { extends: true, test: { name: 'e2e-serve', include: [E2E], env: { HEADCOUNT_STAGE: 'serve' } } },
      {
        extends: true,
        test: {
          name: 'e2e-preload',
          include: [E2E],
          // The OBS overlay's pages come from serve (the tray app's own overlay server is tested in
          // test/node/overlay): their tests start a serve stage whatever carries the popover. So does
          // the test of 2,000 rooms, whose engine would otherwise share this process with Chromium.
          // Late answers set the engine's pace, the same behind either transport: timed once, in serve.
          exclude: [
            'test/e2e/overlay*.test.ts',
            'test/e2e/needs-attention.test.ts',
            'test/e2e/slow-answers.test.ts',
          ],
          env: { HEADCOUNT_STAGE: 'preload' },
        },
      },
    ],
  },
});
