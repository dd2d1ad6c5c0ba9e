/**
 * The rules of one room, editable: thresholds above and below, and spike and drop as a percent and
 * a number of people. Save keeps them in the settings and applies them at once; Reset puts the
 * room back on the defaults. The fields take input once the saved rules are in them: typed before,
 * a value would be overwritten by the saved ones, and saved as them.
 */
import type { MonitorApi, RuleSettings } from '../../main/contract/monitor-api';
import { button, el, setText } from '../dom';
import type { Translator } from '../i18n/translator';
import { formValuesOf, RULE_FIELDS, type RulesFormValues, rulesOf } from './room-rules-values';

let nextId = 0;

/** The form in the room view. */
export class RoomRulesForm {
  readonly element = el('div', { class: 'rules-form' });
  private readonly inputs = new Map<keyof RulesFormValues, HTMLInputElement>();
  private readonly labels = new Map<keyof RulesFormValues, HTMLLabelElement>();
  private readonly status = el('p', { class: 'action-status', role: 'status' });
  private readonly save: HTMLButtonElement;
  private readonly reset: HTMLButtonElement;
  private rules: RuleSettings | null = null;

  constructor(
    private readonly api: Pick<MonitorApi, 'getRoomRules' | 'setRoomRules'>,
    private readonly key: string,
    private readonly tr: () => Translator,
  ) {
    const grid = el('div', { class: 'rules-grid' });
    for (const field of RULE_FIELDS) {
      const id = `rule-${field}-${++nextId}`;
      const label = el('label', { for: id });
      const input = el('input', { id, type: 'number', inputmode: 'numeric', min: '0', 'data-field': field });
      this.inputs.set(field, input);
      this.labels.set(field, label);
      grid.append(label, input);
    }
    this.save = button('', () => void this.store(), { class: 'primary rules-save' });
    this.reset = button('', () => void this.store(null), { class: 'rules-reset' });
    const actions = el('div', { class: 'action-bar' });
    actions.append(this.save, this.reset);
    this.element.append(grid, actions, this.status);
    this.translate();
    this.setEnabled(false);
    this.api.getRoomRules(key).then(
      (rules) => {
        this.fill(rules);
        this.setEnabled(true);
      },
      (error: unknown) => {
        // Not knowing the saved rules, the person may still set new ones.
        setText(this.status, this.tr().t('rules.failed', { reason: reasonOf(error) }));
        this.setEnabled(true);
      },
    );
  }

  private setEnabled(enabled: boolean): void {
    for (const control of [...this.inputs.values(), this.save, this.reset]) control.disabled = !enabled;
  }

  /** Writes the labels in the UI's language. */
  translate(): void {
    const tr = this.tr();
    for (const [field, label] of this.labels) setText(label, tr.t(`rules.${field}`));
    setText(this.save, tr.t('rules.save'));
    setText(this.reset, tr.t('rules.reset'));
  }

  private fill(rules: RuleSettings | null): void {
    this.rules = rules;
    const values = formValuesOf(rules);
    for (const [field, input] of this.inputs) {
      input.value = values[field];
      input.removeAttribute('aria-invalid');
    }
  }

  /** Saves the fields, or `null` for the defaults. */
  private async store(reset?: null): Promise<void> {
    const tr = this.tr();
    const values = Object.fromEntries(
      [...this.inputs].map(([field, input]) => [field, input.value]),
    ) as unknown as RulesFormValues;
    const checked = reset === null ? { ok: true as const, rules: null } : rulesOf(this.rules, values);
    for (const input of this.inputs.values()) input.removeAttribute('aria-invalid');
    if (!checked.ok) {
      const input = this.inputs.get(checked.field);
      input?.setAttribute('aria-invalid', 'true');
      input?.focus();
      setText(this.status, tr.t('rules.invalid', { field: tr.t(`rules.${checked.field}`) }));
      return;
    }
    try {
      await this.api.setRoomRules(this.key, checked.rules);
      this.fill(checked.rules);
      setText(this.status, tr.t(checked.rules === null ? 'rules.resetDone' : 'rules.saved'));
    } catch (error) {
      setText(this.status, tr.t('rules.failed', { reason: reasonOf(error) }));
    }
  }
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
