/**
 * A webhook's filter as the settings page saves it, through the service to real webhook posts: the
 * simulator's room fires "above", and only the webhooks whose rules and lowest severity take it
 * receive it, on a loopback receiver.
 */
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AlertLog } from '../../main/core/alerts/alert-log';
import { SnoozeBook } from '../../main/core/alerts/snooze';
import { systemClock } from '../../main/core/clock';
import { nodeFilePort } from '../../main/node/file-port';
import { profileEngineFactory } from '../../main/node/profile-engine';
import { createMonitorService } from '../../main/service/monitor-service';
import type { EditableSettings } from '../../main/service/settings-edit';
import { startSimulator } from '../../main/simulator';
import { alertsFrom, MemoryKeys, MemoryProfiles } from './memory-ports';
import { stopAfterEach } from './stop-after-each';

const started = stopAfterEach();

/** A loopback webhook receiver that notes the path of every post. */
async function startReceiver(): Promise<{ base: string; paths: string[] }> {
  const paths: string[] = [];
  const receiver = started(
    createServer((request, response) => {
      paths.push(request.url ?? '');
      request.resume().on('end', () => response.end('{"errcode":0}'));
    }),
  );
  await new Promise<void>((listening) => receiver.listen(0, '127.0.0.1', listening));
  return { base: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`, paths };
}

describe('webhook filters saved from the settings', () => {
  it('send each alert only to the webhooks whose rules and severity take it', async () => {
    const { base, paths } = await startReceiver();
    const sim = started(
      await startSimulator({
        rooms: [{ groupId: '@TGS#r0', name: 'Room 0', audience: { kind: 'fixed' as const, online: 1234 } }],
      }),
    );
    const folder = started(await mkdtemp(join(tmpdir(), 'headcount-filters-')));
    const log = await AlertLog.open(nodeFilePort, join(folder, 'alerts.jsonl'));
    let kept: EditableSettings = { rules: {}, webhooks: [], quietHours: null, app: null };
    const service = started(
      createMonitorService({
        clock: systemClock,
        profiles: new MemoryProfiles(),
        keys: new MemoryKeys(),
        openEngine: profileEngineFactory(),
        snoozes: new SnoozeBook(),
        saveSnoozes: () => {},
        alertLog: log,
        settings: {
          read: () => kept,
          write: (next) => {
            kept = next;
          },
        },
        alerts: alertsFrom(log, () => ({
          rules: kept.rules,
          webhooks: kept.webhooks,
          notifications: { groupWindowSeconds: 0 },
        })),
      }),
    );
    await service.start();
    const profile = await service.saveProfile({
      label: 'Events',
      sdkAppId: sim.credentials.sdkAppId,
      identifier: sim.credentials.identifier,
      endpoint: sim.baseUrl,
      secretKey: sim.credentials.secretKey,
    });
    await service.addRooms(profile.id, ['@TGS#r0']);

    // As the page sends them: "above" is a warning.
    const view = await service.updateSettings({
      rules: { above: { threshold: 1000 } },
      webhooks: [
        { name: 'closings', format: 'json', url: `${base}/closings`, rules: ['closed'] },
        { name: 'counts', format: 'json', url: `${base}/counts`, rules: ['above', 'below'] },
        { name: 'pager', format: 'json', url: `${base}/pager`, minSeverity: 'critical' },
        { name: 'team', format: 'json', url: `${base}/team`, minSeverity: 'warning' },
      ],
    });
    expect(view.webhooks.map(({ name, rules, minSeverity }) => [name, rules, minSeverity])).toEqual([
      ['closings', ['closed'], null],
      ['counts', ['above', 'below'], null],
      ['pager', null, 'critical'],
      ['team', null, 'warning'],
    ]);
    // The log records each delivery once its post is answered; filtered webhooks get none.
    const delivered = await vi.waitFor(
      async () => {
        const [entry] = await service.listAlertEntries({ rule: 'above' });
        const sent = entry?.deliveries.map((d) => `${d.channel.split(' (')[0]} ${d.outcome}`).sort() ?? [];
        expect(sent).toHaveLength(2);
        return sent;
      },
      { timeout: 10_000, interval: 50 },
    );
    expect(delivered).toEqual(['webhook counts sent', 'webhook team sent']);
    expect(paths.sort()).toEqual(['/counts', '/team']);
  }, 20_000);
});
