import { describe, expect, it } from 'vitest';
import {
  menuSignature,
  type TrayActions,
  type TrayMenuItem,
  trayMenu,
  untilLabel,
} from '../../main/shell/tray-menu';

const NOW = Date.UTC(2026, 10, 26, 12, 0);

function recordingActions(): { actions: TrayActions; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    actions: {
      open: () => calls.push('open'),
      setPaused: (paused) => calls.push(`paused:${paused}`),
      snooze: (choice) => calls.push(`snooze:${choice}`),
      resumeNotifications: () => calls.push('resume-notifications'),
      openSettings: () => calls.push('settings'),
      quit: () => calls.push('quit'),
    },
  };
}

function find(items: readonly TrayMenuItem[], id: string): TrayMenuItem | undefined {
  for (const item of items) {
    if (item.type !== 'separator' && item.id === id) return item;
    if (item.type === 'submenu') {
      const inner = find(item.items, id);
      if (inner) return inner;
    }
  }
  return undefined;
}

function run(items: readonly TrayMenuItem[], id: string): void {
  const item = find(items, id);
  if (item?.type !== 'item' || !item.run) throw new Error(`no item ${id}`);
  item.run();
}

const state = { paused: false, snoozedUntil: null, shortcut: 'CommandOrControl+Alt+H', now: NOW };

describe('trayMenu', () => {
  it('lists Open, Pause, Snooze, Settings and Quit', () => {
    const items = trayMenu(state, recordingActions().actions, 'UTC');
    const labels = items.map((item) => (item.type === 'separator' ? '-' : item.label));
    expect(labels).toEqual([
      'Open Headcount',
      '-',
      'Pause polling',
      'Snooze notifications',
      '-',
      'Settings…',
      '-',
      'Quit Headcount',
    ]);
    expect(find(items, 'open')).toMatchObject({ accelerator: 'CommandOrControl+Alt+H' });
  });

  it('runs each action', () => {
    const { actions, calls } = recordingActions();
    const items = trayMenu(state, actions, 'UTC');
    for (const id of [
      'open',
      'pause-polling',
      'snooze-15m',
      'snooze-1h',
      'snooze-4h',
      'snooze-tomorrow-morning',
      'settings',
      'quit',
    ]) {
      run(items, id);
    }
    expect(calls).toEqual([
      'open',
      'paused:true',
      'snooze:15m',
      'snooze:1h',
      'snooze:4h',
      'snooze:tomorrow-morning',
      'settings',
      'quit',
    ]);
  });

  it('offers Resume polling while paused', () => {
    const { actions, calls } = recordingActions();
    const items = trayMenu({ ...state, paused: true }, actions, 'UTC');
    expect(find(items, 'pause-polling')).toBeUndefined();
    run(items, 'resume-polling');
    expect(calls).toEqual(['paused:false']);
  });

  it('offers Resume notifications while snoozed, with when the snooze ends', () => {
    const { actions, calls } = recordingActions();
    const items = trayMenu({ ...state, snoozedUntil: NOW + 90 * 60_000 }, actions, 'UTC');
    expect(find(items, 'resume-notifications')).toMatchObject({
      label: 'Resume notifications (snoozed until 13:30)',
    });
    expect(find(items, 'snooze')).toMatchObject({ label: 'Snooze longer' });
    run(items, 'resume-notifications');
    expect(calls).toEqual(['resume-notifications']);
  });

  it('treats a snooze that has ended as none', () => {
    const items = trayMenu({ ...state, snoozedUntil: NOW - 1 }, recordingActions().actions, 'UTC');
    expect(find(items, 'resume-notifications')).toBeUndefined();
  });

  it('has the same signature for the same labels, whatever the callbacks', () => {
    const a = menuSignature(trayMenu(state, recordingActions().actions, 'UTC'));
    expect(menuSignature(trayMenu(state, recordingActions().actions, 'UTC'))).toBe(a);
    expect(menuSignature(trayMenu({ ...state, paused: true }, recordingActions().actions, 'UTC'))).not.toBe(
      a,
    );
    expect(menuSignature(trayMenu({ ...state, shortcut: null }, recordingActions().actions, 'UTC'))).not.toBe(
      a,
    );
  });
});

describe('untilLabel', () => {
  it('gives the time on the same day and the weekday on another', () => {
    expect(untilLabel(NOW + 2 * 3_600_000, NOW, 'UTC')).toBe('14:00');
    expect(untilLabel(Date.UTC(2026, 10, 27, 8, 0), NOW, 'UTC')).toBe('Fri 08:00');
    // 17:00 UTC is already 01:00 the next day in Shanghai.
    expect(untilLabel(Date.UTC(2026, 10, 26, 17, 0), NOW, 'UTC')).toBe('17:00');
    expect(untilLabel(Date.UTC(2026, 10, 26, 17, 0), NOW, 'Asia/Shanghai')).toBe('Fri 01:00');
  });
});
