import { rm } from 'node:fs/promises';
import { Server } from 'node:http';
import { afterEach } from 'vitest';

/** What a test starts: a service, profile runtimes, a simulator, a feed, a server, or a temp folder's path. */
type Started = { stop(): unknown } | { stopAll(): unknown } | { close(): unknown } | string;

async function stop(started: Started): Promise<void> {
  if (typeof started === 'string') await rm(started, { recursive: true, force: true });
  else if (started instanceof Server) await new Promise((closed) => started.close(closed));
  else if ('stop' in started) await started.stop();
  else if ('stopAll' in started) await started.stopAll();
  else await started.close();
}

/** The function {@link stopAfterEach} returns: passes a started thing through, to be stopped. */
export type StopLater = <T extends Started>(started: T) => T;

const polls = (started: Started) =>
  typeof started !== 'string' && ('stop' in started || 'stopAll' in started);

/**
 * After each test of the file that calls it, stops what the test passed to the returned function and
 * removes the temp folders passed as paths, so that a failing test leaves no server, timer or folder
 * behind: the services and profile runtimes first, so that none polls a closed simulator, then the
 * rest, the newest first.
 */
export function stopAfterEach(): StopLater {
  const pending: Started[] = [];
  afterEach(async () => {
    const newestFirst = pending.splice(0).reverse();
    for (const started of newestFirst.filter(polls)) await stop(started);
    for (const started of newestFirst.filter((started) => !polls(started))) await stop(started);
  });
  return (started) => {
    pending.push(started);
    return started;
  };
}
