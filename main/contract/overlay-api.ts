/**
 * The parts of the MonitorApi contract about the OBS overlay: types only, re-exported by
 * `monitor-api.ts`. The overlay token crosses to the UI (it opens overlay pages and nothing else,
 * and the UI already holds more than that); the secret key never does.
 */

/** Why the overlay cannot be reached, for the UI to say in its own language. */
export type OverlayProblem =
  /** `headcount serve` was started without HEADCOUNT_OVERLAY_TOKEN. */
  | { kind: 'no-token' }
  /** Another program listens on the port. */
  | { kind: 'port-in-use'; port: number }
  /** The server could not start for another reason, in English words. */
  | { kind: 'failed'; message: string };

/** The overlay as the room view shows it. */
export interface OverlayView {
  /** True in the tray app, whose loopback server the streamer turns on and off; false in serve. */
  switchable: boolean;
  /**
   * Whether the overlay is turned on: by the streamer in the tray app, by HEADCOUNT_OVERLAY_TOKEN in
   * serve. While `problem` is set, it is on but not served.
   */
  on: boolean;
  /**
   * Where OBS opens the pages while they are served, e.g. `http://127.0.0.1:9421`; null in serve,
   * which serves them beside the dashboard: at the dashboard's own origin, whatever address the
   * browser reached it on.
   */
  origin: string | null;
  /** The overlay token, while there is one. */
  token: string | null;
  /** The tray app's port, kept while the overlay is off; null in serve. */
  port: number | null;
  problem: OverlayProblem | null;
}

/** A change to the tray app's overlay: each field present applies. */
export interface OverlayChange {
  on?: boolean;
  /** The loopback port (1024 to 65535); a running server moves to it. */
  port?: number;
  /** Replaces the token, so links made before stop working. */
  newLink?: boolean;
}

/**
 * What an overlay page is sent of its room, first in the page itself and then as each Server-Sent
 * Event: `live`, a current count; `held`, a count that is not current (failing, stale, paused, not
 * watched yet) kept dimmed; `closed`, the room was disbanded. `online` is null only while the room
 * has never had a count; it is never 0 for want of one.
 */
export interface OverlayCount {
  online: number | null;
  /** How old the count was when sent, in ms. */
  ageMs: number | null;
  state: 'live' | 'held' | 'closed';
}
