import type { Settings } from '../../core/settings/settings-schema';

/** What `serve --demo` runs with: the show's profile, and a milestone its biggest room reaches. */
export const SERVE_DEMO_SETTINGS: Settings = { profile: { label: 'Demo' }, rules: { milestones: [5_000] } };
