import { execFileSync } from 'node:child_process';

/** The CLI tests run the real bundled binary: build it once before any test runs. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
