import { describe, expect, it } from 'vitest';
import type { RuleSettings } from '../../../main/common/rule-settings';
import type { AlertView } from '../../../main/contract/monitor-api';
import type { Alert } from '../../../main/core/alerts/alert';
import { AlertEngine } from '../../../main/core/alerts/alert-engine';
import { AlertGrouper } from '../../../main/core/alerts/alert-grouper';
import { imErrorFromCode } from '../../../main/core/error-kind';
import type { MonitorEvent } from '../../../main/core/monitor-events';
import { planPolling } from '../../../main/core/poll-plan';
import { REGIONS } from '../../../main/core/regions';
import { alertView } from '../../../main/service/alert-view';
import {
  alertWords,
  durationWords,
  errorWords,
  keyStorageWords,
  regionLabel,
} from '../../../renderer/alerts/alert-words';
import { translator } from '../../../renderer/i18n/translator';
import { withViewWords } from '../../../renderer/i18n/view-words';
import { FakeClock } from '../../support/fake-clock';
import { NO_FACTS } from '../../support/view-parts';

const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);
const ROOM = '@TGS#launch';
const en = withViewWords(translator('en'));
const zh = withViewWords(translator('zh-CN'));

/** The alerts the real engine raises for counts polled every 10 s from T0, as the UI receives them. */
function alertsFor(
  counts: number[],
  rules: RuleSettings,
  labels: Record<string, string> = { [ROOM]: 'Launch Day' },
): AlertView[] {
  const engine = new AlertEngine({ profile: 'Main app', rules, labels });
  return counts
    .flatMap((online, i) =>
      engine.handle({ type: 'sample', groupId: ROOM, online, at: T0 + i * 10_000, previous: null }),
    )
    .map((alert) => alertView(alert, 'p1'));
}

const only = (alerts: AlertView[], rule: AlertView['rule'], phase: AlertView['phase'] = 'firing') => {
  const found = alerts.filter((alert) => alert.rule === rule && alert.phase === phase);
  expect(found).toHaveLength(1);
  return found[0] as AlertView;
};

const quiet: RuleSettings = { spike: null, drop: null, sessions: false };

describe('alertWords in English', () => {
  it('says what the engine says, from the facts alone', () => {
    const alerts = [
      ...alertsFor([0, 500, 1240, 900], { ...quiet, above: { threshold: 1000 } }),
      ...alertsFor([500, 90], { ...quiet, below: { threshold: 100 } }),
      ...alertsFor([900, 905, 898, 3900, 3950], { sessions: false }),
      ...alertsFor([4200, 4180, 700], { sessions: false }),
      ...alertsFor([50, 120, 200], { ...quiet, peak: { stepPercent: 10, minOnline: 100 } }),
      ...alertsFor([0, 500, 1200, 2100, 0], { spike: null, drop: null, milestones: [1000] }),
      ...alertsFor([800, 0], { ...quiet, sessions: true }),
    ].filter((alert) => alert.phase !== 'recovered');
    expect(alerts.map((alert) => alert.rule)).toEqual([
      'above',
      'below',
      'spike',
      'drop',
      'peak',
      'peak',
      'session',
      'milestone',
      'session',
      'session',
    ]);
    for (const alert of alerts)
      expect(alertWords(alert, en)).toEqual({ title: alert.title, message: alert.message });
  });

  it('names a room without a label by its id', () => {
    const alert = only(alertsFor([0, 1240], { ...quiet, above: { threshold: 1000 } }, {}), 'above');
    expect(alertWords(alert, en).title).toBe('@TGS#launch: 1,240 online');
    expect(alertWords(alert, zh).title).toBe('直播间 @TGS#launch人数 1,240');
  });

  it("keeps the engine's words for an alert logged without facts", () => {
    const old: AlertView = {
      ...only(alertsFor([0, 1240], { ...quiet, above: { threshold: 1000 } }), 'above'),
      facts: NO_FACTS,
    };
    expect(alertWords(old, zh)).toEqual({ title: old.title, message: old.message });
    const session: AlertView = { ...old, rule: 'session', phase: 'notice', title: 'Room stream started' };
    expect(alertWords(session, zh).title).toBe('Room stream started');
  });
});

