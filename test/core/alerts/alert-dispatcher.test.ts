import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Alert, Delivery, Notifier } from '../../../main/core/alerts/alert';
import { AlertDispatcher, type AlertDispatcherOptions } from '../../../main/core/alerts/alert-dispatcher';
import { AlertLog } from '../../../main/core/alerts/alert-log';
import { QuietHours } from '../../../main/core/alerts/quiet-hours';
import { SnoozeBook } from '../../../main/core/alerts/snooze';
import { nodeFilePort } from '../../../main/node/file-port';
import { FakeClock } from '../../support/fake-clock';

/** Delivers by remembering the alert; `seenInLog` tells whether the alert was logged before delivery. */
class RecordingNotifier implements Notifier {
  readonly received: Alert[] = [];
  readonly seenInLog: boolean[] = [];
  constructor(
    readonly channel: string,
    private readonly clock: FakeClock,
    private readonly log?: AlertLog,
  ) {}

  async deliver(alert: Alert): Promise<Delivery> {
    this.received.push(alert);
    if (this.log) this.seenInLog.push(this.log.list().some((entry) => entry.alert.id === alert.id));
    return { channel: this.channel, outcome: 'sent', at: this.clock.wall(), attempts: 1 };
  }
}

function alertOf(fields: Partial<Alert> = {}): Alert {
  return {
    id: 'alert-1',
    rule: 'spike',
    phase: 'firing',
    severity: 'warning',
    profile: 'prod',
    groupId: '@TGS#a',
    title: "Room 'Launch Day' 1,240 online",
    message: '+85% in 2 min',
    at: 0,
    ...fields,
  };
}

let folder: string;
let clock: FakeClock;
let log: AlertLog;
let snoozes: SnoozeBook;
let desktop: RecordingNotifier;
let webhook: RecordingNotifier;

