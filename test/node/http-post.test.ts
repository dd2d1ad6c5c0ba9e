import { once } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { NetworkError } from '../../main/core/http-port';
import { createHttpPost, type PooledHttpPost } from '../../main/node/http-post';
import { phaseOfCode, timeoutError } from '../../main/node/network-failure';
import { TEST_CA_CERT, TEST_SERVER_CERT, TEST_SERVER_KEY } from '../../main/simulator/test-certificate';
import { eventually } from '../support/eventually';

const SECRET_QUERY = 'usersig=eJyrVgrxCdYrSy1Ssl-secret_&random=42';

interface TestServer {
  base: string;
  connections: Socket[];
  bodies: Array<{ body: string; contentType: string | undefined }>;
  closed: Promise<void>[];
}

const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serve(
  handler: http.RequestListener,
  options: { tls?: boolean; host?: string } = {},
): Promise<TestServer> {
  const connections: Socket[] = [];
  const bodies: TestServer['bodies'] = [];
  const closed: Promise<void>[] = [];
  const record: http.RequestListener = (req, res) => {
    closed.push(once(req.socket, 'close').then(() => undefined));
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      bodies.push({ body, contentType: req.headers['content-type'] });
      handler(req, res);
    });
  };
  const server = options.tls
    ? https.createServer({ cert: TEST_SERVER_CERT, key: TEST_SERVER_KEY }, record)
    : http.createServer(record);
  server.on(options.tls ? 'secureConnection' : 'connection', (socket: Socket) => connections.push(socket));
  const host = options.host ?? '127.0.0.1';
  server.listen(0, host);
  await once(server, 'listening');
  cleanups.push(async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  });
  const { port } = server.address() as AddressInfo;
  return { base: `${options.tls ? 'https' : 'http'}://${host}:${port}`, connections, bodies, closed };
}

function client(options: Parameters<typeof createHttpPost>[0] = {}): PooledHttpPost {
  const post = createHttpPost(options);
  cleanups.push(() => post.close());
  return post;
}

function answer(status: number, body: string): http.RequestListener {
  return (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body);
  };
}

async function rejection(promise: Promise<unknown>): Promise<NetworkError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(NetworkError);
  const network = error as NetworkError;
  expect(network.message).not.toContain('/v4/');
  expect(network.message).not.toContain('usersig');
  expect(network.message).not.toContain('secret');
  expect(String(network.stack)).not.toContain('usersig');
  return network;
}

