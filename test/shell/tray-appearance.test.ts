import { describe, expect, it } from 'vitest';
import type { MonitorSnapshot, ProfileView } from '../../main/contract/monitor-api';
import { TOOLTIP_MAX, trayAppearance } from '../../main/shell/tray-appearance';
import { trayStateOf } from '../../main/shell/tray-state';
import { summaryOf } from '../support/view-parts';
import { roomView } from './room-view';

function profile(fields: Partial<ProfileView> = {}): ProfileView {
  return {
    id: 'p',
    label: 'Events SG',
    sdkAppId: 1400000000,
    identifier: 'administrator',
    region: 'singapore',
    endpoint: null,
    keyStorage: 'protected',
    keyStorageNote: 'Saved in the keychain',
    weakStorageOffered: false,
    state: 'running',
    reason: null,
    error: null,
    plan: {
      rooms: 1,
      requestedIntervalS: 10,
      effectiveIntervalS: 10,
      stretched: false,
      callsPerSecond: 0.1,
      capPerSecond: 200,
    },
    budgets: [],
    ...fields,
  };
}

function snapshot(fields: Partial<MonitorSnapshot> = {}): MonitorSnapshot {
  const rooms = fields.rooms ?? [roomView('a', 1_234)];
  const profiles = fields.profiles ?? [profile()];
  // The apps' conditions as the engine's summary carries them.
  const conditions = profiles.flatMap(({ id, label, state, reason, error }) =>
    state === 'running' ? [] : [{ profileId: id, label, condition: state, reason, error }],
  );
  return {
    demo: false,
    paused: false,
    profiles,
    rooms,
    summary: summaryOf(rooms, conditions),
    notices: [],
    regions: [],
    ...fields,
  };
}

describe('trayStateOf', () => {
  it('puts paused first, then error, alerting and demo', () => {
    const all = { paused: true, failing: true, alerting: true, demo: true };
    expect(trayStateOf(all)).toBe('paused');
    expect(trayStateOf({ ...all, paused: false })).toBe('error');
    expect(trayStateOf({ ...all, paused: false, failing: false })).toBe('alerting');
    expect(trayStateOf({ paused: false, failing: false, alerting: false, demo: true })).toBe('demo');
    expect(trayStateOf({ paused: false, failing: false, alerting: false, demo: false })).toBe('normal');
  });
});

describe('trayAppearance', () => {
  it('shows the number, the state and a tooltip', () => {
    expect(trayAppearance({ snapshot: snapshot(), choice: 'sum', alerting: false })).toEqual({
      state: 'normal',
      icon: '1.2k',
      title: '1,234',
      tooltip: 'Headcount\n1,234 online in 1 room',
    });
  });

  it('says demo and paused in the tooltip', () => {
    const look = trayAppearance({
      snapshot: snapshot({ demo: true, paused: true }),
      choice: 'sum',
      alerting: true,
    });
    expect(look.state).toBe('paused');
    expect(look.tooltip).toBe('Headcount (demo)\n1,234 online in 1 room\nPolling paused');
  });

  it('is in error when an app’s credentials were rejected, and says why', () => {
    const rejected = profile({ state: 'auth-failed', reason: 'The secret key was rejected.' });
    const look = trayAppearance({
      snapshot: snapshot({ profiles: [rejected] }),
      choice: 'sum',
      alerting: false,
    });
    expect(look.state).toBe('error');
    expect(look.tooltip).toContain('Events SG: The secret key was rejected.');
  });

  it('says what cannot be written, right after the number, so a cut tooltip still says why', () => {
    const notice =
      'Could not write the history: the disk is full (/home/me/.config/headcount/history/samples-3.jsonl). Until then, counts are kept in memory.';
    const { tooltip } = trayAppearance({
      snapshot: snapshot({ notices: [notice] }),
      choice: 'sum',
      alerting: false,
    });
    expect(tooltip).toMatch(
      /^Headcount\n1,234 online in 1 room\nCould not write the history: the disk is full \(/,
    );
    expect(tooltip.length).toBe(TOOLTIP_MAX);
  });

  it('says an app’s 60007 slow-down once, beside the number, and leaves the number and the icon alone', () => {
    const slowed = profile({ state: 'rate-limited' });
    const look = trayAppearance({
      snapshot: snapshot({ profiles: [slowed] }),
      choice: 'sum',
      alerting: false,
    });
    expect(look).toMatchObject({ state: 'normal', title: '1,234' });
    expect(look.tooltip).toBe(
      'Headcount\n1,234 online in 1 room\nEvents SG: over the API rate limit, slowed down (recovers by itself)',
    );
  });

  it('is alerting while an alert fires', () => {
    expect(trayAppearance({ snapshot: snapshot(), choice: 'sum', alerting: true }).state).toBe('alerting');
  });

  it('cuts the tooltip to what Windows shows', () => {
    const profiles = Array.from({ length: 6 }, (_, i) =>
      profile({
        id: `p${i}`,
        label: `App number ${i}`,
        state: 'auth-failed',
        reason: 'Credentials rejected by the server.',
      }),
    );
    const { tooltip } = trayAppearance({ snapshot: snapshot({ profiles }), choice: 'sum', alerting: false });
    expect(tooltip.length).toBe(TOOLTIP_MAX);
    expect(tooltip.endsWith('…')).toBe(true);
  });
});
