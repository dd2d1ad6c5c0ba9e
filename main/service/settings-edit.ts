import { acceleratorProblem } from '../common/accelerator';
import type {
  AppSection,
  QuietHoursView,
  RuleSettings,
  SettingsPatch,
  WebhookInput,
  WebhookView,
} from '../contract/settings-api';
import { QuietHours } from '../core/alerts/quiet-hours';
import { redactUrl } from '../core/alerts/redact-url';
import type { WebhookSettings } from '../core/settings/settings-schema';

/** The settings the UI edits: the shared section of the settings file, and the tray app's own. */
export interface EditableSettings {
  rules: RuleSettings;
  webhooks: WebhookSettings[];
  quietHours: QuietHoursView | null;
  /** Null where there is no tray (`headcount serve`). */
  app: AppSection | null;
}

/** The webhooks as the UI may see them: URLs masked, secrets only said to exist. */
export function webhookViews(webhooks: readonly WebhookSettings[]): WebhookView[] {
  return webhooks.map((webhook, index) => ({
    id: String(index),
    name: webhook.name ?? null,
    format: webhook.format,
    maskedUrl: redactUrl(webhook.url),
    hasSecret: webhook.secret !== undefined,
    rules: webhook.rules ?? null,
    minSeverity: webhook.minSeverity ?? null,
  }));
}

/**
 * The settings after `patch`: each field present replaces its setting. A webhook without a new URL
 * must name a saved one by id, whose URL (and secret, unless a new one is given) it keeps. Throws,
 * in words, for a patch that cannot apply.
 */
export function applySettingsPatch(current: EditableSettings, patch: SettingsPatch): EditableSettings {
  const next: EditableSettings = { ...current };
  if (patch.rules) next.rules = patch.rules;
  if (patch.webhooks) next.webhooks = patch.webhooks.map((input) => webhookFrom(input, current.webhooks));
  if (patch.quietHours !== undefined) {
    // Checked as the alert pipeline will read them, so a bad time is refused here, not at the next alert.
    if (patch.quietHours) new QuietHours(patch.quietHours);
    next.quietHours = patch.quietHours;
  }
  if (patch.app) {
    if (!current.app) throw new Error('These settings belong to the tray app; this edition has no tray.');
    next.app = { ...current.app, ...patch.app };
    if (patch.app.shortcut !== undefined) next.app.shortcut = shortcutFrom(patch.app.shortcut);
  }
  return next;
}

/**
 * The shortcut to keep: trimmed, blank for none. A mistyped one is refused here, in words, rather
 * than saved and then failing at the OS, where the person would not see why.
 */
function shortcutFrom(accelerator: string | null): string | null {
  const wanted = accelerator?.trim() || null;
  const problem = wanted === null ? null : acceleratorProblem(wanted);
  if (problem) throw new Error(problem);
  return wanted;
}

function webhookFrom(input: WebhookInput, saved: readonly WebhookSettings[]): WebhookSettings {
  const kept = input.id === undefined ? undefined : saved[Number(input.id)];
  const url = input.url ?? kept?.url;
  if (!url) throw new Error('A new webhook needs its URL.');
  const secret = input.secret ?? (input.url === undefined ? kept?.secret : undefined);
  return {
    url,
    format: input.format,
    ...(input.name ? { name: input.name } : {}),
    ...(secret ? { secret } : {}),
    ...(input.rules ? { rules: input.rules } : {}),
    ...(input.minSeverity ? { minSeverity: input.minSeverity } : {}),
  };
}
