import { describe, expect, it } from 'vitest';
import type { AppConditionView } from '../../../main/contract/monitor-api';
import { translator } from '../../../renderer/i18n/translator';
import { bannerLines, filteredLine, totalOf } from '../../../renderer/rooms/summary';
import { profileView, roomView } from '../support/room-view';

const en = translator('en');

describe('the total and the banners', () => {
  it('adds only current counts: a closed room keeps its last count as history, never in a sum', () => {
    const total = totalOf([
      roomView({ online: 4321 }),
      roomView({ online: 1000 }),
      roomView({ online: 500, state: 'closed', current: false, status: 'stopped' }),
      roomView({ online: 70, state: 'stale', current: false }),
      roomView({ online: null, state: 'failing', current: false }),
    ]);
    expect(total).toEqual({ online: 5321, rooms: 5, missing: 3 });
  });

  it('says what a filter leaves', () => {
    expect(filteredLine({ online: 4321, rooms: 12, missing: 0 }, en)).toBe('12 rooms match, 4,321 online');
    expect(filteredLine({ online: 4321, rooms: 12, missing: 0 }, translator('zh-CN'))).toBe(
      '12 个房间匹配，4,321 人在线',
    );
  });

  it('explains demo mode, a missing key, rate limiting, rejected credentials and a stretched interval', () => {
    const lines = bannerLines(
      { demo: true, paused: false, notices: ['Settings were reset.'] },
      [
        condition({ profileId: 'p', label: 'Events', condition: 'paused', reason: 'Enter the secret key.' }),
        condition({ profileId: 'shop', label: 'Shop', condition: 'rate-limited', reason: 'slowing down' }),
        condition({
          profileId: 'old',
          label: 'Old',
          condition: 'auth-failed',
          reason: 'Check the secret key.',
        }),
      ],
      [
        profileView({ keyStorage: 'needs-key', state: 'paused' }),
        profileView({ id: 'big', label: 'Big', plan: { ...profileView().plan, stretched: true } }),
      ],
      en,
    );
    expect(lines).toEqual([
      {
        text: 'Demo mode: the built-in simulator plays a show. Add your app in Settings to watch real rooms.',
        tone: 'info',
      },
      { text: 'Settings were reset.', tone: 'warn' },
      { text: 'Events: enter the secret key in Settings to start polling.', tone: 'warn' },
      { text: 'Shop: over the API rate limit, so polling slowed down; it recovers by itself.', tone: 'warn' },
      { text: 'Old: the server rejected the credentials. Check the secret key.', tone: 'warn' },
      { text: 'Big: 3,000 rooms do not fit 200 calls/s, so each is polled every 15.4 s.', tone: 'warn' },
    ]);
  });

  it('says when slow answers are part of why the rooms do not fit, in both languages', () => {
    const slow = profileView({
      id: 'far',
      label: 'Far',
      plan: { ...profileView().plan, stretched: true, effectiveIntervalS: 11.8, rooms: 2000, answerMs: 150 },
    });
    const quiet = { demo: false, paused: false, notices: [] };
    expect(bannerLines(quiet, [], [slow], en)).toEqual([
      { text: 'Far: 2,000 rooms do not fit 200 calls/s, so each is polled every 11.8 s.', tone: 'warn' },
      {
        text: 'Far: answers take about 150 ms, and each call counts against the cap until a second after its answer.',
        tone: 'info',
      },
    ]);
    expect(bannerLines(quiet, [], [slow], translator('zh-CN')).map((line) => line.text)).toEqual([
      'Far：2,000 个房间超出每秒 200 次调用的上限，每个房间改为每 11.8 秒轮询一次。',
      'Far：每次应答约需 150 毫秒，每次调用在应答后一秒内仍计入上限。',
    ]);
    // Quick answers, or rooms that fit: nothing about answers.
    const fits = profileView({ plan: { ...profileView().plan, stretched: false, answerMs: 150 } });
    expect(bannerLines(quiet, [], [fits], en)).toEqual([]);
  });

  it("takes the app's condition from the engine's summary, once, whatever its profile says", () => {
    // The summary is what the engine judged; a profile view pushed earlier may lag behind it.
    const running = [profileView({ label: 'Shop', state: 'running' })];
    const slowed = [condition({ label: 'Shop', condition: 'rate-limited' })];
    expect(bannerLines({ demo: false, paused: false, notices: [] }, slowed, running, en)).toEqual([
      { text: 'Shop: over the API rate limit, so polling slowed down; it recovers by itself.', tone: 'warn' },
    ]);
    const zh = bannerLines({ demo: false, paused: false, notices: [] }, slowed, running, translator('zh-CN'));
    expect(zh).toEqual([{ text: 'Shop：超出 API 频率限制，已放慢轮询，稍后会自动恢复。', tone: 'warn' }]);
    const limited = [profileView({ label: 'Shop', state: 'rate-limited' })];
    expect(bannerLines({ demo: false, paused: false, notices: [] }, [], limited, en)).toEqual([]);
  });

  it("words rejected credentials from their error kind, in the UI's language", () => {
    const old = condition({
      label: 'Old',
      condition: 'auth-failed',
      reason: 'UserSig expired.',
      error: { kind: 'auth', code: 70001 },
    });
    const [en1] = bannerLines({ demo: false, paused: false, notices: [] }, [old], [], en);
    const [zh1] = bannerLines({ demo: false, paused: false, notices: [] }, [old], [], translator('zh-CN'));
    expect(en1?.text).toMatch(/^Old: .*\(code 70001\)$/);
    expect(zh1?.text).toMatch(/^Old：/);
    expect(zh1?.text).toContain('70001');
    expect(zh1?.text).not.toContain('UserSig expired');
  });

  it('says when rejected credentials are tried again, in the UI language', () => {
    const retryAt = Date.UTC(2026, 10, 26, 6, 30);
    const old = condition({
      label: 'Old',
      condition: 'auth-failed',
      error: { kind: 'auth', code: 70009 },
      retryAt,
    });
    const [en1] = bannerLines({ demo: false, paused: false, notices: [] }, [old], [], en);
    const [zh1] = bannerLines({ demo: false, paused: false, notices: [] }, [old], [], translator('zh-CN'));
    expect(en1?.text).toContain(`Trying again at ${en.time(retryAt)}; retrying a room tries at once.`);
    expect(zh1?.text).toContain(`将于 ${translator('zh-CN').time(retryAt)} 重试`);
  });

  it('says a pause once', () => {
    const paused = condition({ condition: 'paused', reason: 'Polling is paused.' });
    expect(bannerLines({ demo: false, paused: true, notices: [] }, [paused], [], en)).toEqual([
      { text: 'Polling is paused.', tone: 'info' },
    ]);
    expect(
      bannerLines(
        { demo: false, paused: false, notices: [] },
        [{ ...paused, reason: 'The app is disabled.' }],
        [],
        en,
      ),
    ).toEqual([{ text: 'Events: The app is disabled.', tone: 'warn' }]);
  });
});

/** An app condition as the engine's summary carries it. */
function condition(overrides: Partial<AppConditionView> = {}): AppConditionView {
  return {
    profileId: 'p',
    label: 'Events',
    condition: 'rate-limited',
    reason: null,
    error: null,
    ...overrides,
  };
}
