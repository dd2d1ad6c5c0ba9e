/**
 * Everything one simulator holds, shared by the IM endpoint, the control API and `control`.
 */
import { randomBytes } from 'node:crypto';
import { checkEdition, type Edition } from './edition';
import { FaultBook } from './fault-book';
import { PageTokens } from './page-tokens';
import { RateWindow } from './rate-window';
import { RequestLog } from './request-log';
import { RoomRegistry } from './room-registry';
import { RoomWrites, type WriteCommand } from './room-writes';
import type { SimulatorControl, SimulatorOptions } from './types';
import { UserSigLockout } from './usersig-lockout';

/** get_appid_group_list's limit (doc 1047/34960). */
const GROUP_LIST_PER_SECOND = 1;
/** Each write command's limit per SDKAppID (1047/44188, 1047/53428, 1047/34959). */
const WRITES_PER_SECOND = 200;

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
  /** What has been written into each room, as its members see it. */
  writes: RoomWrites;
  writeRates: Record<WriteCommand, RateWindow>;
  edition: Edition;
  /** Messages sent today (UTC day number), for the trial edition's daily limit. */
  messagesToday: { day: number; sent: number };
  messageSeq: number;
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
    writes: new RoomWrites(),
    writeRates: {
      modify_group_attr: new RateWindow(WRITES_PER_SECOND),
      update_group_counter: new RateWindow(WRITES_PER_SECOND),
      send_group_msg: new RateWindow(WRITES_PER_SECOND),
    },
    edition: checkEdition(options.edition ?? 'trial'),
    messagesToday: { day: 0, sent: 0 },
    messageSeq: 0,
  };
  if (options.ratePerSecond !== undefined) state.onlineRate.setPerSecond(options.ratePerSecond);
  for (const room of options.rooms ?? []) state.rooms.add(room);
  return state;
}

/** The {@link SimulatorControl} over a state. */
export function controlOf(state: SimulatorState): SimulatorControl {
  return {
    addRoom: (spec) => {
      state.rooms.add(spec);
      state.writes.forget(spec.groupId);
    },
    removeRoom: (groupId) => {
      state.rooms.remove(groupId);
      state.writes.forget(groupId);
    },
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
    audience: (groupId) => {
      if (!state.rooms.find(groupId)) throw new Error(`the simulator has no room ${JSON.stringify(groupId)}`);
      return state.writes.view(groupId);
    },
    setEdition: (edition) => {
      state.edition = checkEdition(edition);
    },
  };
}
