import { execFileSync } from 'node:child_process';

/**
 * The CLI tests run the real bundled binary, and the page tests the built page: build once before
 * any test runs. Each test project calls this; the first build serves them all.
 */
export default function setup(): void {
  if (process.env.HEADCOUNT_TEST_BUILT === '1') return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  process.env.HEADCOUNT_TEST_BUILT = '1';
}