describe('alertWords in Chinese', () => {
  it('words thresholds, changes, peaks and milestones with the counts grouped', () => {
    const above = alertsFor([0, 500, 1240, 900], { ...quiet, above: { threshold: 1000 } });
    expect(alertWords(only(above, 'above'), zh)).toEqual({
      title: '直播间「Launch Day」人数 1,240',
      message: '超过 1,000：已触发 · 峰值 1,240 · 群组 ID @TGS#launch',
    });
    expect(alertWords(only(above, 'above', 'recovered'), zh)).toEqual({
      title: '直播间「Launch Day」人数 900',
      message: '超过 1,000：已恢复 · 峰值 1,240 · 群组 ID @TGS#launch',
    });
    const spike = only(alertsFor([900, 905, 898, 3900], { sessions: false }), 'spike');
    expect(alertWords(spike, zh).message).toBe(
      '人数骤增：已触发 · 10 秒内+334% · 峰值 3,900 · 群组 ID @TGS#launch',
    );
    const drop = only(alertsFor([4200, 4180, 700], { sessions: false }), 'drop');
    expect(alertWords(drop, zh).message).toBe(
      '人数骤降：已触发 · 20 秒内-83% · 峰值 4,200 · 群组 ID @TGS#launch',
    );
    const milestone = only(
      alertsFor([0, 500, 12_500], { spike: null, drop: null, milestones: [10_000] }),
      'milestone',
      'notice',
    );
    expect(alertWords(milestone, zh)).toEqual({
      title: '直播间「Launch Day」在线人数突破 10,000',
      message: '当前 12,500 人 · 峰值 12,500 · 群组 ID @TGS#launch',
    });
  });

  it('tells a stream start from its end, with the summary and how long it was watched', () => {
    const sessions = alertsFor([0, 500, 2100, 0], { ...quiet, sessions: true }).filter(
      (alert) => alert.rule === 'session',
    );
    const [started, ended] = sessions;
    if (!started || !ended) throw new Error('expected two session notices');
    expect(alertWords(started, zh)).toEqual({
      title: '直播间「Launch Day」开播了',
      message: '500 人在线 · 群组 ID @TGS#launch',
    });
    expect(alertWords(ended, zh)).toEqual({
      title: '直播间「Launch Day」直播结束，时长 20 秒',
      message: `峰值 2,100（${zh.time(T0 + 20_000)}），平均 1,300 · 群组 ID @TGS#launch`,
    });
    const watched = only(alertsFor([800, 0], { ...quiet, sessions: true }), 'session', 'notice');
    expect(alertWords(watched, zh).title).toBe('直播间「Launch Day」直播结束（共观察 10 秒）');
    expect(alertWords(watched, en).title).toBe('Launch Day: stream ended (watched for 10 s)');
  });

  it('words failures by their kind, and a closed room', () => {
    let engine = new AlertEngine({ profile: 'Main app', rules: quiet, labels: { [ROOM]: 'Launch Day' } });
    const fail = (code: number): AlertView[] =>
      engine
        .handle({
          type: 'error',
          groupId: ROOM,
          error: imErrorFromCode(code, ''),
          at: T0,
          consecutiveFailures: 1,
        })
        .map((alert) => alertView(alert, 'p1'));
    const [notLive] = fail(10007);
    if (!notLive) throw new Error('expected a failing alert');
    expect(alertWords(notLive, zh)).toEqual({
      title: '直播间「Launch Day」不是直播群',
      message:
        '轮询失败：已触发 · 该群组不是直播群（AVChatRoom），没有在线人数：已停止轮询。 · 群组 ID @TGS#launch',
    });
    expect(alertWords(notLive, en).title).toBe(notLive.title);
    // 10010 before any count: the id was never right.
    engine = new AlertEngine({ profile: 'Main app', rules: quiet, labels: { [ROOM]: 'Launch Day' } });
    const [notFound] = fail(10010);
    if (!notFound) throw new Error('expected a failing alert');
    expect(alertWords(notFound, zh).title).toBe('直播间「Launch Day」找不到，请检查 ID');
    expect(alertWords(notFound, en).title).toBe('Launch Day: not found, check the id');
    // 10010 after counts: the room closed.
    engine = new AlertEngine({ profile: 'Main app', rules: quiet, labels: { [ROOM]: 'Launch Day' } });
    engine.handle({ type: 'sample', groupId: ROOM, online: 500, at: T0 + 10_000, previous: null });
    const [closed] = fail(10010);
    if (!closed) throw new Error('expected a closed alert');
    expect(alertWords(closed, zh)).toEqual({
      title: '直播间「Launch Day」已关闭',
      message: '直播间关闭：已触发 · 该直播间不存在或已解散：已停止轮询。 · 群组 ID @TGS#launch',
    });
    expect(alertWords(closed, en).title).toBe(closed.title);
  });

  it('words a rejected profile with its name, and its recovery', () => {
    const engine = new AlertEngine({ profile: 'Events: SG', rules: {} });
    const status = (state: 'running' | 'auth-failed', at: number, code?: number): MonitorEvent => ({
      type: 'status',
      at,
      status: {
        state,
        plan: planPolling(1, 10_000, 200),
        capPerSecond: 200,
        limitPerSecond: 200,
        ...(code === undefined ? {} : { error: imErrorFromCode(code, '') }),
      },
    });
    const [fired, recovered] = [
      status('running', T0),
      status('auth-failed', T0 + 1000, 70009),
      status('running', T0 + 60_000),
    ]
      .flatMap((event) => engine.handle(event))
      .map((alert) => alertView(alert, 'p1'));
    if (!fired || !recovered) throw new Error('expected a firing and a recovery');
    expect(alertWords(fired, zh)).toEqual({
      title: 'Events: SG：凭据被拒',
      message:
        '凭据被拒：已触发 · 服务器拒绝了凭据：请检查 SDKAppID、管理员账号和密钥。 · 更改凭据之前，轮询保持暂停',
    });
    expect(alertWords(recovered, zh)).toEqual({
      title: 'Events: SG：凭据被拒，已解决',
      message: '凭据被拒：已恢复 · 已恢复轮询',
    });
    expect(alertWords(fired, en).message).toBe(fired.message.replace(/ \(70009\)/, ''));
    expect(alertWords(recovered, en).title).toBe(recovered.title);
  });

  it('sums up a grouped alert by its count of rooms', async () => {
    const clock = new FakeClock();
    const out: Alert[] = [];
    const grouper = new AlertGrouper({ clock, where: 'singapore', deliver: (alert) => out.push(alert) });
    for (const groupId of ['a', 'b', 'c', 'd']) {
      const engine = new AlertEngine({ profile: 'Main app', rules: quiet });
      const error = imErrorFromCode(10002, '');
      for (let n = 1; n <= 5; n++)
        for (const alert of engine.handle({
          type: 'error',
          groupId,
          error,
          at: T0 + n,
          consecutiveFailures: n,
        }))
          grouper.add(alert);
    }
    await clock.advance(5_000);
    const [grouped] = out.map((alert) => alertView(alert, 'p1'));
    if (!grouped) throw new Error('expected a summary');
    expect(alertWords(grouped, zh)).toEqual({
      title: '新加坡：4 个房间轮询失败：已触发',
      message: '服务器或网络暂时故障：Headcount 会逐步延长间隔重试。',
    });
    expect(alertWords(grouped, en).title).toBe('API failing for 4 rooms in Singapore: fired');
  });
});

