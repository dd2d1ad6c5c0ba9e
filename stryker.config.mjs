// Mutation testing (`npm run mutate`, scripts/mutate.mjs): do the tests notice a wrong line in core,
// service, shell and common? Not part of `npm test`: a whole run takes hours on two cores (docs/testing.md).
// scripts/mutate.mjs runs one part of the tree at a time, each with its own report and incremental
// file, named by MUTATION_PART and listed in MUTATION_FILES; `npx stryker run` alone mutates all four
// folders into reports/mutation/all/.
const part = process.env.MUTATION_PART ?? 'all';
const reportDir = `reports/mutation/${part}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: process.env.MUTATION_FILES?.split(',') ?? [
    'main/core/**/*.ts',
    'main/service/**/*.ts',
    'main/shell/**/*.ts',
    'main/common/**/*.ts',
  ],
  testRunner: 'vitest',
  // Not `related`: each mutant's run already names its covering tests, and vitest's related filter
  // sometimes found none of them, so the mutant ran no test at all and counted as survived.
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  // Only the unit tests of the four folders: the CLI, e2e and Electron tests run a bundle, Chromium or
  // child processes that never load the mutated sources, so they would only cost time.
  testFiles: [
    'test/core/**/*.test.ts',
    'test/service/**/*.test.ts',
    'test/shell/**/*.test.ts',
    'test/common/**/*.test.ts',
  ],
  coverageAnalysis: 'perTest',
  // Values computed while a module loads (tables, schemas, constant texts) would each need every test
  // that imports the module, run on a fresh load; and with `testFiles` Stryker 9.6.1 switches them on
  // too late (stryker-js#6144), so they would all look survived. They are left out of the score.
  ignoreStatic: true,
  checkers: ['typescript'],
  // The checker needs only the sources: a mutant is a change to them, and the tests are not compiled.
  tsconfigFile: 'tsconfig.mutate.json',
  // A second run re-tests only the mutants whose code or tests changed.
  incremental: true,
  incrementalFile: `${reportDir}/incremental.json`,
  // The event recorder writes each mutant's result as it is known: a long run's survivors can be read
  // while it runs (reports/mutation/<part>/events/*-onMutantTested.json).
  reporters: ['clear-text', 'progress', 'html', 'json', 'event-recorder'],
  eventReporter: { baseDir: `${reportDir}/events` },
  htmlReporter: { fileName: `${reportDir}/index.html` },
  jsonReporter: { fileName: `${reportDir}/mutation.json` },
  clearTextReporter: { allowEmojis: false, logTests: false, reportMutants: false },
  // The machine is small and shared; `npm run mutate -- --concurrency 2` when it is quiet.
  concurrency: 1,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
