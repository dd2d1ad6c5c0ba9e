/**
 * Checks of room and fault specs handed to the simulator, so a typo in a test or a control-API
 * call fails loudly instead of producing a room that answers nonsense.
 */
import { groupIdProblem } from '../core/group-id';
import type { AudienceSpec, FaultSpec, RoomSpec, RoomType } from './types';

/** Every group type the simulator can hold. */
export const ROOM_TYPES: readonly RoomType[] = ['AVChatRoom', 'Public', 'Private', 'ChatRoom', 'Community'];

const FAULT_KINDS: ReadonlySet<string> = new Set([
  'http-502',
  'truncated-json',
  'hang',
  'slow',
  'error-code',
]);

/** Throws a descriptive error unless `spec` is a usable room. */
export function checkRoomSpec(spec: RoomSpec): void {
  if (!isObject(spec)) throw new Error('room spec must be an object');
  if (typeof spec.groupId !== 'string' || groupIdProblem(spec.groupId) !== null) {
    throw new Error(`invalid group id ${JSON.stringify(spec.groupId)}`);
  }
  if (spec.name !== undefined && typeof spec.name !== 'string') throw new Error('name must be a string');
  if (spec.type !== undefined && !ROOM_TYPES.includes(spec.type)) {
    throw new Error(`unknown room type ${JSON.stringify(spec.type)}`);
  }
  checkAudience(spec.audience);
}

/** Throws unless `value` is a finite number of people. */
export function checkCount(value: unknown, what: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new Error(`${what} must be a non-negative number`);
  }
}

function checkAudience(audience: AudienceSpec): void {
  if (!isObject(audience)) throw new Error('audience must be an object');
  const fields = audience as unknown as Record<string, unknown>;
  const numbersByKind: Record<AudienceSpec['kind'], string[]> = {
    fixed: ['online'],
    steady: ['base'],
    ramp: ['from', 'to', 'overSeconds'],
    raid: ['base', 'extra', 'atSeconds'],
    drop: ['base', 'to', 'atSeconds'],
    ends: ['base', 'endAtSeconds'],
    script: [],
  };
  const required = numbersByKind[audience.kind];
  if (!required) throw new Error(`unknown audience kind ${JSON.stringify(audience.kind)}`);
  for (const name of required) checkCount(fields[name], `audience.${name}`);
  for (const name of ['noise', 'decaySeconds']) {
    if (fields[name] !== undefined) checkCount(fields[name], `audience.${name}`);
  }
  if (audience.kind === 'script') {
    if (!Array.isArray(audience.points) || audience.points.length === 0) {
      throw new Error('audience.points must be a non-empty array');
    }
    for (const point of audience.points) {
      if (!Array.isArray(point) || point.length !== 2) throw new Error('each point is [seconds, online]');
      checkCount(point[0], 'point seconds');
      checkCount(point[1], 'point online');
    }
  }
}

/** Throws a descriptive error unless `fault` is a usable fault. */
export function checkFaultSpec(fault: FaultSpec): void {
  if (!isObject(fault) || !FAULT_KINDS.has(fault.kind)) {
    throw new Error(`unknown fault kind ${JSON.stringify((fault as { kind?: unknown })?.kind)}`);
  }
  if (fault.delayMs !== undefined) checkCount(fault.delayMs, 'delayMs');
  if (fault.times !== undefined && !(Number.isInteger(fault.times) && fault.times > 0)) {
    throw new Error('times must be a positive integer');
  }
  if (fault.code !== undefined && !Number.isInteger(fault.code)) throw new Error('code must be an integer');
  if (fault.groupId !== undefined && typeof fault.groupId !== 'string') {
    throw new Error('groupId must be a string');
  }
  if (fault.command !== undefined && typeof fault.command !== 'string') {
    throw new Error('command must be a string');
  }
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
