import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The Electron adapter's tests run against a small fake of the electron module (design.md).
  resolve: {
    alias: { electron: fileURLToPath(new URL('test/support/fake-electron/index.ts', import.meta.url)) },
  },
  test: {
    // electron-store imports electron: run it through Vite so that import reaches the fake too.
    server: { deps: { inline: ['electron-store'] } },
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
