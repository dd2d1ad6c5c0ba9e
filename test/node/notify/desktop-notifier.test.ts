import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, Delivery } from '../../../main/core/alerts/alert';
import {
  createDesktopNotifier,
  type DesktopNotification,
  type DesktopNotificationSender,
  type DesktopNotifyCallback,
} from '../../../main/node/notify/desktop-notifier';
import { eventually } from '../../support/eventually';
import { FakeClock } from '../../support/fake-clock';
import {
  missingSessionTools,
  type NotificationSession,
  SESSION_PACKAGES,
  startNotificationSession,
} from './notification-session';

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

const missing = missingSessionTools();
const skipSession = missing.length > 0 && !process.env.CI;
if (skipSession) {
  console.warn(
    `Skipping the desktop notification tests on a real D-Bus session: ${missing.join(', ')} not found. ` +
      `Install them with: apt-get install ${SESSION_PACKAGES}`,
  );
}

describe.skipIf(skipSession)('desktop notifier on a real D-Bus session (Xvfb, dunst, dbus-monitor)', () => {
  let session: NotificationSession;

  beforeAll(async () => {
    // CI installs these packages, so there a missing tool is a failure, not a reason to skip.
    if (missing.length > 0) {
      throw new Error(
        `${missing.join(', ')} not found; install them with: apt-get install ${SESSION_PACKAGES}`,
      );
    }
    session = await startNotificationSession();
  });

  afterAll(async () => {
    await session?.stop();
  });

  /** Delivers with this session's bus and display in the environment notify-send inherits. */
  async function deliverOnSession(
    alert: Alert,
    options: Parameters<typeof createDesktopNotifier>[0] = {},
    env: Record<string, string> = session.env,
  ): Promise<Delivery> {
    const saved = {
      DISPLAY: process.env.DISPLAY,
      DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS,
    };
    Object.assign(process.env, env);
    try {
      return await createDesktopNotifier(options).deliver(alert);
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  }

  it('makes a Notify call with the title, the message, the app name and critical urgency', async () => {
    const before = session.calls().length;
    const delivery = await deliverOnSession(ALERT);
    expect(delivery).toEqual({ channel: 'desktop', outcome: 'sent', at: expect.any(Number), attempts: 1 });
    await eventually(() => session.calls().length === before + 1, 'the Notify call');
    expect(session.calls().at(-1)).toEqual({
      appName: 'Headcount',
      summary: "Room 'Launch Day' 640 online",
      body: 'down 48% in 2 min, peak 1,300',
      urgency: 2,
    });
  });

  it('maps info to low urgency and uses the given app name', async () => {
    const before = session.calls().length;
    const info: Alert = {
      ...ALERT,
      rule: 'milestone',
      severity: 'info',
      title: 'Room passed 1,000',
      message: 'at 12:00',
    };
    expect(await deliverOnSession(info, { appName: 'Headcount (ops)' })).toMatchObject({ outcome: 'sent' });
    await eventually(() => session.calls().length === before + 1, 'the Notify call');
    expect(session.calls().at(-1)).toMatchObject({
      appName: 'Headcount (ops)',
      summary: 'Room passed 1,000',
      urgency: 0,
    });
  });

  it('passes a message starting with "-" and shell characters through as text', async () => {
    const before = session.calls().length;
    const marker = path.join(session.dir, 'ran');
    const title = `Room '$(touch ${marker})' "Q&A" \`date\` $HOME`;
    const delivery = await deliverOnSession({
      ...ALERT,
      severity: 'warning',
      title,
      message: '-48% in 2 min',
    });
    expect(delivery).toMatchObject({ outcome: 'sent' });
    await eventually(() => session.calls().length === before + 1, 'the Notify call');
    expect(session.calls().at(-1)).toMatchObject({ summary: title, body: '\u221248% in 2 min', urgency: 1 });
    expect(existsSync(marker)).toBe(false);
  });

  it('resolves as failed, with notify-send’s reason, when the session bus cannot be reached', async () => {
    const before = session.calls().length;
    const unreachable = { DISPLAY: '', DBUS_SESSION_BUS_ADDRESS: `unix:path=${session.dir}/no-such-bus` };
    const delivery = await deliverOnSession(ALERT, {}, unreachable);
    expect(delivery).toMatchObject({ channel: 'desktop', outcome: 'failed', attempts: 1 });
    expect(delivery.detail).toMatch(/^the desktop notification was not shown: .*(connect|No such file)/i);
    expect(delivery.detail).not.toContain('Command failed');
    expect(session.calls()).toHaveLength(before);
  });
});

describe('desktop notifier and node-notifier’s callback', () => {
  /** Answers each notification with what `respond` does to the callback. */
  function sender(respond: (callback: DesktopNotifyCallback) => void): DesktopNotificationSender & {
    seen: DesktopNotification[];
  } {
    const seen: DesktopNotification[] = [];
    return {
      seen,
      notify(notification, callback) {
        seen.push(notification);
        respond(callback);
      },
    };
  }

  it('counts notify-send’s stderr string in the error position as success', async () => {
    const fake = sender((callback) => callback('', ''));
    const delivery = await createDesktopNotifier({ notifier: fake }).deliver(ALERT);
    expect(delivery).toMatchObject({ outcome: 'sent', attempts: 1 });
    expect(fake.seen).toEqual([{ title: ALERT.title, message: ALERT.message, wait: false }]);
  });

  it('keeps only notify-send’s own words from a failed command', async () => {
    const error = new Error(
      'Command failed: notify-send "a" "b" --urgency "critical"\nCould not connect: Refused\n',
    );
    const delivery = await createDesktopNotifier({ notifier: sender((callback) => callback(error)) }).deliver(
      ALERT,
    );
    expect(delivery).toMatchObject({
      outcome: 'failed',
      detail: 'the desktop notification was not shown: Could not connect: Refused',
    });
  });

  it('names the package when notify-send is missing', async () => {
    const fake = sender((callback) => callback(new Error('not found: notify-send')));
    const delivery = await createDesktopNotifier({ notifier: fake }).deliver(ALERT);
    expect(delivery.detail).toMatch(/libnotify-bin/);
  });

  it('resolves as failed when the notifier throws', async () => {
    const fake = sender(() => {
      throw new Error('spawn EAGAIN');
    });
    const delivery = await createDesktopNotifier({ notifier: fake }).deliver(ALERT);
    expect(delivery).toMatchObject({
      outcome: 'failed',
      detail: 'the desktop notification was not shown: spawn EAGAIN',
    });
  });

  it('gives up when no answer comes within the timeout, and ignores a late one', async () => {
    let late: DesktopNotifyCallback | undefined;
    const clock = new FakeClock();
    const fake = sender((callback) => {
      late = callback;
    });
    const pending = createDesktopNotifier({ notifier: fake, clock, timeoutMs: 3_000 }).deliver(ALERT);
    await clock.advance(2_999);
    let settled = false;
    void pending.then(() => {
      settled = true;
    });
    await clock.advance(0);
    expect(settled).toBe(false);
    await clock.advance(1);
    const delivery = await pending;
    expect(delivery).toMatchObject({ outcome: 'failed', detail: expect.stringContaining('within 3 s') });
    late?.(null, '');
    expect(await pending).toBe(delivery);
    expect(clock.pendingTimers).toBe(0);
  });
});
