import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terminalText } from '../../../main/node/cli/terminal-text';
import { cliEnv, runCli } from '../../support/cli';

/** What a hostile server or file would have a terminal obey: clear the screen, retitle, ring, reorder. */
const HOSTILE = '\u001b[2J\u001b]0;pwned\u0007 boom \u202eevil\u009b31m';
// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for raw control characters.
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

let server: Server;
let endpoint = '';
beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ActionStatus: 'FAIL', ErrorCode: 10002, ErrorInfo: HOSTILE }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const env = () =>
  cliEnv({
    HEADCOUNT_ENDPOINT: endpoint,
    HEADCOUNT_SDKAPPID: '1400000000',
    HEADCOUNT_IDENTIFIER: 'admin',
    HEADCOUNT_SECRET_KEY: 'k'.repeat(64),
  });

describe('text from outside reaches the terminal with its control characters escaped', () => {
  it('escapes every control character, keeping newlines only when asked', () => {
    expect(terminalText('a\u001b[2Jb\u0007c\u202ed\ne')).toBe('a\\x1b[2Jb\\x07c\\u202ed\\ne');
    expect(terminalText('one\ntwo\u0000', { keepNewlines: true })).toBe('one\ntwo\\x00');
  });

  it('leaves text without a control character as it is, and finds one at either end or alone', () => {
    const plain = '2026-12-04T22:00:00.000Z  @TGS#a1  1,234 online (+5) 名 ✓';
    expect(terminalText(plain)).toBe(plain);
    expect(terminalText('\u2066start')).toBe('\\u2066start');
    expect(terminalText('end\u009f')).toBe('end\\x9f');
    expect(terminalText('\n')).toBe('\\n');
    expect(terminalText('\n', { keepNewlines: true })).toBe('\n');
    // Asked again and again, as watch does, the answer does not depend on the call before.
    for (let i = 0; i < 3; i++) {
      expect(terminalText('a\u0007')).toBe('a\\x07');
      expect(terminalText(plain)).toBe(plain);
    }
  });

  it("in count's table, a server's ErrorInfo", async () => {
    const result = await runCli(['count', '@TGS#aLive'], env());
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('\\x1b[2J\\x1b]0;pwned\\x07 boom \\u202eevil\\x9b31m');
    expect(result.stdout + result.stderr).not.toMatch(RAW);
  });

  it("in watch's lines, and in the JSON it writes", async () => {
    const text = await runCli(['watch', '@TGS#aLive', '--duration', '1'], env());
    expect(text.stdout).toContain('boom');
    expect(text.stdout + text.stderr).not.toMatch(RAW);
    const json = await runCli(['watch', '@TGS#aLive', '--duration', '1', '--json'], env());
    expect(json.stdout).toContain('"type":"error"');
    expect(json.stdout).not.toMatch(RAW);
  });

  it("in the alert log's listing, whatever a line of the file holds", async () => {
    const environment = env();
    const alert = {
      id: 'x',
      rule: 'above',
      phase: 'firing',
      severity: 'warning',
      profile: 'P',
      title: HOSTILE,
      message: 'm',
      at: 1,
    };
    writeFileSync(
      join(dirname(environment.HEADCOUNT_CONFIG as string), 'alerts.jsonl'),
      `${JSON.stringify({ type: 'alert', alert })}\n`,
    );
    const listed = await runCli(['alerts'], environment);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('\\x1b[2J');
    expect(listed.stdout).not.toMatch(RAW);
  });
});
