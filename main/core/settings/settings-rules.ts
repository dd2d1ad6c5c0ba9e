import type { RuleSettings } from '../alerts/rule-settings';
import { ConfigError } from '../config-error';
import { readDurationsInFile } from './duration-setting';
import { type RulesInFile, type Settings, settingsSchema } from './settings-schema';

/** Validates settings read from a file; a problem becomes a ConfigError naming the field. */
export function parseSettings(raw: unknown, where: string): Settings {
  const result = settingsSchema.safeParse(readDurationsInFile(raw ?? {}));
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `  ${issue.path.join('.') || '(top)'}: ${issue.message}`,
  );
  throw new ConfigError(`The settings in ${where} are not valid:\n${problems.join('\n')}`);
}

/** Rules as the engine takes them: durations in ms, only what the file set. */
export function toRuleSettings(rules: RulesInFile | undefined): RuleSettings {
  if (!rules) return {};
  const ms = (s: number | undefined) => (s === undefined ? undefined : s * 1000);
  const out: RuleSettings = {};
  for (const direction of ['above', 'below'] as const) {
    const t = rules[direction];
    if (t === undefined) continue;
    out[direction] = t && {
      threshold: t.threshold,
      ...(t.recoverAt === undefined ? {} : { recoverAt: t.recoverAt }),
      ...(t.forSeconds === undefined ? {} : { forMs: ms(t.forSeconds) as number }),
    };
  }
  for (const kind of ['spike', 'drop'] as const) {
    const c = rules[kind];
    if (c !== undefined)
      out[kind] = c && { percent: c.percent, people: c.people, windowMs: c.windowSeconds * 1000 };
  }
  if (rules.peak !== undefined) out.peak = rules.peak;
  if (rules.milestones !== undefined) out.milestones = rules.milestones;
  if (rules.failing !== undefined) {
    out.failing = rules.failing && {
      consecutive: rules.failing.consecutive,
      forMs: rules.failing.forSeconds * 1000,
    };
  }
  for (const flag of ['stale', 'closed', 'sessions', 'recovered'] as const) {
    if (rules[flag] !== undefined) out[flag] = rules[flag];
  }
  if (rules.repeatMinutes !== undefined) out.repeatMs = rules.repeatMinutes * 60_000;
  return out;
}

/** Per-room rules and labels from the settings. */
export function roomSettings(settings: Settings) {
  const roomRules: Record<string, RuleSettings> = {};
  const labels: Record<string, string> = {};
  for (const [groupId, room] of Object.entries(settings.rooms ?? {})) {
    if (room.rules) roomRules[groupId] = toRuleSettings(room.rules);
    if (room.label) labels[groupId] = room.label;
  }
  return { roomRules, labels };
}
