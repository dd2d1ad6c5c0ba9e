import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stage, startStage } from '../../e2e/support/stage';
import { watchProblems } from '../../support/chromium';
import { type CliResult, simulatorEnv } from '../../support/cli';
import { startServe } from './serve-run';

/** Screenshots of the UI tests, kept for people to look at (not committed). */
const ARTIFACTS = resolve(import.meta.dirname, '../../../test-artifacts');

let stage: Stage;

beforeAll(async () => {
  stage = await startStage({
    transport: 'serve',
    rooms: [
      { groupId: '@TGS#aLive', audience: { kind: 'fixed', online: 1234 } },
      { groupId: '@TGS#aQuiet', audience: { kind: 'fixed', online: 56 } },
    ],
    watched: ['@TGS#aLive', '@TGS#aQuiet'],
    settings: { rooms: { '@TGS#aLive': { label: 'Launch Day' }, '@TGS#aQuiet': { label: 'Quiet Room' } } },
  });
});
afterAll(async () => {
  expect(await stage?.stop()).toBe(0);
});

describe('the dashboard in Chromium', () => {
  it('opens the printed link and shows the rooms with their counts, kept current by the pushes', async () => {
    const page = await stage.browser.newPage({ locale: 'en-US', viewport: { width: 420, height: 560 } });
    const problems = watchProblems(page, { httpErrors: true });

    await page.goto(stage.link);
    await page.getByText('Launch Day').first().waitFor();
    await page.getByText('Quiet Room').first().waitFor();
    await page.getByText('1,234').first().waitFor();
    await page.getByText('56', { exact: true }).first().waitFor();

    stage.sim.control.setOnline('@TGS#aQuiet', 98_765);
    await page.getByText('98,765').first().waitFor({ timeout: 15_000 });

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: resolve(ARTIFACTS, 'serve-dashboard.png') });
    // A CSP violation or a failed call shows up here: the page ran with no inline script and no errors.
    expect(problems).toEqual([]);
    // The page ran on the web client: there is no preload bridge in a browser.
    expect(await page.evaluate("'headcount' in window")).toBe(false);
    await page.close();
  });

  it('takes its rooms once at its start: one snapshot, and an event stream that starts after it', async () => {
    const context = await stage.browser.newContext({
      locale: 'en-US',
      viewport: { width: 420, height: 560 },
    });
    // Notes each stream the page opens and the type of each message it gets.
    await context.addInitScript(`(() => {
      const seen = { streams: [], types: [] };
      window.__streams = seen;
      const Native = window.EventSource;
      window.EventSource = class extends Native {
        constructor(url, init) { super(url, init); seen.streams.push(String(url)); }
        set onmessage(handler) {
          super.onmessage = (event) => {
            seen.types.push(/^\\{"type":"([\\w-]+)"/.exec(event.data)?.[1] ?? '?');
            handler.call(this, event);
          };
        }
        get onmessage() { return super.onmessage; }
      };
    })();`);
    const page = await context.newPage();
    const problems = watchProblems(page, { httpErrors: true });
    const snapshotsAsked: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/getSnapshot')) snapshotsAsked.push(request.method());
    });
    try {
      await page.goto(stage.link);
      await page.getByText('Launch Day').first().waitFor();
      // A change after the page opened comes over the stream.
      stage.sim.control.setOnline('@TGS#aLive', 4_321);
      await page.getByText('4,321').first().waitFor({ timeout: 15_000 });
      const seen = (await page.evaluate('window.__streams')) as { streams: string[]; types: string[] };
      // The page brought its snapshot: no request asked for one.
      expect(snapshotsAsked).toEqual([]);
      expect(seen.streams).toHaveLength(1);
      expect(new URL(seen.streams[0] as string).searchParams.get('after')).toMatch(/^[0-9a-f]+\.\d+$/);
      expect(seen.types).toContain('rooms');
      expect(seen.types).not.toContain('snapshot');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('reconnects after the server restarts and takes a fresh snapshot, so nothing stale stays', async () => {
    const env = { ...simulatorEnv(stage.sim), HEADCOUNT_SERVE_TOKEN: 'a-token-kept-across-restarts' };
    const first = await startServe(['@TGS#aLive', '@TGS#aQuiet', '--interval', '1'], env);
    const port = new URL(first.base).port;
    const page = await stage.browser.newPage({ locale: 'en-US' });
    // A failure before the planned stop must not leave this server running.
    let firstExit: Promise<CliResult> | null = null;
    try {
      await page.goto(first.link);
      // At a desktop width the rooms are in the table; the narrow list beside it is hidden.
      await page.getByText('@TGS#aQuiet').filter({ visible: true }).first().waitFor();
      firstExit = first.stop();
    } finally {
      if (firstExit === null) {
        await page.close();
        await first.stop();
      }
    }
    expect((await firstExit).code).toBe(0);

    // The next run no longer watches @TGS#aQuiet: only a snapshot can take it off the page.
    const second = await startServe(['@TGS#aLive', '--interval', '1', '--port', port], env);
    try {
      // The hidden list keeps the rows it last drew until it is shown again, then draws from the snapshot.
      await page
        .getByText('@TGS#aQuiet')
        .filter({ visible: true })
        .first()
        .waitFor({ state: 'detached', timeout: 20_000 });
      await page.getByText('@TGS#aLive').filter({ visible: true }).first().waitFor();
    } finally {
      await page.close();
      expect((await second.stop()).code).toBe(0);
    }
  });
});