describe('errorWords', () => {
  it('explains a kind, with the code as an identifier, and singles out codes with a sharper cause', () => {
    expect(errorWords({ kind: 'group-gone', code: 10010 }, zh)).toBe(
      '该直播间不存在或已解散：已停止轮询。（错误码 10010）',
    );
    expect(errorWords({ kind: 'auth', code: 70016 }, en)).toBe(
      'The server does not know this SDKAppID or its key: is the region right for this SDKAppID? (code 70016)',
    );
    expect(errorWords({ kind: 'auth', code: 70016 }, zh)).toContain('地域');
    expect(errorWords({ kind: 'transient' }, en)).toBe(
      imErrorFromCode(10002, '').message.replace(/ \(10002\)$/, ''),
    );
  });
});

describe('regionLabel', () => {
  it('names every region of the reference table in Chinese, and keeps the label of one it does not know', () => {
    for (const region of REGIONS) {
      expect(regionLabel(region, en)).toBe(region.label);
      expect(regionLabel(region, zh)).toMatch(/^[\u4e00-\u9fff]+$/);
    }
    expect(REGIONS.map((region) => regionLabel(region, zh))).toContain('新加坡');
    expect(regionLabel({ key: 'mars', label: 'Mars' }, zh)).toBe('Mars');
  });
});

describe('durationWords', () => {
  it('rounds as the engine does', () => {
    expect([45_000, 120_000, 3_600_000, 3_900_000].map((ms) => durationWords(ms, en))).toEqual([
      '45 s',
      '2 min',
      '1 h',
      '1 h 5 min',
    ]);
    expect(durationWords(7_500_000, zh)).toBe('2 小时 5 分钟');
  });
});

describe('keyStorageWords', () => {
  it("keeps the engine's note in English and says what it means in Chinese", () => {
    const kept = { keyStorage: 'protected', keyStorageNote: 'Saved in the macOS Keychain.' } as const;
    expect(keyStorageWords(kept, en)).toBe('Saved in the macOS Keychain.');
    expect(keyStorageWords(kept, zh)).toBe('密钥已保存，由系统钥匙串保护。');
    expect(
      keyStorageWords({ keyStorage: 'this-run-only', keyStorageNote: 'Kept in memory only.' }, zh),
    ).toContain('内存');
  });
});
