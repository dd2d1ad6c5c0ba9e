import { readDurationsInFile } from '../../common/duration-setting';
import type { RuleSettings } from '../../common/rule-settings';
import { ConfigError } from '../config-error';
import { type Settings, settingsSchema } from './settings-schema';

/** Validates settings read from a file; a problem becomes a ConfigError naming the field. */
export function parseSettings(raw: unknown, where: string): Settings {
  const result = settingsSchema.safeParse(readDurationsInFile(raw ?? {}));
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `  ${issue.path.join('.') || '(top)'}: ${issue.message}`,
  );
  throw new ConfigError(`The settings in ${where} are not valid:\n${problems.join('\n')}`);
}

/** Per-room rules and labels from the settings. */
export function roomSettings(settings: Settings) {
  const roomRules: Record<string, RuleSettings> = {};
  const labels: Record<string, string> = {};
  for (const [groupId, room] of Object.entries(settings.rooms ?? {})) {
    if (room.rules) roomRules[groupId] = room.rules;
    if (room.label) labels[groupId] = room.label;
  }
  return { roomRules, labels };
}
