import { X509Certificate } from 'node:crypto';
import { request } from 'node:https';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type RunningSimulator, startSimulator } from '../../main/simulator/index';
import { TEST_SERVER_CERT } from '../../main/simulator/test-certificate';
import { imUrl } from './im-call';

let sim: RunningSimulator;

beforeEach(async () => {
  sim = await startSimulator({
    tls: true,
    rooms: [{ groupId: 'g', audience: { kind: 'fixed', online: 5 } }],
  });
});
afterEach(() => sim.close());

/** POSTs over HTTPS with certificate verification on, trusting only `ca` when given. */
function post(url: string, body: string, ca?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', rejectUnauthorized: true, ...(ca ? { ca } : {}) }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('HTTPS mode', () => {
  it('serves https://localhost with a certificate that verifies against the returned CA', async () => {
    expect(sim.baseUrl).toMatch(/^https:\/\/localhost:\d+$/);
    expect(sim.caCert).toContain('BEGIN CERTIFICATE');
    const result = await post(imUrl(sim, 'get_online_member_num'), '{"GroupId":"g"}', sim.caCert);
    expect(result.status).toBe(200);
    expect(JSON.parse(result.text)).toMatchObject({ ErrorCode: 0, OnlineMemberNum: 5 });
  });

  it('verifies for 127.0.0.1 as well', async () => {
    const url = imUrl(sim, 'get_online_member_num').replace('//localhost:', '//127.0.0.1:');
    const result = await post(url, '{"GroupId":"g"}', sim.caCert);
    expect(JSON.parse(result.text).OnlineMemberNum).toBe(5);
  });

  it('is refused by a client that does not trust the test CA', async () => {
    await expect(post(imUrl(sim, 'get_online_member_num'), '{"GroupId":"g"}')).rejects.toThrow(
      /certificate|self.signed|issuer/i,
    );
  });

  it('ships certificates valid for about 100 years, for localhost and both loopback addresses', () => {
    const ca = new X509Certificate(sim.caCert ?? '');
    const server = new X509Certificate(TEST_SERVER_CERT);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkHost('localhost')).toBe('localhost');
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.checkIP('::1')).toBe('::1');
    expect(new Date(server.validTo).getUTCFullYear()).toBeGreaterThanOrEqual(2120);
    expect(new Date(ca.validTo).getUTCFullYear()).toBeGreaterThanOrEqual(2120);
  });

  it('leaves caCert out in plain HTTP mode', async () => {
    const plain = await startSimulator();
    try {
      expect(plain.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(plain.caCert).toBeUndefined();
    } finally {
      await plain.close();
    }
  });
});
