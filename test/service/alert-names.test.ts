import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AlertView } from '../../main/contract/monitor-api';
import type { Alert } from '../../main/core/alerts/alert';
import { AlertLog } from '../../main/core/alerts/alert-log';
import { SnoozeBook } from '../../main/core/alerts/snooze';
import { createAlerting } from '../../main/node/alerting';
import { nodeFilePort } from '../../main/node/file-port';
import { startSimulator } from '../../main/simulator';
import { eventually } from '../support/eventually';
import { FakeClock } from '../support/fake-clock';
import { serviceOnFakeTime } from './memory-ports';
import { stopAfterEach } from './stop-after-each';

const started = stopAfterEach();

describe('alerts name rooms as the list does', () => {
  it('names a room given by id alone by its group Name, with the id in the details, in every channel', async () => {
    const folder = started(await mkdtemp(join(tmpdir(), 'headcount-alert-names-')));
    const clock = new FakeClock();
    const sim = started(
      await startSimulator({
        clock,
        rooms: [{ groupId: '@TGS#2RaidNight', name: 'Raid Night', audience: { kind: 'fixed', online: 100 } }],
      }),
    );
    const log = await AlertLog.open(nodeFilePort, join(folder, 'alerts.jsonl'));
    const sent: Alert[] = [];
    // A room from a command line or a groups file: an id, no label.
    const watched = serviceOnFakeTime(sim, clock, ['@TGS#2RaidNight'], {
      alertLog: log,
      alerts: async (profile, onAlert) =>
        createAlerting({
          settings: { rules: { above: { threshold: 4_000 }, spike: null, drop: null, sessions: false } },
          profile: profile.label,
          where: 'sim',
          log,
          snoozes: new SnoozeBook(),
          desktop: [
            {
              channel: 'desktop',
              deliver: async (alert) => {
                sent.push(alert);
                return { channel: 'desktop', outcome: 'sent', at: alert.at };
              },
            },
          ],
          clock,
          onAlert,
        }),
    });
    const { profiles, advance } = watched;
    const service = started(watched.service);
    const pushed: AlertView[] = [];
    service.onPush((push) => {
      if (push.type === 'alert') pushed.push(push.alert);
    });
    await service.start();
    // The group's Name is asked for behind the first polls.
    await advance(2_000);
    expect(profiles.saved.get('app-1')?.rooms).toEqual([{ groupId: '@TGS#2RaidNight', label: 'Raid Night' }]);
    sim.control.setOnline('@TGS#2RaidNight', 4_321);
    await advance(2_000);
    const fired = pushed.find((alert) => alert.rule === 'above' && alert.phase === 'firing');
    expect(fired).toMatchObject({
      title: 'Raid Night: 4,321 online',
      message: 'Above 4,000: fired · peak 4,321 · id @TGS#2RaidNight',
      facts: { label: 'Raid Night' },
    });
    // The notification (sent once its grouping window closes) and the alert log say the same.
    await advance(6_000);
    // Delivery goes through the alert log's file: waited for, not timed.
    await eventually(() => sent.length > 0, 'the notification', 5_000);
    expect(sent.map((alert) => alert.title)).toContain('Raid Night: 4,321 online');
    const logged = await service.listAlertEntries({});
    expect(logged.map((entry) => entry.alert.title)).toContain('Raid Night: 4,321 online');

    sim.control.setOnline('@TGS#2RaidNight', 100);
    await advance(2_000);
    const recovered = pushed.find((alert) => alert.phase === 'recovered');
    expect(recovered).toMatchObject({
      title: 'Raid Night: 100 online',
      message: 'Above 4,000: recovered · peak 4,321 · id @TGS#2RaidNight',
    });
  });
});
