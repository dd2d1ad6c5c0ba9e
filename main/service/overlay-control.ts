import type { OverlayChange, OverlayView } from '../contract/overlay-api';

/** What turns the OBS overlay on and off in an edition, and says how it stands. */
export interface OverlayControl {
  view(): Promise<OverlayView>;
  change(change: OverlayChange): Promise<OverlayView>;
}

/**
 * The overlay of `headcount serve`: served beside the dashboard while HEADCOUNT_OVERLAY_TOKEN is
 * set (null: it was not), fixed for the run.
 */
export function fixedOverlay(token: string | null): OverlayControl {
  const view: OverlayView = {
    switchable: false,
    on: token !== null,
    origin: null,
    token,
    port: null,
    problem: token === null ? { kind: 'no-token' } : null,
  };
  return {
    view: async () => view,
    change: async () => {
      throw new Error(
        'headcount serve takes its overlay token from HEADCOUNT_OVERLAY_TOKEN when it starts: set it and start serve again.',
      );
    },
  };
}
