import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  applyLaunchAtLogin,
  claimSingleInstance,
  installCleanShutdown,
  runAsTrayApp,
  watchSystemEvents,
} from '../../main/electron/app-lifecycle';
import { app } from '../support/fake-electron/app';
import { fakeEvent } from '../support/fake-electron/fake-event';
import { net, powerMonitor } from '../support/fake-electron/power-monitor';
import { resetShellFakes } from '../support/fake-electron/reset-shell';

beforeEach(() => resetShellFakes());
afterEach(() => vi.useRealTimers());

describe('claimSingleInstance', () => {
  it('lets the first copy run and opens its popover when a second one starts', () => {
    let opened = 0;
    expect(claimSingleInstance(() => opened++)).toBe(true);
    app.emit('second-instance', fakeEvent(), ['headcount'], '/home/ana', {});
    expect(opened).toBe(1);
    expect(app.quitCalls).toBe(0);
  });

  it('quits a second copy at once', () => {
    app.lockAvailable = false;
    let opened = 0;
    expect(claimSingleInstance(() => opened++)).toBe(false);
    expect(app.quitted).toBe(true);
    expect(app.listenerCount('second-instance')).toBe(0);
  });
});

describe('runAsTrayApp', () => {
  it('keeps running with no window and hides the macOS dock icon', () => {
    runAsTrayApp('darwin');
    expect(app.listenerCount('window-all-closed')).toBe(1);
    expect(app.dock.hidden).toBe(true);
  });

  it('leaves the dock alone elsewhere', () => {
    runAsTrayApp('win32');
    expect(app.dock.hidden).toBe(false);
  });
});

describe('applyLaunchAtLogin', () => {
  it('sets the login item on macOS and Windows', async () => {
    await applyLaunchAtLogin(true, { platform: 'darwin' });
    await applyLaunchAtLogin(false, { platform: 'win32' });
    expect(app.loginItemSettings).toEqual([{ openAtLogin: true }, { openAtLogin: false }]);
  });

  it('writes and removes the autostart entry on Linux', async () => {
    const config = await mkdtemp(join(tmpdir(), 'headcount-xdg-'));
    try {
      const env = {
        platform: 'linux',
        xdgConfigHome: config,
        execPath: '/opt/Headcount/headcount',
        appImage: undefined,
      };
      const entry = join(config, 'autostart', 'headcount.desktop');
      await applyLaunchAtLogin(true, env);
      expect(await readFile(entry, 'utf8')).toContain('Exec=/opt/Headcount/headcount\n');
      await applyLaunchAtLogin(false, env);
      await expect(stat(entry)).rejects.toThrow(/ENOENT/);
      await applyLaunchAtLogin(false, env);
      expect(app.loginItemSettings).toEqual([]);
    } finally {
      await rm(config, { recursive: true, force: true });
    }
  });
});

describe('watchSystemEvents', () => {
  it('passes sleep, wake and the network’s return on, until stopped', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const calls: string[] = [];
    const stop = watchSystemEvents(
      {
        resumed: (ms) => calls.push(`resumed:${ms}`),
        online: () => calls.push('online'),
        offline: () => calls.push('offline'),
      },
      5000,
    );
    powerMonitor.emit('suspend');
    vi.setSystemTime(1_000_000 + 60_000);
    powerMonitor.emit('resume');
    net.online = false;
    vi.advanceTimersByTime(5000);
    net.online = true;
    vi.advanceTimersByTime(5000);
    vi.advanceTimersByTime(5000);
    stop();
    net.online = false;
    vi.advanceTimersByTime(10_000);
    powerMonitor.emit('resume');
    expect(calls).toEqual(['resumed:60000', 'offline', 'online']);
  });
});

describe('installCleanShutdown', () => {
  it('holds the quit while the engine stops, then quits', async () => {
    let release = () => {};
    const stopped = new Promise<void>((resolve) => {
      release = resolve;
    });
    let stops = 0;
    installCleanShutdown(() => {
      stops++;
      return stopped;
    });
    app.quit();
    app.quit();
    expect(app.quitted).toBe(false);
    expect(stops).toBe(1);
    release();
    await vi.waitFor(() => expect(app.quitted).toBe(true));
    expect(app.quitCalls).toBe(3);
  });

  it('quits after the timeout when stopping hangs', async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    installCleanShutdown(
      () => new Promise(() => {}),
      (e) => errors.push(e),
      2000,
    );
    app.quit();
    await vi.advanceTimersByTimeAsync(2000);
    expect(app.quitted).toBe(true);
    expect(errors).toHaveLength(1);
  });

  it('delays a system shutdown while it stops', async () => {
    installCleanShutdown(() => Promise.resolve());
    const event = fakeEvent();
    powerMonitor.emit('shutdown', event);
    expect(event.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(app.quitted).toBe(true));
  });
});
