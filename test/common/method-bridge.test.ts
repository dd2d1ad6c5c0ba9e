import { describe, expect, it } from 'vitest';
import { forwardMethods } from '../../main/common/method-bridge';
import { MONITOR_METHODS, type MonitorApi, type MonitorMethod } from '../../main/contract/monitor-api';

describe('forwardMethods', () => {
  it('makes every contract method, each forwarding its own name and arguments and answering with the reply', async () => {
    const calls: Array<[string, unknown[]]> = [];
    const api = forwardMethods<MonitorApi, MonitorMethod>(MONITOR_METHODS, async (method, args) => {
      calls.push([method, args]);
      return `${method} answered`;
    });
    expect(Object.keys(api).sort()).toEqual([...MONITOR_METHODS].sort());
    await expect(api.addRooms('p1', ['@TGS#a'])).resolves.toBe('addRooms answered');
    await expect(api.getChart('p1/@TGS#a', '1h')).resolves.toBe('getChart answered');
    await api.getSnapshot();
    expect(calls).toEqual([
      ['addRooms', ['p1', ['@TGS#a']]],
      ['getChart', ['p1/@TGS#a', '1h']],
      ['getSnapshot', []],
    ]);
  });

  it('passes a failed call on as a rejection', async () => {
    const api = forwardMethods<MonitorApi, MonitorMethod>(MONITOR_METHODS, () =>
      Promise.reject(new Error('Refused retryRoom: no')),
    );
    await expect(api.retryRoom('p1/x')).rejects.toThrow('Refused retryRoom: no');
  });
});
