import { describe, expect, it } from 'vitest';
import { type HttpRequest, NetworkError } from '../../main/core/http-port';
import { ImTransport, type ImTransportOptions } from '../../main/core/im-transport';
import type { CallSlot } from '../../main/core/rate-budget';

const SECRET = 'k3y-0123456789abcdef0123456789abcdef';

/** A transport whose requests the test answers in turn; `answers` are responses or thrown errors. */
function transport(
  answers: Array<{ status: number; body: string } | Error>,
  over: Partial<ImTransportOptions> = {},
) {
  const requests: HttpRequest[] = [];
  const clock = { now: Date.UTC(2026, 11, 4), wall: () => clock.now };
  const slots: string[] = [];
  const slot: CallSlot = { sent: () => slots.push('sent'), done: () => slots.push('done') };
  const im = new ImTransport({
    sdkAppId: 1400000001,
    identifier: 'admin one',
    secretKey: SECRET,
    endpoint: { primary: 'https://primary.example', backup: 'https://backup.example' },
    clock,
    acquire: async () => slot,
    random: () => 42,
    timeoutMs: 5000,
    post: async (request) => {
      requests.push(request);
      request.onSent?.();
      const answer = answers.shift() ?? { status: 200, body: '{}' };
      if (answer instanceof Error) throw answer;
      return answer;
    },
    ...over,
  });
  return { im, requests, slots, clock };
}

const usersigOf = (url: string) => decodeURIComponent(new URL(url).searchParams.get('usersig') ?? '');

describe('ImTransport', () => {
  it('signs each request: the app, the admin, a UserSig, the random and the JSON content type', async () => {
    const { im, requests, slots } = transport([{ status: 200, body: '{"ActionStatus":"OK"}' }]);
    expect(await im.send('group_open_http_svc', 'get_online_member_num', '{"GroupId":"a"}')).toEqual({
      ok: true,
      value: { status: 200, body: '{"ActionStatus":"OK"}' },
    });
    const url = new URL(requests[0]?.url ?? '');
    expect(url.origin + url.pathname).toBe(
      'https://primary.example/v4/group_open_http_svc/get_online_member_num',
    );
    expect(url.searchParams.get('sdkappid')).toBe('1400000001');
    expect(url.searchParams.get('identifier')).toBe('admin one');
    expect(url.searchParams.get('random')).toBe('42');
    expect(url.searchParams.get('contenttype')).toBe('json');
    expect(usersigOf(requests[0]?.url ?? '').length).toBeGreaterThan(100);
    expect(requests[0]).toMatchObject({ body: '{"GroupId":"a"}', timeoutMs: 5000 });
    // The rate slot is told when the request left, and ended when the attempt was over.
    expect(slots).toEqual(['sent', 'done']);
  });

  it('signs a new UserSig for the requests after it is asked to', async () => {
    const { im, requests, clock } = transport([]);
    await im.send('s', 'c', '{}');
    clock.now += 60_000;
    await im.send('s', 'c', '{}');
    im.renewUserSig();
    await im.send('s', 'c', '{}');
    const [first, second, renewed] = requests.map((request) => usersigOf(request.url));
    // Compared, never printed: a UserSig stays out of the test's output.
    expect(second === first).toBe(true);
    expect(renewed === first).toBe(false);
  });

  it('sends nothing when the call is no longer wanted once its turn came, and says so', async () => {
    const { im, requests, slots } = transport([]);
    expect(await im.send('s', 'c', '{}', () => false)).toEqual({
      ok: false,
      error: { kind: 'transient', message: 'Not sent: no longer wanted when its turn came.' },
    });
    expect(requests).toEqual([]);
    expect(slots).toEqual(['done']);
  });

  it('tries the backup host when the current one cannot be reached, and stays there', async () => {
    const { im, requests } = transport([
      new NetworkError('connect', 'ECONNREFUSED'),
      { status: 200, body: '{}' },
    ]);
    expect((await im.send('s', 'c', '{}')).ok).toBe(true);
    await im.send('s', 'c', '{}');
    expect(requests.map((request) => new URL(request.url).host)).toEqual([
      'primary.example',
      'backup.example',
      'backup.example',
    ]);
  });

  it('says both hosts failed when neither can be reached', async () => {
    const { im } = transport([
      new NetworkError('dns', 'ENOTFOUND'),
      new NetworkError('connect', 'ECONNREFUSED'),
    ]);
    const result = await im.send('s', 'c', '{}');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(
      /backup\.example.* primary\.example could not be reached either\.$/,
    );
  });

  it('does not try the backup when the host may have had the request (a timeout), nor when there is none', async () => {
    const timedOut = transport([new NetworkError('timeout', 'no answer')]);
    expect((await timedOut.im.send('s', 'c', '{}')).ok).toBe(false);
    expect(timedOut.requests).toHaveLength(1);
    const alone = transport([new NetworkError('connect', 'ECONNREFUSED')], {
      endpoint: { primary: 'https://primary.example' },
    });
    const result = await alone.im.send('s', 'c', '{}');
    expect(alone.requests).toHaveLength(1);
    expect(!result.ok && result.error.message).not.toMatch(/either/);
  });

  it('scrubs the key, the UserSig and any usersig= query from text it did not write, within 300 characters', async () => {
    const { im, requests } = transport([]);
    // Before any request there is no UserSig to hide, and nothing else changes.
    expect(im.scrub('plain words')).toBe('plain words');
    await im.send('s', 'c', '{}');
    const userSig = usersigOf(requests[0]?.url ?? '');
    expect(im.scrub(`GET /v4/x?usersig=abc-123&random=5 and USERSIG=zzz\tend`)).toBe(
      'GET /v4/x?usersig=[hidden]&random=5 and usersig=[hidden]\tend',
    );
    const scrubbed = im.scrub(`key ${SECRET} sig ${userSig}.`);
    // Booleans first: a failing comparison would print what was not hidden.
    expect([scrubbed.includes(SECRET), scrubbed.includes(userSig)]).toEqual([false, false]);
    expect(scrubbed).toBe('key [hidden] sig [hidden].');
    expect(im.scrub('x'.repeat(500))).toHaveLength(300);
  });
});
