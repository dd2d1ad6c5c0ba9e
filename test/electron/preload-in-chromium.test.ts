/**
 * The built preload bundle in a real page: it exposes exactly the contract, and the real IPC
 * handlers answer the app's own page and refuse the same page served from anywhere else, by the
 * frame Chromium reports. The end-to-end tests run the whole popover this way too.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONITOR_METHODS, type MonitorSnapshot } from '../../main/contract/monitor-api';
import { pushTo, registerMonitorApi } from '../../main/electron/ipc';
import type { MonitorService } from '../../main/service/monitor-service';
import { type RunningSimulator, startSimulator } from '../../main/simulator';
import { MemoryKeys, MemoryProfiles, serviceOver, simulatorProfile } from '../service/memory-ports';
import { launchChromium, watchProblems } from '../support/chromium';
import { type PageServer, serveBuiltPage } from '../support/page-server';
import { bridgePreload } from '../support/preload-bridge';

let sim: RunningSimulator;
let service: MonitorService;
let own: PageServer;
let other: PageServer;
let browser: Browser;
let unregister: () => void;

beforeAll(async () => {
  sim = await startSimulator({
    rooms: [{ groupId: '@TGS#live', name: 'Launch Day', audience: { kind: 'fixed', online: 1234 } }],
  });
  const profiles = new MemoryProfiles();
  profiles.save(simulatorProfile(sim, ['@TGS#live']));
  const keys = new MemoryKeys();
  await keys.saveKey('app-1', sim.credentials.secretKey);
  service = serviceOver(profiles, keys);
  await service.start();
  [own, other] = await Promise.all([serveBuiltPage(), serveBuiltPage()]);
  unregister = registerMonitorApi(service, (url) => url.startsWith(own.url));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  unregister?.();
  await service?.stop();
  await Promise.all([own?.close(), other?.close()]);
  await sim?.close();
});

/** Opens `server`'s page with the preload, the service's pushes sent to it as main sends them. */
async function openWithPreload(server: PageServer) {
  const page = await browser.newPage({ locale: 'en-US', viewport: { width: 420, height: 560 } });
  const problems = watchProblems(page);
  const { contents } = await bridgePreload(page);
  const stopPushes = service.onPush((push) => pushTo(contents as never, push));
  await page.goto(`${server.url}index.html`);
  return { page, problems, stopPushes };
}

describe('the preload bundle in Chromium, over the IPC handlers', () => {
  it('gives the app page exactly the contract, and the page shows the counts it carries', async () => {
    const { page, problems, stopPushes } = await openWithPreload(own);
    await page.getByText('1,234').first().waitFor();
    const exposed = await page.evaluate('Object.keys(window.headcount).sort()');
    expect(exposed).toEqual([...MONITOR_METHODS, 'onPush'].sort());
    const snapshot = (await page.evaluate('window.headcount.getSnapshot()')) as MonitorSnapshot;
    expect(snapshot.rooms.map((room) => [room.groupId, room.online])).toEqual([['@TGS#live', 1234]]);
    expect(problems).toEqual([]);
    stopPushes();
    await page.close();
  });

  it('refuses the same page served from another origin, in the words the page shows', async () => {
    const { page, stopPushes } = await openWithPreload(other);
    const refused = await page.evaluate(
      'window.headcount.getSnapshot().then(() => "answered", (error) => error.message)',
    );
    expect(refused).toMatch(
      /^Error invoking remote method 'monitor:getSnapshot': Error: Refused getSnapshot: the call did not come from the Headcount window/,
    );
    await page
      .getByText(/Headcount did not answer|not reachable|could not/i)
      .first()
      .waitFor();
    stopPushes();
    await page.close();
  });
});
