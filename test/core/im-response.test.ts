import { describe, expect, it } from 'vitest';
import { systemClock } from '../../main/core/clock';
import { type HttpPost, type HttpRequest, NetworkError } from '../../main/core/http-port';
import { ImClient } from '../../main/core/im-client';
import { neverReached, readEnvelope, transportError } from '../../main/core/im-response';

const SECRET_KEY = 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6';

/** A transport that answers every request with `reply(request)`: the HTTP port, not our code, is faked. */
function clientAnswering(reply: (request: HttpRequest) => { status?: number; body: string }) {
  const sent: HttpRequest[] = [];
  const post: HttpPost = async (request) => {
    sent.push(request);
    const { status = 200, body } = reply(request);
    return { status, body };
  };
  const client = new ImClient({
    connection: {
      sdkAppId: 1400000000,
      identifier: 'administrator',
      secretKey: SECRET_KEY,
      endpoint: {
        primary: 'https://adminapisgp.im.qcloud.com',
        backup: 'https://adminapisgp.my-imcloud.com',
      },
    },
    post,
    clock: systemClock,
  });
  return { client, sent };
}

function count(body: string, status?: number) {
  return clientAnswering(() => ({ body, status })).client.getOnlineMemberNum('@TGS#a');
}

const OK = '"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""';

describe('reading get_online_member_num answers', () => {
  it('accepts a real zero', async () => {
    expect(await count(`{${OK},"OnlineMemberNum":0}`)).toEqual({ ok: true, value: 0 });
  });

  it.each([
    ['an empty body', '', /empty/],
    ['an HTML page', '<!DOCTYPE html><html><title>Error</title></html>', /HTML page/],
    ['cut-off JSON', `{${OK},"OnlineMem`, /not valid JSON/],
    ['a JSON array', '[1,2]', /not an object/],
    ['a missing count', `{${OK}}`, /OnlineMemberNum/],
    ['a negative count', `{${OK},"OnlineMemberNum":-1}`, /OnlineMemberNum/],
    ['a fractional count', `{${OK},"OnlineMemberNum":1.5}`, /OnlineMemberNum/],
    ['a count as a string', `{${OK},"OnlineMemberNum":"12"}`, /OnlineMemberNum/],
    ['a null count', `{${OK},"OnlineMemberNum":null}`, /OnlineMemberNum/],
    ['a count beyond 2^53', `{${OK},"OnlineMemberNum":1e300}`, /OnlineMemberNum/],
    ['no ActionStatus', '{"ErrorCode":0,"OnlineMemberNum":3}', /ActionStatus/],
    ['no ErrorCode', '{"ActionStatus":"OK","OnlineMemberNum":3}', /ErrorCode/],
    ['ErrorCode as a string', '{"ActionStatus":"OK","ErrorCode":"0","OnlineMemberNum":3}', /ErrorCode/],
    ['FAIL with ErrorCode 0', '{"ActionStatus":"FAIL","ErrorCode":0}', /FAIL/],
  ])('calls %s a protocol error, never a count', async (_name, body, message) => {
    const result = await count(body);
    expect(result).toMatchObject({ ok: false, error: { kind: 'protocol' } });
    if (!result.ok) expect(result.error.message).toMatch(message);
  });

  it('calls any non-200 status transient, keeping the status as the code', async () => {
    for (const status of [404, 500, 502, 503]) {
      expect(await count(`{${OK},"OnlineMemberNum":5}`, status)).toMatchObject({
        ok: false,
        error: { kind: 'transient', code: status },
      });
    }
  });

  it('takes the code of an OK answer that carries one', async () => {
    expect(await count('{"ActionStatus":"OK","ErrorCode":10010,"OnlineMemberNum":0}')).toMatchObject({
      ok: false,
      error: { kind: 'group-gone', code: 10010 },
    });
  });

  it('hides the UserSig and the key when the server echoes them', async () => {
    const { client } = clientAnswering((request) => ({
      body: JSON.stringify({
        ActionStatus: 'FAIL',
        ErrorCode: 70009,
        ErrorInfo: `bad sig ${new URL(request.url).searchParams.get('usersig')} for ${request.url} key ${SECRET_KEY}`,
      }),
    }));
    const result = await client.getOnlineMemberNum('@TGS#a');
    expect(result).toMatchObject({ ok: false, error: { kind: 'auth', code: 70009 } });
    const text = JSON.stringify(result);
    expect(text).toContain('bad sig [hidden]');
    expect(text).not.toContain(SECRET_KEY);
    expect(text).not.toMatch(/usersig=(?!\[hidden\])/);
  });
});

