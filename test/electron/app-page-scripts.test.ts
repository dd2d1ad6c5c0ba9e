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
  it('serves every script the page loads, the views and chart bundles it adds later included', async () => {
    serveAppPages(BUILT);
    const page = await (await protocol.fetch('app://headcount/index.html')).text();
    const scripts = [...page.matchAll(/<script src="([^"]+)"/g)].map((match) => match[1] as string);
    expect(scripts).toEqual(['popover.js']);
    const popover = await protocol.fetch('app://headcount/popover.js');
    // The page names the views' file itself (renderer/views-loader.ts) and adds it on demand; the
    // views name the chart's (renderer/room-view/room-chart-loader.ts).
    expect(await popover.text()).toContain('"views.js"');

    for (const [file, global, names] of [
      ['views.js', 'headcountViews', '"room-chart.js"'],
      ['room-chart.js', 'headcountRoomChart', 'u-over'],
    ] as const) {
      const bundle = await protocol.fetch(`app://headcount/${file}`);
      expect(bundle.status, file).toBe(200);
      expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(bundle.headers.get('content-security-policy')).toBe(APP_CSP);
      const text = await bundle.text();
      expect(text).toMatch(new RegExp(`^"use strict";var ${global}=`));
      expect(text).toContain(names);
    }
  });

  it('keeps the settings, the alert log and the room view out of the script a cold page runs first', async () => {
    const popover = await readFile(`${BUILT}/popover.js`, 'utf8');
    const views = await readFile(`${BUILT}/views.js`, 'utf8');
    // Class names each view gives its own element, and nothing in popover.js does.
    for (const name of ['"settings-section"', '"alert-log"', '"room-view-head"']) {
      expect(views, name).toContain(name);
      expect(popover, name).not.toContain(name);
    }
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
