// Mutation testing (`npm run mutate`): do the tests notice a wrong line in core, service and shell?
// Not part of `npm test`: a whole run takes the better part of an hour on two cores (docs/testing.md).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ['main/core/**/*.ts', 'main/service/**/*.ts', 'main/shell/**/*.ts'],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: true },
  // Only the unit tests of the three folders: the CLI, e2e and Electron tests run a bundle, Chromium or
  // child processes that never load the mutated sources, so they would only cost time.
  testFiles: ['test/core/**/*.test.ts', 'test/service/**/*.test.ts', 'test/shell/**/*.test.ts'],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  checkers: ['typescript'],
  // The checker needs only the sources: a mutant is a change to them, and the tests are not compiled.
  tsconfigFile: 'tsconfig.mutate.json',
  // A second run re-tests only the mutants whose code or tests changed.
  incremental: true,
  incrementalFile: 'reports/mutation/incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowEmojis: false, logTests: false, reportMutants: false },
  // The machine is small and shared; `npm run mutate -- --concurrency 2` when it is quiet.
  concurrency: 1,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
