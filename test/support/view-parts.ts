import type {
  AlertFacts,
  AppConditionView,
  ChangeWindow,
  MonitorSummary,
  RoomView,
} from '../../main/contract/monitor-api';
import { tallyRooms } from '../../main/core/room-tally';

/** The facts of an alert that says nothing beyond its rule, for fixtures; spread and override. */
export const NO_FACTS: AlertFacts = {
  profile: 'Events',
  label: null,
  value: null,
  threshold: null,
  change: null,
  peak: null,
  session: null,
  rooms: null,
  where: null,
  errorKind: null,
  push: null,
};

/** A room's changes before any window has a count to compare with. */
export const NO_CHANGES: Record<ChangeWindow, number | null> = {
  '5m': null,
  '15m': null,
  '30m': null,
  '1h': null,
};

/** The summary the engine makes of these rooms (by the rooms' own `state` and `current`), for fixtures. */
export function summaryOf(rooms: Iterable<RoomView>, conditions: AppConditionView[] = []): MonitorSummary {
  return { ...tallyRooms(rooms), conditions };
}
