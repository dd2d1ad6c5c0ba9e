import type { Clock } from '../core/clock';
import type { HttpPost } from '../core/http-port';
import type { PushTarget } from '../core/push/push-target';
import { resolveEndpoint } from '../core/regions';
import { memoryRoomPush } from '../service/room-push';
import type { DemoStarter, EngineFactory, ProfileRecord } from '../service/service-ports';
import { type AudienceView, DEMO_PUSH, demoLabel, demoShow, startSimulator } from '../simulator';
import { createEngine } from './engine';

/** Engines for app profiles, wired for Node (the tray app's main process and `headcount serve`). */
export function profileEngineFactory(
  options: { ca?: string | undefined; wrapPost?: (post: HttpPost) => HttpPost; clock?: Clock } = {},
): EngineFactory {
  return (profile, secretKey, engineOptions) =>
    createEngine({
      connection: {
        sdkAppId: profile.sdkAppId,
        identifier: profile.identifier,
        secretKey,
        endpoint: resolveEndpoint({ region: profile.region, endpoint: profile.endpoint }),
      },
      ca: options.ca,
      wrapPost: options.wrapPost,
      ...(options.clock ? { clock: options.clock } : {}),
      intervalMs: (profile.intervalSeconds ?? 10) * 1000,
      ...(profile.maxRate === undefined ? {} : { maxRate: profile.maxRate }),
      userSigLifetimeSeconds: engineOptions?.userSigLifetimeSeconds,
    });
}

/** The demo show's rooms are labelled by their story; the show moves faster than real audiences. */
const DEMO_INTERVAL_SECONDS = 2;

/**
 * The demo profile: the built-in simulator playing its show, with its own credentials; one room
 * shows its count to its viewers, and what they see is read back from the simulator.
 */
export const startDemoProfile: DemoStarter = async () => {
  const rooms = demoShow();
  const simulator = await startSimulator({ rooms });
  const { groupId, via, key } = DEMO_PUSH;
  const profile: ProfileRecord = {
    id: 'demo',
    label: 'Demo',
    sdkAppId: simulator.credentials.sdkAppId,
    identifier: simulator.credentials.identifier,
    endpoint: simulator.baseUrl,
    intervalSeconds: DEMO_INTERVAL_SECONDS,
    rooms: rooms.map((room) => ({ groupId: room.groupId, label: demoLabel(room) })),
  };
  return {
    profile,
    secretKey: simulator.credentials.secretKey,
    close: () => simulator.close(),
    pushes: memoryRoomPush({ [groupId]: { via, key } }),
    viewers: (room, target) => ({ value: viewerValue(simulator.control.audience(room), target) }),
  };
};

/** The value a viewer reads under the target's key: the attribute, the counter, or the last message's data. */
export function viewerValue(audience: AudienceView, target: PushTarget): string | number | null {
  if (target.via === 'group-attr') return audience.attributes[target.key] ?? null;
  if (target.via === 'group-counter') return audience.counters[target.key] ?? null;
  return audience.messages.filter((message) => message.desc === target.key).at(-1)?.data ?? null;
}
