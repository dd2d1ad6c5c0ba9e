/**
 * UserSig (TLSSigAPIv2) signing and verification, byte-compatible with the official
 * `tls-sig-api-v2` libraries: HMAC-SHA256 over the identity lines, JSON, zlib, URL-safe base64.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';

export interface UserSigIdentity {
  sdkAppId: number;
  identifier: string;
  secretKey: string;
}

export interface SignOptions extends UserSigIdentity {
  /** Lifetime in seconds from `nowSeconds`. */
  expireSeconds: number;
  /** Unix seconds the signature counts from (`TLS.time`). */
  nowSeconds: number;
}

interface SigDocument {
  'TLS.ver': '2.0';
  'TLS.identifier': string;
  'TLS.sdkappid': number;
  'TLS.time': number;
  'TLS.expire': number;
  'TLS.sig': string;
}

function hmacBase64(identity: UserSigIdentity, time: number, expire: number): string {
  const text =
    `TLS.identifier:${identity.identifier}\n` +
    `TLS.sdkappid:${identity.sdkAppId}\n` +
    `TLS.time:${time}\n` +
    `TLS.expire:${expire}\n`;
  return createHmac('sha256', identity.secretKey).update(text, 'utf8').digest('base64');
}

function toUrlBase64(bytes: Buffer): string {
  return bytes.toString('base64').replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_');
}

function fromUrlBase64(text: string): Buffer {
  return Buffer.from(text.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), 'base64');
}

/** Signs a UserSig for `identifier`, valid from `nowSeconds` for `expireSeconds`. */
export function signUserSig(options: SignOptions): string {
  const doc: SigDocument = {
    'TLS.ver': '2.0',
    'TLS.identifier': options.identifier,
    'TLS.sdkappid': options.sdkAppId,
    'TLS.time': options.nowSeconds,
    'TLS.expire': options.expireSeconds,
    'TLS.sig': hmacBase64(options, options.nowSeconds, options.expireSeconds),
  };
  return toUrlBase64(deflateSync(Buffer.from(JSON.stringify(doc), 'utf8')));
}

/** The fields of a UserSig, decoded but not verified. */
export interface DecodedUserSig {
  identifier: string;
  sdkAppId: number;
  time: number;
  expire: number;
  sig: string;
}

/** Decodes a UserSig's fields, or returns null when it is not a well-formed v2 UserSig. */
export function decodeUserSig(userSig: string): DecodedUserSig | null {
  let doc: unknown;
  try {
    doc = JSON.parse(inflateSync(fromUrlBase64(userSig)).toString('utf8'));
  } catch {
    return null;
  }
  if (typeof doc !== 'object' || doc === null) return null;
  const d = doc as Record<string, unknown>;
  const {
    'TLS.identifier': identifier,
    'TLS.sdkappid': sdkAppId,
    'TLS.time': time,
    'TLS.expire': expire,
  } = d;
  const sig = d['TLS.sig'];
  if (d['TLS.ver'] !== '2.0' || typeof identifier !== 'string' || typeof sig !== 'string') return null;
  if (!Number.isSafeInteger(sdkAppId) || !Number.isSafeInteger(time) || !Number.isSafeInteger(expire))
    return null;
  return { identifier, sdkAppId: sdkAppId as number, time: time as number, expire: expire as number, sig };
}

export type UserSigVerdict =
  | { ok: true; expiresAtSeconds: number }
  | {
      ok: false;
      reason: 'malformed' | 'identifier-mismatch' | 'sdkappid-mismatch' | 'bad-signature' | 'expired';
    };

/** Verifies a UserSig as the IM server does: identity, signature, then expiry (expired when now > time + expire). */
export function verifyUserSig(
  userSig: string,
  identity: UserSigIdentity,
  nowSeconds: number,
): UserSigVerdict {
  const decoded = decodeUserSig(userSig);
  if (!decoded) return { ok: false, reason: 'malformed' };
  if (decoded.identifier !== identity.identifier) return { ok: false, reason: 'identifier-mismatch' };
  if (decoded.sdkAppId !== identity.sdkAppId) return { ok: false, reason: 'sdkappid-mismatch' };
  const expected = Buffer.from(hmacBase64(identity, decoded.time, decoded.expire));
  const given = Buffer.from(decoded.sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'bad-signature' };
  }
  const expiresAtSeconds = decoded.time + decoded.expire;
  if (nowSeconds > expiresAtSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, expiresAtSeconds };
}
