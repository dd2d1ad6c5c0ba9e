import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const SCRIPT = join(process.cwd(), 'scripts/security-scan.mjs');

async function scan(...folders: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, [SCRIPT, ...folders]);
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, out: failed.stdout };
  }
}

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'headcount-scan-test-'));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('scripts/security-scan.mjs', () => {
  it('fails on a high-severity finding and on a file it could not parse, where electronegativity alone would pass', async () => {
    await writeFile(
      join(dir, 'main.js'),
      "const { BrowserWindow } = require('electron');\n" +
        'new BrowserWindow({ webPreferences: { contextIsolation: false } });\n',
    );
    await writeFile(join(dir, 'broken.js'), 'const x = {;\n');
    const { code, out } = await scan(dir);
    expect(code).toBe(1);
    expect(out).toMatch(/HIGH\s+\S+\s+CONTEXT_ISOLATION_JS_CHECK/);
    expect(out).toMatch(/NOT SCANNED\s+\S*broken\.js/);
    expect(out).toMatch(/FAILED: \d+ high-severity finding\(s\), 1 file\(s\) that could not be parsed/);
  });
});
