import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeUserSig, signUserSig, verifyUserSig } from '../../main/core/usersig';

interface OfficialApi {
  genUserSig(identifier: string, expireSeconds: number): string;
}
const { Api } = createRequire(import.meta.url)('tls-sig-api-v2') as {
  Api: new (sdkAppId: number, key: string) => OfficialApi;
};

const KEY = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
const SDK_APP_ID = 1400000000;
const TIME = 1700000000;

function official(sdkAppId: number, key: string, identifier: string, expire: number, nowMs: number): string {
  vi.setSystemTime(nowMs);
  return new Api(sdkAppId, key).genUserSig(identifier, expire);
}

/** Packs a UserSig document the way the official libraries do. */
function pack(doc: Record<string, unknown>): string {
  return deflateSync(Buffer.from(JSON.stringify(doc)))
    .toString('base64')
    .replace(/\+/g, '*')
    .replace(/\//g, '-')
    .replace(/=/g, '_');
}

afterEach(() => {
  vi.useRealTimers();
});

describe('signUserSig', () => {
  it('matches the reference vectors', () => {
    const xiaojun = signUserSig({
      sdkAppId: SDK_APP_ID,
      identifier: 'xiaojun',
      secretKey: KEY,
      nowSeconds: TIME,
      expireSeconds: 15552000,
    });
    expect(decodeUserSig(xiaojun)?.sig).toBe('LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=');

    const admin = signUserSig({
      sdkAppId: SDK_APP_ID,
      identifier: 'administrator',
      secretKey: KEY,
      nowSeconds: TIME,
      expireSeconds: 86400,
    });
    expect(decodeUserSig(admin)).toEqual({
      identifier: 'administrator',
      sdkAppId: SDK_APP_ID,
      time: TIME,
      expire: 86400,
      sig: 'yLAe+w7WUeUuqbV9h/TX78u21oTGi+i9Zp1u3PpnY60=',
    });
    expect(admin).toBe(
      'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwokpuZl5mcUlRYkl*UVQBcUp2YkFBZkpSlaGJgZQAJEpycxNVbIyNEcVTa0oyCxKVbKyMDOBCRVnpitZKVX6OKZql5uHh6aGlhYmhVlm6IdEmFuUGhnmh7hnamdaRhUYlhoHFORFmhnYKtUCAK0SM5I_',
    );
  });

  it('equals the official tls-sig-api-v2 output at the same clock', () => {
    vi.useFakeTimers();
    // The official library floors Date.now(), so a mid-second clock must give the same TLS.time.
    const theirs = official(SDK_APP_ID, KEY, 'xiaojun', 15552000, TIME * 1000 + 999);
    const ours = signUserSig({
      sdkAppId: SDK_APP_ID,
      identifier: 'xiaojun',
      secretKey: KEY,
      nowSeconds: TIME,
      expireSeconds: 15552000,
    });
    expect(decodeUserSig(ours)).toEqual(decodeUserSig(theirs));
    expect(ours).toBe(theirs);
  });

  it('equals the official output for arbitrary identities, keys, times and lifetimes', () => {
    vi.useFakeTimers();
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.string({ minLength: 1, maxLength: 64 }),
        fc.integer({ min: 0, max: 2 ** 32 }),
        fc.integer({ min: 1, max: 10 * 365 * 86400 }),
        (identifier, sdkAppId, secretKey, nowSeconds, expireSeconds) => {
          const theirs = official(sdkAppId, secretKey, identifier, expireSeconds, nowSeconds * 1000);
          const ours = signUserSig({ sdkAppId, identifier, secretKey, nowSeconds, expireSeconds });
          expect(decodeUserSig(ours)).toEqual(decodeUserSig(theirs));
          expect(ours).toBe(theirs);
        },
      ),
    );
  });

  it('uses only URL-safe characters', () => {
    const sig = signUserSig({
      sdkAppId: SDK_APP_ID,
      identifier: 'administrator',
      secretKey: KEY,
      nowSeconds: TIME,
      expireSeconds: 86400,
    });
    expect(sig).toMatch(/^[A-Za-z0-9*\-_]+$/);
  });
});

