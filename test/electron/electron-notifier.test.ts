import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../main/core/alerts/alert';
import {
  APP_USER_MODEL_ID,
  createElectronNotifier,
  type ElectronNotifierOptions,
  type NotificationClass,
} from '../../main/electron/electron-notifier';
import { FakeClock } from '../support/fake-clock';
import { Notification } from '../support/fake-electron/notification';

const ALERT: Alert = {
  id: '01JDX0000000000000000000',
  rule: 'drop',
  phase: 'firing',
  severity: 'critical',
  profile: 'Main app',
  groupId: '@TGS#launch',
  label: 'Launch Day',
  title: "Room 'Launch Day' 640 online",
  message: 'down 48% in 2 min, peak 1,300',
  at: Date.UTC(2026, 10, 26, 12, 0, 0),
};

function notifier(options: Partial<ElectronNotifierOptions> = {}) {
  const clock = new FakeClock();
  const clicked: Alert[] = [];
  const identities: string[] = [];
  const made = createElectronNotifier({
    onClick: (alert) => clicked.push(alert),
    platform: 'linux',
    app: { setAppUserModelId: (id) => identities.push(id) },
    clock,
    ...options,
  });
  return { notifier: made, clock, clicked, identities };
}

const last = () => Notification.made.at(-1) as Notification;

afterEach(() => Notification.reset());

describe('the Electron notifier', () => {
  it("shows an alert's title and message, with its urgency on Linux, and reports it sent once shown", async () => {
    const { notifier: desktop, clock } = notifier();
    expect(desktop.channel).toBe('desktop');
    expect(await desktop.deliver(ALERT)).toEqual({
      channel: 'desktop',
      outcome: 'sent',
      at: clock.wall(),
      attempts: 1,
    });
    expect(last().options).toEqual({ title: ALERT.title, body: ALERT.message, urgency: 'critical' });
    expect(last().shown).toBe(1);

    await desktop.deliver({ ...ALERT, severity: 'info' });
    expect(last().options.urgency).toBe('low');
    await desktop.deliver({ ...ALERT, severity: 'warning' });
    expect(last().options.urgency).toBe('normal');
  });

  it('sets the app identity on Windows only, and leaves urgency to Linux', async () => {
    const windows = notifier({ platform: 'win32' });
    expect(windows.identities).toEqual([APP_USER_MODEL_ID]);
    expect(APP_USER_MODEL_ID).toBe('com.headcount.tray');
    await windows.notifier.deliver(ALERT);
    expect(last().options).toEqual({ title: ALERT.title, body: ALERT.message });

    const mac = notifier({ platform: 'darwin' });
    expect(mac.identities).toEqual([]);
    await mac.notifier.deliver(ALERT);
    expect(last().options).not.toHaveProperty('urgency');
  });

  it('waits for the system to show the notification', async () => {
    Notification.answer = 'show-later';
    const { notifier: desktop } = notifier();
    let outcome: string | undefined;
    const delivery = desktop.deliver(ALERT).then((d) => {
      outcome = d.outcome;
    });
    expect(outcome).toBeUndefined();
    await delivery;
    expect(outcome).toBe('sent');
  });

  it('reports a notification the system refused, with its reason', async () => {
    Notification.answer = 'fail';
    const { notifier: desktop } = notifier({ platform: 'win32' });
    expect(await desktop.deliver(ALERT)).toMatchObject({
      outcome: 'failed',
      detail: `the notification was not shown: ${Notification.failure}`,
    });
    expect(desktop.kept).toBe(0);
  });

  it('reports unsupported notifications without making one', async () => {
    Notification.supported = false;
    const { notifier: desktop } = notifier();
    expect(await desktop.deliver(ALERT)).toMatchObject({
      outcome: 'failed',
      detail: expect.stringMatching(/^this system does not support desktop notifications/),
    });
    expect(Notification.made).toEqual([]);
  });

  it('reports a notification the system never answered for as failed after the timeout', async () => {
    Notification.answer = 'nothing';
    const { notifier: desktop, clock } = notifier({ timeoutMs: 5_000 });
    let result: unknown;
    void desktop.deliver(ALERT).then((delivery) => {
      result = delivery;
    });
    await clock.advance(4_999);
    expect(result).toBeUndefined();
    await clock.advance(1);
    expect(result).toMatchObject({
      outcome: 'failed',
      detail: 'the system did not confirm the notification within 5 s',
    });
  });

  it('reports a notification that could not be made', async () => {
    class NotReady {
      static isSupported = () => true;
      constructor() {
        throw new Error('Cannot create Notification before app is ready');
      }
    }
    const { notifier: desktop } = notifier({ notificationClass: NotReady as unknown as NotificationClass });
    expect(await desktop.deliver(ALERT)).toMatchObject({
      outcome: 'failed',
      detail: 'the notification could not be made: Cannot create Notification before app is ready',
    });
  });

  it('holds each notification until it is clicked or closed, and routes the click', async () => {
    const { notifier: desktop, clicked } = notifier();
    await desktop.deliver(ALERT);
    const first = last();
    await desktop.deliver({ ...ALERT, groupId: '@TGS#other' });
    const second = last();
    expect(desktop.kept).toBe(2);

    first.click();
    expect(clicked).toEqual([ALERT]);
    expect(desktop.kept).toBe(1);
    second.dismiss();
    expect(desktop.kept).toBe(0);
    expect(clicked).toHaveLength(1);
  });

  it('lets the oldest notifications go past the limit', async () => {
    const { notifier: desktop, clicked } = notifier({ maxKept: 2 });
    for (const groupId of ['a', 'b', 'c']) await desktop.deliver({ ...ALERT, groupId });
    expect(desktop.kept).toBe(2);
    (Notification.made.at(-1) as Notification).click();
    expect(clicked.map((alert) => alert.groupId)).toEqual(['c']);
    expect(desktop.kept).toBe(1);
  });
});
