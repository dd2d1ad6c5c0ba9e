import type { OverlayCount } from '../../main/contract/overlay-api';

/** The count an event carries, or null for anything else. */
export function countOf(data: string): OverlayCount | null {
  let value: Partial<OverlayCount>;
  try {
    value = JSON.parse(data) as Partial<OverlayCount>;
  } catch {
    return null;
  }
  const { online, ageMs, state } = value ?? {};
  const number = (x: unknown) => x === null || (typeof x === 'number' && Number.isFinite(x) && x >= 0);
  if (!number(online) || !number(ageMs) || (state !== 'live' && state !== 'held' && state !== 'closed'))
    return null;
  return { online: online ?? null, ageMs: ageMs ?? null, state };
}
