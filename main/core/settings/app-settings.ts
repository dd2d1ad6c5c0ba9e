/**
 * The tray app's settings file: the settings shared with the headless edition (rules, rooms,
 * webhooks, quiet hours, notifications, snoozes) plus the app's own section: app profiles, their
 * encrypted keys, the tray, the popover and the look. Every app field has a default, so a missing
 * field is not an error.
 */
import { z } from 'zod';
import { durationNumber } from '../../common/duration-setting';
import { ConfigError } from '../config-error';
import { resolveEndpoint } from '../regions';
import { vaultRecordSchema } from '../vault/vault-record';
import { settingsSchema } from './settings-schema';

/** The tray app's overlay server listens here unless the streamer picks another port. */
export const DEFAULT_OVERLAY_PORT = 9421;

/** The version this build writes; {@link migrate} brings older files up to it. */
export const APP_SETTINGS_VERSION = 1;

const roomSchema = z.strictObject({
  groupId: z.string().min(1),
  label: z.string().min(1).optional(),
  pinned: z.boolean().optional(),
});

/** One app profile: which IM app, which admin account, where, which rooms. The key is in `vault`. */
export const profileSchema = z
  .strictObject({
    // Room keys are `${profileId}/${groupId}`, so an id holds no slash.
    id: z.string().regex(/^[^/\s]+$/, 'an id without spaces or "/"'),
    label: z.string().min(1),
    sdkAppId: z.number().int().positive(),
    identifier: z.string().min(1),
    region: z.string().min(1).optional(),
    endpoint: z.string().min(1).optional(),
    intervalSeconds: durationNumber('s').positive().optional(),
    maxRate: z.number().int().min(1).max(200).optional(),
    rooms: z.array(roomSchema).default([]),
  })
  .superRefine((profile, context) => {
    try {
      resolveEndpoint(profile);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      context.addIssue({ code: 'custom', message: error.message, path: ['region'] });
    }
  });

/** The app's own section, composed with the shared settings in {@link appSettingsSchema}. */
export const appSectionShape = {
  schemaVersion: z.literal(APP_SETTINGS_VERSION),
  profiles: z.array(profileSchema).default([]),
  /** Encrypted secret keys by profile id (the credential vault's records). */
  vault: z.record(z.string().min(1), vaultRecordSchema).default({}),
  tray: z
    .strictObject({
      /** The number in the tray: the sum over every room, or one room's count. */
      number: z.union([z.literal('sum'), z.strictObject({ roomKey: z.string().min(3) })]),
    })
    .default({ number: 'sum' }),
  /** An Electron accelerator that opens the popover from anywhere; null for none. */
  shortcut: z.string().min(1).nullable().default('CommandOrControl+Alt+H'),
  launchAtLogin: z.boolean().default(false),
  popover: z
    .strictObject({ width: z.number().int().min(280).max(2000), height: z.number().int().min(240).max(2000) })
    .default({ width: 380, height: 520 }),
  language: z.enum(['system', 'en', 'zh-CN']).default('system'),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  /**
   * The OBS overlay's loopback server: on only when the streamer turns it on; its token kept so a
   * link pasted into OBS works after a restart, until "make a new link" replaces it.
   */
  overlay: z
    .strictObject({
      on: z.boolean(),
      port: z.number().int().min(1024).max(65_535),
      token: z.string().min(16).max(200).optional(),
    })
    .default({ on: false, port: DEFAULT_OVERLAY_PORT }),
};

/** The whole file: shared settings and the app section. */
export const appSettingsSchema = z.strictObject({ ...settingsSchema.shape, ...appSectionShape });

/** The app's settings as read, with every default filled in. */
export type AppSettings = z.output<typeof appSettingsSchema>;
/** One app profile as read from the settings. */
export type ProfileSettings = z.output<typeof profileSchema>;

/** The settings of a first start, or after a file that could not be used was kept aside. */
export function defaultAppSettings(): AppSettings {
  return appSettingsSchema.parse({ schemaVersion: APP_SETTINGS_VERSION });
}
