/**
 * The contract is types and constants only: compiled, none of its files imports anything, so the
 * page that takes its types from it pulls no code of main into its bundle through it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'esbuild';
import { describe, expect, it } from 'vitest';

const CONTRACT = 'main/contract';
const files = readdirSync(CONTRACT).filter((name) => name.endsWith('.ts'));

describe('the MonitorApi contract', () => {
  it.each(files)('%s imports nothing at run time', async (name) => {
    const { code } = await transform(readFileSync(join(CONTRACT, name), 'utf8'), {
      loader: 'ts',
      format: 'esm',
    });
    expect(code).not.toMatch(/\bimport\b|\brequire\(|\bfrom\s*["']/);
  });

  it('still declares its constants', async () => {
    const { code } = await transform(readFileSync(join(CONTRACT, 'monitor-api.ts'), 'utf8'), {
      loader: 'ts',
    });
    expect(code).toMatch(/MONITOR_METHODS/);
  });
});