function dispatcher(extra: Partial<AlertDispatcherOptions> = {}): AlertDispatcher {
  return new AlertDispatcher({
    log,
    desktop: [desktop],
    team: [webhook],
    snoozes,
    clock,
    timeZone: 'Asia/Shanghai',
    ...extra,
  });
}

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'headcount-dispatcher-'));
  clock = new FakeClock(); // 2026-11-26 12:00Z, 20:00 in Shanghai
  log = await AlertLog.open(nodeFilePort, join(folder, 'alerts.jsonl'));
  snoozes = new SnoozeBook();
  desktop = new RecordingNotifier('desktop', clock, log);
  webhook = new RecordingNotifier('webhook wecom (qyapi.weixin.qq.com)', clock);
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('AlertDispatcher', () => {
  it('logs the alert first, sends it on every channel and logs each delivery', async () => {
    const deliveries = await dispatcher().dispatch(alertOf());
    expect(deliveries.map((delivery) => [delivery.channel, delivery.outcome])).toEqual([
      ['desktop', 'sent'],
      ['webhook wecom (qyapi.weixin.qq.com)', 'sent'],
    ]);
    expect(desktop.seenInLog).toEqual([true]);
    const reopened = await AlertLog.open(nodeFilePort, join(folder, 'alerts.jsonl'));
    expect(reopened.list()[0]?.deliveries).toEqual(deliveries);
  });

  it('holds desktop notifications while snoozed, saying until when, and still serves the team', async () => {
    snoozes.snooze({ kind: 'room', profile: 'prod', groupId: '@TGS#a' }, clock.wall() + 30 * 60_000);
    const deliveries = await dispatcher().dispatch(alertOf());
    expect(deliveries[0]).toEqual({
      channel: 'desktop',
      outcome: 'held',
      at: clock.wall(),
      detail: 'snoozed until 20:30',
    });
    expect(deliveries[1]?.outcome).toBe('sent');
    expect(desktop.received).toEqual([]);
    expect(webhook.received).toHaveLength(1);
    expect(log.list()[0]?.deliveries.map((delivery) => delivery.outcome)).toEqual(['held', 'sent']);

    const other = await dispatcher().dispatch(alertOf({ id: 'alert-2', groupId: '@TGS#b' }));
    expect(other[0]?.outcome).toBe('sent');
  });

  it('holds during quiet hours except for the rules let through', async () => {
    const quietHours = new QuietHours({ start: '19:00', end: '08:00', timeZone: 'Asia/Shanghai' });
    const quiet = dispatcher({ quietHours });
    const [spike] = await quiet.dispatch(alertOf());
    expect(spike).toMatchObject({ outcome: 'held', detail: 'quiet hours until 08:00' });
    const [closed] = await quiet.dispatch(alertOf({ id: 'alert-2', rule: 'closed' }));
    expect(closed?.outcome).toBe('sent');

    await clock.advance(12 * 3_600_000); // 08:00 in Shanghai
    const [morning] = await quiet.dispatch(alertOf({ id: 'alert-3' }));
    expect(morning?.outcome).toBe('sent');
  });

  it('gives each team channel only the alerts its filter asks for', async () => {
    const critical = new RecordingNotifier('webhook oncall', clock);
    const rooms = new RecordingNotifier('webhook rooms', clock);
    const routed = dispatcher({
      team: [
        { notifier: critical, filter: { minSeverity: 'critical' } },
        { notifier: rooms, filter: { rules: ['closed', 'drop'], minSeverity: 'warning' } },
        webhook,
      ],
    });
    await routed.dispatch(alertOf({ id: 'a', rule: 'drop', severity: 'warning' }));
    await routed.dispatch(alertOf({ id: 'b', rule: 'auth', severity: 'critical' }));
    const info = await routed.dispatch(alertOf({ id: 'c', rule: 'closed', severity: 'info' }));
    expect(critical.received.map((alert) => alert.id)).toEqual(['b']);
    expect(rooms.received.map((alert) => alert.id)).toEqual(['a']);
    expect(webhook.received.map((alert) => alert.id)).toEqual(['a', 'b', 'c']);
    expect(info.map((delivery) => delivery.channel)).toEqual([
      'desktop',
      'webhook wecom (qyapi.weixin.qq.com)',
    ]);
  });

  it('logs a notifier that throws or rejects as failed, without a webhook token, and serves the others', async () => {
    const throwing: Notifier = {
      channel: 'desktop broken',
      deliver: () => {
        throw new Error('no notification daemon');
      },
    };
    const rejecting: Notifier = {
      channel: 'webhook slack (hooks.slack.com)',
      deliver: () =>
        Promise.reject(new Error('POST https://hooks.slack.com/services/T000/B000/SECRET failed')),
    };
    const heard: string[] = [];
    const deliveries = await dispatcher({
      desktop: [throwing, desktop],
      team: [rejecting, webhook],
      onDelivery: (_alert, delivery) => heard.push(`${delivery.channel}: ${delivery.outcome}`),
    }).dispatch(alertOf());
    expect(deliveries.map((delivery) => delivery.outcome)).toEqual(['failed', 'sent', 'failed', 'sent']);
    expect(deliveries[0]?.detail).toBe('no notification daemon');
    expect(deliveries[2]?.detail).toBe('POST https://hooks.slack.com failed');
    expect(log.list()[0]?.deliveries).toEqual(deliveries);
    expect(heard.sort()).toEqual(
      [
        'desktop broken: failed',
        'desktop: sent',
        'webhook slack (hooks.slack.com): failed',
        'webhook wecom (qyapi.weixin.qq.com): sent',
      ].sort(),
    );
  });

  it('delivers on every channel at once and resolves when all are logged', async () => {
    const releases: (() => void)[] = [];
    const slow = (channel: string): Notifier => ({
      channel,
      deliver: () =>
        new Promise<Delivery>((resolve) =>
          releases.push(() => resolve({ channel, outcome: 'sent', at: clock.wall() })),
        ),
    });
    let done = false;
    const pending = dispatcher({ desktop: [slow('one')], team: [slow('two')] })
      .dispatch(alertOf())
      .then((deliveries) => {
        done = true;
        return deliveries;
      });
    // Both notifiers are called before either has answered.
    await vi.waitFor(() => expect(releases).toHaveLength(2));
    releases[1]?.();
    await vi.waitFor(() => expect(log.list()[0]?.deliveries).toHaveLength(1));
    expect(done).toBe(false);
    releases[0]?.();
    expect((await pending).map((delivery) => delivery.channel)).toEqual(['one', 'two']);
    expect(log.list()[0]?.deliveries.map((delivery) => delivery.channel)).toEqual(['two', 'one']);
  });
});
