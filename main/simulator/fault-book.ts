/**
 * Injected faults waiting for the requests they hit.
 */
import { checkFaultSpec } from './spec-check';
import type { FaultSpec } from './types';

interface PendingFault {
  spec: FaultSpec;
  /** Requests it may still hit; Infinity until cleared. */
  remaining: number;
}

/** Faults in injection order, each used up after its `times`. */
export class FaultBook {
  private faults: PendingFault[] = [];

  inject(spec: FaultSpec): void {
    checkFaultSpec(spec);
    this.faults.push({ spec: { ...spec }, remaining: spec.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.faults = [];
  }

  /**
   * The first fault that hits a request of `command` naming `groupIds`, used up by one; undefined
   * when none does.
   */
  take(command: string, groupIds: readonly string[]): FaultSpec | undefined {
    const index = this.faults.findIndex(
      ({ spec }) =>
        (spec.groupId === undefined || groupIds.includes(spec.groupId)) &&
        (spec.command === undefined || spec.command === command),
    );
    const fault = this.faults[index];
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return fault.spec;
  }
}
