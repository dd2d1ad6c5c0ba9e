/**
 * Online counts over time for each {@link AudienceSpec} kind. Pure: the same spec, group id and
 * second always give the same count.
 */
import { createHash } from 'node:crypto';
import type { AudienceSpec } from './types';

/**
 * Width of a noise bucket. The real server refreshes a room's count about every 10 s
 * (doc 1047/38521), so the simulated jitter changes at the same pace.
 */
export const NOISE_BUCKET_SECONDS = 10;

/** The online count of a room `seconds` after it was added. */
export function onlineAt(audience: AudienceSpec, groupId: string, seconds: number): number {
  const t = Math.max(0, seconds);
  const trend = trendAt(audience, t);
  const noise = 'noise' in audience && audience.noise ? audience.noise : 0;
  const jitter = noise === 0 ? 0 : noise * noiseUnit(groupId, Math.floor(t / NOISE_BUCKET_SECONDS));
  return Math.max(0, Math.round(trend * (1 + jitter)));
}

/** Whether an `ends` audience with `disband` has disbanded the room by `seconds`. */
export function isDisbandedAt(audience: AudienceSpec, seconds: number): boolean {
  return audience.kind === 'ends' && audience.disband === true && seconds >= audience.endAtSeconds;
}

function trendAt(audience: AudienceSpec, t: number): number {
  switch (audience.kind) {
    case 'fixed':
      return audience.online;
    case 'steady':
      return audience.base;
    case 'ramp':
      return between(audience.from, audience.to, audience.overSeconds > 0 ? t / audience.overSeconds : 1);
    case 'raid':
      return audience.base + raidExtra(audience.extra, t - audience.atSeconds, audience.decaySeconds);
    case 'drop':
      return t < audience.atSeconds ? audience.base : audience.to;
    case 'ends':
      return t < audience.endAtSeconds ? audience.base : 0;
    case 'script':
      return scriptAt(audience.points, t);
  }
}

function raidExtra(extra: number, sinceRaid: number, decaySeconds: number | undefined): number {
  if (sinceRaid < 0) return 0;
  if (decaySeconds === undefined || decaySeconds <= 0) return extra;
  return between(extra, 0, sinceRaid / decaySeconds);
}

function scriptAt(points: ReadonlyArray<readonly [number, number]>, t: number): number {
  const sorted = [...points].sort((a, b) => a[0] - b[0]);
  const first = sorted[0];
  if (!first) return 0;
  if (t <= first[0]) return first[1];
  for (let i = 1; i < sorted.length; i++) {
    const [t1, v1] = sorted[i] as [number, number];
    const [t0, v0] = sorted[i - 1] as [number, number];
    if (t <= t1) return t1 === t0 ? v1 : between(v0, v1, (t - t0) / (t1 - t0));
  }
  return (sorted[sorted.length - 1] as [number, number])[1];
}

/** Linear interpolation with `fraction` clamped to 0..1. */
function between(from: number, to: number, fraction: number): number {
  const f = Math.min(1, Math.max(0, fraction));
  return from + (to - from) * f;
}

/** A value in [-1, 1) fixed by the group id and the bucket. */
function noiseUnit(groupId: string, bucket: number): number {
  const digest = createHash('sha256').update(`${groupId}\n${bucket}`).digest();
  return (digest.readUInt32BE(0) / 2 ** 32) * 2 - 1;
}
