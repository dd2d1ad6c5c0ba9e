/**
 * The built-in simulator: a loopback HTTP(S) server that speaks the Tencent Cloud IM REST protocol
 * (get_online_member_num, get_group_info, get_appid_group_list), so the demo, tests and benchmarks
 * run without an account. See {@link startSimulator}.
 */
export { DEMO_PUSH, DEMO_SHOW_SECONDS, demoLabel, demoShow } from './demo-show';
export { EDITIONS } from './edition';
export { startSimulator } from './server';
export type {
  AudienceSpec,
  AudienceView,
  DeliveredMessage,
  Edition,
  FaultSpec,
  RequestRecord,
  RoomSpec,
  RoomType,
  RunningSimulator,
  SimulatorControl,
  SimulatorOptions,
  SimulatorStats,
} from './types';
