import { readFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { APP_CSP } from '../../main/common/content-security-policy';
import { serveAppPages } from '../../main/electron/security';
import { protocol } from '../support/fake-electron/protocol';
import { resetShellFakes } from '../support/fake-electron/reset-shell';

/** The popover as built (test/global-setup.ts builds it), served as the tray app serves it. */
const BUILT = 'dist/renderer';

beforeEach(() => resetShellFakes());

describe('the built popover from app://', () => {
  it('serves every script the page loads, the chart bundle it adds later included', async () => {
    serveAppPages(BUILT);
    const page = await (await protocol.fetch('app://headcount/index.html')).text();
    const scripts = [...page.matchAll(/<script src="([^"]+)"/g)].map((match) => match[1] as string);
    expect(scripts).toEqual(['popover.js']);
    const popover = await protocol.fetch('app://headcount/popover.js');
    // The page names the chart's file itself (renderer/room-view/room-chart-loader.ts) and adds it on demand.
    expect(await popover.text()).toContain('"room-chart.js"');

    const chart = await protocol.fetch('app://headcount/room-chart.js');
    expect(chart.status).toBe(200);
    expect(chart.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(chart.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(await chart.text()).toMatch(/^"use strict";var headcountRoomChart=/);
  });

  it('keeps uPlot out of the script that the first paint waits for', async () => {
    const popover = await readFile(`${BUILT}/popover.js`, 'utf8');
    const chart = await readFile(`${BUILT}/room-chart.js`, 'utf8');
    // uPlot's class names, present in its code and nowhere else.
    for (const name of ['u-over', 'u-wrap']) {
      expect(chart, name).toContain(name);
      expect(popover, name).not.toContain(name);
    }
  });
});