describe('transport failures', () => {
  function failing(failure: unknown) {
    const attempts: string[] = [];
    const client = new ImClient({
      connection: {
        sdkAppId: 1,
        identifier: 'admin',
        secretKey: SECRET_KEY,
        endpoint: { primary: 'https://primary.example', backup: 'https://backup.example' },
      },
      post: async (request) => {
        attempts.push(new URL(request.url).host);
        throw failure;
      },
      clock: systemClock,
      timeoutMs: 2500,
    });
    return { client, attempts };
  }

  it.each([
    ['dns', /Cannot look up/, 2],
    ['connect', /Cannot reach/, 2],
    ['timeout', /No answer from primary\.example within 2\.5 s/, 1],
    ['reset', /broke before the answer was complete/, 1],
    ['tls', /not trusted.*HEADCOUNT_CA_FILE/, 1],
  ] as const)(
    'explains a %s failure and tries the backup only when the host was never reached',
    async (phase, message, tries) => {
      const { client, attempts } = failing(new NetworkError(phase, 'detail'));
      const result = await client.getOnlineMemberNum('@TGS#a');
      expect(result).toMatchObject({ ok: false, error: { kind: 'transient' } });
      if (!result.ok) {
        expect(result.error.code).toBeUndefined();
        expect(result.error.message).toMatch(message);
      }
      expect(attempts).toEqual(['primary.example', 'backup.example'].slice(0, tries));
    },
  );

  it('turns an unexpected rejection into a transient error without its text', async () => {
    const { client } = failing(new TypeError('fetch failed for https://primary.example/v4/x?usersig=abc'));
    const result = await client.getOnlineMemberNum('@TGS#a');
    expect(result).toMatchObject({ ok: false, error: { kind: 'transient' } });
    expect(JSON.stringify(result)).not.toContain('usersig');
  });
});

describe('reading get_group_info and get_appid_group_list answers', () => {
  it('judges each group by its own code, whatever the top-level code says', async () => {
    const { client } = clientAnswering(() => ({
      body: JSON.stringify({
        ActionStatus: 'OK',
        ErrorCode: 10010,
        GroupInfo: [
          { GroupId: 'b', ErrorCode: 10007, ErrorInfo: 'no permission' },
          { GroupId: 'a', ErrorCode: 0, Type: 'AVChatRoom' },
          { GroupId: 'c', Type: 'AVChatRoom' },
        ],
      }),
    }));
    const result = await client.getGroupInfo(['a', 'b', 'c', 'd']);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject([
      { groupId: 'a', ok: true, type: 'AVChatRoom', name: '' },
      { groupId: 'b', ok: false, error: { kind: 'not-live-room', code: 10007 } },
      { groupId: 'c', ok: false, error: { kind: 'protocol' } },
      { groupId: 'd', ok: false, error: { kind: 'protocol' } },
    ]);
  });

  it('fails the whole call on a FAIL envelope or a missing list', async () => {
    const failed = clientAnswering(() => ({
      body: '{"ActionStatus":"FAIL","ErrorCode":70003,"ErrorInfo":"x"}',
    }));
    expect(await failed.client.getGroupInfo(['a'])).toMatchObject({
      ok: false,
      error: { kind: 'auth', code: 70003 },
    });
    const empty = clientAnswering(() => ({ body: `{${OK}}` }));
    expect(await empty.client.getGroupInfo(['a'])).toMatchObject({ ok: false, error: { kind: 'protocol' } });
  });

  it.each([
    ['a number above 2^53', '18446744073709551615', '18446744073709551615'],
    ['a string', '"9007199254740993"', '9007199254740993'],
    ['zero', '0', '0'],
  ])('keeps Next exact when it is %s', async (_name, literal, next) => {
    const { client } = clientAnswering(() => ({
      body: `{${OK},"TotalCount":1,"GroupIdList":[{"GroupId":"a"}],"Next":${literal}}`,
    }));
    expect(await client.getAppidGroupList()).toEqual({
      ok: true,
      value: { totalCount: 1, groupIds: ['a'], next },
    });
  });

  it.each([
    ['no Next', `{${OK},"TotalCount":0,"GroupIdList":[]}`],
    ['a negative Next', `{${OK},"TotalCount":0,"GroupIdList":[],"Next":-1}`],
    ['a fractional Next', `{${OK},"TotalCount":0,"GroupIdList":[],"Next":1.5}`],
    ['a Next beyond uint64', `{${OK},"TotalCount":0,"GroupIdList":[],"Next":18446744073709551616}`],
    ['no TotalCount', `{${OK},"GroupIdList":[],"Next":0}`],
    ['ids that are not objects', `{${OK},"TotalCount":1,"GroupIdList":["a"],"Next":0}`],
  ])('calls %s a protocol error', async (_name, body) => {
    const { client } = clientAnswering(() => ({ body }));
    expect(await client.getAppidGroupList()).toMatchObject({ ok: false, error: { kind: 'protocol' } });
  });
});

