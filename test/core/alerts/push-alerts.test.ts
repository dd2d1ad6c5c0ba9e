import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../../main/core/alerts/alert';
import { AlertEngine } from '../../../main/core/alerts/alert-engine';
import { startPushScenario } from '../../support/push-scenario';

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

/** The scenario's engine with the alert rules on its events, as every edition wires them. */
async function withAlerts(options: Parameters<typeof startPushScenario>[0]) {
  const scenario = await startPushScenario(options);
  stop = scenario.stop;
  const rules = new AlertEngine({ profile: 'Events', labels: { live: 'Launch Day' } });
  const alerts: Alert[] = [];
  scenario.engine.monitor.on((event) => alerts.push(...rules.handle(event)));
  return { scenario, pushAlerts: () => alerts.filter((alert) => alert.rule === 'push-failing') };
}

describe('the push-failing alert', () => {
  it('fires once while writes keep failing, not once per poll, and recovers once', async () => {
    const { scenario, pushAlerts } = await withAlerts({
      rooms: [{ groupId: 'live', audience: { kind: 'steady', base: 1000, noise: 0.05 } }],
      push: { live: { via: 'group-attr', key: 'online_member_num' } },
    });
    scenario.sim.control.injectFault({ kind: 'error-code', code: 10002, command: 'modify_group_attr' });
    await scenario.advance(5 * 60_000);
    expect(scenario.requests('modify_group_attr').length).toBeGreaterThan(5);
    expect(pushAlerts().map((alert) => alert.phase)).toEqual(['firing']);
    const [firing] = pushAlerts();
    expect(firing).toMatchObject({
      severity: 'warning',
      groupId: 'live',
      title: 'Launch Day: count not reaching viewers',
      errorKind: 'transient',
      push: { via: 'group-attr', key: 'online_member_num', refused: false },
    });
    scenario.sim.control.clearFaults();
    await scenario.advance(5 * 60_000);
    expect(pushAlerts().map((alert) => alert.phase)).toEqual(['firing', 'recovered']);
  });

  it('fires at once when the server refuses the mechanism, saying what to change', async () => {
    const { scenario, pushAlerts } = await withAlerts({
      rooms: [{ groupId: 'live', audience: { kind: 'fixed', online: 10 } }],
      push: { live: { via: 'group-counter', key: 'online_member_num' } },
    });
    await scenario.advance(30_000);
    expect(pushAlerts()).toHaveLength(1);
    expect(pushAlerts()[0]?.message).toMatch(/Pro, Pro Plus or Enterprise edition/);
    expect(pushAlerts()[0]?.push?.refused).toBe(true);
    // Turning the push off clears it.
    scenario.engine.pusher.configure('live', null);
    expect(pushAlerts().map((alert) => alert.phase)).toEqual(['firing', 'recovered']);
  });
});
