import { describe, expect, it } from 'vitest';
import { SystemEvents } from '../../main/shell/system-events';

function recorder() {
  const calls: string[] = [];
  return {
    calls,
    handlers: {
      resumed: (ms: number) => calls.push(`resumed:${ms}`),
      online: () => calls.push('online'),
      offline: () => calls.push('offline'),
      suspending: () => calls.push('suspending'),
    },
  };
}

describe('SystemEvents', () => {
  it('reports a wake with how long the machine slept', () => {
    let now = 1_000;
    const { calls, handlers } = recorder();
    const events = new SystemEvents(handlers, () => now);
    events.suspend();
    now += 3_600_000;
    events.resume();
    events.resume();
    expect(calls).toEqual(['suspending', 'resumed:3600000', 'resumed:0']);
  });

  it('reports each change of connectivity once, and a return only after a loss', () => {
    const { calls, handlers } = recorder();
    const events = new SystemEvents(handlers, () => 0);
    events.connectivity(true);
    events.connectivity(true);
    events.connectivity(false);
    events.connectivity(false);
    events.connectivity(true);
    expect(calls).toEqual(['offline', 'online']);
  });
});