describe('readEnvelope, for every shape an answer can take', () => {
  const answer = (body: string, status = 200) => ({ status, body });
  const protocol = (what: RegExp) => ({
    type: 'unusable',
    error: { kind: 'protocol', message: expect.stringMatching(what) },
  });

  it.each([
    ['null', 'null'],
    ['an empty array', '[]'],
    ['an array of objects', '[{"ActionStatus":"OK","ErrorCode":0}]'],
    ['a number', '42'],
    ['a string', '"OK"'],
    ['true', 'true'],
  ])('calls %s JSON but not an object', (_name, body) => {
    expect(readEnvelope(answer(body))).toEqual(protocol(/\(the answer is JSON but not an object\)/));
  });

  it.each([
    ['no ActionStatus', '{"ErrorCode":0}', /no ActionStatus of OK or FAIL/],
    ['a lower-case status', '{"ActionStatus":"ok","ErrorCode":0}', /no ActionStatus of OK or FAIL/],
    ['a fractional ErrorCode', '{"ActionStatus":"OK","ErrorCode":0.5}', /no integer ErrorCode/],
    ['an ErrorCode beyond 2^53', '{"ActionStatus":"FAIL","ErrorCode":1e300}', /no integer ErrorCode/],
    ['FAIL with ErrorCode 0', '{"ActionStatus":"FAIL","ErrorCode":0}', /says FAIL with ErrorCode 0/],
  ])('calls an envelope with %s unusable', (_name, body, what) => {
    expect(readEnvelope(answer(body))).toEqual(protocol(what));
  });

  it('says which text was not JSON: empty or blank, an HTML page after white space, or cut off', () => {
    expect(readEnvelope(answer(''))).toEqual(protocol(/the answer was empty/));
    expect(readEnvelope(answer(' \n\t'))).toEqual(protocol(/the answer was empty/));
    expect(readEnvelope(answer('\n  <!DOCTYPE html><html></html>'))).toEqual(
      protocol(/an HTML page, not JSON/),
    );
    expect(readEnvelope(answer('{"ActionStatus":"OK",'))).toEqual(
      protocol(/not valid JSON; it may have been cut off/),
    );
  });

  it('tells a protocol error what to check, and gives it no code', () => {
    const outcome = readEnvelope(answer('42'));
    if (outcome.type !== 'unusable') throw new Error(outcome.type);
    expect(outcome.error).not.toHaveProperty('code');
    expect(outcome.error.message).toBe(
      "The server's answer did not make sense (the answer is JSON but not an object). Headcount retries; if this keeps happening, check that the endpoint is a Tencent IM REST host.",
    );
  });

  it('passes an OK answer on with its fields and its exact text', () => {
    const text = '{"ActionStatus":"OK","ErrorCode":0,"OnlineMemberNum":18446744073709551615}';
    const outcome = readEnvelope(answer(text));
    expect(outcome).toMatchObject({ type: 'ok', text, body: { ActionStatus: 'OK', ErrorCode: 0 } });
  });

  it('gives the server error’s code and text, and no text when ErrorInfo is not a string', () => {
    expect(readEnvelope(answer('{"ActionStatus":"FAIL","ErrorCode":70003,"ErrorInfo":"bad sig"}'))).toEqual({
      type: 'server-error',
      code: 70003,
      info: 'bad sig',
    });
    expect(readEnvelope(answer('{"ActionStatus":"FAIL","ErrorCode":70003,"ErrorInfo":42}'))).toEqual({
      type: 'server-error',
      code: 70003,
      info: '',
    });
  });

  it('reads an OK answer that carries a code as that error, unless the command is a batch one', () => {
    const body = '{"ActionStatus":"OK","ErrorCode":10010,"GroupInfo":[]}';
    expect(readEnvelope(answer(body))).toEqual({ type: 'server-error', code: 10010, info: '' });
    expect(readEnvelope(answer(body), true)).toMatchObject({ type: 'ok' });
    // A batch command's FAIL is still a failure.
    expect(readEnvelope(answer('{"ActionStatus":"FAIL","ErrorCode":70003}'), true)).toMatchObject({
      type: 'server-error',
      code: 70003,
    });
  });

  it('calls any status but 200 transient, with the status in words and as the code, whatever the body', () => {
    expect(readEnvelope(answer('{"ActionStatus":"OK","ErrorCode":0}', 201))).toEqual({
      type: 'unusable',
      error: {
        kind: 'transient',
        code: 201,
        message:
          'The server answered HTTP 201 instead of a result: a gateway or the network failed for a moment. Headcount retries.',
      },
    });
  });
});

