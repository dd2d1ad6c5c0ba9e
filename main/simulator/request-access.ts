/**
 * The checks every `/v4/` request passes before its command runs: the URL query
 * (doc 1047/34620) and the UserSig (TLSSigAPIv2), with the 70050 lock after repeated bad UserSigs.
 */
import { verifyUserSig } from '../core/usersig';
import type { SimulatorState } from './simulator-state';

const UINT32_MAX = 4294967295;

/** What a failed UserSig check answers. */
const VERDICT_CODES = {
  malformed: 70003,
  'identifier-mismatch': 70013,
  'sdkappid-mismatch': 70014,
  'bad-signature': 70009,
  expired: 70001,
} as const;

/** 0 when the request may run its command, else the ErrorCode to answer. */
export function checkAccess(query: URLSearchParams, state: SimulatorState): number {
  const { app } = state;
  const sdkAppId = query.get('sdkappid');
  if (sdkAppId === null || sdkAppId === '') return 60012;
  if (sdkAppId !== String(app.sdkAppId)) return 70020;
  const userSig = query.get('usersig');
  if (userSig === null || userSig === '') return 70002;
  const identifier = query.get('identifier');
  if (identifier === null || identifier === '') return 60002;
  if (!isUint32(query.get('random'))) return 60002;
  if (query.get('contenttype') !== 'json') return 60002;

  const nowMs = state.wall();
  if (state.lockout.isLocked(nowMs)) return 70050;
  const identity = { sdkAppId: app.sdkAppId, identifier, secretKey: app.secretKey };
  const verdict = verifyUserSig(userSig, identity, Math.floor(nowMs / 1000));
  if (!verdict.ok) {
    state.lockout.recordFailure(nowMs);
    return VERDICT_CODES[verdict.reason];
  }
  return identifier === app.identifier ? 0 : 70403;
}

function isUint32(text: string | null): boolean {
  return text !== null && /^[0-9]{1,10}$/.test(text) && Number(text) <= UINT32_MAX;
}
