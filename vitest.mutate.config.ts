import { defineConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * The tests as Stryker runs them: the unit tests load the sources directly, so the bundle that the
 * global set-up builds for the CLI tests is not needed (and would be built from mutated code). Code
 * instrumented for mutation, with coverage counted per test, runs several times slower than in
 * `npm test`, hence the longer limit per test. A failing property stops at its first
 * counterexample (test/support/mutation-setup.ts).
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    globalSetup: [],
    setupFiles: ['test/support/mutation-setup.ts'],
    testTimeout: 120_000,
    // Each file in a worker of its own, as Stryker's runner expects of the files it reruns per mutant
    // (`npm test` lets the in-memory tests share theirs).
    isolate: true,
    projects: base.test?.projects?.map((project) =>
      typeof project === 'object' && 'test' in project
        ? { ...project, test: { ...project.test, isolate: true } }
        : project,
    ),
    hookTimeout: 120_000,
  },
});
