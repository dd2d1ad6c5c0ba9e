/**
 * The service of `serve --demo` in this process, for the tests of serve's parts (its HTTP, its
 * streams, its overlay): apart from serve-run.ts, whose tests of the process need none of it.
 */
import { SnoozeBook } from '../../../main/core/alerts/snooze';
import { systemClock } from '../../../main/core/clock';
import { profileEngineFactory, startDemoProfile } from '../../../main/node/profile-engine';
import { RunKeyStore, RunProfileStore } from '../../../main/node/serve/run-stores';
import { createMonitorService, type MonitorService } from '../../../main/service/monitor-service';

/** A started MonitorService playing the demo show with the headless edition's run-only stores, as `serve --demo` does. */
export async function startDemoService(): Promise<MonitorService> {
  const service = createMonitorService({
    clock: systemClock,
    profiles: new RunProfileStore([]),
    keys: new RunKeyStore(),
    openEngine: profileEngineFactory(),
    snoozes: new SnoozeBook(),
    saveSnoozes: () => {},
    startDemo: startDemoProfile,
  });
  await service.start();
  return service;
}
