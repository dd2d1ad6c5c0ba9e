import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { CLI, cliEnv } from '../../support/cli';

describe('the headcount binary as npm links it', () => {
  it('runs from a bin link with the Node flags its first line gives', async () => {
    // What `npm install` makes of package.json's `bin`: an executable file and a symlink to it.
    chmodSync(CLI, 0o755);
    const bin = join(mkdtempSync(join(tmpdir(), 'headcount-bin-')), 'node_modules', '.bin');
    mkdirSync(bin, { recursive: true });
    const link = join(bin, 'headcount');
    symlinkSync(CLI, link);
    const child = spawn(link, ['simulate', '--port', '0'], {
      env: cliEnv(),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const first = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', (code) => reject(new Error(`exited with ${code}`)));
      });
      expect(first).toMatch(/http:\/\/127\.0\.0\.1:\d+/);
      const argv = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0');
      expect(argv).toContain('--max-semi-space-size=2');
      expect(argv).toContain(link);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