describe('verifyUserSig', () => {
  const identity = { sdkAppId: SDK_APP_ID, identifier: 'administrator', secretKey: KEY };
  const sig = signUserSig({ ...identity, nowSeconds: TIME, expireSeconds: 86400 });

  it('accepts its own signature until time + expire, inclusive', () => {
    expect(verifyUserSig(sig, identity, TIME)).toEqual({ ok: true, expiresAtSeconds: TIME + 86400 });
    expect(verifyUserSig(sig, identity, TIME + 86400)).toEqual({ ok: true, expiresAtSeconds: TIME + 86400 });
    expect(verifyUserSig(sig, identity, TIME + 86401)).toEqual({ ok: false, reason: 'expired' });
  });

  it('accepts a signature made by the official library', () => {
    vi.useFakeTimers();
    const theirs = official(SDK_APP_ID, KEY, 'administrator', 86400, TIME * 1000);
    expect(verifyUserSig(theirs, identity, TIME + 10).ok).toBe(true);
  });

  it('names what does not match', () => {
    expect(verifyUserSig(sig, { ...identity, identifier: 'admin' }, TIME)).toEqual({
      ok: false,
      reason: 'identifier-mismatch',
    });
    expect(verifyUserSig(sig, { ...identity, sdkAppId: SDK_APP_ID + 1 }, TIME)).toEqual({
      ok: false,
      reason: 'sdkappid-mismatch',
    });
    expect(verifyUserSig(sig, { ...identity, secretKey: `${KEY}0` }, TIME)).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('rejects a signature whose signed fields were changed', () => {
    const decoded = decodeUserSig(sig);
    if (!decoded) throw new Error('own signature did not decode');
    // The original HMAC re-packed with a year-long lifetime: the server must refuse it.
    const doc = {
      'TLS.ver': '2.0',
      'TLS.identifier': decoded.identifier,
      'TLS.sdkappid': decoded.sdkAppId,
      'TLS.time': decoded.time,
      'TLS.expire': 86400 * 365,
      'TLS.sig': decoded.sig,
    };
    const repacked = pack(doc);
    expect(decodeUserSig(repacked)?.expire).toBe(86400 * 365);
    expect(verifyUserSig(repacked, identity, TIME)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('rejects a signature with one character changed', () => {
    const decoded = decodeUserSig(sig);
    if (!decoded) throw new Error('own signature did not decode');
    const flipped = `${decoded.sig[0] === 'A' ? 'B' : 'A'}${decoded.sig.slice(1)}`;
    const doc = {
      'TLS.ver': '2.0',
      'TLS.identifier': decoded.identifier,
      'TLS.sdkappid': decoded.sdkAppId,
      'TLS.time': decoded.time,
      'TLS.expire': decoded.expire,
      'TLS.sig': flipped,
    };
    const tampered = pack(doc);
    expect(verifyUserSig(tampered, identity, TIME)).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('calls garbage malformed instead of throwing', () => {
    for (const garbage of ['', 'not a sig', '****', sig.slice(0, 20), 'eJyrVgrxCdYrSy1SslIy0jNQ0gHz']) {
      expect(verifyUserSig(garbage, identity, TIME)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('round-trips for any identity and time, and fails under any other key', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 48 }),
        fc.integer({ min: 1, max: 2 ** 32 - 1 }),
        fc.string({ minLength: 1, maxLength: 64 }),
        fc.string({ minLength: 1, maxLength: 64 }),
        fc.integer({ min: 0, max: 2 ** 33 }),
        fc.integer({ min: 0, max: 10 * 365 * 86400 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (identifier, sdkAppId, secretKey, otherKey, nowSeconds, expireSeconds, when) => {
          const id = { sdkAppId, identifier, secretKey };
          const userSig = signUserSig({ ...id, nowSeconds, expireSeconds });
          const at = nowSeconds + Math.floor(when * expireSeconds);
          expect(verifyUserSig(userSig, id, at)).toEqual({
            ok: true,
            expiresAtSeconds: nowSeconds + expireSeconds,
          });
          expect(verifyUserSig(userSig, id, nowSeconds + expireSeconds + 1)).toEqual({
            ok: false,
            reason: 'expired',
          });
          if (otherKey !== secretKey) {
            expect(verifyUserSig(userSig, { ...id, secretKey: otherKey }, at)).toEqual({
              ok: false,
              reason: 'bad-signature',
            });
          }
        },
      ),
    );
  });
});

describe('decodeUserSig and verifyUserSig on documents that are not what they claim', () => {
  const identity = { sdkAppId: SDK_APP_ID, identifier: 'administrator', secretKey: KEY };
  const good = decodeUserSig(signUserSig({ ...identity, nowSeconds: TIME, expireSeconds: 86400 }));
  if (!good) throw new Error('own signature did not decode');
  const fields = {
    'TLS.ver': '2.0',
    'TLS.identifier': good.identifier,
    'TLS.sdkappid': good.sdkAppId,
    'TLS.time': good.time,
    'TLS.expire': good.expire,
    'TLS.sig': good.sig,
  };

  it('answers bad-signature, without throwing, for a signature cut short or made longer', () => {
    for (const sig of [good.sig.slice(0, 20), '', `${good.sig}A`]) {
      const userSig = pack({ ...fields, 'TLS.sig': sig });
      expect(decodeUserSig(userSig)?.sig).toBe(sig);
      expect(verifyUserSig(userSig, identity, TIME)).toEqual({ ok: false, reason: 'bad-signature' });
    }
  });

  it.each([
    ['another version', { 'TLS.ver': '1.0' }],
    ['no version', { 'TLS.ver': undefined }],
    ['an identifier that is a number', { 'TLS.identifier': 42 }],
    ['a signature that is not a string', { 'TLS.sig': 12345 }],
    ['an SDKAppID as a string', { 'TLS.sdkappid': String(SDK_APP_ID) }],
    ['a fractional time', { 'TLS.time': TIME + 0.5 }],
    ['a lifetime as a string', { 'TLS.expire': '86400' }],
    ['a lifetime beyond 2^53', { 'TLS.expire': 2 ** 60 }],
  ])('calls a document with %s malformed', (_name, change) => {
    const userSig = pack({ ...fields, ...change });
    expect(decodeUserSig(userSig)).toBeNull();
    expect(verifyUserSig(userSig, identity, TIME)).toEqual({ ok: false, reason: 'malformed' });
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['a string', 'TLS.ver'],
    ['an array', [fields]],
  ])('calls a packed JSON %s malformed', (_name, doc) => {
    const userSig = deflateSync(Buffer.from(JSON.stringify(doc))).toString('base64');
    expect(decodeUserSig(userSig)).toBeNull();
  });

  it('decodes the fields as they were signed', () => {
    expect(decodeUserSig(pack(fields))).toEqual({
      identifier: 'administrator',
      sdkAppId: SDK_APP_ID,
      time: TIME,
      expire: 86400,
      sig: good.sig,
    });
  });
});