describe('transportError and neverReached', () => {
  const scrub = (text: string) => text.replace(/secret/g, '[hidden]');

  it('names the host and the scrubbed detail for each phase', () => {
    const phases = {
      dns: 'Cannot look up im.example: check the internet connection and DNS (ENOTFOUND [hidden]). Headcount retries.',
      connect:
        'Cannot reach im.example: check the internet connection, proxy or firewall (ENOTFOUND [hidden]). Headcount retries.',
      timeout:
        'No answer from im.example within 7.5 s: the network or the server is slow. Headcount retries.',
      reset:
        'The connection to im.example broke before the answer was complete (ENOTFOUND [hidden]). Headcount retries.',
      tls:
        'The TLS certificate of im.example is not trusted (ENOTFOUND [hidden]). If a company proxy or antivirus inspects HTTPS, ' +
        "give Headcount its CA certificate (HEADCOUNT_CA_FILE or --ca-file); also check this computer's date and time.",
    } as const;
    for (const [phase, message] of Object.entries(phases)) {
      const failure = new NetworkError(phase as keyof typeof phases, 'ENOTFOUND secret');
      expect(transportError(failure, 'im.example', 7500, scrub)).toEqual({ kind: 'transient', message });
    }
    // Named as itself where a log or stack prints it.
    expect(new NetworkError('dns', 'detail')).toMatchObject({ name: 'NetworkError', phase: 'dns' });
  });

  it('names only the type of anything else that was thrown, never its text', () => {
    expect(transportError(new RangeError('secret'), 'im.example', 7500, scrub)).toEqual({
      kind: 'transient',
      message: 'The request to im.example failed before any answer (RangeError). Headcount retries.',
    });
    expect(transportError('secret', 'im.example', 7500, scrub).message).toBe(
      'The request to im.example failed before any answer (string). Headcount retries.',
    );
  });

  it('says the host was never reached only for look-up and connection failures', () => {
    expect(neverReached(new NetworkError('dns', ''))).toBe(true);
    expect(neverReached(new NetworkError('connect', ''))).toBe(true);
    for (const phase of ['timeout', 'reset', 'tls'] as const) {
      expect(neverReached(new NetworkError(phase, ''))).toBe(false);
    }
    expect(neverReached(new Error('connect'))).toBe(false);
  });
});
