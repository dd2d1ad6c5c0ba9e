/**
 * Set-up of each test file that shares its process with others (vitest.config.ts, project "unit"):
 * what one file changes in the process ends with it, so that the next file starts from real time,
 * the real environment and the real globals whatever the last one did.
 */
import { afterAll, vi } from 'vitest';

afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
