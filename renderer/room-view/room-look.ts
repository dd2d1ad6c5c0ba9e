/** Tells the engine that a person has a room open, so it keeps that room fresh while it is open. */
import type { MonitorApi, RoomKey } from '../../main/contract/monitor-api';

/** The engine holds a look for 90 s: saying it again every minute keeps an open room held. */
const LOOK_AGAIN_MS = 60_000;

/** Says the room is looked at now and every minute until the returned function is called. */
export function lookWhileOpen(api: Pick<MonitorApi, 'lookAt'>, key: RoomKey): () => void {
  // Losing one of these only lets the room slow down for a while: nothing to tell the person.
  const say = () => void api.lookAt([key]).catch(() => {});
  say();
  const timer = setInterval(say, LOOK_AGAIN_MS);
  return () => clearInterval(timer);
}
