/**
 * Everything one simulator holds, shared by the IM endpoint, the control API and `control`.
 */
import { randomBytes } from 'node:crypto';
import { FaultBook } from './fault-book';
import { PageTokens } from './page-tokens';
import { RateWindow } from './rate-window';
import { RequestLog } from './request-log';
import { RoomRegistry } from './room-registry';
import type { SimulatorControl, SimulatorOptions } from './types';
import { UserSigLockout } from './usersig-lockout';

/** get_appid_group_list's limit (doc 1047/34960). */
const GROUP_LIST_PER_SECOND = 1;

/** The mutable state of one simulator. `app.secretKey` changes with `setSecretKey`. */
export interface SimulatorState {
  wall: () => number;
  app: { sdkAppId: number; identifier: string; secretKey: string };
  rooms: RoomRegistry;
  onlineRate: RateWindow;
  groupListRate: RateWindow;
  lockout: UserSigLockout;
  faults: FaultBook;
  log: RequestLog;
  pageTokens: PageTokens;
}

/** A fresh state from the options, with their rooms added. */
export function createSimulatorState(options: SimulatorOptions): SimulatorState {
  const clock = options.clock;
  const wall = clock ? () => clock.wall() : () => Date.now();
  const state: SimulatorState = {
    wall,
    app: {
      sdkAppId: options.sdkAppId ?? 1400000000,
      identifier: options.identifier ?? 'administrator',
      secretKey: options.secretKey ?? randomBytes(32).toString('hex'),
    },
    rooms: new RoomRegistry(wall),
    onlineRate: new RateWindow(200),
    groupListRate: new RateWindow(GROUP_LIST_PER_SECOND),
    lockout: new UserSigLockout(),
    faults: new FaultBook(),
    log: new RequestLog(),
    pageTokens: new PageTokens(),
  };
  if (options.ratePerSecond !== undefined) state.onlineRate.setPerSecond(options.ratePerSecond);
  for (const room of options.rooms ?? []) state.rooms.add(room);
  return state;
}

/** The {@link SimulatorControl} over a state. */
export function controlOf(state: SimulatorState): SimulatorControl {
  return {
    addRoom: (spec) => state.rooms.add(spec),
    removeRoom: (groupId) => state.rooms.remove(groupId),
    disband: (groupId) => state.rooms.disband(groupId),
    setOnline: (groupId, online) => state.rooms.setOnline(groupId, online),
    injectFault: (fault) => state.faults.inject(fault),
    clearFaults: () => state.faults.clear(),
    setRate: (perSecond) => state.onlineRate.setPerSecond(perSecond),
    setSecretKey: (secretKey) => {
      if (typeof secretKey !== 'string' || secretKey === '')
        throw new Error('secret key must be a non-empty string');
      state.app.secretKey = secretKey;
    },
    requests: () => state.log.list(),
    resetLog: () => state.log.reset(),
    stats: () => state.log.stats(),
  };
}
