import fc from 'fast-check';
import { beforeEach } from 'vitest';

// Set-up of the mutation run only (vitest.mutate.config.ts); `npm test` runs everything as written.

// A failed property only has to fail: shrinking it to the smallest counterexample, which a person
// reads, would take longer than the mutant's time limit and turn a detected mutant into a timed-out
// one, with a test runner to restart.
fc.configureGlobal({ endOnFailure: true });

/**
 * Tests at full scale that a smaller test proves the same of. Instrumented, each takes tens of
 * seconds, and every mutant of the monitor or the budget would run them.
 */
const FULL_SCALE: ReadonlyArray<{ file: string; test: string; instead: string }> = [
  {
    file: 'test/core/app-monitor.test.ts',
    test: 'slows the whole app down on rate-limited answers, then recovers',
    instead: 'test/core/app-monitor-tenth.test.ts, 200 rooms at 20 calls/s',
  },
  {
    file: 'test/core/app-monitor.test.ts',
    test: 'marks every count stale, counts the sleep in ages, and polls again at once without a burst',
    instead: 'test/core/app-monitor-tenth.test.ts, 200 rooms at 20 calls/s',
  },
  {
    // 2,000 rooms counted and written over loopback HTTP, 24 s before instrumentation.
    file: 'test/core/push/push-at-scale.test.ts',
    test: 'keeps every command under its cap, and the counts on their schedule',
    instead: 'the budgets per command (command-budgets, rate-budget) and the pusher (count-pusher)',
  },
];

beforeEach((context) => {
  const { name, file } = context.task;
  if (FULL_SCALE.some((skip) => skip.test === name && file.filepath.endsWith(skip.file))) context.skip();
});
