/**
 * One reading of every followed engine, taken once per scrape so that every series of a scrape
 * tells the same moment: each room's state, whether its count is current, and each app's total.
 */
import type { AppMonitor } from '../../core/app-monitor';
import type { BudgetReading, CommandBudgets } from '../../core/command-budgets';
import { type CurrentTotal, currentTotal } from '../../core/current-count';
import type { AppStatus, RoomSnapshot } from '../../core/monitor-events';
import { judgeRoom, type RoomCondition } from '../../core/room-state';

/** The thresholds of a room's `above` and `below` rules, where they are on. */
export interface RoomThresholds {
  above?: number | undefined;
  below?: number | undefined;
}

/** What the service knows of an engine's rooms beyond its monitor, as of one scrape. */
export interface RoomFacts {
  /** The room's display name (its label or group Name), where known. */
  name(groupId: string): string | undefined;
  /** The room's alert thresholds as its rules set them. */
  thresholds(groupId: string): RoomThresholds;
}

/** An engine followed by the metrics. */
export interface FollowedEngine {
  /** The SDKAppID, the `app` label. */
  app: string;
  monitor: Pick<AppMonitor, 'snapshot' | 'status'>;
  /** Read once per scrape. */
  facts: () => RoomFacts;
  /** The engine's budget per command, when it has them. */
  budgets?: Pick<CommandBudgets, 'readings'>;
}

/** One room as one scrape exports it. */
export interface RoomReading {
  app: string;
  room: RoomSnapshot;
  /** The label or group Name, else the id: a series always says which room it is. */
  name: string;
  condition: RoomCondition;
  current: boolean;
  thresholds: RoomThresholds;
}

/** One app as one scrape exports it. */
export interface AppReading {
  app: string;
  status: AppStatus;
  total: CurrentTotal;
  /** Each command's budget (the first profile's, as the state). */
  budgets: BudgetReading[];
}

export interface MetricsReading {
  rooms: RoomReading[];
  apps: AppReading[];
}

/**
 * Reads every engine. Two profiles of one SDKAppID (possible from the dashboard) are one app:
 * its state and budget are the first profile's, its total adds both.
 */
export function readEngines(engines: Iterable<FollowedEngine>): MetricsReading {
  const rooms: RoomReading[] = [];
  const apps = new Map<string, AppReading>();
  for (const engine of engines) {
    const status = engine.monitor.status();
    const interval = status.plan.effectiveIntervalMs;
    const snapshot = engine.monitor.snapshot();
    const facts = engine.facts();
    for (const room of snapshot) {
      rooms.push({
        app: engine.app,
        room,
        name: facts.name(room.groupId) || room.groupId,
        ...judgeRoom(room, { state: status.state, effectiveIntervalMs: interval }),
        thresholds: facts.thresholds(room.groupId),
      });
    }
    const total = currentTotal(snapshot, interval);
    const known = apps.get(engine.app);
    if (!known)
      apps.set(engine.app, { app: engine.app, status, total, budgets: engine.budgets?.readings() ?? [] });
    else {
      known.total = {
        online: known.total.online + total.online,
        counted: known.total.counted + total.counted,
        left: known.total.left + total.left,
      };
    }
  }
  return { rooms, apps: [...apps.values()] };
}