async function closedPort(): Promise<number> {
  const server = http.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

describe('createHttpPost', () => {
  it('posts JSON and returns the status and body', async () => {
    const server = await serve(answer(200, '{"ActionStatus":"OK","ErrorCode":0}'));
    const post = client();
    const response = await post({
      url: `${server.base}/v4/x/y?${SECRET_QUERY}`,
      body: '{"GroupId":"a"}',
      timeoutMs: 5000,
    });
    expect(response).toEqual({ status: 200, body: '{"ActionStatus":"OK","ErrorCode":0}' });
    expect(server.bodies).toEqual([{ body: '{"GroupId":"a"}', contentType: 'application/json' }]);
  });

  it('writes the head node:http writes for a headers object: the same headers, names and order', async () => {
    const heads: string[][] = [];
    const server = await serve((req, res) => {
      heads.push(req.rawHeaders);
      answer(200, '{}')(req, res);
    });
    const viaObject = await new Promise<string[]>((resolve, reject) => {
      const agent = new http.Agent({ keepAlive: true });
      cleanups.push(() => agent.destroy());
      const body = '{"GroupId":"名"}';
      const req = http.request(`${server.base}/v4/x`, {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(heads[0] ?? []));
      });
      req.on('error', reject);
      req.end(body);
    });
    await client()({ url: `${server.base}/v4/x`, body: '{"GroupId":"名"}', timeoutMs: 5000 });
    expect(heads[1]).toEqual(viaObject);
    expect(viaObject).toEqual([
      'content-type',
      'application/json',
      'content-length',
      '17',
      'Host',
      server.base.slice('http://'.length),
      'Connection',
      'keep-alive',
    ]);
  });

  it('names an IPv6 host in brackets in its Host header, as node:http does', async () => {
    const hosts: Array<string | undefined> = [];
    const server = await serve(
      (req, res) => {
        hosts.push(req.headers.host);
        answer(200, '{}')(req, res);
      },
      { host: '::1' },
    );
    const port = server.base.slice(server.base.lastIndexOf(':') + 1);
    await client()({ url: `http://[::1]:${port}/v4/x`, body: '{}', timeoutMs: 5000 });
    expect(hosts).toEqual([`[::1]:${port}`]);
  });

  it('reads an answer in one chunk, in several split inside a character, and an empty one', async () => {
    const whole = Buffer.from('{"name":"名前"}');
    const split = whole.indexOf(Buffer.from('名')) + 1;
    const server = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.url === '/empty') {
        res.end();
        return;
      }
      if (req.url === '/one') {
        res.end(whole);
        return;
      }
      res.write(whole.subarray(0, split));
      setTimeout(() => res.end(whole.subarray(split)), 20);
    });
    const post = client();
    const read = (path: string) => post({ url: `${server.base}${path}`, body: '{}', timeoutMs: 5000 });
    expect((await read('/one')).body).toBe('{"name":"名前"}');
    expect((await read('/split')).body).toBe('{"name":"名前"}');
    expect(await read('/empty')).toEqual({ status: 200, body: '' });
  });

  it('resolves non-200 answers instead of rejecting them', async () => {
    const server = await serve(answer(502, '<html>Bad Gateway</html>'));
    const response = await client()({ url: `${server.base}/v4/x`, body: '{}', timeoutMs: 5000 });
    expect(response).toEqual({ status: 502, body: '<html>Bad Gateway</html>' });
  });

  it('reuses one connection for requests in sequence', async () => {
    const server = await serve(answer(200, '{}'));
    const post = client();
    for (let i = 0; i < 5; i += 1)
      await post({ url: `${server.base}/v4/x?${SECRET_QUERY}`, body: '{}', timeoutMs: 5000 });
    expect(server.bodies).toHaveLength(5);
    expect(server.connections).toHaveLength(1);
  });

  it('opens no more than maxSockets connections for parallel requests', async () => {
    const server = await serve(answer(200, '{}'));
    const post = client({ maxSockets: 2 });
    await Promise.all(
      Array.from({ length: 6 }, () => post({ url: `${server.base}/v4/x`, body: '{}', timeoutMs: 5000 })),
    );
    expect(server.bodies).toHaveLength(6);
    expect(server.connections.length).toBeLessThanOrEqual(2);
  });

  it('retries once on a fresh connection when a pooled one turns out to be closed', async () => {
    const served = new WeakMap<Socket, number>();
    const server = await serve((req, res) => {
      const count = (served.get(req.socket) ?? 0) + 1;
      served.set(req.socket, count);
      // A server that dropped the idle connection: the second request on it gets no answer.
      if (count === 2) req.socket.destroy();
      else answer(200, `{"n":${count}}`)(req, res);
    });
    const post = client();
    await post({ url: `${server.base}/v4/x`, body: '{}', timeoutMs: 5000 });
    const second = await post({ url: `${server.base}/v4/x`, body: '{}', timeoutMs: 5000 });
    expect(second.body).toBe('{"n":1}');
    expect(server.connections).toHaveLength(2);
  });

  it('sends nothing again when it is closed with requests on their way, which fail', async () => {
    const held: http.ServerResponse[] = [];
    const server = await serve((req, res) => {
      // The first request answers, so its connection is pooled; the next ones are held unanswered.
      if (server.bodies.length === 1) answer(200, '{}')(req, res);
      else held.push(res);
    });
    const post = client();
    await post({ url: `${server.base}/v4/x`, body: '{}', timeoutMs: 5000 });
    const onWay = Array.from({ length: 3 }, () =>
      rejection(post({ url: `${server.base}/v4/x`, body: '{}', timeoutMs: 5000 })),
    );
    await eventually(() => held.length === 3, 'the requests at the server');
    post.close();
    for (const failure of await Promise.all(onWay)) expect(failure.phase).toBe('reset');
    // Each request reached the server once: none was sent again on a fresh connection.
    expect(server.bodies).toHaveLength(4);
  });

  it('says when each request has left, the retry on a fresh connection as one more', async () => {
    const served = new WeakMap<Socket, number>();
    const server = await serve((req, res) => {
      const count = (served.get(req.socket) ?? 0) + 1;
      served.set(req.socket, count);
      if (count === 2) req.socket.destroy();
      else answer(200, '{}')(req, res);
    });
    const post = client();
    let sent = 0;
    const onSent = () => {
      sent++;
    };
    await post({ url: `${server.base}/v4/x`, body: '{}', timeoutMs: 5000, onSent });
    expect(sent).toBe(1);
    await post({ url: `${server.base}/v4/x`, body: '{}', timeoutMs: 5000, onSent });
    expect(sent).toBe(3);
  });

  it('times out a hung exchange as a whole and closes the connection', async () => {
    const server = await serve(() => {});
    const started = performance.now();
    const error = await rejection(
      client()({ url: `${server.base}/v4/x?${SECRET_QUERY}`, body: '{}', timeoutMs: 300 }),
    );
    expect(error.phase).toBe('timeout');
    expect(error.message).toMatch(/within 0\.3 s/);
    expect(performance.now() - started).toBeLessThan(3000);
    await server.closed[0];
  });

  it('times out a server that trickles its body', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200);
      res.write('{');
      const drip = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(drip));
    });
    const error = await rejection(
      client()({ url: `${server.base}/v4/x?${SECRET_QUERY}`, body: '{}', timeoutMs: 400 }),
    );
    expect(error.phase).toBe('timeout');
  });

  it('refuses a body over the cap, with or without a content-length', async () => {
    const big = 'x'.repeat(4096);
    const declared = await serve(answer(200, big));
    const chunked = await serve((_req, res) => {
      res.writeHead(200);
      for (let i = 0; i < 8; i += 1) res.write(big.slice(0, 512));
      res.end();
    });
    const post = client({ maxBodyBytes: 1024 });
    for (const server of [declared, chunked]) {
      const error = await rejection(
        post({ url: `${server.base}/v4/x?${SECRET_QUERY}`, body: '{}', timeoutMs: 5000 }),
      );
      expect(error.message).toMatch(/larger than 1024 bytes/);
    }
  });

  it('calls a refused connection a connect failure', async () => {
    const port = await closedPort();
    const error = await rejection(
      client()({ url: `http://127.0.0.1:${port}/v4/x?${SECRET_QUERY}`, body: '{}', timeoutMs: 5000 }),
    );
    expect(error.phase).toBe('connect');
    expect(error.message).toContain(`127.0.0.1:${port}`);
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('calls an unresolvable host a dns failure', async () => {
    const error = await rejection(
      client()({ url: `http://headcount-test.invalid/v4/x?${SECRET_QUERY}`, body: '{}', timeoutMs: 5000 }),
    );
    expect(error.phase).toBe('dns');
    expect(error.message).toContain('headcount-test.invalid');
  });

  it('calls a dropped connection a reset, before and during the answer', async () => {
    const before = await serve((req) => req.socket.destroy());
    const during = await serve((req, res) => {
      res.writeHead(200, { 'content-length': '100' });
      res.write('{"ActionStatus":');
      setImmediate(() => req.socket.destroy());
    });
    const post = client();
    for (const server of [before, during]) {
      const error = await rejection(
        post({ url: `${server.base}/v4/x?${SECRET_QUERY}`, body: '{}', timeoutMs: 5000 }),
      );
      expect(error.phase).toBe('reset');
    }
  });

  it('verifies certificates: a trusted CA succeeds, an unknown one is a tls failure', async () => {
    const server = await serve(answer(200, '{"secure":true}'), { tls: true });
    const url = `${server.base}/v4/x?${SECRET_QUERY}`;
    const untrusted = await rejection(client()({ url, body: '{}', timeoutMs: 5000 }));
    expect(untrusted.phase).toBe('tls');
    expect(untrusted.message).toMatch(/not trusted/);
    const trusted = await client({ ca: TEST_CA_CERT })({ url, body: '{}', timeoutMs: 5000 });
    expect(trusted.body).toBe('{"secure":true}');
  });

  it('still checks the host name when the CA is trusted', async () => {
    const server = await serve(answer(200, '{}'), { tls: true, host: '127.0.0.2' });
    const error = await rejection(
      client({ ca: TEST_CA_CERT })({
        url: `${server.base}/v4/x?${SECRET_QUERY}`,
        body: '{}',
        timeoutMs: 5000,
      }),
    );
    expect(error.phase).toBe('tls');
    expect(error.message).toContain('ERR_TLS_CERT_ALTNAME_INVALID');
  });

  it('calls https spoken to a plain http server a tls failure', async () => {
    const server = await serve(answer(200, '{}'));
    const error = await rejection(
      client()({
        url: `${server.base.replace('http:', 'https:')}/v4/x?${SECRET_QUERY}`,
        body: '{}',
        timeoutMs: 5000,
      }),
    );
    expect(error.phase).toBe('tls');
  });

  it('rejects a malformed URL without echoing it', async () => {
    const error = await client()({ url: `nonsense ${SECRET_QUERY}`, body: '{}', timeoutMs: 5000 }).catch(
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(String(error)).not.toContain('usersig');
  });
});

describe('phaseOfCode', () => {
  it.each([
    ['ENOTFOUND', 'dns'],
    ['EAI_AGAIN', 'dns'],
    ['ECONNREFUSED', 'connect'],
    ['EHOSTUNREACH', 'connect'],
    ['ENETUNREACH', 'connect'],
    ['ETIMEDOUT', 'connect'],
    ['CERT_HAS_EXPIRED', 'tls'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'tls'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'],
    ['ECONNRESET', 'reset'],
    ['EPIPE', 'reset'],
  ])('%s is %s', (code, phase) => {
    expect(phaseOfCode(code)).toBe(phase);
  });
});

describe('timeoutError', () => {
  const url = new URL(
    'https://console.tim.qq.com/v4/group_open_http_svc/get_online_member_num?usersig=secret',
  );

  it.each([
    ['queued', 'timeout', /no complete answer from console\.tim\.qq\.com within 8 s/],
    ['resolving', 'dns', /looking up console\.tim\.qq\.com took longer than 8 s/],
    ['connecting', 'connect', /could not connect to console\.tim\.qq\.com within 8 s/],
    ['connected', 'timeout', /no complete answer/],
  ] as const)('names a deadline passed while %s a %s failure', (stage, phase, message) => {
    const error = timeoutError(stage, url, 8000);
    expect(error.phase).toBe(phase);
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/usersig|\/v4\//);
  });
});
