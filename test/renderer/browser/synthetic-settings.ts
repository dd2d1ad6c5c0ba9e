/**
 * The settings, live-room and alert-log methods of the synthetic MonitorApi: a small state kept in
 * the page, so the Chromium test can change settings, page through live rooms and acknowledge
 * alerts. Spread into the synthetic monitor's api.
 */
import type {
  AlertEntryQuery,
  AlertEntryView,
  LiveRoomsPage,
  MonitorApi,
  SettingsPatch,
  SettingsView,
} from '../../../main/contract/monitor-api';
import { NO_FACTS } from '../../support/view-parts';

type SettingsMethods = Pick<
  MonitorApi,
  'getSettings' | 'updateSettings' | 'listAlertEntries' | 'acknowledgeAlert' | 'findLiveRooms' | 'setPolling'
>;

/** What the page gave the synthetic monitor, for the test to read on `globalThis.syntheticSettings`. */
export interface SyntheticSettingsRecord {
  /** `profileId interval cap` for each setPolling call. */
  polled: string[];
  /** Each patch updateSettings received, in order. */
  patches: SettingsPatch[];
}

/** The methods, with `now` as the page's clock. */
export function syntheticSettingsApi(now: number): SettingsMethods {
  const polled: string[] = [];
  const patches: SettingsPatch[] = [];
  const search = (globalThis as unknown as { location: { search: string } }).location.search;
  const query = new URLSearchParams(search);
  const tray = query.has('tray');
  // The test reads what setPolling and updateSettings were given from here.
  (globalThis as unknown as { syntheticSettings: SyntheticSettingsRecord }).syntheticSettings = {
    polled,
    patches,
  };
  let settings: SettingsView = {
    rules: { above: { threshold: 20000 }, milestones: [1000, 10000], stale: true, closed: true },
    webhooks: [
      {
        id: '0',
        name: 'ops',
        format: 'wecom',
        maskedUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***',
        hasSecret: false,
        rules: null,
        minSeverity: null,
      },
    ],
    quietHours: { start: '23:00', end: '07:30', timeZone: 'Asia/Shanghai' },
    snoozes: [
      { target: { kind: 'profile', profileId: 'shop' }, label: 'Shop Live', until: now + 2 * 3_600_000 },
    ],
    // Only `?tray=1` plays the tray app, whose settings file keeps the look; without it the page
    // keeps language and theme itself, as under `headcount serve`.
    app: tray
      ? {
          launchAtLogin: false,
          trayNumber: 'sum',
          shortcut: 'CommandOrControl+Alt+H',
          // `&language=zh-CN`: the tray app's settings file chose a language the page had not.
          language: query.get('language') === 'zh-CN' ? 'zh-CN' : 'system',
          theme: 'system',
        }
      : null,
  };
  const entries: AlertEntryView[] = [
    entry('a1', 'above', 'warning', 'Launch Day 0 above 20,000', 60_000, [
      { channel: 'desktop', outcome: 'held', at: now - 60_000, detail: 'snoozed until 14:30' },
      { channel: 'webhook ops', outcome: 'sent', at: now - 59_000 },
    ]),
    entry('a2', 'closed', 'critical', 'Q&A 6 closed', 600_000, [
      { channel: 'desktop', outcome: 'sent', at: now - 600_000 },
      {
        channel: 'webhook ops',
        outcome: 'failed',
        at: now - 599_000,
        detail: 'HTTP 502 from qyapi.weixin.qq.com',
      },
    ]),
    entry('a3', 'milestone', 'info', 'Morning Yoga 3 passed 10,000', 3_600_000, []),
  ];
  function entry(
    id: string,
    rule: AlertEntryView['alert']['rule'],
    severity: AlertEntryView['alert']['severity'],
    title: string,
    ago: number,
    deliveries: AlertEntryView['deliveries'],
  ): AlertEntryView {
    return {
      alert: {
        id,
        rule,
        phase: 'firing',
        severity,
        profileId: 'events',
        roomKey: null,
        title,
        message: `${title}.`,
        at: now - ago,
        facts: NO_FACTS,
      },
      deliveries,
      acknowledgedAt: null,
    };
  }
  const live = Array.from({ length: 130 }, (_, i) => ({
    groupId: `@TGS#live${i}`,
    name: `Tonight ${i}`,
    watched: i % 9 === 0,
  }));
  // The system holds Ctrl+Alt+T (a terminal, say): saving it keeps the shortcut that worked before.
  let activeShortcut = settings.app?.shortcut ?? null;
  const withActive = () => (settings.app ? { ...settings, activeShortcut } : settings);
  return {
    getSettings: async () => withActive(),
    updateSettings: async (patch: SettingsPatch) => {
      patches.push(structuredClone(patch));
      const webhooks = patch.webhooks?.map((w, i) => ({
        id: String(i),
        name: w.name ?? null,
        format: w.format,
        maskedUrl: w.url
          ? `${new URL(w.url).origin}/***`
          : (settings.webhooks.find((k) => k.id === w.id)?.maskedUrl ?? ''),
        hasSecret: w.secret !== undefined,
        rules: w.rules ?? null,
        minSeverity: w.minSeverity ?? null,
      }));
      settings = {
        ...settings,
        ...(patch.rules ? { rules: patch.rules } : {}),
        ...(webhooks ? { webhooks } : {}),
        ...(patch.quietHours !== undefined ? { quietHours: patch.quietHours } : {}),
        ...(patch.app && settings.app ? { app: { ...settings.app, ...patch.app } } : {}),
      };
      const wanted = patch.app?.shortcut;
      if (wanted !== undefined && wanted?.toLowerCase() !== 'ctrl+alt+t') activeShortcut = wanted;
      return withActive();
    },
    listAlertEntries: async (query: AlertEntryQuery) =>
      entries
        .filter((e) => !query.rule || e.alert.rule === query.rule)
        .filter((e) => !query.severity || e.alert.severity === query.severity)
        .filter((e) => !query.unacknowledged || e.acknowledgedAt === null),
    acknowledgeAlert: async (id: string) => {
      const found = entries.find((e) => e.alert.id === id);
      if (found) found.acknowledgedAt = now;
    },
    findLiveRooms: async (_profileId: string, next?: string): Promise<LiveRoomsPage> =>
      next === undefined
        ? { rooms: live.slice(0, 100), next: '1152921504606846979', total: live.length }
        : { rooms: live.slice(100), next: null, total: live.length },
    setPolling: async (profileId: string, polling: { intervalSeconds: number; maxRate: number }) => {
      polled.push(`${profileId} ${polling.intervalSeconds} ${polling.maxRate}`);
    },
  };
}
